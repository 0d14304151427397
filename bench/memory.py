"""Memory: peak resident memory (ru_maxrss from wait4) of a child that plays a 6-player game.

The child is the real `python -m game play --autoplay --players 6 --seed 1 --size 1920x1080`
with a scratch data folder; its rusage comes from os.wait4, so nothing inside the game is
changed. Baseline (same run): bench/baselines/bare_window.py at the same size, holding its window
open for a second.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, child_env, not_measured, row  # noqa: E402

NAME = "memory"
TITLE = "peak RSS, 6-player autoplay game"
TARGET = "<= 1.5x baseline"
LIMIT_RATIO = 1.5  # a bare pygame-ce window of the same size, in the same run
TIMEOUT = 150.0


def _peak(ctx, cmd: list[str], timeout: float) -> tuple[float, float, int]:
    """(peak MiB, seconds, exit status) of one child."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=child_env(ctx), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - t0 > timeout:
            proc.kill()
            killed = True
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
    seconds = time.monotonic() - t0
    if killed:
        raise TimeoutError(f"still running after {timeout:.0f} s (peak so far {usage.ru_maxrss / 1024:.0f} MiB)")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        err = proc.stderr.read().decode(errors="replace").strip().splitlines()[-4:]
        raise RuntimeError(f"exit {code}: " + " | ".join(err))
    return usage.ru_maxrss / 1024, seconds, code


def run(ctx) -> list[dict]:
    reps = ctx.reps(3, 1)
    data = ctx.tmp / "memory-data"
    game_cmd = [PYTHON, "-m", "game", "play", "--autoplay", "--players", "6", "--seed", "1",
                "--size", "1920x1080", "--data-dir", str(data)]
    base_cmd = [PYTHON, "bench/baselines/bare_window.py", "--size", "1920x1080", "--hold", "1"]
    game, base, secs = [], [], []
    try:
        for _ in range(reps):
            base.append(_peak(ctx, base_cmd, 60)[0])
            mb, s, _ = _peak(ctx, game_cmd, TIMEOUT)
            game.append(mb)
            secs.append(s)
    except (TimeoutError, RuntimeError) as exc:
        return [not_measured(NAME, "peak RSS", f"the autoplay game did not finish: {exc}", TARGET)]
    gm = sorted(game)[len(game) // 2]
    bm = sorted(base)[len(base) // 2]
    return [row(NAME, "peak RSS", "MiB", game, base, target=TARGET, ok=gm <= LIMIT_RATIO * bm,
                note=f"ru_maxrss of the whole game process; game took {min(secs):.1f}-{max(secs):.1f} s")]
