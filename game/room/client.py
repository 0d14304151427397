"""A table's link to the room's hub: progress and finished results go out from a background thread.

The game never waits on the network. A finished result is first written to the outbox folder in
the data folder (`room-outbox/`) and sent from there; when the hub cannot be reached it waits
there, and goes out as soon as the hub answers again (also after a restart of the game). What the
hub accepted moves to `room-outbox/sent/`, so the table keeps the take-home link and a record of
what it shared. Standard library only: no pygame, no extra HTTP package.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .protocol import (HEADER_CODE, HEADER_TABLE, HEADER_TOKEN, new_token, normalize_code, result_link,
                       room_base_url, valid_token)
from .sharing import ANONYMOUS, ShareChoice, shared_result
from .timer import TimerState

OUTBOX = "room-outbox"
TABLE_FILE = "room-table.json"
HEARTBEAT_SECONDS = 5.0
PROGRESS_EVERY = 1.0  # at most one progress report a second: bots and fast players make many moves
REQUEST_TIMEOUT = 5.0
RESULT_TIMEOUT = 20.0  # a hub checking thirty results at once answers the last one later
BACKOFF_FIRST, BACKOFF_MAX = 0.5, 15.0
WRONG_CODE_WAIT = 30.0


@dataclass(frozen=True)
class Answer:
    status: int  # 0 when the hub could not be reached
    data: dict
    headers: dict


def _opener():
    # A school's proxy settings must not send a request for a laptop in the same room elsewhere.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def request(base: str, method: str, path: str, code: str, body: bytes | None = None, headers: dict | None = None,
            timeout: float = REQUEST_TIMEOUT) -> Answer:
    """One HTTP request to the hub; never raises for network trouble (status 0 instead)."""
    req = urllib.request.Request(base + path, data=body, method=method,
                                 headers={HEADER_CODE: code, "Content-Type": "application/json", **(headers or {})})
    try:
        with _opener().open(req, timeout=timeout) as resp:
            return Answer(resp.status, _json(resp.read()), dict(resp.headers))
    except urllib.error.HTTPError as exc:
        with exc:
            return Answer(exc.code, _json(exc.read()), dict(exc.headers or {}))
    except (OSError, ValueError, urllib.error.URLError):
        return Answer(0, {}, {})


def _json(raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def probe_room(url: str, code: str, timeout: float = 3.0) -> str:
    """'ok', 'wrong_code', 'unreachable' or 'bad_address': for the setup screen's connect button
    (call it from a thread; it may take `timeout` seconds)."""
    try:
        base = room_base_url(url)
    except ValueError:
        return "bad_address"
    answer = request(base, "GET", "/api/timer", normalize_code(code), timeout=timeout)
    if answer.status == 200:
        return "ok"
    if answer.status == 403:
        return "wrong_code"
    return "unreachable"


def progress_of(state) -> dict:
    """What the wall shows of a game in progress: round, phase and the size of the table."""
    return {"round": int(state.round), "rounds": int(state.rounds), "phase": str(state.phase),
            "players": len(state.players), "mode": str(state.mode)}


def _write_atomic(path: Path, data: dict) -> None:
    from ..session.storage import atomic_write_json

    atomic_write_json(path, data, keep_backup=False)


class RoomLink:
    """The table's side of the room. `attach(session)` follows a game; `submit()` queues a result;
    `timer()` is the round timer as the hub last said; `close()` ends the link."""

    def __init__(self, url: str, code: str, data_dir: str | os.PathLike, *, heartbeat: float = HEARTBEAT_SECONDS,
                 timeout: float = REQUEST_TIMEOUT, start: bool = True) -> None:
        self.base = room_base_url(url)
        self.code = normalize_code(code)
        self.data_dir = Path(data_dir)
        self.outbox = self.data_dir / OUTBOX
        self.sent_dir = self.outbox / "sent"
        self.refused_dir = self.outbox / "refused"
        self.heartbeat, self.timeout = heartbeat, timeout
        self.table_id = self._table_id()
        self.status = "connecting"  # connected, unreachable, wrong_code
        self.table_number: int | None = None
        self._lock = threading.Lock()
        self._progress: dict | None = None
        self._progress_sent: dict | None = None
        self._last_contact = 0.0
        self._timer = TimerState()
        self._timer_stamp = time.monotonic()
        self._wake = threading.Event()
        self._closing = False
        self._idle = threading.Event()
        self._backoff = 0.0
        self._games: dict[str, str] = {}  # game key -> token, for the games this link has queued
        self._thread = threading.Thread(target=self._run, name="room-link", daemon=True)
        if start:
            self._thread.start()

    # ------------------------------------------------------------------ for the game
    def attach(self, session) -> None:
        """Follow `session`: its progress after every action, and its result when the game ends."""
        if self.observe not in session.listeners:
            session.listeners.append(self.observe)
        self.observe(session)

    def observe(self, session) -> None:
        """A session listener: cheap, never raises, never touches the network."""
        try:
            state = session.state
            self.report_progress(progress_of(state))
            if state.phase == "summary":
                from ..export.results import build_result

                self.submit(build_result(session.deck, session.summary(), list(state.log), session.save))
        except Exception as exc:  # the room must never end a game
            self.last_error = f"{type(exc).__name__}: {exc}"

    last_error = ""

    def report_progress(self, progress: dict) -> None:
        with self._lock:
            self._progress = dict(progress)
        self._wake.set()

    def submit(self, result: dict, choice: ShareChoice = ANONYMOUS) -> str:
        """Queue a finished result (reduced to what `choice` shares) and return its take-home link.
        The same game submitted again keeps its link; with another choice it replaces what was shared."""
        from ..export.results import game_key

        key = game_key(result)  # of the full result: the same game whatever is shared
        name = key[:40] + ".json"
        token = self._games.get(key) or self._known_token(name) or new_token()
        self._games[key] = token
        envelope = {"token": token, "table": self.table_id, "queued": time.time(), "choice": choice.to_json(),
                    "result": shared_result(result, choice)}
        previous = self._read(self.sent_dir / name)
        if previous and previous.get("choice") == envelope["choice"]:
            return result_link(self.base, token)  # already at the hub, as it is
        _write_atomic(self.outbox / name, envelope)
        self._wake.set()
        return result_link(self.base, token)

    def share(self, result: dict, choice: ShareChoice) -> str:
        """The players changed what they share on the summary: send it again under the same link."""
        return self.submit(result, choice)

    def timer(self) -> TimerState:
        with self._lock:
            return self._timer.after(time.monotonic() - self._timer_stamp)

    def waiting(self) -> int:
        """Results in the outbox that the hub has not accepted yet."""
        return len(self._pending())

    def close(self, wait: float = 2.0) -> None:
        """Stop the link. While the hub answers, up to `wait` seconds go to sending what is left;
        anything unsent stays in the outbox for the next time."""
        self._closing = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(wait if self.status == "connected" else min(wait, 0.5))

    # ------------------------------------------------------------------ files
    def _table_id(self) -> str:
        path = self.data_dir / TABLE_FILE
        data = self._read(path)
        if data and valid_token(data.get("table")):
            return data["table"]
        table = new_token()
        try:
            _write_atomic(path, {"table": table})
        except Exception:  # a read-only data folder: this run still has an id
            pass
        return table

    @staticmethod
    def _read(path: Path) -> dict | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _known_token(self, name: str) -> str | None:
        for folder in (self.outbox, self.sent_dir):
            data = self._read(folder / name)
            if data and valid_token(data.get("token")):
                return data["token"]
        return None

    def _pending(self) -> list[Path]:
        try:
            files = [p for p in self.outbox.glob("*.json") if p.is_file()]
        except OSError:
            return []
        return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))

    def _move(self, path: Path, folder: Path, **extra) -> None:
        data = self._read(path) or {}
        data.update(extra)
        try:
            _write_atomic(folder / path.name, data)
            path.unlink()
        except Exception:
            pass

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        while True:
            self._wake.wait(self._backoff or self._next_progress_wait())
            self._wake.clear()
            if self._closing and not self._work_left():
                return
            ok = self._send_progress() and self._send_results()
            if ok:
                self._backoff = 0.0
            elif self._closing:
                return
            elif self.status == "wrong_code":
                self._backoff = WRONG_CODE_WAIT
            else:
                self._backoff = min(BACKOFF_MAX, max(BACKOFF_FIRST, self._backoff * 2))

    def _next_progress_wait(self) -> float:
        with self._lock:
            since = time.monotonic() - self._last_contact
            if self._progress is not None and self._progress != self._progress_sent:
                return max(0.0, PROGRESS_EVERY - since) + 0.001
            return max(0.0, self.heartbeat - since) + 0.001

    def _work_left(self) -> bool:
        with self._lock:
            return self._progress != self._progress_sent or bool(self._pending())

    def _post(self, path: str, body: bytes, headers: dict | None = None, timeout: float | None = None) -> Answer:
        answer = request(self.base, "POST", path, self.code, body, {HEADER_TABLE: self.table_id, **(headers or {})},
                         timeout=timeout or self.timeout)
        if answer.status == 0:
            self.status = "unreachable"
        elif answer.status == 403:
            self.status = "wrong_code"
        elif answer.status < 500:
            self.status = "connected"
        return answer

    def _send_progress(self) -> bool:
        with self._lock:
            progress = self._progress
            since = time.monotonic() - self._last_contact
            changed = progress != self._progress_sent
            due = (changed and (since >= PROGRESS_EVERY or self._closing)) or since >= self.heartbeat
        if progress is None or not due:
            return True
        answer = self._post("/api/progress", json.dumps(progress).encode("utf-8"))
        if answer.status != 200:
            return answer.status not in (0, 403, 429) and answer.status < 500  # a refused report is dropped
        with self._lock:
            self._progress_sent = progress
            self._last_contact = time.monotonic()
            self._timer = TimerState.from_json(answer.data.get("timer"))
            self._timer_stamp = time.monotonic()
        self.table_number = answer.data.get("table")
        return True

    def _send_results(self) -> bool:
        for path in self._pending():
            envelope = self._read(path)
            if not envelope or not isinstance(envelope.get("result"), dict) or not valid_token(envelope.get("token")):
                self._move(path, self.refused_dir, reason="not a result envelope")
                continue
            body = json.dumps(envelope["result"], ensure_ascii=False).encode("utf-8")
            answer = self._post("/api/results", body, {HEADER_TOKEN: envelope["token"]},
                                timeout=max(self.timeout, RESULT_TIMEOUT))
            if answer.status == 201:
                self._move(path, self.sent_dir, sent=time.time(), url=result_link(self.base, envelope["token"]))
                with self._lock:
                    self._last_contact = time.monotonic()
            elif answer.status in (400, 409, 413, 422):  # the hub will never take this one: keep it aside
                self._move(path, self.refused_dir, reason=str(answer.data.get("error", answer.status)))
            else:
                return False
        return True
