"""The monkey: random clicks, taps, drags, keys, text and resizes through the real scenes.

After every event the app checks that no card is lost or duplicated, no move pushes a week past
its hours, and every score stays within 0-100 (game.ui.drivers.monkey.InvariantChecker); any exception
fails the run. CI plays a short profile; the long profile (100,000 events over every built-in
deck, solo and 6 players) is `BBB_MONKEY_EVENTS=16667 pytest tests/reliability/test_monkey.py`
(see docs/reliability.md).
"""

import os
import subprocess
import sys

import pytest

from game.content import builtin_deck_paths

EVENTS = int(os.environ.get("BBB_MONKEY_EVENTS", "300"))
DECKS = [p.name for p in builtin_deck_paths()]


@pytest.mark.parametrize("players", ["--solo", "6"], ids=["solo", "six-players"])
@pytest.mark.parametrize("deck", DECKS)
def test_random_input_never_breaks_the_game(tmp_path, deck, players):
    table = ["--solo"] if players == "--solo" else ["--players", players]
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    cmd = [sys.executable, "-m", "game", "play", "--monkey", str(EVENTS), "--seed", f"{deck}-{players}",
           "--deck", deck, *table, "--data-dir", str(tmp_path), "--size", "1280x720"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60 + EVENTS * 0.1)
    assert done.returncode == 0, done.stderr[-3000:]
