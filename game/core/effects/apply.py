"""Applying effects in order, and the one way a card enters a week (which may set off its `on_play`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from ..state import card_of
from .base import Effect, EffectContext

if TYPE_CHECKING:
    from ..deck import Deck
    from ..state import GameState


def apply_effects(deck: "Deck", s: "GameState", effects: Iterable[Effect], current: int) -> list[dict[str, Any]]:
    """Apply effects in order to `s` (a copy the rules own); returns what each did, for the screen."""
    reports: list[dict[str, Any]] = []
    ctx = EffectContext(deck, s, current)
    for effect in effects:
        reports.append(effect.apply(ctx))
        reports.extend(ctx.after)
        ctx.after.clear()
    return reports


def joins_week(deck: "Deck", s: "GameState", player: int, inst: str,
               reports: list[dict[str, Any]] | None = None) -> None:
    """A card enters a player's week. The first time a card does so in a game, its `on_play`
    effects (a collective action, a change of the system) happen for everyone; their reports go
    to `reports`, or to the state's `effects_report` for the screen."""
    s.players[player].mix.append(inst)
    card = deck.card(card_of(inst))
    if card.on_play and card.id not in s.on_play_done:
        s.on_play_done.append(card.id)
        out = s.effects_report if reports is None else reports
        out.append({"kind": "on_play", "card": card.id, "player": player})
        out.extend(apply_effects(deck, s, card.on_play, player))
