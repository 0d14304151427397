"""Actions are plain dicts; `Invalid` says why one cannot be taken, in words a player can read.

The reason is a key into the UI string tables (`invalid.<key>`) with its parameters, so
that the same refusal reads well in Dutch and in English (see game.i18n.describe_invalid).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTION_TYPES = (
    "choose_values", "next", "play", "swap", "drop", "pass", "resolve_dilemma",
    "give_boost", "accept_boost", "decline_boost", "answer",
)


@dataclass(frozen=True)
class Invalid:
    reason: str
    params: dict = field(default_factory=dict)


def choose_values(weights: dict[str, int]) -> dict:
    return {"type": "choose_values", "weights": dict(weights)}


def next_step() -> dict:
    return {"type": "next"}


def play(card: str) -> dict:
    return {"type": "play", "card": card}


def swap(out: str, card: str) -> dict:
    return {"type": "swap", "out": out, "card": card}


def drop(card: str) -> dict:
    return {"type": "drop", "card": card}


def pass_turn() -> dict:
    return {"type": "pass"}


def resolve_dilemma(option: int) -> dict:
    return {"type": "resolve_dilemma", "option": option}


def give_boost(to: int, card: str, offer: bool = False) -> dict:
    """Name a card in `to`'s mix (offer=False), or offer `to` a market card (offer=True)."""
    return {"type": "give_boost", "to": to, "card": card, "offer": offer}


def accept_boost() -> dict:
    return {"type": "accept_boost"}


def decline_boost() -> dict:
    return {"type": "decline_boost"}


def answer(text: str, player: int | None = None) -> dict:
    action = {"type": "answer", "text": text}
    if player is not None:
        action["player"] = player
    return action
