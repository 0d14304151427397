"""The save file: the game's setup plus its action log (the state is replayed from them)."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .storage import StorageError, atomic_write_json, read_json

SAVE_FORMAT = "breder-belang-boost/save"
SAVE_VERSION = 1
# Fault injection for tests/reliability/test_kill_and_resume.py: with BBB_KILL_AFTER_SAVES=N the
# process kills itself (SIGKILL, as `kill -9` does) right after its N-th completed save.
KILL_AFTER_SAVES = "BBB_KILL_AFTER_SAVES"
_saves_written = 0


@dataclass
class SaveData:
    deck_id: str
    deck_source: str  # the folder the deck was loaded from, to find it again
    deck_fingerprint: str
    names: list[str]
    rounds: int
    seed: int | str
    mode: str
    log: list[dict] = field(default_factory=list)
    lang: str = "nl"
    timer: int = 0  # discussion timer in seconds, 0 = off
    saved_at: str = ""
    result_file: str = ""  # the result JSON this game wrote at its summary, so a resume writes no second one

    def to_json(self) -> dict:
        return {
            "format": SAVE_FORMAT, "version": SAVE_VERSION, "saved_at": self.saved_at,
            "deck": {"id": self.deck_id, "source": self.deck_source, "fingerprint": self.deck_fingerprint},
            "setup": {"names": self.names, "rounds": self.rounds, "seed": self.seed, "mode": self.mode,
                      "lang": self.lang, "timer": self.timer},
            "log": self.log,
            "result_file": self.result_file,
        }

    @classmethod
    def from_json(cls, data: object, path: Path) -> "SaveData":
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            raise StorageError("foreign", path)
        version = data.get("version")
        if not isinstance(version, int) or version > SAVE_VERSION:
            raise StorageError("future", path, str(version))
        try:
            deck, setup, log = data["deck"], data["setup"], data["log"]
            result = cls(
                deck_id=str(deck["id"]), deck_source=str(deck.get("source", "")),
                deck_fingerprint=str(deck.get("fingerprint", "")),
                names=[str(n) for n in setup["names"]], rounds=int(setup["rounds"]),
                seed=setup["seed"], mode=str(setup["mode"]), lang=str(setup.get("lang", "nl")),
                timer=int(setup.get("timer", 0)), log=list(log), saved_at=str(data.get("saved_at", "")),
                result_file=str(data.get("result_file", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise StorageError("corrupt", path, f"missing or wrong field: {exc}") from None
        if not all(isinstance(a, dict) for a in result.log) or not isinstance(result.seed, (int, str)):
            raise StorageError("corrupt", path, "log or seed malformed")
        return result


class DeckChanged(StorageError):
    """The deck's files changed since the game began (another fingerprint): the game's log would
    replay into a different game, or not at all, so it is not resumed."""

    def __init__(self, path: Path, deck_id: str, saved: str, current: str) -> None:
        super().__init__("deck_changed", path, f"deck {deck_id}: fingerprint {saved} in the save, {current} now")
        self.deck_id, self.saved_fingerprint, self.current_fingerprint = deck_id, saved, current


def write_save(path: Path, save: SaveData) -> Path:
    save.saved_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    written = atomic_write_json(path, save.to_json())
    _count_save()
    return written


def _count_save() -> None:
    global _saves_written
    limit = os.environ.get(KILL_AFTER_SAVES)
    if not limit:
        return
    _saves_written += 1
    if _saves_written >= int(limit):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def read_save(path: Path) -> SaveData:
    return SaveData.from_json(read_json(path), Path(path))
