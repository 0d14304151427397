"""Combinations: which of the deck's combos a mix makes, and which are one card away."""

from __future__ import annotations

from typing import Iterable

from .deck import Card, Combo, Deck
from .state import card_of


def meets(requirement: str, card: Card) -> bool:
    """A requirement is a card id or `tag:NAME`."""
    if requirement.startswith("tag:"):
        return requirement[4:] in card.tags
    return requirement == card.id


def _match_count(requirements: tuple[str, ...], cards: list[Card]) -> tuple[int, list[int]]:
    """Maximum matching of requirements to distinct cards; returns (matched, unmatched indexes)."""
    owner: dict[int, int] = {}  # card index -> requirement index

    def augment(r: int, seen: set[int]) -> bool:
        for ci, card in enumerate(cards):
            if ci in seen or not meets(requirements[r], card):
                continue
            seen.add(ci)
            if ci not in owner or augment(owner[ci], seen):
                owner[ci] = r
                return True
        return False

    unmatched = [r for r in range(len(requirements)) if not augment(r, set())]
    return len(requirements) - len(unmatched), unmatched


def combos_made(deck: Deck, mix: Iterable[str]) -> list[Combo]:
    cards = [deck.card(card_of(i)) for i in mix]
    return [c for c in deck.combos if _match_count(c.needs, cards)[1] == []]


def combos_near(deck: Deck, mix: Iterable[str]) -> list[tuple[Combo, str]]:
    """Combos that one more card would complete, with the requirement still missing."""
    cards = [deck.card(card_of(i)) for i in mix]
    near = []
    for combo in deck.combos:
        _, unmatched = _match_count(combo.needs, cards)
        if len(unmatched) == 1 and len(combo.needs) > 1:
            near.append((combo, combo.needs[unmatched[0]]))
    return near
