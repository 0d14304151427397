"""Baseline shown beside the idle benchmark: a bare pygame-ce window that only waits for input.

Opens a 1920x1080 window, presents one frame, prints READY and then loops on
pygame.event.wait(5000) (the game's idle wait) until it gets a quit event (SIGTERM). What this
costs is the floor that pygame-ce and SDL themselves put under any waiting game.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

pygame.init()
screen = pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
screen.fill((246, 241, 232))
pygame.display.flip()
print("READY", pygame.display.get_driver(), flush=True)
running = True
while running:
    event = pygame.event.wait(5000)
    if event.type == pygame.QUIT:
        running = False
pygame.quit()
