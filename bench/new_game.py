"""New game: a click on "Nieuw spel" -> the setup screen presented (flipped).

A child process (a fresh one per repetition: no deck was read before) opens the game's own window
on its title screen, as `bbb play` does, and runs its loop. It waits as a player reading the title
would (READ_S after the first frame), clicks "Nieuw spel" through the event queue, and measures
until the frame that shows the setup screen is flipped: the setup screen needs every built-in deck
(their titles and descriptions), which the title screen starts reading in the background.

A second row clicks at once after the first frame (nobody reads that fast): what is left of the
deck loading then shows. No baseline: the target is absolute.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, child_env, not_measured, row  # noqa: E402

NAME = "new-game"
TITLE = "click Nieuw spel -> setup screen drawn"
TARGET = "<= 250 ms"
LIMIT_MS = 250.0
READ_S = 1.5  # how long a player looks at the title before clicking (a fast one)


def child(read_s: float) -> None:
    sys.path.insert(0, str(ROOT))
    import pygame

    from game.__main__ import build_parser

    args = build_parser().parse_args(["play", "--data-dir", tempfile.mkdtemp(prefix="bbb-bench-"),
                                      "--size", "1280x720"])
    try:
        from game.ui.app import open_window
    except ImportError:  # the game before its window and controller were split (for a before/after)
        from game.ui.app import App

        window = App(args)
        window.to_title()
        window.wait_for_events = window._wait_for_events
    else:
        window = open_window(args)
    window.step(pygame.event.get(), 1 / 60)  # the title's first frame
    end = time.perf_counter() + read_s
    while time.perf_counter() < end:  # the game's loop, idle, as while a player reads
        window.step(window.wait_for_events(), 1 / 60)
    button = window.top.widget("new")
    flips = []
    real_flip = pygame.display.flip

    def flip(*a, **k):
        real_flip(*a, **k)
        flips.append((time.perf_counter(), window.top.name))

    pygame.display.flip = flip
    pos = button.rect.center
    t0 = time.perf_counter()
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False))
    while not any(name == "setup" for _, name in flips) and time.perf_counter() - t0 < 30:
        window.step(window.wait_for_events(), 1 / 60)
    shown = next(t for t, name in flips if name == "setup")
    print(json.dumps({"ms": (shown - t0) * 1000, "driver": pygame.display.get_driver()}))
    pygame.quit()


def _one(ctx, read_s: float) -> tuple[float, str]:
    done = subprocess.run([PYTHON, __file__, "--child", str(read_s)], cwd=ROOT, env=child_env(ctx),
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(" | ".join(done.stderr.strip().splitlines()[-4:]))
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return out["ms"], out["driver"]


def run(ctx) -> list[dict]:
    reps = ctx.reps(5, 2)
    try:
        read, driver = zip(*[_one(ctx, READ_S) for _ in range(reps)])
        hurried = [_one(ctx, 0.0)[0] for _ in range(reps)]
    except (RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
        return [not_measured(NAME, TITLE, str(exc), TARGET)]
    med = sorted(read)[len(read) // 2]
    note = (f"fresh process per rep; click {READ_S} s after the title's first frame; until the setup frame is "
            f"flipped; driver {driver[0]}")
    return [row(NAME, TITLE, "ms", list(read), target=TARGET, ok=med <= LIMIT_MS, limit=LIMIT_MS, note=note),
            row(NAME, "same, clicked at the first frame", "ms", hurried, target="(info)", ok=None,
                note="what is left of reading the decks when nobody reads the title")]


if __name__ == "__main__" and len(sys.argv) > 2 and sys.argv[1] == "--child":
    child(float(sys.argv[2]))
