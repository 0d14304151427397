"""The deck as the rules see it: immutable, validated data (built by game.content)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

from .limits import NEED_MAX, NEED_MIN, PERSONAL_MAX, PERSONAL_MIN, SOCIAL_MAX, SOCIAL_MIN  # noqa: F401

if TYPE_CHECKING:
    from .effects import Effect

CARD_TYPES = ("role", "task", "event", "dilemma", "prompt")
PLAYABLE_TYPES = ("role", "task")
COMPETENCES = ("reflectie", "exploratie", "sturing", "netwerken")
PROMPT_PHASES = ("reflect", "discuss", "end")
QUADRANTS = ("high_high", "high_low", "low_high", "low_low")
# What advice (the solo advisor, the summary's next step) may do with a card: `never-suggest` a
# life circumstance such as caring for a parent (not a choice to recommend); `never-replace`
# school or a study (advice never tells a student to leave it).
ADVICE_VALUES = ("never-suggest", "never-replace")


def frozen_map(mapping: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """A read-only view of a copy, so a loaded deck cannot be changed by accident."""
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Text:
    """A text in one or more languages; `get` falls back to any language present."""

    values: Mapping[str, str]

    def get(self, lang: str) -> str:
        if lang in self.values:
            return self.values[lang]
        return next(iter(self.values.values()), "")

    def has(self, lang: str) -> bool:
        return lang in self.values

    @classmethod
    def of(cls, value: "str | Mapping[str, str] | Text", lang: str = "nl") -> "Text":
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            return cls(frozen_map({lang: value}))
        return cls(frozen_map(value))

    def __repr__(self) -> str:
        return f"Text({dict(self.values)!r})"


@dataclass(frozen=True)
class PersonalDimension:
    id: str
    name: Text
    question: Text | None = None
    icon: str | None = None  # a name from the bundled icon set (game.icons)


@dataclass(frozen=True)
class SocialDimension:
    id: str
    name: Text
    need: int
    icon: str | None = None


@dataclass(frozen=True)
class DilemmaOption:
    label: Text
    effects: tuple[Effect, ...]


@dataclass(frozen=True)
class Card:
    """One card of any type; fields that do not belong to its type stay empty."""

    id: str
    type: str
    title: Text
    text: Text | None = None
    tags: tuple[str, ...] = ()
    copies: int = 1
    image: str | None = None
    # role / task
    hours: int = 0
    personal: Mapping[str, int] = field(default_factory=frozen_map)
    social: Mapping[str, int] = field(default_factory=frozen_map)
    requires: tuple[str, ...] = ()
    on_play: tuple[Effect, ...] = ()  # happens once a game, when the card first joins a week
    # event
    effects: tuple[Effect, ...] = ()
    # dilemma
    options: tuple[DilemmaOption, ...] = ()
    # prompt
    competence: str | None = None
    phase: str = "reflect"
    icon: str | None = None  # a name from the bundled icon set (game.icons)
    advice: str | None = None  # role / task: one of ADVICE_VALUES

    @property
    def playable(self) -> bool:
        return self.type in PLAYABLE_TYPES


@dataclass(frozen=True)
class Combo:
    """A named combination: every requirement (card id or tag:NAME) met by a distinct mix card."""

    id: str
    title: Text
    text: Text | None
    needs: tuple[str, ...]
    bonus_personal: Mapping[str, int] = field(default_factory=frozen_map)
    bonus_social: Mapping[str, int] = field(default_factory=frozen_map)
    icon: str | None = None


DEFAULT_QUADRANTS = {
    "high_high": {"nl": "Responsieve loopbaan", "en": "Responsive career"},
    "high_low": {"nl": "Vooral zin", "en": "Mostly good for me"},
    "low_high": {"nl": "Vooral zinvol", "en": "Mostly good for others"},
    "low_low": {"nl": "Nog zoekende", "en": "Still searching"},
}


@dataclass(frozen=True)
class Deck:
    id: str
    title: Text
    languages: tuple[str, ...]
    personal: tuple[PersonalDimension, ...]
    social: tuple[SocialDimension, ...]
    cards: tuple[Card, ...]
    combos: tuple[Combo, ...] = ()
    description: Text | None = None
    format: int = 1
    version: str = ""
    hours_per_week: int = 40
    hand_size: int = 5
    market_size: int = 4
    actions_per_turn: int = 2
    balance_dimension: str | None = None
    quadrants: Mapping[str, Text] = field(
        default_factory=lambda: frozen_map({k: Text.of(v) for k, v in DEFAULT_QUADRANTS.items()})
    )
    tag_names: Mapping[str, Text] = field(default_factory=frozen_map)  # tag id -> its display name
    source: str = ""  # the folder it was loaded from, for messages only
    fingerprint: str = ""  # a hash of the deck's files: which exact deck a result was made with

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {c.id: c for c in self.cards})
        object.__setattr__(self, "_personal_ids", tuple(d.id for d in self.personal))
        object.__setattr__(self, "_social_ids", tuple(d.id for d in self.social))

    _by_id: dict[str, Card] = field(init=False, repr=False, compare=False)
    _personal_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _social_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def card(self, card_id: str) -> Card:
        return self._by_id[card_id]

    def has_card(self, card_id: str) -> bool:
        return card_id in self._by_id

    def cards_of(self, *types: str) -> tuple[Card, ...]:
        return tuple(c for c in self.cards if c.type in types)

    @property
    def personal_ids(self) -> tuple[str, ...]:
        return self._personal_ids

    @property
    def social_ids(self) -> tuple[str, ...]:
        return self._social_ids

    def personal_dimension(self, dim_id: str) -> PersonalDimension:
        return next(d for d in self.personal if d.id == dim_id)

    def social_dimension(self, dim_id: str) -> SocialDimension:
        return next(d for d in self.social if d.id == dim_id)

    def __repr__(self) -> str:
        return f"<Deck {self.id} v{self.version or '?'}: {len(self.cards)} cards, {len(self.combos)} combos>"


def __getattr__(name: str) -> Any:
    """The effect kinds live in game.core.effects (one module each); this keeps old imports working."""
    if name in ("NeedEffect", "HoursEffect", "OfferEffect", "AddEffect", "Effect", "WHO_VALUES"):
        from . import effects

        return getattr(effects, name)
    raise AttributeError(name)
