"""Whole games through the real scenes: Enter alone, bots clicking widgets, a table of four."""

import json

import pygame


from .conftest import click_widget, play_to, press


def enter(app):
    press(app, pygame.K_RETURN)


def test_pressing_enter_on_every_screen_plays_a_whole_solo_game(new_app):
    app = new_app()
    assert app.top.name == "title"
    seen = play_to(app, "summary", limit=500, step=enter)
    for name in ("setup", "values", "event", "turn", "boost", "reflect"):
        assert name in seen
    assert app.controller.session.state.finished


def test_bots_play_a_solo_game_by_clicking_the_widgets_of_each_scene(new_app):
    app = new_app("--solo", "--seed", "7")
    seen = play_to(app, "summary")
    assert "turn" in seen and "boost" in seen
    state = app.controller.session.state
    assert state.finished and state.players[0].mix, "the bots built a week through the turn screen"
    assert any(a["type"] in ("play", "swap") for a in state.log)


def test_a_table_of_four_hands_the_laptop_over_and_ends_on_one_shared_chart(new_app):
    app = new_app("--players", "4", "--seed", "11")
    seen = play_to(app, "summary", limit=6000)
    assert "handover" in seen
    summary = app.top.summary
    assert len(summary.players) == 4 and summary.mode == "table"
    log_types = {a["type"] for a in app.controller.session.state.log}
    assert "give_boost" in log_types
    app.step([], 1 / 30)  # the summary draws with every player's marker


def test_reaching_the_summary_writes_the_result_once(new_app, tmp_path):
    app = new_app("--solo")
    play_to(app, "summary")
    results = list((tmp_path / "results").glob("*.json")) if (tmp_path / "results").exists() else []
    try:
        import game.export  # noqa: F401
        from game.export import save_result  # noqa: F401
    except ImportError:
        return
    assert len(results) == 1
    json.loads(results[0].read_text(encoding="utf-8"))
    app.show_route()  # routing to the summary again does not write a second file
    assert len(list((tmp_path / "results").glob("*.json"))) == 1


def test_the_summary_says_it_is_a_mirror_not_a_test_and_explains_the_scores(new_app):
    app = new_app("--solo")
    play_to(app, "summary")
    click_widget(app, "how")
    assert app.top.name == "explain"
    doc_text = " ".join(str(b[1]) for b in app.top.doc.blocks if len(b) > 1)
    assert "=" in doc_text
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "summary"
