"""The effect kinds by their deck-file key, in the order they were registered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from .base import Effect

KINDS: dict[str, type["Effect"]] = {}


def register(cls: type["Effect"]) -> type["Effect"]:
    """Class decorator: a new effect kind becomes known to the checker, the rules, CSV and describe."""
    if not cls.key or cls.key in KINDS:
        raise ValueError(f"effect kind {cls.key!r} has no key or is registered twice")
    if not cls.report_kind:
        cls.report_kind = cls.key
    KINDS[cls.key] = cls
    return cls


def kind_of(data: Mapping[str, Any]) -> type["Effect"]:
    """The kind of an effect in deck-file form: the one registered key it holds."""
    present = [KINDS[k] for k in data if k in KINDS]
    if len(present) != 1:
        raise ValueError(f"an effect has exactly one of {', '.join(KINDS)}; this one has {len(present)}")
    return present[0]


def effect_from_fields(data: Mapping[str, Any]) -> "Effect":
    return kind_of(data).from_fields(data)


def by_report_kind(kind: str) -> type["Effect"] | None:
    return next((k for k in KINDS.values() if k.report_kind == kind), None)
