"""`need:` society's need for one or more themes changes (the result stays within 1..5)."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar, Mapping

from ..limits import NEED_MAX, NEED_MIN
from .base import Deltas, Effect, EffectContext, Phrase, Spec, assignments, changes, signed
from .registry import register


@register
@dataclass(frozen=True)
class NeedEffect(Effect):
    changes: Mapping[str, int]

    key: ClassVar[str] = "need"
    fields: ClassVar[dict[str, Spec]] = {"need": Deltas("social", -4, 4, "social dimension for need")}

    def __post_init__(self) -> None:  # a loaded deck cannot be changed by accident
        object.__setattr__(self, "changes", MappingProxyType(dict(self.changes)))

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> "NeedEffect":
        return cls(dict(data["need"]))

    def to_fields(self) -> dict[str, Any]:
        return {"need": dict(self.changes)}

    def to_cell(self) -> str:
        return "need:" + ",".join(f"{d}={signed(v)}" for d, v in self.changes.items())

    @classmethod
    def from_cell(cls, rest: str) -> dict[str, Any]:
        return {"need": assignments(rest, "need:DIMENSION")}

    def apply(self, ctx: EffectContext) -> dict[str, Any]:
        needs = ctx.state.needs
        changed = {}
        for dim, delta in self.changes.items():
            before = needs[dim]
            needs[dim] = max(NEED_MIN, min(NEED_MAX, before + delta))
            changed[dim] = needs[dim] - before
        return {"kind": "need", "changes": changed}

    @classmethod
    def describe(cls, report: Mapping[str, Any], solo: bool) -> list[Phrase]:
        moved = changes(report["changes"])
        if not moved:
            return [Phrase("effect.need_unchanged")]
        return [Phrase("effect.need", {"changes": moved})]
