"""The rules of the game: plain data and pure functions, standard library only.

The function `replay` is imported from `game.core.replay`: a package attribute cannot share a
name with one of its modules.
"""

from .actions import Action, BadAction, Invalid
from .deck import Card, Combo, Deck, Text
from .effects import KINDS as EFFECT_KINDS, Effect
from .replay import can_undo, undo
from .rules import apply, legal_types, new_game
from .scoring import fits, quadrant, score
from .state import GameState, PlayerState, card_of
from .summary import Summary, summarize

__all__ = [
    "Action", "BadAction", "Card", "Combo", "Deck", "EFFECT_KINDS", "Effect", "GameState", "Invalid", "PlayerState",
    "Text", "apply", "can_undo", "card_of", "fits", "legal_types", "new_game", "quadrant", "score", "summarize",
    "undo", "Summary",
]
