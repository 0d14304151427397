"""Frame time: the game's turn scene of a 6-player table with full weeks at 1920x1080.

Each repetition is a fresh child process that builds the scene (see ui_setup.py), draws 30
warm-up frames and then times FRAMES frames of the game's own loop step (`Window.step`) with the
scene marked dirty every frame, so every frame is fully redrawn and flipped.

Baseline (bench/baselines/bare_loop.py, same run, alternating with the game's repetitions): a
bare pygame-ce loop at the same size that fills the screen and blits as many card-sized
surfaces and text surfaces as the game's frame drew (counted in the game child by wrapping the
game's text renderer), then flips.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ChildFailed, not_measured, run_child, row  # noqa: E402

NAME = "frame"
TITLE = "frame time (turn scene, 6 players, 1920x1080)"
FRAMES = 600
WARMUP = 30
SIZE = (1920, 1080)
TARGET = "p99 <= 1.5x baseline and <= 8 ms"


def run(ctx) -> list[dict]:
    reps = ctx.reps(3, 2)  # 3 x (600 game + 600 baseline frames) keeps the run under 5 minutes on Xvfb
    frames = FRAMES
    game_med, game_p99, base_med, base_p99 = [], [], [], []
    counts = None
    try:
        for _ in range(reps):
            g = run_child(ctx, [__file__, "--child", "--frames", str(frames)], timeout=240)
            counts = g["counts"]
            game_med.append(g["median_ms"])
            game_p99.append(g["p99_ms"])
            b = run_child(ctx, ["bench/baselines/bare_loop.py", "--frames", str(frames), "--size",
                                f"{SIZE[0]}x{SIZE[1]}", "--cards", str(counts["cards"]), "--card-size",
                                f"{counts['card_w']}x{counts['card_h']}", "--texts", str(counts["texts"])],
                          timeout=240)
            base_med.append(b["median_ms"])
            base_p99.append(b["p99_ms"])
    except ChildFailed as exc:
        why = f"the turn scene could not be built or drawn ({exc})"
        return [not_measured(NAME, "frame median", why, "-"), not_measured(NAME, "frame p99", why, TARGET)]
    note = (f"{frames} frames/rep after {WARMUP} warm-up; per frame {counts['cards']} painted faces "
            f"({counts.get('card_faces', 0)} cards, the rest buttons), "
            f"{counts['texts']} text blits, {counts['widgets']} widgets; driver {g['driver']}; "
            f"pointer rests on a hand card (preview drawn)")
    p99 = sorted(game_p99)[len(game_p99) // 2]
    bp99 = sorted(base_p99)[len(base_p99) // 2]
    ok = p99 <= 1.5 * bp99 and p99 <= 8.0
    return [
        row(NAME, "frame median", "ms", game_med, base_med, target="(info)", ok=None, note=note),
        row(NAME, "frame p99", "ms", game_p99, base_p99, target=TARGET, ok=ok, limit=8.0),
    ]


# --------------------------------------------------------------------------- child


def child(frames: int) -> None:
    import pygame

    from ui_setup import mixes, open_turn_scene

    app, scene = open_turn_scene(SIZE)
    import game.ui.text as text_mod
    import game.ui.widgets as widgets_mod

    calls = [0]
    faces = []  # sizes of the pre-painted card and button faces the frame blits
    real = text_mod.render
    real_face = widgets_mod.blit_face

    def counting(*a, **k):
        calls[0] += 1
        return real(*a, **k)

    def counting_face(surface, rect, key, paint):
        faces.append(pygame.Rect(rect).size)
        return real_face(surface, rect, key, paint)

    for _ in range(2):  # the first frame paints the faces; the second is a frame like all others
        calls[0], faces[:] = 0, []
        text_mod.render = counting
        widgets_mod.render = counting
        widgets_mod.blit_face = counting_face
        scene.dirty = True
        app.step(pygame.event.get(), 1 / 60)
        text_mod.render = real
        widgets_mod.render = real
        widgets_mod.blit_face = real_face
    cards = [w for w in scene.widgets if w.kind == "card"]
    # The baseline blits as many surfaces as the game blits faces, of the faces' mean size, so
    # both loops move the same number of pixels.
    mean_w = round(sum(w for w, _ in faces) / len(faces)) if faces else 200
    mean_h = round(sum(h for _, h in faces) / len(faces)) if faces else 280
    counts = {"texts": calls[0], "cards": len(faces) or len(cards), "card_faces": len(cards),
              "widgets": len(scene.widgets), "card_w": mean_w, "card_h": mean_h, "mixes": mixes(app)}
    for _ in range(WARMUP):
        scene.dirty = True
        app.step(pygame.event.get(), 1 / 60)
    times = []
    clock = time.perf_counter
    for _ in range(frames):
        t0 = clock()
        scene.dirty = True
        app.step(pygame.event.get(), 1 / 60)
        times.append((clock() - t0) * 1000)
    from common import percentile

    out = {"median_ms": percentile(times, 50), "p99_ms": percentile(times, 99), "max_ms": max(times),
           "counts": counts, "driver": pygame.display.get_driver()}
    pygame.quit()
    print(json.dumps(out))


if __name__ == "__main__":
    if "--child" in sys.argv:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        child(int(sys.argv[sys.argv.index("--frames") + 1]))
