"""The game without a window: the controller routes, writes the result once and reports a save
that fails; and the window shows what it reports."""

import json
import subprocess
import sys

import pygame

from game.__main__ import build_parser
from game.core.bots import choose
from game.ui.controller import Controller, PlayOptions, parse_size

from .conftest import DT, play_to, press, ui_deck


def controller_for(tmp_path, *extra):
    args = build_parser().parse_args(["play", "--data-dir", str(tmp_path), *extra])
    return Controller(PlayOptions.from_args(args), ui_deck())


def play_out(controller):
    routes = []
    while not controller.session.state.finished:
        route = controller.route()
        if route.handover is not None:
            controller.confirm_handover(route.key)
            continue
        routes.append(route.scene)
        assert controller.act(choose(controller.session.deck, controller.session.state, "balanced")) is None
    routes.append(controller.route().scene)
    return routes


def test_the_controller_loads_without_pygame():
    code = "import sys, game.ui.controller; sys.exit('pygame' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_a_whole_table_game_through_the_controller_alone_routes_hand_overs_and_screens(tmp_path):
    c = controller_for(tmp_path)
    changes = []
    c.on_change(lambda: changes.append(c.route().scene))
    c.start_game(c.deck_override, ["Sam", "Lot"], 3, 5, "nl", 0)
    first = c.route()
    assert first.scene == "handover" and first.handover == 0
    routes = play_out(c)
    assert {"values", "event", "turn", "boost", "reflect"} <= set(routes) and routes[-1] == "summary"
    assert changes[-1] == "summary" and "handover" in changes
    assert len(list((tmp_path / "results").glob("*.json"))) == 1


def test_a_finished_game_writes_its_result_once_also_when_resumed_from_an_older_save(tmp_path):
    c = controller_for(tmp_path, "--solo")
    c.start_game(c.deck_override, ["Sam"], 3, 7, "nl", 0)
    play_out(c)
    results = tmp_path / "results"
    assert len(list(results.glob("*.json"))) == 1
    # the backup from before the result was written: the same finished game, no result_file in it
    save = json.loads((tmp_path / "autosave.json").read_text(encoding="utf-8"))
    save["result_file"] = ""
    (tmp_path / "autosave.json.bak").write_text(json.dumps(save), encoding="utf-8")
    again = controller_for(tmp_path, "--solo")
    assert again.resume(from_backup=True)
    assert again.route().scene == "summary"
    assert len(list(results.glob("*.json"))) == 1, "no second result for the same game"
    assert again.session.save.result_file == next(results.glob("*.json")).name


def test_exports_loop_over_the_registry_and_name_their_files(tmp_path):
    from game.export.formats import FORMATS, looks_right, offered

    c = controller_for(tmp_path, "--solo")
    c.start_game(c.deck_override, ["Sam"], 3, 7, "nl", 0)
    play_out(c)
    assert [f.name for f in offered()] == ["pdf", "png"] and "json" in FORMATS
    for fmt in offered():
        outcome = c.export(fmt.name)
        assert outcome.ok and outcome.paths and all(looks_right(fmt, p) for p in outcome.paths)
        assert all(p.name in outcome.message for p in outcome.paths)


def test_sizes_on_the_command_line_are_kept_within_what_the_layout_supports():
    assert parse_size("800x400") == (1024, 600) and parse_size("9000x9000") == (3840, 2160)
    assert parse_size("groot") is None and parse_size("1280x720") == (1280, 720)


def test_a_data_folder_that_cannot_be_written_is_shown_on_the_screen_and_play_goes_on(new_app, tmp_path):
    """Also as root: the data folder's parent is a regular file, so nothing can be created in it."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    app = new_app("--solo", path=blocker / "data")
    play_to(app, "turn", limit=40, step=lambda a: press(a, pygame.K_RETURN))
    problem = app.controller.save_problem
    assert problem and "niet bewaard" in problem
    scene = app.top
    assert problem in scene.notes() and problem in scene.spoken_text()
    drawn = []
    import game.ui.scenes.base as base_module

    real = base_module.draw_text

    def spy(surface, theme, text, *a, **k):
        drawn.append(text)
        return real(surface, theme, text, *a, **k)

    base_module.draw_text = spy
    try:
        scene.draw(pygame.Surface(app.size))  # the whole screen, as a screenshot would take it
    finally:
        base_module.draw_text = real
    assert problem in drawn, "the banner is drawn on the screen"
    press(app, pygame.K_RETURN)  # play goes on
    assert app.controller.session.state.log
