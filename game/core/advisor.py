"""The advisor: the best single addition or swap a player can reach (hand and market).

`social` raises social fit without lowering personal fit; `personal` the other way round.
Either is None when no such move exists. Ties go to the larger gain on the other axis,
then to the order of hand before market, so advice is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .deck import Deck
from .scoring import fits, mix_hours
from .state import GameState, card_of

EPSILON = 1e-9


@dataclass(frozen=True)
class Move:
    """Put `card` into the mix, taking `out` out of it when `out` is not None."""

    card: str
    out: str | None
    personal_before: float
    social_before: float
    personal_after: float
    social_after: float

    @property
    def kind(self) -> str:
        return "swap" if self.out else "add"


@dataclass(frozen=True)
class Advice:
    social: Move | None
    personal: Move | None


def candidate_mixes(deck: Deck, state: GameState, index: int) -> Iterator[tuple[str, str | None, list[str]]]:
    """Every (card, out, resulting mix) that fits the hours and the card's requirements."""
    player = state.players[index]
    reachable = list(player.hand) + list(state.market)
    hours = mix_hours(deck, player.mix)
    for inst in reachable:
        card = deck.card(card_of(inst))
        if not card.playable:
            continue
        options: list[str | None] = [None] + list(player.mix)
        for out in options:
            free = player.budget - hours + (deck.card(card_of(out)).hours if out else 0)
            if card.hours > free:
                continue
            rest = [c for c in player.mix if c != out]
            if any(card_of(c) == card.id for c in rest):
                continue  # a week holds each card once
            if card.requires and not any(set(card.requires) & set(deck.card(card_of(c)).tags) for c in rest):
                continue
            yield inst, out, rest + [inst]


def advisable(deck: Deck, inst: str, out: str | None) -> bool:
    """Whether advice may suggest putting `inst` into a week in place of `out` (see ADVICE_VALUES)."""
    if deck.card(card_of(inst)).advice == "never-suggest":
        return False
    return out is None or deck.card(card_of(out)).advice != "never-replace"


def advise(deck: Deck, state: GameState, index: int) -> Advice:
    player = state.players[index]
    p0, s0 = fits(deck, player.mix, player.budget, player.weights, state.needs, state.offers)
    best_social: tuple[tuple[float, float], Move] | None = None
    best_personal: tuple[tuple[float, float], Move] | None = None
    for inst, out, mix in candidate_mixes(deck, state, index):
        if not advisable(deck, inst, out):
            continue
        p1, s1 = fits(deck, mix, player.budget, player.weights, state.needs, state.offers)
        move = Move(inst, out, p0, s0, p1, s1)
        if s1 > s0 + EPSILON and p1 >= p0 - EPSILON:
            key = (s1, p1)
            if best_social is None or key > best_social[0]:
                best_social = (key, move)
        if p1 > p0 + EPSILON and s1 >= s0 - EPSILON:
            key = (p1, s1)
            if best_personal is None or key > best_personal[0]:
                best_personal = (key, move)
    return Advice(best_social[1] if best_social else None, best_personal[1] if best_personal else None)
