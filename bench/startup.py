"""Start-up: process start -> the first title frame presented (flipped).

The parent reads CLOCK_MONOTONIC (one clock for all processes) just before it starts the child;
the child writes the same clock to a marker file when its first frame is flipped. The
difference is the start-up time.

How the game's first frame is marked:
- when the game supports BBB_BENCH_FIRST_FRAME=path (it writes the clock there when it flips its
  first frame), the child is the real `python -m game play` and the benchmark ends it after the
  marker appears;
- otherwise (the "probe" mode) the child is this file with --child: it wraps
  pygame.display.flip so that the first flip writes the marker and ends the process, then calls
  the real entry point `game.__main__.main(["play", ...])`. The only difference from
  `python -m game` is this wrapper (a few lines, no extra imports: pygame is imported by the game
  anyway).

Baseline (same run, alternating): bench/baselines/bare_window.py opens the same window size and
presents one frame.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

# --------------------------------------------------------------------------- child (probe mode)
# Defined and started before anything else is imported, so the probe costs the game nothing extra.


def child(marker: str, argv: list[str]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import pygame

    real_flip = pygame.display.flip

    def flip_and_mark(*a, **k):
        real_flip(*a, **k)
        now = time.clock_gettime(time.CLOCK_MONOTONIC)
        with open(marker + ".tmp", "w") as f:
            f.write(repr(now))
        os.replace(marker + ".tmp", marker)
        os._exit(0)

    pygame.display.flip = flip_and_mark
    from game.__main__ import main

    main(["play", *argv])


if __name__ == "__main__" and len(sys.argv) > 2 and sys.argv[1] == "--child":
    child(sys.argv[2], sys.argv[3:])

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, child_env, monotonic, not_measured, row  # noqa: E402

NAME = "startup"
TITLE = "start-up to first title frame"
TARGET = "<= 2x baseline"
SIZE = "1280x720"  # the game's default window
HOOK = "BBB_BENCH_FIRST_FRAME"


def game_has_hook() -> bool:
    for path in (ROOT / "game").rglob("*.py"):
        try:
            if HOOK in path.read_text(encoding="utf-8"):
                return True
        except OSError:
            pass
    return False


def _time_child(ctx, cmd: list[str], marker: Path, env: dict, wait_exit: bool, timeout: float = 60.0) -> float:
    if marker.exists():
        marker.unlink()
    t0 = monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=child_env(ctx, **env), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        while not marker.exists() or not marker.read_text().strip():
            if proc.poll() is not None and not marker.exists():
                raise RuntimeError(f"exited {proc.returncode} before its first frame: "
                                   + " | ".join((proc.stderr.read() or "").strip().splitlines()[-4:]))
            if time.monotonic() > deadline:
                raise RuntimeError(f"no first frame within {timeout:.0f} s")
            time.sleep(0.002)
        t1 = float(marker.read_text())
    finally:
        if wait_exit:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        else:
            proc.terminate()  # SDL turns SIGTERM into a quit event
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return (t1 - t0) * 1000


def run(ctx) -> list[dict]:
    reps = ctx.reps(7, 3)
    marker = ctx.tmp / "first-frame"
    hook = game_has_hook()
    data = ctx.tmp / "startup-data"
    data.mkdir(exist_ok=True)
    if hook:
        game_cmd = [PYTHON, "-m", "game", "play", "--data-dir", str(data), "--size", SIZE]
        game_env = {HOOK: str(marker)}
        how = f"real `python -m game play` with {HOOK}"
    else:
        game_cmd = [PYTHON, __file__, "--child", str(marker), "--data-dir", str(data), "--size", SIZE]
        game_env = {}
        how = (f"probe: the game has no {HOOK} hook yet, so bench/startup.py wraps pygame.display.flip and "
               f"calls game.__main__.main(['play', ...]); first flip = marker")
    base_cmd = [PYTHON, "bench/baselines/bare_window.py", "--size", SIZE, "--marker", str(marker)]
    game, base = [], []
    try:
        # one untimed run each, so the first timed one does not pay for a cold disk cache alone
        _time_child(ctx, base_cmd, marker, {}, True)
        _time_child(ctx, game_cmd, marker, game_env, not hook)
        for _ in range(reps):
            base.append(_time_child(ctx, base_cmd, marker, {}, True))
            game.append(_time_child(ctx, game_cmd, marker, game_env, not hook))
    except RuntimeError as exc:
        return [not_measured(NAME, "start-up", f"the game did not present a first frame: {exc}", TARGET)]
    gm = sorted(game)[len(game) // 2]
    bm = sorted(base)[len(base) // 2]
    return [row(NAME, "start-up", "ms", game, base, target=TARGET, ok=gm <= 2 * bm,
                note=f"window {SIZE}, warm disk cache; {how}")]


