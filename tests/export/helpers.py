"""Finished games to export: the small in-code deck, and the built-in class deck."""

from __future__ import annotations

import functools

from game.core import summarize
from game.core.bots import play_game
from tests.core.decks import make_deck, role, task
from game.core.deck import Combo, Text

STYLES = ("personal", "social", "balanced", "random")


def t(s: str) -> Text:
    return Text.of({"nl": s, "en": s})


@functools.lru_cache(maxsize=None)
def export_deck():
    """The test deck with a combination and real prompt texts, so every part of a handout shows."""
    cards = [role("verpleegkundige", 24, {"groei": 1, "plezier": 1}, {"zorg": 3}, tags=("zorg",)),
             task("mantelzorg", 6, {"balans": -1, "plezier": 1}, {"zorg": 2}, tags=("zorg",)),
             role("influencer", 20, {"plezier": 3, "groei": 1}, {}, tags=("media",)),
             task("bijles", 4, {"groei": 1}, {"onderwijs": 2}, tags=("onderwijs",))]
    combos = [Combo("zorg-dichtbij", t("Zorg dichtbij"), t("Werk en mantelzorg versterken elkaar."),
                    ("verpleegkundige", "tag:zorg"))]
    return make_deck(cards, combos)


def finished(names, seed=0, styles=STYLES, rounds=3, deck=None):
    deck = deck or export_deck()
    state = play_game(deck, list(names), list(styles), seed=seed, rounds=rounds)
    return deck, state, summarize(deck, state)


def setup_of(state, lang="nl"):
    return {"names": [p.name for p in state.players], "rounds": state.rounds, "seed": state.seed,
            "mode": state.mode, "lang": lang}


def builtin_class_deck():
    """The built-in LOB deck (a deck that does not load fails the test that asked for it)."""
    from game.content import find_deck, load_deck

    return load_deck(find_deck("lob-klas"))
