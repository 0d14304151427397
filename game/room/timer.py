"""The round timer the facilitator runs and every table shows ("Nog 2 minuten")."""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_SECONDS = 60 * 60


@dataclass(frozen=True)
class TimerState:
    """What a table shows: `remaining` seconds of `duration` when `running` (or `paused`);
    nothing when neither (no timer)."""

    running: bool = False
    paused: bool = False
    remaining: float = 0.0
    duration: float = 0.0

    @property
    def active(self) -> bool:
        return self.running or self.paused

    @property
    def expired(self) -> bool:
        return self.active and self.remaining <= 0

    def to_json(self) -> dict:
        return {"running": self.running, "paused": self.paused, "remaining": round(max(self.remaining, 0.0), 1),
                "duration": self.duration}

    @classmethod
    def from_json(cls, data: object) -> "TimerState":
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(bool(data.get("running")), bool(data.get("paused")),
                       max(0.0, float(data.get("remaining", 0))), max(0.0, float(data.get("duration", 0))))
        except (TypeError, ValueError):
            return cls()

    def after(self, elapsed: float) -> "TimerState":
        """The same timer `elapsed` seconds later (a table counts down between two looks at the hub)."""
        if not self.running:
            return self
        return TimerState(True, False, max(0.0, self.remaining - elapsed), self.duration)


# The hub keeps the timer as plain data in its settings: {"duration", "ends_at" | "left"}.

def started(seconds: float, now: float) -> dict:
    seconds = max(1.0, min(float(seconds), MAX_SECONDS))
    return {"duration": seconds, "ends_at": now + seconds}


def paused(stored: dict | None, now: float) -> dict | None:
    if not stored or stored.get("ends_at") is None:
        return stored
    return {"duration": stored["duration"], "left": max(0.0, stored["ends_at"] - now)}


def resumed(stored: dict | None, now: float) -> dict | None:
    if not stored or stored.get("left") is None:
        return stored
    return {"duration": stored["duration"], "ends_at": now + stored["left"]}


def state_of(stored: dict | None, now: float) -> TimerState:
    if not stored:
        return TimerState()
    if stored.get("ends_at") is not None:
        return TimerState(True, False, max(0.0, stored["ends_at"] - now), stored["duration"])
    return TimerState(False, True, stored.get("left", 0.0), stored["duration"])


def timer_text(lang: str, state: TimerState) -> str:
    """'Nog 2 minuten', 'Nog 45 seconden', 'De tijd is om'; empty without a timer."""
    from ..i18n import t

    if not state.active:
        return ""
    if state.remaining <= 0:
        return t(lang, "room.timer_over")
    if state.remaining > 90:
        text = t(lang, "room.timer_minutes", minutes=math.ceil(state.remaining / 60))
    else:
        text = t(lang, "room.timer_seconds", seconds=math.ceil(state.remaining))
    return text + (" " + t(lang, "room.timer_paused") if state.paused else "")
