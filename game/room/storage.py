"""The hub's memory: one SQLite file (WAL) in the data folder with the results, the tables and the room's settings.

Every accepted result is committed (synchronous=FULL) before the hub answers 201, so a crash
or `kill -9` right after loses nothing that a table was told is safe. "Sessie wissen" deletes
the rows with secure_delete on and checkpoints the WAL, so the data is gone from the disk too.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

DB_NAME = "room.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tables (
    id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE,
    first_seen REAL NOT NULL, last_seen REAL NOT NULL, progress TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY AUTOINCREMENT, token TEXT NOT NULL UNIQUE, game_key TEXT NOT NULL UNIQUE,
    table_id TEXT NOT NULL DEFAULT '', received REAL NOT NULL, body TEXT NOT NULL);
"""


@dataclass
class StoredResult:
    id: int
    token: str
    game_key: str
    table_id: str
    received: float
    data: dict


@dataclass
class StoredTable:
    id: str
    number: int
    first_seen: float
    last_seen: float
    progress: dict


class TokenTaken(Exception):
    """Another table already holds this result token."""


class RoomStore:
    """All reads and writes of the room's file; safe to call from one thread at a time (the hub's
    database thread), guarded by a lock for tests that call it directly."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / DB_NAME
        self._lock = threading.Lock()
        self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA secure_delete=ON")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            try:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                self.db.close()

    @property
    def journal_mode(self) -> str:
        with self._lock:
            return self.db.execute("PRAGMA journal_mode").fetchone()[0]

    # ------------------------------------------------------------------ settings
    def get(self, key: str, default=None):
        with self._lock:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def put(self, key: str, value) -> None:
        with self._lock:
            self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, json.dumps(value)))

    # ------------------------------------------------------------------ tables
    def touch_table(self, table_id: str, progress: dict | None = None, now: float | None = None) -> StoredTable:
        """The table (numbered 1, 2, ... in order of first contact), with its progress updated when given."""
        now = time.time() if now is None else now
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                row = self.db.execute("SELECT id, number, first_seen, last_seen, progress FROM tables WHERE id = ?",
                                      (table_id,)).fetchone()
                if row is None:
                    number = self.db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM tables").fetchone()[0]
                    text = json.dumps(progress or {})
                    self.db.execute("INSERT INTO tables (id, number, first_seen, last_seen, progress) "
                                    "VALUES (?, ?, ?, ?, ?)", (table_id, number, now, now, text))
                    row = (table_id, number, now, now, text)
                else:
                    text = json.dumps(progress) if progress is not None else row[4]
                    self.db.execute("UPDATE tables SET last_seen = ?, progress = ? WHERE id = ?", (now, text, table_id))
                    row = (row[0], row[1], row[2], now, text)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        return StoredTable(row[0], row[1], row[2], row[3], json.loads(row[4]))

    def tables(self) -> list[StoredTable]:
        with self._lock:
            rows = self.db.execute("SELECT id, number, first_seen, last_seen, progress FROM tables "
                                   "ORDER BY number").fetchall()
        return [StoredTable(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    # ------------------------------------------------------------------ results
    def add_result(self, token: str, game_key: str, table_id: str, data: dict,
                   now: float | None = None) -> tuple[StoredResult, bool]:
        """Store a result; (stored, True) when it is new or replaces the same table's earlier version
        under the same token (a player chose to share more), (existing, False) for a game already here.
        Raises TokenTaken when another table holds the token."""
        outcome = self.add_results([(token, game_key, table_id, data)], now)[0]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def add_results(self, items: list[tuple], now: float | None = None) -> list:
        """Several results in one transaction (one wait for the disk: results that arrive together
        are committed together). Per item (stored, new) or the TokenTaken it raised."""
        now = time.time() if now is None else now
        out: list = []
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for token, game_key, table_id, data in items:
                    try:
                        out.append(self._add(token, game_key, table_id, data, now))
                    except TokenTaken as exc:
                        out.append(exc)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        return out

    def _add(self, token: str, game_key: str, table_id: str, data: dict, now: float) -> tuple[StoredResult, bool]:
        columns = "id, token, game_key, table_id, received, body"
        by_token = self.db.execute(f"SELECT {columns} FROM results WHERE token = ?", (token,)).fetchone()
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if by_token is not None:
            if by_token[3] != table_id:
                raise TokenTaken(token)
            if by_token[2] == game_key:
                return _result(by_token), False
            clash = self.db.execute("SELECT id FROM results WHERE game_key = ? AND token != ?",
                                    (game_key, token)).fetchone()
            if clash is not None:  # this version is already stored under another link
                self.db.execute("DELETE FROM results WHERE id = ?", (clash[0],))
            self.db.execute("UPDATE results SET game_key = ?, body = ?, received = ? WHERE id = ?",
                            (game_key, body, now, by_token[0]))
            return StoredResult(by_token[0], token, game_key, table_id, now, data), True
        by_key = self.db.execute(f"SELECT {columns} FROM results WHERE game_key = ?", (game_key,)).fetchone()
        if by_key is not None:
            return _result(by_key), False
        cur = self.db.execute("INSERT INTO results (token, game_key, table_id, received, body) "
                              "VALUES (?, ?, ?, ?, ?)", (token, game_key, table_id, now, body))
        assert cur.lastrowid is not None  # an INSERT always gives the new row's id
        return StoredResult(cur.lastrowid, token, game_key, table_id, now, data), True

    def results(self) -> list[StoredResult]:
        with self._lock:
            rows = self.db.execute("SELECT id, token, game_key, table_id, received, body FROM results "
                                   "ORDER BY id").fetchall()
        return [_result(r) for r in rows]

    def result_by_token(self, token: str) -> StoredResult | None:
        with self._lock:
            row = self.db.execute("SELECT id, token, game_key, table_id, received, body FROM results "
                                  "WHERE token = ?", (token,)).fetchone()
        return _result(row) if row else None

    # ------------------------------------------------------------------ wiping
    def wipe(self) -> None:
        """Delete every result, table and timer of this room; the code, the PIN and the wall's key stay."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM results")
            self.db.execute("DELETE FROM tables")
            self.db.execute("DELETE FROM meta WHERE key NOT IN ('code', 'pin', 'wall_key')")
            self.db.execute("COMMIT")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.execute("VACUUM")


def _result(row) -> StoredResult:
    return StoredResult(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))
