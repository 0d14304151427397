"""Shared helpers for the deck-authoring tests: the built-in decks."""

from __future__ import annotations

import dataclasses
from pathlib import Path


from game.content import load_deck
from game.paths import decks_dir

BUILTIN = ("breder-belang", "lob-klas", "lob-onderbouw", "lob-bovenbouw", "werkenden")
EXAMPLE_DECK = Path(__file__).parent / "example-deck"
DOC = Path(__file__).resolve().parents[2] / "docs" / "deck-authoring.md"


def builtin_deck(deck_id: str):
    """The loaded built-in deck; a built-in deck that is missing or broken fails the test."""
    return load_deck(decks_dir() / deck_id)


def comparable(deck):
    """A deck with the fields that name its files cleared, for field-by-field comparison."""
    return dataclasses.replace(deck, source="", fingerprint="")
