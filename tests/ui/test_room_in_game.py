"""The room from the game's own screens: joining from the setup, the share choice and the take-home
QR on the summary, and the room's header during play, against a real hub on 127.0.0.1."""

import pygame
import pytest

from game.room.discovery import FoundRoom
from game.room.sharing import ShareChoice
from game.ui.scenes.join_room import JoinRoomScene
from tests.room.helpers import HubProcess, call, wait_until, wall
from tests.ui.conftest import DT, click_widget, play_to, press, type_text


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    h = HubProcess(tmp_path_factory.mktemp("hub"), module_scoped=True).start()
    yield h
    assert h.stop() == 0


def steps_until(app, condition, what, timeout=30):
    """Frames (the screen keeps working) until `condition()` holds: the network answers in a thread."""
    def check():
        app.step([], DT)
        return condition()

    return wait_until(check, timeout, what)


def open_join(app):
    click_widget(app, "new")
    assert app.top.name == "setup"
    click_widget(app, "join")
    assert app.top.name == "join_room"
    return app.top


def type_into(app, wid, text):
    click_widget(app, wid)
    type_text(app, text)


@pytest.fixture(autouse=True)
def no_network_search(monkeypatch):
    """The scene's search for hubs (mDNS) finds nothing in these tests unless a test says otherwise."""
    monkeypatch.setattr(JoinRoomScene, "finder", staticmethod(lambda: []))


def test_joining_with_a_wrong_code_says_so_and_keeps_the_setup(new_app, hub):
    app = new_app()
    click_widget(app, "new")
    setup = app.top
    click_widget(app, "mode:table")
    type_into(app, "name:0", "Noor")
    click_widget(app, "join")
    scene = app.top
    type_into(app, "address", hub.base)
    type_into(app, "code", "WRONG1")
    press(app, pygame.K_RETURN)  # Enter in the code box moves to "Verbinden"
    press(app, pygame.K_RETURN)
    steps_until(app, lambda: scene.probe is None and scene.message, "the hub's answer")
    assert scene.message == scene.t("join.wrong_code")
    assert app.top is scene, "the screen stays, with what was typed"
    assert scene.widget("address").data["text"] == hub.base and scene.widget("code").data["text"] == "WRONG1"
    assert app.controller.room is None
    press(app, pygame.K_ESCAPE)
    assert app.top is setup and setup.table and setup.names[0] == "Noor", "the setup is as it was"
    assert setup.room_status() == ""


def test_an_address_where_no_hub_answers_says_so(new_app):
    app = new_app()
    scene = open_join(app)
    type_into(app, "address", "127.0.0.1:9")
    type_into(app, "code", "ABCDEF")
    click_widget(app, "connect")
    steps_until(app, lambda: scene.probe is None and scene.message, "the probe's answer")
    assert scene.message == scene.t("join.unreachable", address="127.0.0.1:9")
    assert app.controller.room is None


def test_joining_with_the_right_code_links_the_table_and_the_setup_says_so(new_app, hub):
    app = new_app()
    scene = open_join(app)
    type_into(app, "address", hub.base)
    type_into(app, "code", hub.code.lower())  # as read off the wall, in any case
    click_widget(app, "connect")
    steps_until(app, lambda: app.top.name == "setup", "back on the setup")
    room = app.controller.room
    assert room is not None and room.code == hub.code and room.base == hub.base
    assert app.top.room_status() == app.top.t("join.setup_status", room=hub.base)
    assert not app.top.message, "no warning box for good news: the status line says it"
    assert app.top.focus_id == "start", "back on the setup, Enter starts as it did before"
    click_widget(app, "start")
    steps_until(app, lambda: any(t.get("phase") for t in wall(hub)["tables"]), "the table on the wall")


def test_a_joined_table_can_leave_the_room_from_the_same_screen(new_app, hub):
    app = new_app("--room", hub.base, "--room-code", hub.code)
    scene = open_join(app)
    assert scene.t("join.now", room=hub.base)  # the screen says which room
    click_widget(app, "leave")
    assert app.controller.room is None and scene.message == scene.t("join.left")
    assert scene.widget("leave") is None
    press(app, pygame.K_ESCAPE)
    assert app.top.room_status() == ""


def test_a_room_found_on_the_network_fills_the_address_and_joins_with_the_code(new_app, hub, monkeypatch):
    found = FoundRoom("zaal-3", hub.base, "127.0.0.1", hub.port)
    monkeypatch.setattr(JoinRoomScene, "finder", staticmethod(lambda: [found]))
    app = new_app()
    scene = open_join(app)
    steps_until(app, lambda: scene.widget("found:0") is not None, "the found room listed")
    click_widget(app, "found:0")
    assert scene.focus_id == "code", "next the code"
    type_text(app, hub.code)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    steps_until(app, lambda: app.top.name == "setup", "back on the setup")
    assert app.controller.room_name == "zaal-3"
    assert "zaal-3" in app.top.room_status()


def test_the_search_runs_beside_the_screen_which_keeps_taking_keys(new_app, monkeypatch):
    import threading

    release = threading.Event()
    monkeypatch.setattr(JoinRoomScene, "finder", staticmethod(lambda: release.wait(30) and []))
    app = new_app()
    scene = open_join(app)
    assert scene.rooms is None and scene.wants_ticks()
    type_into(app, "address", "10.0.0.5:8765")
    assert scene.address == "10.0.0.5:8765", "typing works while the network is searched"
    release.set()
    steps_until(app, lambda: scene.rooms == [], "the search finished")
    assert scene.widget("address").data["text"] == "10.0.0.5:8765"


def summary_in_room(new_app, hub, *extra):
    app = new_app("--room", hub.base, "--room-code", hub.code, *extra)
    play_to(app, "summary")
    return app, app.top


def test_the_share_choice_is_off_by_default_and_the_wall_gets_no_initials(new_app, hub):
    app, scene = summary_in_room(new_app, hub, "--players", "2", "--seed", "71")
    assert scene.share_choice == ShareChoice()
    assert not scene.widget("share:initials").selected and not scene.widget("share:answers").selected
    words = [b[1] for b in scene.doc.blocks if len(b) > 1]
    assert "• " + scene.t("room.share_initials_no") in words and "• " + scene.t("room.share_answers_no") in words
    room = app.controller.room
    steps_until(app, lambda: room.waiting() == 0 and _players(hub, 71), "the result at the hub")
    names = [p["name"] for p in _players(hub, 71)]
    assert names and all(n == "" for n in names), names
    click_widget(app, "share:initials")
    assert app.top.widget("share:initials").selected
    words = [b[1] for b in app.top.doc.blocks if len(b) > 1]
    assert "• " + scene.t("room.share_initials_yes") in words
    steps_until(app, lambda: all(p["name"] for p in _players(hub, 71)), "the initials at the hub")


def _players(hub, seed):
    from tests.room.helpers import room

    return [p for r in room(hub)["results"] if r["summary"]["seed"] == seed for p in r["summary"]["players"]]


def test_in_a_room_the_qr_leads_to_the_results_own_page_at_the_hub(new_app, hub):
    from game.export import qr_modules

    app, scene = summary_in_room(new_app, hub, "--solo", "--seed", "72")
    link = scene.room_link
    assert link.startswith(hub.base + "/r/")
    assert scene.qr() == qr_modules(link)
    room = app.controller.room
    steps_until(app, lambda: room.waiting() == 0, "the result at the hub")
    assert call(hub.base, "GET", link[len(hub.base):]).status == 200


def test_without_a_room_the_summary_has_no_share_choice(new_app):
    app = new_app("--solo")
    play_to(app, "summary")
    assert app.top.widget("share:initials") is None and app.top.room_link == ""


def test_during_play_a_small_header_shows_the_rooms_timer_and_state_and_keys_still_reach_the_game(new_app, hub):
    assert call(hub.base, "POST", "/api/admin/timer", {"action": "start", "seconds": 125},
                headers={"X-Room-PIN": hub.pin}).status == 200
    try:
        app = new_app("--room", hub.base, "--room-code", hub.code, "--solo")
        play_to(app, "turn")
        steps_until(app, lambda: "Zaal: verbonden" in app.room_badge and "Nog 2:" in app.room_badge,
                    "the header with the timer")
        scene = app.top
        before = scene.focus_id
        press(app, pygame.K_TAB)
        assert app.top is scene and scene.focus_id != before, "Tab still moves the focus"
    finally:
        call(hub.base, "POST", "/api/admin/timer", {"action": "stop"}, headers={"X-Room-PIN": hub.pin})


def test_without_a_room_no_header_is_drawn(new_app):
    app = new_app("--solo")
    play_to(app, "turn")
    app.step([], 1.0)
    assert app.room_badge == ""


def test_the_header_counts_results_waiting_for_an_unreachable_hub():
    from game.room.timer import TimerState
    from game.ui.room_badge import badge_text, clock_text

    class Link:
        status = "unreachable"

        def timer(self):
            return TimerState(True, False, 119.2, 120)

        def waiting(self):
            return 1

    assert badge_text(Link(), "nl") == "Nog 2:00 · Zaal: niet bereikbaar / 1 uitslag wacht"
    assert clock_text(0.4) == "0:01" and clock_text(61) == "1:01"
