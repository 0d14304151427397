"""A table's link to the room: results wait in the data folder until the hub has them, the game never
waits on the network, and the table reads the round timer."""

import json
import socket
import threading

import pytest

from game.room.client import RoomLink, probe_room, progress_of
from game.room.sharing import ShareChoice, shared_result
from tests.room.helpers import HubProcess, bot_result, call, room, wait_until


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    h = HubProcess(tmp_path_factory.mktemp("hub"), module_scoped=True).start()
    yield h
    assert h.stop() == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sent(link) -> list:
    return [json.loads(p.read_text()) for p in sorted(link.sent_dir.glob("*.json"))]


def test_a_result_reaches_the_hub_and_its_take_home_link_works(hub, tmp_path):
    link = RoomLink(hub.base, hub.code, tmp_path)
    result = bot_result(seed=31, players=2)
    url = link.submit(result)
    wait_until(lambda: link.waiting() == 0, 30, "the result sent")
    link.close()
    assert url.startswith(hub.base + "/r/") and len(url.rsplit("/", 1)[1]) >= 22
    page = call(hub.base, "GET", url[len(hub.base):])
    assert page.status == 200 and b"handout.pdf" in page.body
    pdf = call(hub.base, "GET", url[len(hub.base):] + "/handout.pdf", timeout=60)
    assert pdf.status == 200 and pdf.body.startswith(b"%PDF")
    assert call(hub.base, "GET", "/r/" + "x" * 24).status == 404  # a guessed link finds nothing


def test_the_same_game_twice_keeps_its_link_and_is_stored_once(hub, tmp_path):
    link = RoomLink(hub.base, hub.code, tmp_path)
    result = bot_result(seed=32)
    first = link.submit(result)
    wait_until(lambda: link.waiting() == 0, 30, "the result sent")
    assert link.submit(result) == first  # e.g. the game resumed at its summary
    assert link.waiting() == 0
    link.close()
    assert sum(r["summary"]["players"][0]["mix"] == result["summary"]["players"][0]["mix"]
               and r["summary"]["seed"] == 32 for r in room(hub)["results"]) == 1


def test_sharing_initials_later_replaces_the_anonymous_result_under_the_same_link(hub, tmp_path):
    link = RoomLink(hub.base, hub.code, tmp_path)
    result = bot_result(seed=33, players=2, names=("Noor de Vries", "Sam Jansen"))
    url = link.submit(result)
    wait_until(lambda: link.waiting() == 0, 30, "the anonymous result sent")
    assert link.share(result, ShareChoice(initials=True)) == url
    wait_until(lambda: link.waiting() == 0, 30, "the shared result sent")
    link.close()
    mine = [r for r in room(hub)["results"] if r["summary"]["seed"] == 33]
    assert len(mine) == 1
    assert [p["name"] for p in mine[0]["summary"]["players"]] == ["NDV", "SJ"]
    assert "Noor" not in json.dumps(mine[0])


def test_while_the_hub_is_away_results_wait_in_the_data_folder_and_arrive_when_it_is_back(tmp_path):
    port = free_port()
    link = RoomLink(f"http://127.0.0.1:{port}", "ABCDE", tmp_path / "table", heartbeat=0.2)
    result = bot_result(seed=34)
    link.submit(result)
    link.report_progress({"round": 4, "rounds": 4, "phase": "summary", "players": 1, "mode": "solo"})
    wait_until(lambda: link.status == "unreachable", 30, "the link to notice the hub is away")
    assert link.waiting() == 1
    hub = HubProcess(tmp_path / "hub", port=port, extra=["--code", "ABCDE"]).start()
    try:
        wait_until(lambda: link.waiting() == 0, 60, "the waiting result sent")
        assert link.status == "connected"
        assert room(hub)["results"] == [shared_result(result)]
    finally:
        link.close()
        assert hub.stop() == 0


def test_a_restarted_game_sends_what_waited_in_its_outbox(hub, tmp_path):
    port = free_port()
    away = RoomLink(f"http://127.0.0.1:{port}", hub.code, tmp_path)  # the game ran while the hub was away
    away.submit(bot_result(seed=35))
    away.close()
    assert away.waiting() == 1
    back = RoomLink(hub.base, hub.code, tmp_path)  # the next start, now with the hub's right address
    back.report_progress({"round": 0, "rounds": 4, "phase": "values", "players": 1, "mode": "solo"})
    wait_until(lambda: back.waiting() == 0, 30, "the old result sent")
    back.close()
    assert any(r["summary"]["seed"] == 35 for r in room(hub)["results"])


def test_the_game_never_waits_on_the_network(tmp_path):
    """A hub that accepts connections but never answers: the link's thread hangs on it, the game does not."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    held = []
    accepting = threading.Thread(target=lambda: held.append(silent.accept()), daemon=True)
    accepting.start()
    link = RoomLink(f"http://127.0.0.1:{silent.getsockname()[1]}", "ABCDE", tmp_path)
    link.report_progress({"round": 1, "rounds": 4, "phase": "turn", "players": 1, "mode": "solo"})
    wait_until(lambda: held, 30, "the link's request to reach the silent hub")
    url = link.submit(bot_result(seed=36))  # returns while the link's request still hangs unanswered
    assert url and link.waiting() == 1
    assert link._thread.is_alive()
    link.close(wait=0.1)  # quitting does not wait for the silent hub either
    assert link.waiting() == 1  # the result stays for the next time
    for conn, _ in held:
        conn.close()
    silent.close()


def test_a_wrong_code_keeps_the_result_and_says_so(hub, tmp_path):
    link = RoomLink(hub.base, "WRONG", tmp_path)
    link.submit(bot_result(seed=37))
    wait_until(lambda: link.status == "wrong_code", 30, "the hub's refusal")
    assert link.waiting() == 1
    link.close()


def test_a_result_the_hub_will_never_take_is_put_aside_with_the_reason(hub, tmp_path):
    link = RoomLink(hub.base, hub.code, tmp_path)
    broken = bot_result(seed=38)
    broken["summary"]["players"][0]["personal_fit"] = "high"
    link.submit(broken)
    wait_until(lambda: list(link.refused_dir.glob("*.json")), 30, "the refused result set aside")
    link.close()
    assert link.waiting() == 0
    aside = json.loads(next(link.refused_dir.glob("*.json")).read_text())
    assert "personal_fit" in aside["reason"]


def test_a_table_reads_the_round_timer_the_facilitator_started(hub, tmp_path):
    assert call(hub.base, "POST", "/api/admin/timer", {"action": "start", "seconds": 150},
                headers={"X-Room-PIN": hub.pin}).status == 200
    link = RoomLink(hub.base, hub.code, tmp_path, heartbeat=0.2)
    link.report_progress({"round": 2, "rounds": 4, "phase": "reflect", "players": 3, "mode": "table"})
    wait_until(lambda: link.timer().running, 30, "the timer at the table")
    timer = link.timer()
    assert 100 < timer.remaining <= 150 and timer.duration == 150
    from game.room.timer import timer_text

    assert timer_text("nl", timer) in ("Nog 3 minuten", "Nog 2 minuten")
    assert call(hub.base, "POST", "/api/admin/timer", {"action": "stop"},
                headers={"X-Room-PIN": hub.pin}).status == 200
    wait_until(lambda: not link.timer().active, 30, "the timer gone at the table")
    link.close()
    assert link.table_number and link.table_number >= 1


def test_the_connect_button_learns_whether_address_and_code_are_right(hub):
    assert probe_room(hub.base, hub.code) == "ok"
    assert probe_room(hub.base + "/wall", hub.code.lower()) == "ok"  # what the wall shows, as typed
    assert probe_room(hub.base, "NOPE") == "wrong_code"
    assert probe_room(f"http://127.0.0.1:{free_port()}", hub.code, timeout=2) == "unreachable"
    assert probe_room("ftp://nowhere", hub.code) == "bad_address"


def test_a_session_tells_its_listeners_after_every_move_and_undo():
    from game.content import find_deck, load_deck
    from game.core.bots import choose
    from game.session import Session

    deck = load_deck(find_deck("breder-belang"))
    session = Session.start(deck, ["Ik"], seed=3)
    seen = []
    session.listeners.append(lambda s: seen.append(len(s.state.log)))
    while not session.can_undo:
        assert session.act(choose(deck, session.state, "balanced")) is None
    assert seen == list(range(1, len(session.state.log) + 1))
    assert session.undo() is None
    assert seen[-1] == len(session.state.log) == len(seen) - 2
