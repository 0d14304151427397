"""Deck folders -> validated core Deck objects; the checker and its messages."""

from .checker import run_check
from .errors import DeckError, DeckLoadError, format_problem
from .library import builtin_deck_paths, find_deck
from .loader import check_deck, load_deck

__all__ = [
    "DeckError",
    "DeckLoadError",
    "builtin_deck_paths",
    "check_deck",
    "find_deck",
    "format_problem",
    "load_deck",
    "run_check",
]
