"""The rules of the game: plain data and pure functions, standard library only.

Names load their module on first use (see game.lazy), so a window opens before the rules load.
The function `replay` is imported from `game.core.replay`: a package attribute cannot share a
name with one of its modules.
"""

from ..lazy import lazy_names

_WHERE = {
    "Invalid": "actions", "Card": "deck", "Combo": "deck", "Deck": "deck", "Text": "deck",
    "can_undo": "replay", "undo": "replay", "apply": "rules",
    "legal_types": "rules", "new_game": "rules", "fits": "scoring", "quadrant": "scoring",
    "score": "scoring", "GameState": "state", "PlayerState": "state", "card_of": "state",
    "Summary": "summary", "summarize": "summary",
}
__all__ = sorted(_WHERE)
__getattr__ = lazy_names(__name__, _WHERE)
