"""`hours:` the hours budget of everyone, the current player or a random player changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Mapping

from ..limits import MAX_BUDGET
from ..rng import Rng
from .base import Effect, EffectContext, OneOf, Phrase, Ref, Spec, Whole, parse_int, signed
from .registry import register

WHO_VALUES = ("all", "current", "random")


@register
@dataclass(frozen=True)
class HoursEffect(Effect):
    delta: int
    who: str = "all"

    key: ClassVar[str] = "hours"
    fields: ClassVar[dict[str, Spec]] = {"hours": Whole(-60, 60), "who": OneOf(WHO_VALUES)}

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> "HoursEffect":
        return cls(data["hours"], data.get("who") or "all")

    def to_fields(self) -> dict[str, Any]:
        return {"hours": self.delta} if self.who == "all" else {"hours": self.delta, "who": self.who}

    def to_cell(self) -> str:
        return f"hours:{signed(self.delta)}" + ("" if self.who == "all" else f"@{self.who}")

    @classmethod
    def from_cell(cls, rest: str) -> dict[str, Any]:
        amount, at, who = rest.partition("@")
        fields: dict[str, Any] = {"hours": parse_int(amount)}
        if at:
            fields["who"] = who.strip()
        return fields

    def hours_gain(self) -> int:
        return max(self.delta, 0)

    def apply(self, ctx: EffectContext) -> dict[str, Any]:
        s = ctx.state
        if self.who == "current":
            players = [ctx.current]
        elif self.who == "random":
            rng = Rng(s.rng)
            players = [rng.below(len(s.players))]
            s.rng = rng.state
        else:
            players = list(range(len(s.players)))
        for i in players:
            p = s.players[i]
            p.budget = max(0, min(MAX_BUDGET, p.budget + self.delta))
        return {"kind": "hours", "delta": self.delta, "who": self.who, "players": players}

    @classmethod
    def describe(cls, report: Mapping[str, Any], solo: bool) -> list[Phrase]:
        everyone = report["who"] == "all" and not solo
        who = Ref("everyone", None) if everyone else Ref("players", tuple(report["players"]))
        key = "effect.hours_less" if report["delta"] < 0 else "effect.hours_more"
        return [Phrase(key, {"who": who, "hours": abs(report["delta"])})]
