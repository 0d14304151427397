"""`add:` (dilemma options) a card joins the choosing player's week — making room if it must.

When the card does not fit the hours, the player chooses what leaves the week for it, or keeps
the week as it is (game.core.rules: `make_room` / `keep_week`); it never silently does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Mapping

from .. import piles
from ..state import card_of
from .apply import joins_week
from .base import CardId, Effect, EffectContext, Phrase, Ref, Spec
from .registry import register


@register
@dataclass(frozen=True)
class AddEffect(Effect):
    card: str

    key: ClassVar[str] = "add"
    fields: ClassVar[dict[str, Spec]] = {"add": CardId()}
    contexts: ClassVar[frozenset[str]] = frozenset({"dilemma"})

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> "AddEffect":
        return cls(data["add"])

    def to_fields(self) -> dict[str, Any]:
        return {"add": self.card}

    def to_cell(self) -> str:
        return f"add:{self.card}"

    @classmethod
    def from_cell(cls, rest: str) -> dict[str, Any]:
        if not rest:
            raise ValueError("add: needs a card id, e.g. add:vrijwilliger-taalmaatje")
        return {"add": rest}

    def apply(self, ctx: EffectContext) -> dict[str, Any]:
        deck, s, who = ctx.deck, ctx.state, ctx.current
        player = s.players[who]
        card = deck.card(self.card)
        report: dict[str, Any] = {"kind": "add", "card": self.card, "player": who, "added": False, "reason": None}
        if any(card_of(i) == self.card for i in player.mix):
            report["reason"] = "already"
        elif card.hours > player.budget:
            report.update(reason="too_big", hours=card.hours, budget=player.budget)
        elif card.requires and not piles.has_any_tag(deck, player.mix, card.requires):
            report.update(reason="requires", tags=list(card.requires))
        else:
            inst = piles.take_copy(deck, s, self.card)
            if inst is None:
                report["reason"] = "no_copy"
            else:
                over = piles.week_hours(deck, player.mix) + card.hours - player.budget
                if over > 0:
                    s.room_request = {"player": who, "card": inst, "over": over}
                    report.update(reason="make_room", over=over)
                else:
                    report["added"] = True
                    joins_week(deck, s, who, inst, ctx.after)
        return report

    @classmethod
    def describe(cls, report: Mapping[str, Any], solo: bool) -> list[Phrase]:
        params: dict[str, Any] = {"card": Ref("card", report["card"]), "who": Ref("players", (report["player"],))}
        if report["added"]:
            return [Phrase("effect.add_done", params)]
        reason = report["reason"]
        if reason == "make_room":
            params["over"] = report["over"]
        elif reason == "too_big":
            params.update(hours=report["hours"], budget=report["budget"])
        elif reason == "requires":
            params["tags"] = [Ref("tag", t) for t in report["tags"]]
        return [Phrase(f"effect.add_{reason}", params)]
