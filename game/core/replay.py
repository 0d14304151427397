"""Replay and undo: the initial state plus the log is the whole game."""

from __future__ import annotations

from .actions import Invalid
from .deck import Deck
from .rules import apply
from .state import GameState, Json


def replay(deck: Deck, initial: GameState, log: list[Json]) -> GameState | Invalid:
    """Apply every logged action to the initial state; Invalid names the first that fails."""
    state = initial
    for number, action in enumerate(log):
        nxt = apply(deck, state, action)
        if isinstance(nxt, Invalid):
            return Invalid("replay_failed", {"step": number + 1, "reason": nxt.reason})
        state = nxt
    return state


def can_undo(state: GameState) -> bool:
    """Only the current player's own moves in this turn can be taken back."""
    return state.phase == "turn" and len(state.log) > state.turn_start


def undo(deck: Deck, initial: GameState, state: GameState) -> GameState | Invalid:
    if not can_undo(state):
        return Invalid("nothing_to_undo")
    return replay(deck, initial, state.log[:-1])
