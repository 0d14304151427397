"""The game state: plain data that converts to and from JSON without loss."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

Json = dict[str, Any]  # a plain JSON object: a log entry, a report, a boost record

MODES = ("solo", "table")
MIN_ROUNDS, MAX_ROUNDS, DEFAULT_ROUNDS = 3, 6, 4
MIN_TABLE, MAX_TABLE = 2, 6
DEFAULT_WEIGHT = 2  # every value starts on the "important" pile


def instance_id(card_id: str, copy: int) -> str:
    """Each physical copy of a card has its own id, e.g. `verpleegkundige#2`."""
    return f"{card_id}#{copy}"


def card_of(instance: str) -> str:
    return instance.split("#", 1)[0]


@dataclass
class PlayerState:
    name: str
    budget: int
    weights: dict[str, int] = field(default_factory=dict)
    values_set: bool = False
    mix: list[str] = field(default_factory=list)
    hand: list[str] = field(default_factory=list)
    boosts: list[Json] = field(default_factory=list)  # {round, giver, kind, card, out, accepted}
    answers: list[Json] = field(default_factory=list)  # {round, prompt, text}

    def copy(self) -> "PlayerState":
        return PlayerState(
            self.name, self.budget, dict(self.weights), self.values_set, list(self.mix),
            list(self.hand), _clone(self.boosts), _clone(self.answers),
        )


@dataclass
class GameState:
    deck_id: str
    deck_fingerprint: str
    mode: str
    rounds: int
    seed: int | str
    rng: int
    players: list[PlayerState]
    needs: dict[str, int]
    pile: list[str] = field(default_factory=list)  # roles, tasks and dilemmas, face down
    discard: list[str] = field(default_factory=list)
    dilemmas_done: list[str] = field(default_factory=list)  # a resolved dilemma leaves the game
    market: list[str] = field(default_factory=list)  # face up, oldest first
    events: list[str] = field(default_factory=list)
    events_done: list[str] = field(default_factory=list)
    prompts: list[str] = field(default_factory=list)
    offers: list[Json] = field(default_factory=list)  # {tag, personal, social}: lasting changes
    on_play_done: list[str] = field(default_factory=list)  # cards whose on_play effects happened
    round: int = 0
    phase: str = "values"
    current: int = 0
    start_player: int = 0
    actions_left: int = 0
    turns_done: int = 0
    turn_start: int = 0  # log length when the current turn began: undo stops there
    dilemma: str | None = None  # a drawn dilemma the current player must resolve first
    event: str | None = None  # the event card of this round
    effects_report: list[Json] = field(default_factory=list)  # what the last event/dilemma did
    boost_pending: Json | None = None  # an offered card or the advisor's advice awaiting an answer
    room_request: Json | None = None  # {player, card, over}: a card that must join a full week
    boosts_done: int = 0
    prompt: str | None = None
    log: list[Json] = field(default_factory=list)

    def copy(self) -> "GameState":
        """A copy that shares nothing a rule could change: every list and dict is copied, all the
        way down (log entries are never changed after they are written, so the log shares them)."""
        clone = GameState.__new__(GameState)
        for name in _FIELD_NAMES:
            value = getattr(self, name)
            if name == "players":
                value = [p.copy() for p in value]
            elif name == "log":
                value = list(value)
            elif isinstance(value, (list, dict)):
                value = _clone(value)
            setattr(clone, name, value)
        return clone

    @property
    def player(self) -> PlayerState:
        return self.players[self.current]

    @property
    def finished(self) -> bool:
        return self.phase == "summary"

    def to_json(self) -> Json:
        return asdict(self)

    def all_cards(self) -> list[str]:
        """Every role, task and dilemma copy in the game, wherever it lies (each exactly once)."""
        cards = self.pile + self.discard + self.market + self.dilemmas_done
        for p in self.players:
            cards += p.mix + p.hand
        for held in (self.dilemma, (self.room_request or {}).get("card")):
            if held:
                cards.append(held)
        return cards

    @classmethod
    def from_json(cls, data: Json) -> "GameState":
        data = dict(data)
        data["players"] = [PlayerState(**p) for p in data["players"]]
        return cls(**data)

    def __repr__(self) -> str:
        who = self.players[self.current].name if self.players else "-"
        return (f"<GameState {self.deck_id} {self.mode} round {self.round}/{self.rounds} "
                f"{self.phase} {who} log={len(self.log)}>")


def _clone(value: Any) -> Any:
    """A deep copy of JSON-like data (lists, dicts, and values that cannot change)."""
    if type(value) is list:
        return [_clone(v) for v in value]
    if type(value) is dict:
        return {k: _clone(v) for k, v in value.items()}
    return value


_FIELD_NAMES = tuple(f.name for f in fields(GameState))
