"""Shared helpers for the deck-authoring tests: the built-in decks (skipped while they do not load yet)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from game.content import DeckLoadError, load_deck
from game.paths import decks_dir

BUILTIN = ("breder-belang", "lob-klas", "lob-onderbouw", "lob-bovenbouw", "werkenden")
EXAMPLE_DECK = Path(__file__).parent / "example-deck"
DOC = Path(__file__).resolve().parents[2] / "docs" / "deck-authoring.md"


def builtin_deck(deck_id: str):
    """The loaded built-in deck, or a skip when it does not exist or does not load yet."""
    folder = decks_dir() / deck_id
    if not (folder / "deck.yaml").is_file():
        pytest.skip(f"built-in deck {deck_id} does not exist yet")
    try:
        return load_deck(folder)
    except DeckLoadError as e:
        pytest.skip(f"built-in deck {deck_id} does not load yet ({len(e.problems)} problems)")


def comparable(deck):
    """A deck with the fields that name its files cleared, for field-by-field comparison."""
    return dataclasses.replace(deck, source="", fingerprint="")
