"""The rules of the game: plain data and pure functions, standard library only."""

from .actions import Invalid
from .deck import Card, Combo, Deck, Text
from .replay import can_undo, replay, undo
from .rules import apply, legal_types, new_game
from .scoring import fits, quadrant, score
from .state import GameState, PlayerState, card_of
from .summary import Summary, summarize

__all__ = [
    "Invalid", "Card", "Combo", "Deck", "Text", "can_undo", "replay", "undo", "apply",
    "legal_types", "new_game", "fits", "quadrant", "score", "GameState", "PlayerState",
    "card_of", "Summary", "summarize",
]
