"""Finding decks: the built-in deck folders, and a deck named by folder path or built-in id."""

from __future__ import annotations

from pathlib import Path

from game.paths import decks_dir

from .errors import FILE_START, DeckError, DeckLoadError
from .messages import msg
from .schema import ID_PATTERN


def builtin_deck_paths() -> list[Path]:
    """Every folder in decks_dir() that holds a deck.yaml, sorted by name."""
    root = decks_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "deck.yaml").is_file())


def find_deck(id_or_path: str) -> Path:
    """A deck folder given as a path, or the folder of the built-in deck with that id."""
    given = Path(id_or_path)
    if given.is_dir():
        return given
    if ID_PATTERN.fullmatch(id_or_path):
        builtin = decks_dir() / id_or_path
        if (builtin / "deck.yaml").is_file():
            return builtin
    known = ", ".join(p.name for p in builtin_deck_paths()) or "none"
    message = msg("not_a_deck", known=known)
    raise DeckLoadError([DeckError(id_or_path, FILE_START[0], FILE_START[1], "deck", "", str(message), words=message)])
