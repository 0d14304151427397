"""Simulation: solo games per second with the balanced bot on the core deck, one core.

Each repetition plays as many whole solo games (game.core.bots.play_game, 4 rounds, a new seed
per game) as fit in SECONDS in this process (single-threaded, so one core) and reports
games / wall second. No baseline: the target is absolute.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, not_measured, row  # noqa: E402

NAME = "simulation"
TITLE = "solo games/s, balanced bot"
TARGET = ">= 200 games/s"
LIMIT = 200.0


def run(ctx) -> list[dict]:
    sys.path.insert(0, str(ROOT))
    try:
        from game.content import find_deck, load_deck
        from game.core.bots import play_game
    except ImportError as exc:
        return [not_measured(NAME, "solo games/s", f"cannot import the core: {exc}", TARGET)]
    deck = load_deck(find_deck("breder-belang"))
    seconds = 1.0 if ctx.quick else 2.0
    reps = ctx.reps(5, 2)
    seed = 0
    for _ in range(20):  # warm-up
        play_game(deck, ["Solo"], "balanced", seed=seed)
        seed += 1
    values = []
    for _ in range(reps):
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            play_game(deck, ["Solo"], "balanced", seed=seed)
            seed += 1
            n += 1
        values.append(n / (time.perf_counter() - t0))
    med = sorted(values)[len(values) // 2]
    return [row(NAME, "solo games/s", "games/s", values, target=TARGET, ok=med >= LIMIT, limit=LIMIT,
                note=f"{seconds:.0f} s per rep, a new seed per game, 4 rounds")]
