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


def _requirements_met_by(deck: Deck) -> dict[str, frozenset[str]]:
    """For every card id, the combo requirements it meets (computed once per deck)."""
    cached = getattr(deck, "_requirements_met_by", None)
    if cached is None:
        reqs = {req for combo in deck.combos for req in combo.needs}
        cached = {c.id: frozenset(r for r in reqs if meets(r, c)) for c in deck.cards}
        object.__setattr__(deck, "_requirements_met_by", cached)
    return cached


def _candidates(deck: Deck, ids: set[str], max_missing: int) -> list[Combo]:
    """Combos with at most `max_missing` requirements that no card of the mix could meet."""
    index = _requirements_met_by(deck)
    met: set[str] = set()
    for cid in ids:
        met |= index[cid]
    if max_missing == 0:
        return [c for c in deck.combos if met.issuperset(c.needs)]
    return [c for c in deck.combos if sum(1 for r in c.needs if r not in met) <= max_missing]


def combos_made(deck: Deck, mix: Iterable[str]) -> list[Combo]:
    mix = list(mix)
    ids = {card_of(i) for i in mix}
    found = _candidates(deck, ids, 0)
    if not found:
        return []
    cards = [deck.card(card_of(i)) for i in mix]
    return [c for c in found if _match_count(c.needs, cards)[1] == []]


def combos_near(deck: Deck, mix: Iterable[str]) -> list[tuple[Combo, str]]:
    """Combos that one more card would complete, with the requirement still missing."""
    mix = list(mix)
    cards = [deck.card(card_of(i)) for i in mix]
    near = []
    for combo in _candidates(deck, {card_of(i) for i in mix}, 1):
        _, unmatched = _match_count(combo.needs, cards)
        if len(unmatched) == 1 and len(combo.needs) > 1:
            near.append((combo, combo.needs[unmatched[0]]))
    return near
