"""Real parts for the room's tests: the hub as a subprocess on 127.0.0.1, results of real bot games,
plain HTTP calls, a listener on the wall's live stream, and waiting on conditions (never on time)."""

from __future__ import annotations

import json
import os
import queue
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import ClassVar
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HUB_START_TIMEOUT = 30.0


def wait_until(condition, timeout: float, what: str, interval: float = 0.02):
    """The first truthy value of `condition()` within `timeout` seconds; AssertionError naming `what` otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def child_env(**extra) -> dict:
    env = dict(os.environ)
    env.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
                "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


@dataclass
class HubProcess:
    """`bbb host` running in a subprocess; `lines` is everything it printed so far."""

    data_dir: Path
    port: int = 0
    extra: list = field(default_factory=list)
    module_scoped: bool = False  # shared by the tests of a module: stopped by its fixture
    proc: subprocess.Popen | None = None
    url: str = ""
    base: str = ""
    code: str = ""
    pin: str = ""
    wall_key: str = ""
    lines: list = field(default_factory=list)

    running: ClassVar[list] = []  # every hub a test started; tests/room/conftest.py stops what is left

    def start(self) -> "HubProcess":
        HubProcess.running.append(self)
        self.lines = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", "host", "--bind", "127.0.0.1", "--port", str(self.port),
             "--data-dir", str(self.data_dir), "--no-announce", *self.extra],
            cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
            start_new_session=True)  # its own process group, as in a terminal
        got: queue.Queue = queue.Queue()

        def read():
            for line in self.proc.stdout:
                self.lines.append(line.rstrip("\n"))
                got.put(line)
            got.put(None)

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + HUB_START_TIMEOUT
        while not any(ln.startswith("Ctrl+C") for ln in self.lines):
            try:
                line = got.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"the hub did not start: {self.lines}") from None
            if line is None:
                raise AssertionError(f"the hub ended at start (exit {self.proc.wait()}): {self.lines}")
        self.url = self.lines[0]
        self.base = self.url.rsplit("/wall", 1)[0]
        self.wall_key = self.url.rsplit("key=", 1)[1]
        self.port = int(self.base.rsplit(":", 1)[1])
        self.code = re.search(r"room code: (\w+)", "\n".join(self.lines)).group(1)
        self.pin = re.search(r"PIN (\d+)", "\n".join(self.lines)).group(1)
        return self

    def stop(self) -> int:
        """Ctrl+C, as a facilitator stops it in a terminal (to the whole process group); the exit status."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                return self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("the hub did not stop on Ctrl+C within 20 s") from None
        return self.proc.returncode if self.proc else 0

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=20)


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def call(base: str, method: str, path: str, body: bytes | dict | None = None, code: str | None = None,
         headers: dict | None = None, timeout: float = 10.0, source: str | None = None) -> Reply:
    """One request; `source` is the local address to send from (127.0.0.2 is another client on loopback)."""
    import http.client
    from urllib.parse import urlsplit

    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode("utf-8")
    hdrs = dict(headers or {})
    # Each call its own client (a table id of its own), so that a test's many quick calls meet the
    # per-address limit only; the per-client limit has its own test.
    hdrs.setdefault("X-Room-Table", secrets.token_urlsafe(18))
    hdrs = {k: v for k, v in hdrs.items() if v is not None}  # None: leave that header out
    if code is not None:
        hdrs["X-Room-Code"] = code
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        conn.request(method, path, body=body, headers=hdrs)
        resp = conn.getresponse()
        return Reply(resp.status, resp.read(), dict(resp.headers))
    finally:
        conn.close()


def wall(hub: HubProcess) -> dict:
    reply = call(hub.base, "GET", f"/api/wall?key={hub.wall_key}")
    assert reply.status == 200, reply
    return reply.json()


def room(hub: HubProcess) -> dict:
    reply = call(hub.base, "GET", "/api/room", code=hub.code)
    assert reply.status == 200, reply
    return reply.json()


class WallListener:
    """Reads the wall's live stream (the same one the page uses) and notes when each player marker
    id was first seen."""

    def __init__(self, base: str, key: str) -> None:
        self.base, self.key = base, key
        self.first_seen: dict[str, float] = {}
        self.states: list[dict] = []
        self.error: BaseException | None = None
        self._stop = False
        self._resp = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        wait_until(lambda: self.states or self.error, 20, "the wall's first state")
        if self.error:
            raise self.error

    def _run(self) -> None:
        import http.client
        from urllib.parse import urlsplit

        parts = urlsplit(self.base)
        try:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
            conn.request("GET", f"/api/wall/stream?key={self.key}")
            self._resp = conn.getresponse()
            data_lines: list[str] = []
            while not self._stop:
                raw = self._resp.readline()
                if not raw:
                    return
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("data: "):
                    data_lines.append(line[6:])
                elif line == "" and data_lines:
                    state = json.loads("\n".join(data_lines))
                    data_lines = []
                    now = time.time()
                    for p in state["players"]:
                        self.first_seen.setdefault(p["id"], now)
                    self.states.append(state)
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            if not self._stop:
                self.error = exc

    @property
    def last(self) -> dict:
        return self.states[-1]

    def close(self) -> None:
        self._stop = True
        try:
            if self._resp is not None:
                self._resp.close()
        except Exception:
            pass


@lru_cache(maxsize=None)
def _deck():
    from game.content import find_deck, load_deck

    return load_deck(find_deck("breder-belang"))


def bot_result(seed: int, players: int = 1, names: tuple | None = None) -> dict:
    """The result JSON of a real bot game, as `bbb play` writes it."""
    from game.core.bots import play_game
    from game.core.summary import summarize
    from game.export.results import build_result

    deck = _deck()
    names = list(names or ([f"Speler {i + 1}" for i in range(players)] if players > 1 else ["Ik"]))
    styles = (["balanced", "social", "personal", "random"] * 2)[: len(names)]
    state = play_game(deck, names, styles, seed=seed)
    setup = {"names": names, "rounds": state.rounds, "seed": seed, "mode": state.mode, "lang": "nl"}
    return build_result(deck, summarize(deck, state), list(state.log), setup)
