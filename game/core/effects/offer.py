"""`offer:` cards with a tag change their values for the rest of the game."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, Mapping

from .base import Deltas, Effect, EffectContext, Phrase, Record, Ref, Spec, TagId, changes, parse_int, signed
from .registry import register


@register
@dataclass(frozen=True)
class OfferEffect(Effect):
    tag: str
    personal: Mapping[str, int] = field(default_factory=dict)
    social: Mapping[str, int] = field(default_factory=dict)

    key: ClassVar[str] = "offer"
    fields: ClassVar[dict[str, Spec]] = {"offer": Record((
        ("tag", TagId(), True),
        ("personal", Deltas("personal", -3, 3, "personal dimension"), False),
        ("social", Deltas("social", -3, 3, "social dimension"), False),
    ))}

    def __post_init__(self) -> None:  # a loaded deck cannot be changed by accident
        object.__setattr__(self, "personal", MappingProxyType(dict(self.personal)))
        object.__setattr__(self, "social", MappingProxyType(dict(self.social)))

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> "OfferEffect":
        offer = data["offer"]
        return cls(offer["tag"], dict(offer.get("personal") or {}), dict(offer.get("social") or {}))

    def to_fields(self) -> dict[str, Any]:
        return {"offer": {"tag": self.tag, "personal": dict(self.personal), "social": dict(self.social)}}

    def to_cell(self) -> str:
        parts = [f"offer:{self.tag}"]
        parts += [f"personal.{d}={signed(v)}" for d, v in self.personal.items()]
        parts += [f"social.{d}={signed(v)}" for d, v in self.social.items()]
        return " ".join(parts)

    @classmethod
    def from_cell(cls, rest: str) -> dict[str, Any]:
        tokens = re.split(r"[,\s]+", rest)
        if not tokens or not tokens[0] or "=" in tokens[0]:
            raise ValueError(f"'offer:{rest}': an offer starts with a tag, e.g. offer:routine personal.zekerheid=-1")
        offer: dict[str, Any] = {"tag": tokens[0], "personal": {}, "social": {}}
        for token in tokens[1:]:
            if not token:
                continue
            key, eq, value = token.partition("=")
            side, dot, dim = key.partition(".")
            if not eq or not dot or side not in ("personal", "social") or not dim:
                raise ValueError(f"'{token}' in 'offer:{rest}' should look like personal.DIMENSION=-1 "
                                 "or social.DIMENSION=+1")
            offer[side][dim] = parse_int(value)
        return {"offer": offer}

    def apply(self, ctx: EffectContext) -> dict[str, Any]:
        offer = {"tag": self.tag, "personal": dict(self.personal), "social": dict(self.social)}
        ctx.state.offers.append(offer)
        return {"kind": "offer", **offer}

    @classmethod
    def describe(cls, report: Mapping[str, Any], solo: bool) -> list[Phrase]:
        moved = changes({**report["personal"], **report["social"]})
        return [Phrase("effect.offer", {"tag": Ref("tag", report["tag"]), "changes": moved})]
