"""What events and dilemmas do, and how cards move between pile, market, hands and discards."""

from __future__ import annotations

from typing import Iterable

from .deck import NEED_MAX, NEED_MIN, AddEffect, Deck, HoursEffect, NeedEffect, OfferEffect
from .rng import Rng
from .scoring import mix_hours
from .state import GameState, PlayerState, card_of

MAX_BUDGET = 80


def has_any_tag(deck: Deck, mix: Iterable[str], tags: Iterable[str]) -> bool:
    wanted = set(tags)
    return any(wanted.intersection(deck.card(card_of(i)).tags) for i in mix)


def _reshuffle_if_empty(s: GameState) -> None:
    if not s.pile and s.discard:
        rng = Rng(s.rng)
        s.pile, s.discard = s.discard, []
        rng.shuffle(s.pile)
        s.rng = rng.state


def _draw_playable(deck: Deck, s: GameState) -> str | None:
    """The top role/task of the pile; dilemmas keep their place for the players' hands."""
    _reshuffle_if_empty(s)
    for i, inst in enumerate(s.pile):
        if deck.card(card_of(inst)).playable:
            return s.pile.pop(i)
    return None


def refill_market(deck: Deck, s: GameState) -> None:
    while len(s.market) < deck.market_size:
        inst = _draw_playable(deck, s)
        if inst is None:
            return
        s.market.append(inst)


def to_market(deck: Deck, s: GameState, inst: str) -> None:
    """A card that leaves a mix lies face up for others; the oldest market card goes when full."""
    s.market.append(inst)
    while len(s.market) > deck.market_size:
        s.discard.append(s.market.pop(0))


def draw_hand(deck: Deck, s: GameState, player: PlayerState, allow_dilemma: bool = True) -> str | None:
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


def _who(s: GameState, who: str, current: int) -> list[int]:
    if who == "current":
        return [current]
    if who == "random":
        rng = Rng(s.rng)
        chosen = rng.below(len(s.players))
        s.rng = rng.state
        return [chosen]
    return list(range(len(s.players)))


def _find_copy(deck: Deck, s: GameState, card_id: str) -> str | None:
    for place in (s.pile, s.market, s.discard):
        for inst in place:
            if card_of(inst) == card_id:
                place.remove(inst)
                if place is s.market:
                    refill_market(deck, s)
                return inst
    return None


def apply_effects(deck: Deck, s: GameState, effects, current: int) -> list[dict]:
    """Apply effects in order; return a report of what actually changed, for the screen."""
    report: list[dict] = []
    for effect in effects:
        if isinstance(effect, NeedEffect):
            changed = {}
            for dim, delta in effect.changes.items():
                before = s.needs[dim]
                s.needs[dim] = max(NEED_MIN, min(NEED_MAX, before + delta))
                changed[dim] = s.needs[dim] - before
            report.append({"kind": "need", "changes": changed})
        elif isinstance(effect, HoursEffect):
            players = _who(s, effect.who, current)
            for i in players:
                p = s.players[i]
                p.budget = max(0, min(MAX_BUDGET, p.budget + effect.delta))
            report.append({"kind": "hours", "delta": effect.delta, "who": effect.who, "players": players})
        elif isinstance(effect, OfferEffect):
            offer = {"tag": effect.tag, "personal": dict(effect.personal), "social": dict(effect.social)}
            s.offers.append(offer)
            report.append({"kind": "offer", **offer})
        elif isinstance(effect, AddEffect):
            report.append(_add_card(deck, s, effect.card, current))
    return report


def joins_week(deck: Deck, s: GameState, player_index: int, inst: str) -> None:
    """A card enters a player's week; the first time a card does so in a game, its `on_play`
    effects (a collective action, a change of the system) happen for everyone."""
    s.players[player_index].mix.append(inst)
    card = deck.card(card_of(inst))
    if card.on_play and card.id not in s.on_play_done:
        s.on_play_done.append(card.id)
        reports = apply_effects(deck, s, card.on_play, player_index)
        s.effects_report = list(s.effects_report) + [{"kind": "on_play", "card": card.id,
                                                      "player": player_index}] + reports


def _add_card(deck: Deck, s: GameState, card_id: str, player_index: int) -> dict:
    player = s.players[player_index]
    card = deck.card(card_id)
    entry = {"kind": "add", "card": card_id, "player": player_index, "added": False, "reason": None}
    if mix_hours(deck, player.mix) + card.hours > player.budget:
        entry["reason"] = "no_fit"
        return entry
    inst = _find_copy(deck, s, card_id)
    if inst is None:
        entry["reason"] = "no_copy"
        return entry
    entry["added"] = True
    joins_week(deck, s, player_index, inst)
    return entry
