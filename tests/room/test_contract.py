"""The hub's contract (docs/room.md): what a table may post, what it gets back, and that bad input
changes nothing. The hub runs as `bbb host` in a subprocess on 127.0.0.1."""

import asyncio
import copy
import json
import re
import time

import pytest

from tests.room.helpers import HubProcess, bot_result, call, room

SOLO = bot_result(seed=11)
TABLE = bot_result(seed=12, players=4)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    h = HubProcess(tmp_path_factory.mktemp("hub"), module_scoped=True).start()
    yield h
    assert h.stop() == 0


def post(hub, result, code=None, source=None, **headers) -> object:
    body = result if isinstance(result, bytes) else json.dumps(result).encode("utf-8")
    return call(hub.base, "POST", "/api/results", body, code=hub.code if code is None else code, headers=headers,
                source=source)


def test_the_first_line_of_bbb_host_is_the_wall_address(hub):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/wall\?key=[\w-]{12}", hub.url)
    assert call(hub.base, "GET", hub.url[len(hub.base):]).status == 200


def test_the_wall_and_its_data_need_the_address_from_the_hubs_screen(hub):
    """The wall shows the room code: without the wall's key a stranger on the network learns nothing."""
    for path in ("/wall", "/api/wall", "/api/wall/stream", "/wall?key=guessed12345", "/api/wall?key=x"):
        reply = call(hub.base, "GET", path, source="127.0.3.1")
        assert reply.status == 403, path
        assert hub.code.encode() not in reply.body
    home = call(hub.base, "GET", "/")
    assert home.status == 200 and hub.code.encode() not in home.body


def test_a_posted_result_is_created_and_the_same_result_twice_is_stored_once(hub):
    first = post(hub, TABLE)
    again = post(hub, TABLE)
    assert (first.status, again.status) == (201, 201)
    assert first.json()["token"] == again.json()["token"]
    games = [r for r in room(hub)["results"] if r["summary"] == TABLE["summary"]]
    assert len(games) == 1


def test_the_room_lists_results_as_posted_and_the_tables(hub):
    assert post(hub, SOLO).status == 201
    body = room(hub)
    assert set(body) >= {"results", "tables"}
    assert SOLO in body["results"]
    assert isinstance(body["tables"], list)


@pytest.mark.parametrize("code", ["", "WRONG", "zzzzz"])
def test_a_wrong_or_missing_code_is_refused_with_403_and_changes_nothing(hub, code):
    before = room(hub)
    other = bot_result(seed=13)
    source = f"127.0.2.{len(code) + 1}"
    reply = call(hub.base, "POST", "/api/results", json.dumps(other).encode(), code=code or None, source=source)
    assert reply.status == 403
    assert call(hub.base, "GET", "/api/room", code=code or None, source=source).status == 403
    assert room(hub) == before


def test_the_code_may_be_typed_in_small_letters_with_spaces(hub):
    typed = " ".join(hub.code.lower())
    assert call(hub.base, "GET", "/api/room", code=typed).status == 200


def broken(change) -> dict:
    data = copy.deepcopy(SOLO)
    change(data)
    return data


SCHEMA_FAILURES = {
    "a fit is text": broken(lambda d: d["summary"]["players"][0].__setitem__("personal_fit", "hoog")),
    "a fit above 100": broken(lambda d: d["summary"]["players"][0].__setitem__("social_fit", 250)),
    "no summary": broken(lambda d: d.pop("summary")),
    "not a result of this game": broken(lambda d: d.__setitem__("format", "something-else")),
    "a newer version": broken(lambda d: d.__setitem__("version", 99)),
    "no players": broken(lambda d: d["summary"].__setitem__("players", [])),
    "a JSON list": [1, 2, 3],
}


@pytest.mark.parametrize("what", sorted(SCHEMA_FAILURES))
def test_a_result_that_fails_the_schema_gets_422_and_changes_nothing(hub, what):
    before = room(hub)
    reply = post(hub, SCHEMA_FAILURES[what])
    assert reply.status == 422, reply.body
    assert "error" in reply.json()
    assert room(hub) == before


@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe\x00", b""])
def test_a_body_that_is_not_json_gets_400_and_changes_nothing(hub, body):
    before = room(hub)
    assert post(hub, body).status == 400
    assert room(hub) == before


def test_an_oversized_body_gets_413_and_changes_nothing(hub):
    before = room(hub)
    huge = copy.deepcopy(SOLO)
    huge["padding"] = "x" * (2 * 1024 * 1024)
    assert post(hub, huge).status == 413
    assert room(hub) == before
    assert call(hub.base, "GET", "/api/room", code=hub.code).status == 200  # still serving


def test_a_result_with_the_scoring_model_version_is_accepted(hub):
    with_model = bot_result(seed=14)
    with_model["model"] = 2
    assert post(hub, with_model).status == 201


def test_progress_needs_a_table_id_and_sane_numbers(hub):
    table = "t" * 30
    ok = call(hub.base, "POST", "/api/progress", {"round": 2, "rounds": 4, "phase": "turn", "players": 3,
                                                  "mode": "table"}, code=hub.code, headers={"X-Room-Table": table})
    assert ok.status == 200 and ok.json()["table"] >= 1
    assert call(hub.base, "POST", "/api/progress", {"round": 2, "rounds": 4, "phase": "turn"},
                code=hub.code, headers={"X-Room-Table": None}).status == 400
    bad = call(hub.base, "POST", "/api/progress", {"round": -1, "rounds": 4, "phase": "dancing"}, code=hub.code,
               headers={"X-Room-Table": table})
    assert bad.status == 422


ADMIN = [("/api/admin/state", "GET", None), ("/api/admin/results.csv", "GET", None),
         ("/api/admin/results.json", "GET", None), ("/api/admin/report.pdf", "GET", None),
         ("/api/admin/timer", "POST", {"action": "start", "seconds": 60}),
         ("/api/admin/reveal", "POST", {"hidden": True}), ("/api/admin/wipe", "POST", {"confirm": True})]


@pytest.mark.parametrize("index", range(len(ADMIN)), ids=[a[0] for a in ADMIN])
def test_the_facilitator_api_refuses_a_wrong_pin_with_403_and_changes_nothing(hub, index):
    path, method, body = ADMIN[index]
    source = f"127.0.1.{index + 1}"  # each its own client: wrong PINs from one address soon meet 429
    before = room(hub)
    wrong = str((int(hub.pin) + 1) % 1_000_000).zfill(6)
    reply = call(hub.base, method, path, body, headers={"X-Room-PIN": wrong}, source=source)
    assert reply.status == 403
    assert call(hub.base, method, path, body, source=source).status == 403  # no PIN at all
    assert room(hub) == before


def test_logging_in_with_a_wrong_pin_gets_403_and_the_right_one_a_cookie(hub):
    wrong = str((int(hub.pin) + 1) % 1_000_000).zfill(6)
    assert call(hub.base, "POST", "/api/admin/login", {"pin": wrong}, source="127.0.0.5").status == 403
    ok = call(hub.base, "POST", "/api/admin/login", {"pin": hub.pin}, source="127.0.0.5")
    assert ok.status == 200
    cookie = ok.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    session = cookie.split(";", 1)[0]
    assert call(hub.base, "GET", "/api/admin/state", headers={"Cookie": session}).status == 200


def test_guessing_the_code_soon_meets_429(hub):
    statuses = [call(hub.base, "GET", "/api/room", code=f"GUESS{i}", source="127.0.0.6").status for i in range(15)]
    assert statuses[0] == 403 and statuses[-1] == 429
    assert call(hub.base, "GET", "/api/room", code=hub.code, source="127.0.0.6").status == 429  # for a minute
    assert call(hub.base, "GET", "/api/room", code=hub.code).status == 200  # others go on


def test_pages_come_from_the_hub_only(hub):
    wall = call(hub.base, "GET", hub.url[len(hub.base):])
    text = wall.body.decode()
    assert "http://" not in text and "https://" not in text  # no CDN, no external font
    assert "default-src 'self'" in wall.headers["Content-Security-Policy"]
    for asset in ("/static/wall.js", "/static/room.css", "/static/facilitator.js", "/fonts/DejaVuSans.ttf"):
        assert call(hub.base, "GET", asset).status == 200, asset
    assert call(hub.base, "GET", "/static/..%2Fserver.py").status == 404
    assert call(hub.base, "GET", "/fonts/..%2F..%2Fgame%2F__init__.py").status == 404


# ---------------------------------------------------------------------------- a flood


async def flood(base: str, code: str, seconds: float, connections: int = 50) -> dict:
    """As many GET /api/room as 50 connections of one client can send in `seconds`; statuses counted."""
    import aiohttp

    counts: dict = {}
    sent = 0
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections)) as session:
        async def worker():
            nonlocal sent
            while time.monotonic() < deadline:
                try:
                    async with session.get(base + "/api/room", headers={"X-Room-Code": code}) as resp:
                        await resp.read()
                        counts[resp.status] = counts.get(resp.status, 0) + 1
                except aiohttp.ClientError as exc:
                    counts[type(exc).__name__] = counts.get(type(exc).__name__, 0) + 1
                sent += 1

        await asyncio.gather(*(worker() for _ in range(connections)))
    counts["sent"] = sent
    return counts


def test_a_thousand_requests_a_second_from_one_client_meet_429_and_the_hub_serves_the_others(tmp_path):
    hub = HubProcess(tmp_path).start()
    try:
        import threading

        others: list = []
        done = threading.Event()

        def other_client():  # a table going about its business: a request every 0.1 s
            while not done.wait(0.1):
                t = time.monotonic()
                reply = call(hub.base, "GET", "/api/room", code=hub.code, source="127.0.0.2")
                others.append((reply.status, time.monotonic() - t))

        thread = threading.Thread(target=other_client)
        thread.start()
        try:
            counts = asyncio.run(flood(hub.base, hub.code, seconds=2.0))
        finally:
            done.set()
            thread.join(30)
        assert set(counts) - {"sent"} <= {200, 429}, counts  # refused in order, never a server error
        assert counts.get(429, 0) > counts.get(200, 0), counts
        assert others and all(status == 200 for status, _ in others), others
        assert max(seconds for _, seconds in others) < 2.0, others
        assert call(hub.base, "GET", "/api/room", code=hub.code, source="127.0.0.7").status == 200
        assert hub.proc.poll() is None
        print(f"flood: {counts['sent'] / 2.0:.0f} requests/s from one client; {counts}; "
              f"{len(others)} requests of another client all served")
    finally:
        assert hub.stop() == 0
