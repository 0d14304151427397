"""Baseline of the start-up and memory benchmarks: a bare pygame-ce script, no game code.

Opens a resizable window of --size (the game's window), fills it, presents one frame, and
writes CLOCK_MONOTONIC at that moment to --marker (the same marker the game's start-up probe
writes). With --hold SECONDS it keeps the window open that long, pumping events, before it quits.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--marker")
    ap.add_argument("--hold", type=float, default=0.0)
    a = ap.parse_args()
    w, h = (int(x) for x in a.size.split("x"))

    import pygame

    pygame.init()
    screen = pygame.display.set_mode((w, h), pygame.RESIZABLE)
    pygame.display.set_caption("bare window")
    screen.fill((246, 241, 232))
    pygame.display.flip()
    now = time.clock_gettime(time.CLOCK_MONOTONIC)
    if a.marker:
        with open(a.marker + ".tmp", "w") as f:
            f.write(repr(now))
        os.replace(a.marker + ".tmp", a.marker)
    end = now + a.hold
    while time.clock_gettime(time.CLOCK_MONOTONIC) < end:
        pygame.event.pump()
        time.sleep(0.01)
    pygame.quit()


if __name__ == "__main__":
    main()
