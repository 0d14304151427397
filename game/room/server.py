"""The hub's HTTP server (aiohttp): the tables' API, the wall and its live stream, the facilitator's
page and the take-home pages. The contract is in docs/room.md."""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiohttp import web

from ..export.results import game_key
from . import exports, pages
from . import timer as round_timer
from .limits import RateLimiter
from .protocol import (HEADER_CODE, HEADER_PIN, HEADER_TABLE, HEADER_TOKEN, MAX_RESULT_BYTES,
                       MAX_SMALL_BODY_BYTES, PHASES, new_token, normalize_code, result_link, valid_token)
from .storage import RoomStore, StoredResult, StoredTable, TokenTaken
from .validation import Refusal, parse_result, result_validator
from .wall import wall_state

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

ADMIN_COOKIE = "bbb_admin"
KEEPALIVE_SECONDS = 15.0
COALESCE_SECONDS = 0.05  # results arriving together become one wall update
MAX_STREAMS_PER_ADDRESS = 20
MAX_STREAMS = 400


@dataclass
class Limits:
    """Requests a second (and bursts) per client; a client is an address plus its table id."""

    client_rate: float = 20.0
    client_burst: float = 60.0
    address_rate: float = 200.0
    address_burst: float = 400.0
    failures_per_minute: float = 10.0


@dataclass
class HubConfig:
    code: str
    pin: str
    public_url: str  # what the wall shows to join, e.g. http://192.168.1.20:8765
    wall_key: str = ""  # the wall's address holds it: the wall shows the room code, so not everyone may see it
    limits: Limits = field(default_factory=Limits)
    checkers: int = 0  # processes that check results (0: one per core, at most 4)


def _start_checker() -> None:
    """In a checker process: Ctrl+C in the terminal reaches the whole process group; the hub itself
    decides when its checkers end, so they ignore it (and print no KeyboardInterrupt)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up() -> bool:
    result_validator()
    return True


def _check(body: bytes):
    """In a checker process: the parsed result and its game key, or a Refusal."""
    checked = parse_result(body)
    if isinstance(checked, Refusal):
        return checked
    return checked, game_key(checked)


class Checkers:
    """Results are checked against the schema in separate processes: checking costs tens of
    milliseconds of CPU per result, and in other processes it neither holds up the hub's event
    loop nor waits for one core when thirty tables finish together."""

    def __init__(self, workers: int = 0) -> None:
        import multiprocessing
        import os

        self.workers = workers or max(1, min(4, os.cpu_count() or 1))
        self._context = multiprocessing.get_context("spawn")  # the same on Windows, macOS and Linux
        self._pool: ProcessPoolExecutor | None = None
        self._fallback = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-check")

    def start(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        import signal
        import threading

        # Checkers start with Ctrl+C ignored (an ignored signal stays ignored in a new process), so
        # that one even during their start-up reaches only the hub, which then stops them itself.
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            pool = self._pool = ProcessPoolExecutor(self.workers, mp_context=self._context,
                                                    initializer=_start_checker)
            for _ in range(self.workers):  # starts each worker and loads the schema before the first table posts
                pool.submit(_warm_up)
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)

    async def check(self, body: bytes):
        from concurrent.futures.process import BrokenProcessPool

        loop = asyncio.get_running_loop()
        if self._pool is not None:
            try:
                return await loop.run_in_executor(self._pool, _check, body)
            except BrokenProcessPool:  # a checker died (e.g. killed): start new ones, check here now
                self._pool = None
                try:
                    self.start()
                except OSError:
                    pass
        return await loop.run_in_executor(self._fallback, _check, body)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._fallback.shutdown(wait=False, cancel_futures=True)


class Hub:
    """The room in memory (a copy of what the store holds) plus the handlers of every route."""

    def __init__(self, store: RoomStore, config: HubConfig) -> None:
        self.store = store
        self.config = config
        self.code = normalize_code(config.code)
        self.results: list[StoredResult] = store.results()
        self.tables: dict[str, StoredTable] = {tb.id: tb for tb in store.tables()}
        self.hidden: bool = bool(store.get("hidden", False))
        self.timer: dict | None = store.get("timer")
        self.admin_sessions: set[str] = set()
        self.version = 0
        self._changed: asyncio.Event | None = None
        self._snapshots: dict = {}
        self.streams: dict[str, int] = {}
        self.closing = False
        # One thread owns the database (commits wait for the disk, never the event loop); another
        # builds PDFs, so a handout being drawn never delays a table's result.
        self.db_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-db")
        self.work_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-pdf")
        self.checkers = Checkers(config.checkers)
        self._writes: list[tuple] = []  # results waiting for the next commit
        self._flushing: asyncio.Task | None = None
        lim = config.limits
        self.client_limit = RateLimiter(lim.client_rate, lim.client_burst)
        self.address_limit = RateLimiter(lim.address_rate, lim.address_burst)
        self.failure_limit = RateLimiter(lim.failures_per_minute / 60.0, lim.failures_per_minute)

    # ------------------------------------------------------------------ live updates
    @property
    def changed(self) -> asyncio.Event:
        if self._changed is None:
            self._changed = asyncio.Event()
        return self._changed

    def mark_changed(self) -> None:
        self.version += 1
        self._snapshots.clear()
        event, self._changed = self.changed, asyncio.Event()
        event.set()

    def wall_snapshot(self, lang: str) -> dict:
        key = (self.version, lang, int(time.time() // KEEPALIVE_SECONDS))
        snap = self._snapshots.get(key)
        if snap is None:
            snap = wall_state(self.results, sorted(self.tables.values(), key=lambda tb: tb.number), self.hidden,
                              round_timer.state_of(self.timer, time.time()), time.time(), lang)
            snap["join"] = {"url": self.config.public_url, "code": self.code}
            snap["version"] = self.version
            self._snapshots = {key: snap}
        return snap

    async def in_db(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.db_thread, fn, *args)

    async def close(self) -> None:
        self.closing = True
        self.mark_changed()  # wakes every open stream so it can end
        self.db_thread.shutdown(wait=True)
        self.work_thread.shutdown(wait=False, cancel_futures=True)
        self.checkers.close()

    # ------------------------------------------------------------------ checks
    def client_key(self, request: web.Request) -> tuple:
        return request.remote or "?", request.headers.get(HEADER_TABLE, "")[:64]

    def code_ok(self, request: web.Request) -> bool:
        given = normalize_code(request.headers.get(HEADER_CODE, ""))
        return hmac.compare_digest(given.encode(), self.code.encode())

    def admin_ok(self, request: web.Request) -> bool:
        pin = request.headers.get(HEADER_PIN)
        if pin is not None:
            return hmac.compare_digest(pin.strip().encode(), self.config.pin.encode())
        cookie = request.cookies.get(ADMIN_COOKIE, "")
        return any(hmac.compare_digest(cookie.encode(), s.encode()) for s in self.admin_sessions)

    def refused_auth(self, request: web.Request, what: str) -> web.Response:
        """403, and every failure counts: guessing codes or PINs soon meets 429."""
        self.failure_limit.allow(request.remote or "?", time.monotonic())
        return error(403, what)

    def too_many_failures(self, request: web.Request) -> bool:
        key = request.remote or "?"
        bucket = self.failure_limit.buckets.get(key)
        if bucket is None:
            return False
        now = time.monotonic()
        return bucket.tokens + (now - bucket.stamp) * self.failure_limit.rate < 1

    # ------------------------------------------------------------------ the tables' API
    async def post_result(self, request: web.Request) -> web.Response:
        if self.too_many_failures(request):
            return error(429, "too many wrong codes from this address; wait a minute")
        if not self.code_ok(request):
            return self.refused_auth(request, "wrong room code")
        body = await read_body(request, MAX_RESULT_BYTES)
        table_id = request.headers.get(HEADER_TABLE, "")
        if table_id and not valid_token(table_id):
            return error(400, f"{HEADER_TABLE} is not a table id")
        token = request.headers.get(HEADER_TOKEN) or new_token()
        if not valid_token(token):
            return error(400, f"{HEADER_TOKEN} must be 22 to 64 letters, digits, - or _")
        checked = await self.checkers.check(body)
        if isinstance(checked, Refusal):
            return error(checked.status, checked.message)
        data, key = checked
        outcome = await self.store_result(token, key, table_id, data)
        if isinstance(outcome, TokenTaken):
            return error(409, "this result link belongs to another table")
        stored, new = outcome
        return web.json_response({"token": stored.token, "url": result_link(self.config.public_url, stored.token),
                                  "stored": "new" if new else "already", "wall_id": stored.id}, status=201)

    async def store_result(self, token: str, key: str, table_id: str, data: dict):
        """Commit with whatever other results are waiting (one wait for the disk for all of them);
        (stored, new) or TokenTaken."""
        done = asyncio.get_running_loop().create_future()
        self._writes.append(((token, key, table_id, data), done))
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.create_task(self._flush())
        return await done

    async def _flush(self) -> None:
        while self._writes:
            batch, self._writes = self._writes, []
            try:
                outcomes = await self.in_db(self.store.add_results, [item for item, _ in batch])
            except Exception as exc:  # the disk failed: every waiting request hears it
                for _, done in batch:
                    if not done.done():
                        done.set_exception(exc)
                continue
            known = {r.id for r in self.results}
            changed = reload = False
            for (item, done), outcome in zip(batch, outcomes):
                if not isinstance(outcome, Exception) and outcome[1]:
                    changed = True
                    reload = reload or outcome[0].id in known
                    if not reload:
                        self.results.append(outcome[0])
                        known.add(outcome[0].id)
                    table_id = item[2]
                    if table_id and table_id not in self.tables:
                        self.tables[table_id] = await self.in_db(self.store.touch_table, table_id, None)
            if reload:  # a table replaced what it shared: read the room again
                self.results = await self.in_db(self.store.results)
            if changed:
                self.mark_changed()
            for (_, done), outcome in zip(batch, outcomes):
                if not done.done():
                    done.set_result(outcome)

    async def post_progress(self, request: web.Request) -> web.Response:
        if self.too_many_failures(request):
            return error(429, "too many wrong codes from this address; wait a minute")
        if not self.code_ok(request):
            return self.refused_auth(request, "wrong room code")
        table_id = request.headers.get(HEADER_TABLE, "")
        if not valid_token(table_id):
            return error(400, f"progress needs {HEADER_TABLE}: the table's id")
        data = await read_json(request, MAX_SMALL_BODY_BYTES)
        progress = clean_progress(data)
        if progress is None:
            return error(422, "progress is {round, rounds, phase, players, mode}")
        self.tables[table_id] = await self.in_db(self.store.touch_table, table_id, progress)
        self.mark_changed()
        return web.json_response({"table": self.tables[table_id].number,
                                  "timer": round_timer.state_of(self.timer, time.time()).to_json()})

    async def get_timer(self, request: web.Request) -> web.Response:
        if self.too_many_failures(request):
            return error(429, "too many wrong codes from this address; wait a minute")
        if not self.code_ok(request):
            return self.refused_auth(request, "wrong room code")
        return web.json_response(round_timer.state_of(self.timer, time.time()).to_json())

    async def get_room(self, request: web.Request) -> web.Response:
        if self.too_many_failures(request):
            return error(429, "too many wrong codes from this address; wait a minute")
        if not self.code_ok(request):
            return self.refused_auth(request, "wrong room code")
        tables = sorted(self.tables.values(), key=lambda tb: tb.number)
        return web.json_response(exports.results_json(self.results, tables), dumps=compact_json)

    # ------------------------------------------------------------------ the wall
    def wall_key_ok(self, request: web.Request) -> bool:
        given = request.query.get("key", "")
        return bool(self.config.wall_key) and hmac.compare_digest(given.encode(), self.config.wall_key.encode())

    def wall_url(self) -> str:
        return f"{self.config.public_url}/wall?key={self.config.wall_key}"

    async def home_page(self, request: web.Request) -> web.Response:
        """The hub's bare address: what it is and where to look; nothing of the room itself."""
        return html_response(pages.render("hub.html", pages.page_lang(request.query.get("lang"))))

    async def wall_page(self, request: web.Request) -> web.Response:
        lang = pages.page_lang(request.query.get("lang"))
        if self.too_many_failures(request):
            return html_response(pages.render("hub.html", lang), status=429)
        if not self.wall_key_ok(request):
            self.failure_limit.allow(request.remote or "?", time.monotonic())
            return html_response(pages.render("hub.html", lang), status=403)
        return html_response(pages.render("wall.html", lang))

    async def wall_json(self, request: web.Request) -> web.Response:
        if self.too_many_failures(request):
            return error(429, "too many wrong keys from this address; wait a minute")
        if not self.wall_key_ok(request):
            return self.refused_auth(request, "the wall's address is the one on the hub's screen")
        return web.json_response(self.wall_snapshot(pages.page_lang(request.query.get("lang"))), dumps=compact_json)

    async def wall_stream(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: the whole wall state at once, then again after every change."""
        if self.too_many_failures(request):
            return error(429, "too many wrong keys from this address; wait a minute")
        if not self.wall_key_ok(request):
            return self.refused_auth(request, "the wall's address is the one on the hub's screen")
        address = request.remote or "?"
        if self.streams.get(address, 0) >= MAX_STREAMS_PER_ADDRESS or sum(self.streams.values()) >= MAX_STREAMS:
            return error(429, "too many open walls from this address")
        lang = pages.page_lang(request.query.get("lang"))
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store",
                                           "X-Accel-Buffering": "no"})
        await resp.prepare(request)
        self.streams[address] = self.streams.get(address, 0) + 1
        try:
            while not self.closing:
                changed = self.changed
                snap = self.wall_snapshot(lang)
                await resp.write(b"event: wall\ndata: " + compact_json(snap).encode("utf-8") + b"\n\n")
                try:
                    await asyncio.wait_for(changed.wait(), KEEPALIVE_SECONDS)
                    await asyncio.sleep(COALESCE_SECONDS)
                except asyncio.TimeoutError:
                    pass
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self.streams[address] -= 1
            if not self.streams[address]:
                del self.streams[address]
        return resp

    # ------------------------------------------------------------------ the facilitator
    async def facilitator_page(self, request: web.Request) -> web.Response:
        lang = pages.page_lang(request.query.get("lang"))
        return html_response(pages.render("facilitator.html", lang))

    async def login(self, request: web.Request) -> web.Response:
        if self.too_many_failures(request):
            return error(429, "too many wrong PINs from this address; wait a minute")
        data = await read_json(request, MAX_SMALL_BODY_BYTES)
        pin = str(data.get("pin", "")).strip() if isinstance(data, dict) else ""
        if not hmac.compare_digest(pin.encode(), self.config.pin.encode()):
            return self.refused_auth(request, "wrong PIN")
        session = new_token()
        self.admin_sessions.add(session)
        resp = web.json_response({"ok": True})
        resp.set_cookie(ADMIN_COOKIE, session, httponly=True, samesite="Strict", path="/")
        return resp

    async def admin(self, request: web.Request, action) -> web.StreamResponse:
        if self.too_many_failures(request):
            return error(429, "too many wrong PINs from this address; wait a minute")
        if not self.admin_ok(request):
            return self.refused_auth(request, "wrong or missing PIN")
        return await action(request)

    async def admin_state(self, request: web.Request) -> web.Response:
        snap = self.wall_snapshot(pages.page_lang(request.query.get("lang")))
        return web.json_response({**snap, "data_file": str(self.store.path), "wall_url": self.wall_url()},
                                 dumps=compact_json)

    async def admin_timer(self, request: web.Request) -> web.Response:
        data = await read_json(request, MAX_SMALL_BODY_BYTES)
        action = data.get("action") if isinstance(data, dict) else None
        now = time.time()
        new: dict | None
        if action == "start":
            seconds = data.get("seconds")
            if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not 1 <= seconds <= round_timer.MAX_SECONDS:
                return error(422, f"seconds is a number from 1 to {round_timer.MAX_SECONDS}")
            new = round_timer.started(seconds, now)
        elif action == "pause":
            new = round_timer.paused(self.timer, now)
        elif action == "resume":
            new = round_timer.resumed(self.timer, now)
        elif action == "stop":
            new = None
        else:
            return error(422, "action is start, pause, resume or stop")
        await self.in_db(self.store.put, "timer", new)
        self.timer = new
        self.mark_changed()
        return web.json_response(round_timer.state_of(self.timer, now).to_json())

    async def admin_reveal(self, request: web.Request) -> web.Response:
        data = await read_json(request, MAX_SMALL_BODY_BYTES)
        if not isinstance(data, dict) or not isinstance(data.get("hidden"), bool):
            return error(422, "hidden is true or false")
        await self.in_db(self.store.put, "hidden", data["hidden"])
        self.hidden = data["hidden"]
        self.mark_changed()
        return web.json_response({"hidden": self.hidden})

    async def admin_wipe(self, request: web.Request) -> web.Response:
        data = await read_json(request, MAX_SMALL_BODY_BYTES)
        if not isinstance(data, dict) or data.get("confirm") is not True:
            return error(422, "wiping needs {\"confirm\": true}")
        await self.in_db(self.store.wipe)
        self.results, self.tables, self.timer, self.hidden = [], {}, None, False
        self.mark_changed()
        return web.json_response({"wiped": True})

    async def admin_json(self, request: web.Request) -> web.Response:
        tables = sorted(self.tables.values(), key=lambda tb: tb.number)
        return web.json_response(exports.results_json(self.results, tables), dumps=compact_json,
                                 headers={"Content-Disposition": 'attachment; filename="room-results.json"'})

    async def admin_csv(self, request: web.Request) -> web.Response:
        tables = sorted(self.tables.values(), key=lambda tb: tb.number)
        return web.Response(body=exports.results_csv(self.results, tables), content_type="text/csv", charset="utf-8",
                            headers={"Content-Disposition": 'attachment; filename="room-results.csv"'})

    async def admin_report(self, request: web.Request) -> web.Response:
        if not self.results:
            return error(409, "no results yet: nothing to report")
        lang = pages.page_lang(request.query.get("lang"))
        data = await asyncio.get_running_loop().run_in_executor(self.work_thread, exports.report_pdf,
                                                                list(self.results), lang)
        return web.Response(body=data, content_type="application/pdf",
                            headers={"Content-Disposition": 'attachment; filename="room-report.pdf"'})

    # ------------------------------------------------------------------ take it home
    def _by_token(self, request: web.Request) -> StoredResult | None:
        token = request.match_info.get("token", "")
        if not valid_token(token):
            return None
        return next((r for r in self.results if hmac.compare_digest(r.token.encode(), token.encode())), None)

    async def result_page(self, request: web.Request) -> web.Response:
        stored = self._by_token(request)
        if stored is None:
            return html_response(pages.render("gone.html", pages.page_lang(request.query.get("lang"))), status=404)
        ok = await asyncio.get_running_loop().run_in_executor(self.work_thread, exports.handout_available, stored.data)
        return html_response(pages.result_page(stored.data, stored.token, ok))

    async def result_pdf(self, request: web.Request) -> web.Response:
        stored = self._by_token(request)
        if stored is None:
            return error(404, "no such result in this room")
        try:
            data = await asyncio.get_running_loop().run_in_executor(self.work_thread, exports.handout_pdf, stored.data)
        except exports.HandoutUnavailable:
            return error(409, "this hub does not have the deck of this game")
        return web.Response(body=data, content_type="application/pdf",
                            headers={"Content-Disposition": 'attachment; filename="breder-belang-boost.pdf"'})

    # ------------------------------------------------------------------ files
    async def static(self, request: web.Request) -> web.Response:
        found = pages.static_file(request.match_info["name"])
        if found is None:
            return error(404, "no such file")
        body, kind = found
        return web.Response(body=body, headers={"Content-Type": kind, "Cache-Control": "no-cache"})

    async def font(self, request: web.Request) -> web.Response:
        from ..paths import assets_dir

        name = request.match_info["name"]
        if name not in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            return error(404, "no such font")
        return web.Response(body=(assets_dir() / "fonts" / name).read_bytes(),
                            headers={"Content-Type": "font/ttf", "Cache-Control": "max-age=86400"})


# ---------------------------------------------------------------------- helpers


def compact_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def error(status: int, message: str, headers: dict | None = None) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers)


def html_response(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


class BodyRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


async def read_body(request: web.Request, limit: int) -> bytes:
    """The body, or BodyRefused(413) as soon as it is larger than `limit` (read no further)."""
    if request.content_length is not None and request.content_length > limit:
        raise BodyRefused(413, f"the body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise BodyRefused(413, f"the body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: web.Request, limit: int):
    body = await read_body(request, limit)
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BodyRefused(400, "the body is not JSON in UTF-8") from None


def clean_progress(data) -> dict | None:
    """A table's progress with only the fields the wall shows, or None when it is not progress."""
    if not isinstance(data, dict):
        return None
    out = {}
    for key, top in (("round", 12), ("rounds", 12), ("players", 6)):
        value = data.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
            return None
        out[key] = value
    if data.get("phase") not in PHASES or data.get("mode", "") not in ("solo", "table", ""):
        return None
    out["phase"], out["mode"] = data["phase"], data.get("mode", "")
    return out


SECURITY_HEADERS = {
    # Everything comes from the hub itself; no page may be framed by another site.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                               "form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def build_app(hub: Hub) -> web.Application:
    @web.middleware
    async def guard(request: web.Request, handler):
        now = time.monotonic()
        key = hub.client_key(request)
        if not hub.address_limit.allow(key[0], now) or not hub.client_limit.allow(key, now):
            wait = max(hub.client_limit.retry_after(key), hub.address_limit.retry_after(key[0]), 0.1)
            return error(429, "too many requests; slow down", {"Retry-After": str(max(1, round(wait)))})
        try:
            resp = await handler(request)
        except BodyRefused as exc:
            resp = error(exc.status, exc.message)
        except web.HTTPException as exc:
            if exc.status >= 400:
                resp = error(exc.status, exc.reason)
            else:
                raise
        for name, value in SECURITY_HEADERS.items():
            resp.headers.setdefault(name, value)
        if request.path.startswith("/api/"):
            resp.headers.setdefault("Cache-Control", "no-store")
        return resp

    app = web.Application(middlewares=[guard], client_max_size=MAX_RESULT_BYTES)
    app["hub"] = hub

    def admin(action):
        async def handler(request):
            return await hub.admin(request, action)
        return handler

    r = app.router
    r.add_get("/", hub.home_page)
    r.add_get("/wall", hub.wall_page)
    r.add_get("/facilitator", hub.facilitator_page)
    r.add_get("/static/{name}", hub.static)
    r.add_get("/fonts/{name}", hub.font)
    r.add_get("/r/{token}", hub.result_page)
    r.add_get("/r/{token}/handout.pdf", hub.result_pdf)
    r.add_get("/api/room", hub.get_room)
    r.add_post("/api/results", hub.post_result)
    r.add_post("/api/progress", hub.post_progress)
    r.add_get("/api/timer", hub.get_timer)
    r.add_get("/api/wall", hub.wall_json)
    r.add_get("/api/wall/stream", hub.wall_stream)
    r.add_post("/api/admin/login", hub.login)
    r.add_get("/api/admin/state", admin(hub.admin_state))
    r.add_post("/api/admin/timer", admin(hub.admin_timer))
    r.add_post("/api/admin/reveal", admin(hub.admin_reveal))
    r.add_post("/api/admin/wipe", admin(hub.admin_wipe))
    r.add_get("/api/admin/results.json", admin(hub.admin_json))
    r.add_get("/api/admin/results.csv", admin(hub.admin_csv))
    r.add_get("/api/admin/report.pdf", admin(hub.admin_report))

    async def on_startup(app):
        hub.checkers.start()

    async def on_shutdown(app):
        await hub.close()

    app.on_startup.append(on_startup)
    app.on_shutdown.append(on_shutdown)
    return app
