"""What every effect kind knows about itself: its keys in a deck file, how it applies, how it reads.

An effect kind is one frozen dataclass that subclasses `Effect` (see need.py for the shortest).
It declares
  * `key`      the deck-file key that names the kind (`need:`), and `fields`: every key it takes,
               with a `Spec` for its value — the deck checker turns these into its schema and
               its cross-checks (dimension ids, card ids, tags), the CSV reader into its cells;
  * `contexts` where a deck may use it: an event, a dilemma option, a card's `on_play`;
  * `from_fields` / `to_fields`  its deck-file form (a dict as YAML reads it) and back;
  * `to_cell` / `from_cell`      its spreadsheet notation (`need:zorg=+1`) and back;
  * `apply(ctx)`                 what it does to the game, returning a report (plain JSON data);
  * `describe(report, solo)`     that report as `Phrase`s: string-table keys with parameters
                                 that name cards, dimensions, tags and players by reference —
                                 the words are chosen later, per language (game.i18n.describe).
Standard library only, like the rest of the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Mapping

if TYPE_CHECKING:
    from ..deck import Deck
    from ..state import GameState

CONTEXTS = ("event", "dilemma", "on_play")


# --------------------------------------------------------------------------- value specs


class Spec:
    """What the value of one key of an effect may be."""


@dataclass(frozen=True)
class Whole(Spec):
    """A whole number from lo to hi."""

    lo: int
    hi: int


@dataclass(frozen=True)
class Deltas(Spec):
    """A mapping from a personal or social dimension id to a whole number from lo to hi."""

    side: str  # "personal" or "social"
    lo: int
    hi: int
    what: str = ""  # how the checker names a wrong key, e.g. "social dimension for need"


@dataclass(frozen=True)
class CardId(Spec):
    """The id of a role or task card of the deck."""


@dataclass(frozen=True)
class TagId(Spec):
    """A tag that at least one card of the deck has."""


@dataclass(frozen=True)
class OneOf(Spec):
    values: tuple[str, ...]


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with keys of their own: (name, spec, required) each."""

    keys: tuple[tuple[str, Spec, bool], ...]


# --------------------------------------------------------------------------- describing


@dataclass(frozen=True)
class Ref:
    """A thing named in a phrase: kind is card, dimension, tag or players (value: their indexes)."""

    kind: str
    value: Any


@dataclass(frozen=True)
class Signed:
    """A change shown with its sign: +1, −2."""

    value: int


@dataclass(frozen=True)
class Phrase:
    """One sentence: a string-table key and its parameters (plain values, Refs, Signed, or lists of
    (Ref, Signed) pairs for "Zorg +1, Onderwijs −1")."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- applying


@dataclass
class EffectContext:
    """Where an effect happens: the game (changed in place; `apply` works on a copy), the player it
    is aimed at (`who: current`: who drew the dilemma, played the card, or starts the round)."""

    deck: "Deck"
    state: "GameState"
    current: int
    after: list[dict[str, Any]] = field(default_factory=list)  # reports of what an effect set off


class Effect:
    """Base of every effect kind (subclasses are frozen dataclasses; see the module docstring)."""

    key: ClassVar[str] = ""
    fields: ClassVar[dict[str, Spec]] = {}
    contexts: ClassVar[frozenset[str]] = frozenset(CONTEXTS)
    report_kind: ClassVar[str] = ""  # the `kind` of its reports; the key unless said otherwise

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> "Effect":
        raise NotImplementedError

    def to_fields(self) -> dict[str, Any]:
        raise NotImplementedError

    def to_cell(self) -> str:
        raise NotImplementedError

    @classmethod
    def from_cell(cls, rest: str) -> dict[str, Any]:
        """The spreadsheet notation after `key:` -> the deck-file form; ValueError with a sentence."""
        raise NotImplementedError

    def apply(self, ctx: EffectContext) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def describe(cls, report: Mapping[str, Any], solo: bool) -> list[Phrase]:
        raise NotImplementedError

    def hours_gain(self) -> int:
        """The most hours this effect can add to a budget (the checker's longest possible week)."""
        return 0


# --------------------------------------------------------------------------- notation helpers

_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def signed(n: int) -> str:
    return f"{n:+d}"


def parse_int(text: str) -> int:
    """3, 3.0, +1, -2, 3,0 (decimal comma), ' 3 ', '−1' (a typographic minus) -> int."""
    s = text.strip().replace("\u2212", "-").replace("\u00a0", "")
    if not _NUMBER.fullmatch(s) or len(s) > 12:
        raise ValueError(f"'{text}' is not a number; expected a whole number such as 3, -1 or +2")
    value = float(s.replace(",", "."))
    if not value.is_integer():
        raise ValueError(f"'{text}' is not a whole number; expected e.g. 3, -1 or +2")
    return int(value)


def assignments(text: str, what: str) -> dict[str, int]:
    """`zorg=+1, onderwijs=-1` -> {"zorg": 1, "onderwijs": -1}."""
    out: dict[str, int] = {}
    for item in re.split(r"[,\s]+", text.strip()):
        if not item:
            continue
        key, eq, value = item.partition("=")
        if not eq or not key:
            raise ValueError(f"'{item}' should look like {what}=+1")
        out[key.strip()] = parse_int(value)
    return out


def changes(values: Mapping[str, int]) -> list[tuple[Ref, Signed]]:
    """Dimension changes for a phrase, leaving out those that are zero."""
    return [(Ref("dimension", d), Signed(v)) for d, v in values.items() if v]
