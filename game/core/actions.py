"""The moves of the game as frozen dataclasses, each with a JSON form for the log and the save.

Like python-chess's `Move.uci()` / `Move.from_uci()`: `action.to_json()` gives the plain dict the
log stores, and `Action.from_json(data)` reads it back (or raises `BadAction` for data that is
not a move), so `Action.from_json(a.to_json()) == a` for every action.

`Invalid` says why a move cannot be taken now, in words a player can read: its reason is a key
into the UI string tables (`invalid.<key>`) with its parameters, so the same refusal reads well
in Dutch and in English (see game.i18n.describe.describe_invalid).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, ClassVar, Mapping

from ..errors import GameError


@dataclass(frozen=True)
class Invalid:
    reason: str
    params: Mapping[str, Any] = field(default_factory=dict)


class BadAction(GameError):
    """Data that is not a move of this game (a damaged save, a hand-written log)."""


_ACTIONS: dict[str, type["Action"]] = {}


@dataclass(frozen=True)
class Action:
    """A move. `type` names it in the log; the fields are the move's own data."""

    type: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.type:
            _ACTIONS[cls.type] = cls

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                value = dict(value)
            elif isinstance(value, tuple):
                value = list(value)
            if value is not None:
                data[f.name] = value
        return data

    @staticmethod
    def from_json(data: object) -> "Action":
        """The move a logged dict describes; BadAction when it is not one."""
        if not isinstance(data, dict):
            raise BadAction(f"a move is a mapping with a 'type', not {type(data).__name__}")
        cls = _ACTIONS.get(data.get("type"))  # type: ignore[arg-type]
        if cls is None:
            raise BadAction(f"unknown move {data.get('type')!r}")
        known = {f.name: f for f in fields(cls)}
        extra = set(data) - set(known) - {"type"}
        if extra:
            raise BadAction(f"the move {cls.type!r} has no {', '.join(sorted(map(str, extra)))}")
        values = {}
        for name, f in known.items():
            if name in data:
                values[name] = _checked(cls.type, name, data[name], f.type)
            elif f.default is f.default_factory:  # both MISSING: the field is required
                raise BadAction(f"the move {cls.type!r} needs {name!r}")
        return cls(**values)

    def __str__(self) -> str:
        return f"{self.type}({', '.join(f'{k}={v!r}' for k, v in self.to_json().items() if k != 'type')})"


def _checked(move: str, name: str, value: object, annotation: object) -> object:
    """The JSON value in the field's type, so a bad save cannot put a list where a card id goes."""
    kind = str(annotation)
    if kind.startswith("str"):
        ok = isinstance(value, str)
    elif kind.startswith("int"):
        ok = isinstance(value, int) and not isinstance(value, bool) or (value is None and "None" in kind)
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind.startswith("tuple"):
        ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
        value = tuple(value) if ok else value  # type: ignore[arg-type]
    elif kind.startswith("Mapping"):
        ok = isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in value.items())
        value = MappingProxyType(dict(value)) if ok and isinstance(value, dict) else value
    else:  # pragma: no cover - every field type of a move is listed above
        raise TypeError(annotation)
    if not ok:
        raise BadAction(f"the move {move!r} has a wrong {name!r}: {value!r}")
    return value


# --------------------------------------------------------------------------- the moves


@dataclass(frozen=True)
class ChooseValues(Action):
    """The values sort: every personal dimension on pile 1 (less), 2 or 3 (very important)."""

    type: ClassVar[str] = "choose_values"
    weights: Mapping[str, int]

    def __post_init__(self) -> None:
        object.__setattr__(self, "weights", MappingProxyType(dict(self.weights)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChooseValues) and dict(self.weights) == dict(other.weights)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.weights.items())))


@dataclass(frozen=True)
class Next(Action):
    """Go on: from the event to the turns, from the reflection to the next round."""

    type: ClassVar[str] = "next"


@dataclass(frozen=True)
class Play(Action):
    """A card from hand or market into the week."""

    type: ClassVar[str] = "play"
    card: str


@dataclass(frozen=True)
class Swap(Action):
    """A career step: `out` leaves the week, `card` (from hand or market) takes its place."""

    type: ClassVar[str] = "swap"
    out: str
    card: str


@dataclass(frozen=True)
class Drop(Action):
    """A card leaves the week (free time); it lies face up in the market for others."""

    type: ClassVar[str] = "drop"
    card: str


@dataclass(frozen=True)
class Pass(Action):
    """End the turn (turn phase), or give no boost (boost phase)."""

    type: ClassVar[str] = "pass"


@dataclass(frozen=True)
class ResolveDilemma(Action):
    type: ClassVar[str] = "resolve_dilemma"
    option: int


@dataclass(frozen=True)
class MakeRoom(Action):
    """A card that must join the week does not fit: these cards leave the week to make room."""

    type: ClassVar[str] = "make_room"
    out: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "out", tuple(self.out))


@dataclass(frozen=True)
class KeepWeek(Action):
    """The player keeps the week as it is; the card that wanted in goes to the market."""

    type: ClassVar[str] = "keep_week"


@dataclass(frozen=True)
class GiveBoost(Action):
    """Name a card in `to`'s week (offer=False), or offer `to` a market card (offer=True)."""

    type: ClassVar[str] = "give_boost"
    to: int
    card: str
    offer: bool = False


@dataclass(frozen=True)
class AcceptBoost(Action):
    type: ClassVar[str] = "accept_boost"


@dataclass(frozen=True)
class DeclineBoost(Action):
    type: ClassVar[str] = "decline_boost"


@dataclass(frozen=True)
class Answer(Action):
    """A typed answer to the reflection question; `player` defaults to the current player."""

    type: ClassVar[str] = "answer"
    text: str
    player: int | None = None


# --------------------------------------------------------------------------- short constructors
# The names the scenes, bots and tests read best: `act.play(card)`, `act.swap(out, card)`, ...


def choose_values(weights: Mapping[str, int]) -> ChooseValues:
    return ChooseValues(weights)


def next_step() -> Next:
    return Next()


def play(card: str) -> Play:
    return Play(card)


def swap(out: str, card: str) -> Swap:
    return Swap(out, card)


def drop(card: str) -> Drop:
    return Drop(card)


def pass_turn() -> Pass:
    return Pass()


def resolve_dilemma(option: int) -> ResolveDilemma:
    return ResolveDilemma(option)


def make_room(*out: str) -> MakeRoom:
    return MakeRoom(tuple(out))


def keep_week() -> KeepWeek:
    return KeepWeek()


def give_boost(to: int, card: str, offer: bool = False) -> GiveBoost:
    return GiveBoost(to, card, offer)


def accept_boost() -> AcceptBoost:
    return AcceptBoost()


def decline_boost() -> DeclineBoost:
    return DeclineBoost()


def answer(text: str, player: int | None = None) -> Answer:
    return Answer(text, player)
