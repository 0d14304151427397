"""Idle: CPU use while the turn scene waits for input.

A child builds the turn scene (see ui_setup.py), prints READY and runs the game's own loop
(`Window.run_loop`, not autoplay, no events). The parent reads the child's user+system CPU time
from /proc/PID/stat at READY and after IDLE_SECONDS, then sends SIGTERM (SDL turns it into a
quit event). CPU share = CPU seconds / wall seconds, in % of one core. The limit is absolute;
beside it, as information, the same measurement of bench/baselines/bare_wait.py (a bare window
in pygame.event.wait(5000)) shows the floor that pygame-ce/SDL's own waiting costs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, child_env, not_measured, proc_cpu_seconds, row  # noqa: E402

NAME = "idle"
TITLE = "idle CPU, turn scene waiting"
TARGET = "<= 2 % of one core"
IDLE_SECONDS = 10.0
LIMIT = 2.0


def _one(ctx, seconds: float, script: str = __file__) -> tuple[float, str]:
    proc = subprocess.Popen([PYTHON, script, "--child"], cwd=ROOT, env=child_env(ctx), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        driver = ""
        while True:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("the child ended before its loop ran: "
                                   + " | ".join(proc.stderr.read().strip().splitlines()[-4:]))
            if line.startswith("READY"):
                driver = line.split()[1] if len(line.split()) > 1 else ""
                break
        time.sleep(0.5)  # let the first wait begin
        c0, w0 = proc_cpu_seconds(proc.pid), time.monotonic()
        time.sleep(seconds)
        c1, w1 = proc_cpu_seconds(proc.pid), time.monotonic()
        if proc.poll() is not None:
            raise RuntimeError(f"the game loop ended by itself (exit {proc.returncode})")
        return 100.0 * (c1 - c0) / (w1 - w0), driver
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def run(ctx) -> list[dict]:
    reps = ctx.reps(2, 1)
    seconds = IDLE_SECONDS
    values, base = [], []
    try:
        for _ in range(reps):
            v, driver = _one(ctx, seconds)
            values.append(v)
            base.append(_one(ctx, seconds, "bench/baselines/bare_wait.py")[0])
    except RuntimeError as exc:
        return [not_measured(NAME, "idle CPU", str(exc), TARGET)]
    med = sorted(values)[len(values) // 2]
    return [row(NAME, "idle CPU", "% core", values, base, target=TARGET, ok=med <= LIMIT, limit=LIMIT,
                note=f"{seconds:.0f} s per rep of Window.run_loop with no input; driver {driver}; /proc/PID/stat utime+stime; baseline = bare pygame.event.wait(5000) loop (information, the limit is absolute)")]


def child() -> None:
    import pygame

    from ui_setup import open_turn_scene

    app, scene = open_turn_scene((1920, 1080))
    scene.hover_id = None  # nobody points at anything: a plain wait
    app._needs_draw = True
    print("READY", pygame.display.get_driver(), flush=True)
    try:
        app.run_loop()
    finally:
        pygame.quit()


if __name__ == "__main__":
    if "--child" in sys.argv:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        child()
