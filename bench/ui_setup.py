"""Builds the game's turn scene for the UI benchmarks (runs inside a child process).

A 6-player table on the core deck, played by the bots up to a turn in the last round so every
player's week (mix) is full, shown by the game's own Window and TurnScene at the asked size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PLAYERS = ["Ada", "Bram", "Cas", "Dewi", "Eva", "Fleur"]
STYLES = ["balanced", "social", "personal", "balanced", "social", "personal"]


def play_to_full_table(deck, seed: int = 1):
    """A Session of 6 players at the turn with the most cards on the table.

    The bots play the whole game; of every turn (no dilemma pending) the one with the most
    cards in all six weeks, then in the current player's week, hand and the market, is kept.
    """
    from game.core.bots import choose
    from game.session import Session

    session = Session.start(deck, PLAYERS, rounds=4, seed=seed, lang="nl")
    best, best_key = None, None
    for _ in range(5000):
        s = session.state
        if s.phase == "turn" and not s.dilemma:
            key = (sum(len(p.mix) for p in s.players), len(s.player.mix) + len(s.player.hand) + len(s.market))
            if best_key is None or key > best_key:
                best, best_key = s, key
        action = choose(deck, s, STYLES)
        if action is None:
            break
        if session.act(action) is not None:
            raise RuntimeError(f"bot action refused: {action}")
    if best is None:
        raise RuntimeError("the bots reached no turn")
    session.state = best
    session.save.log = best.log
    return session


def open_turn_scene(size=(1920, 1080)):
    """(window, scene): the game's Window with a TurnScene on top, drawn once."""
    from game.content import find_deck, load_deck
    from game.ui.app import open_window

    data = tempfile.mkdtemp(prefix="bbb-bench-")
    args = argparse.Namespace(size=f"{size[0]}x{size[1]}", data_dir=data, lang="nl", fullscreen=False,
                              autoplay=False, monkey=None, seed="1", screenshots=None, ui_scale=None,
                              high_contrast=False, reduced_motion=False, pace=0.0, export=False,
                              resume=False, deck=None, players=None, solo=False, rounds=None, voice=False)
    deck = load_deck(find_deck("breder-belang"))
    app = open_window(args)
    controller = app.controller
    controller.session = play_to_full_table(deck)
    controller.session.autosave_path = None  # the idle benchmark must not measure disk writes it caused
    controller.confirm_handover(controller.route().key)  # the hand-over was confirmed: the turn shows
    scene = app.top
    assert scene.name == "turn", scene.name
    hand = [w for w in scene.widgets if w.kind == "card" and w.data.get("zone") == "hand"]
    if hand:  # the pointer rests on a hand card: the preview meters and card text are drawn too
        scene.hover_id = hand[0].id
    app.draw()
    return app, scene


def mixes(app) -> list[int]:
    return [len(p.mix) for p in app.controller.session.state.players]


if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    app, scene = open_turn_scene()
    print(mixes(app), [w.id for w in scene.widgets])
    import pygame
    pygame.image.save(app.surface, "/tmp/bench-turn.png")
