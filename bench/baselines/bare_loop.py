"""Baseline of the frame-time benchmark: a bare pygame-ce loop, no game code.

Opens a window of --size, pre-renders --cards card-sized surfaces (a rounded rectangle with a
border) and --texts text surfaces (pygame's default font, cached as the game caches its text),
then times --frames frames of: fill, blit every card, blit every text, flip. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

WARMUP = 30


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, default=600)
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--cards", type=int, default=16)
    ap.add_argument("--card-size", default="180x250")
    ap.add_argument("--texts", type=int, default=150)
    a = ap.parse_args()
    w, h = (int(x) for x in a.size.split("x"))
    cw, ch = (int(x) for x in a.card_size.split("x"))

    import pygame

    pygame.init()
    screen = pygame.display.set_mode((w, h), pygame.RESIZABLE)
    card = pygame.Surface((cw, ch))
    card.fill((245, 240, 230))
    pygame.draw.rect(card, (240, 232, 215), card.get_rect(), border_radius=12)
    pygame.draw.rect(card, (120, 100, 80), card.get_rect(), 2, border_radius=12)
    font = pygame.font.Font(None, 28)
    texts = [font.render(f"+{i % 3} Plezier & uitdaging {i}", True, (30, 30, 30)) for i in range(a.texts)]
    cols = max(1, (w - 40) // (cw + 10))
    card_pos = [(20 + (i % cols) * (cw + 10), 100 + (i // cols) * (ch + 10) % max(1, h - ch)) for i in range(a.cards)]
    text_pos = [(20 + (i * 137) % max(1, w - 300), 20 + (i * 29) % max(1, h - 40)) for i in range(a.texts)]

    def frame() -> None:
        pygame.event.pump()
        screen.fill((246, 241, 232))
        for pos in card_pos:
            screen.blit(card, pos)
        for surf, pos in zip(texts, text_pos):
            screen.blit(surf, pos)
        pygame.display.flip()

    for _ in range(WARMUP):
        frame()
    times = []
    for _ in range(a.frames):
        t0 = time.perf_counter()
        frame()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()

    def pct(p):
        k = (len(times) - 1) * p / 100
        lo = int(k)
        hi = min(lo + 1, len(times) - 1)
        return times[lo] + (times[hi] - times[lo]) * (k - lo)

    out = {"median_ms": pct(50), "p99_ms": pct(99), "max_ms": times[-1], "driver": pygame.display.get_driver()}
    pygame.quit()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
