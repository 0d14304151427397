"""How cards move between the pile, the market, hands and discards, and what a week holds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .rng import Rng
from .state import GameState, PlayerState, card_of

if TYPE_CHECKING:
    from .deck import Deck


def week_hours(deck: "Deck", mix: Iterable[str]) -> int:
    """The hours of the cards in a week."""
    return sum(deck.card(card_of(i)).hours for i in mix)


def has_any_tag(deck: "Deck", mix: Iterable[str], tags: Iterable[str]) -> bool:
    wanted = set(tags)
    return any(wanted.intersection(deck.card(card_of(i)).tags) for i in mix)


def _reshuffle_if_empty(s: GameState) -> None:
    if not s.pile and s.discard:
        rng = Rng(s.rng)
        s.pile, s.discard = s.discard, []
        rng.shuffle(s.pile)
        s.rng = rng.state


def _draw_playable(deck: "Deck", s: GameState) -> str | None:
    """The top role/task of the pile; dilemmas keep their place for the players' hands."""
    _reshuffle_if_empty(s)
    for i, inst in enumerate(s.pile):
        if deck.card(card_of(inst)).playable:
            return s.pile.pop(i)
    return None


def refill_market(deck: "Deck", s: GameState) -> None:
    while len(s.market) < deck.market_size:
        inst = _draw_playable(deck, s)
        if inst is None:
            return
        s.market.append(inst)


def to_market(deck: "Deck", s: GameState, inst: str) -> None:
    """A card that leaves a week lies face up for others; the oldest market card goes when full."""
    s.market.append(inst)
    while len(s.market) > deck.market_size:
        s.discard.append(s.market.pop(0))


def draw_hand(deck: "Deck", s: GameState, player: PlayerState, allow_dilemma: bool = True) -> str | None:
    """Draw up to the hand size. Returns a drawn dilemma (at most one a turn) to resolve first."""
    dilemma = None
    skipped: list[str] = []
    while len(player.hand) < deck.hand_size:
        _reshuffle_if_empty(s)
        if not s.pile:
            break
        inst = s.pile.pop(0)
        if deck.card(card_of(inst)).type == "dilemma":
            if dilemma is None and allow_dilemma:
                dilemma = inst
            else:
                skipped.append(inst)  # one dilemma a turn is enough; the rest go to the bottom
            continue
        player.hand.append(inst)
    s.pile.extend(skipped)
    return dilemma


def take_copy(deck: "Deck", s: GameState, card_id: str) -> str | None:
    """A free copy of a card, taken from the pile, the market or the discards (None if none is left)."""
    for place in (s.pile, s.market, s.discard):
        for inst in place:
            if card_of(inst) == card_id:
                place.remove(inst)
                if place is s.market:
                    refill_market(deck, s)
                return inst
    return None
