"""The room's hub works from this install (`bbb --smoke-test`, also in the built program): a
finished result is checked against the schema in a worker process, as `bbb host` does, and stored
in the room's SQLite file in WAL mode. Nothing is served and no socket is opened."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Callable

from ..export.results import game_key
from .server import Checkers
from .storage import RoomStore
from .validation import Refusal


def check_room_install(result: Path, folder: Path, say: Callable[[str], None]) -> list[str]:
    """The room's hub works from this install: a result is checked against the schema in a
    worker process (as `bbb host` does) and stored in its SQLite file."""
    body = result.read_bytes()
    checkers = Checkers(workers=1)
    try:
        checkers.start()
        checked = asyncio.run(checkers.check(body))
    finally:
        checkers.close()
    if isinstance(checked, Refusal):
        return [f"room: the hub refused a finished result ({checked})"]
    data, key = checked
    store = RoomStore(folder)
    try:
        store.add_result("smoke", key, "smoke-table", data)
        stored = [r for r in store.results() if r.token == "smoke"]
        mode = store.journal_mode
    finally:
        store.close()
    say(f"room: result checked in a worker process, stored in SQLite ({mode})")
    if len(stored) != 1 or key != game_key(data) or mode.lower() != "wal":
        return ["room: the stored result did not come back"]
    return []
