"""Each scene driven through its event handling: turns, undo, refusals, saves, bad decks, menus."""

import json

import pygame
import pytest

from game.core.scoring import fits
from game.core.state import card_of
from game.i18n import placeholders, t
from game.paths import assets_dir

from .conftest import DT, click_widget, key, play_to, press, type_text


def enter(app):
    press(app, pygame.K_RETURN)


def to_turn(app):
    play_to(app, "turn", limit=50, step=enter)
    return app.top


def small_card(app):
    """The hand card with the fewest hours: it fits an empty or half-empty week."""
    deck = app.controller.session.deck
    return min(app.controller.session.state.player.hand, key=lambda c: deck.card(card_of(c)).hours)


def test_a_card_is_played_by_choosing_it_and_pressing_play(new_app):
    app = new_app()
    scene = to_turn(app)
    card = small_card(app)
    click_widget(app, f"hand:{card}")
    assert scene.sel_take == card
    click_widget(app, "play")
    assert card in app.controller.session.state.player.mix
    assert app.controller.session.state.actions_left == app.controller.session.deck.actions_per_turn - 1


def test_the_meters_show_what_a_card_would_change_before_it_is_played(new_app, monkeypatch):
    import game.ui.scenes.turn as turn_module

    drawn = []
    real_meter = turn_module.draw_meter

    def spy(surface, theme, rect, label, value, preview, colour):
        drawn.append((value, preview))
        real_meter(surface, theme, rect, label, value, preview, colour)

    monkeypatch.setattr(turn_module, "draw_meter", spy)
    app = new_app()
    scene = to_turn(app)
    state = app.controller.session.state
    p = state.player
    card = next(c for c in p.hand if card_of(c) != "zorgbaan")
    w = scene.widget(f"hand:{card}")
    drawn.clear()
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=w.rect.center, rel=(0, 0), buttons=(0, 0, 0), touch=False)], DT)
    text, mix = scene.preview()
    assert mix == p.mix + [card]
    now = fits(app.controller.session.deck, p.mix, p.budget, p.weights, state.needs, state.offers)
    expected = fits(app.controller.session.deck, mix, p.budget, p.weights, state.needs, state.offers)
    assert drawn[-2:] == [(now[0], expected[0]), (now[1], expected[1])], "both meters show now → after"
    assert p.mix == app.controller.session.state.player.mix, "a preview changes nothing"


@pytest.mark.parametrize("undo_by", ["ctrl_z", "button"])
def test_ctrl_z_or_the_undo_button_takes_back_the_last_move_of_this_turn(new_app, undo_by):
    app = new_app()
    to_turn(app)
    before = list(app.controller.session.state.player.mix)
    card = small_card(app)
    click_widget(app, f"hand:{card}")
    click_widget(app, "play")
    assert app.controller.session.state.player.mix != before
    if undo_by == "ctrl_z":
        press(app, pygame.K_z, pygame.KMOD_CTRL)
    else:
        click_widget(app, "undo")
    assert app.controller.session.state.player.mix == before


def test_a_refused_move_is_shown_as_a_sentence(new_app):
    app = new_app()
    to_turn(app)
    while app.controller.session.state.actions_left > 0:  # use up the turn's actions with small cards
        click_widget(app, f"hand:{small_card(app)}")
        click_widget(app, "play")
    click_widget(app, f"hand:{small_card(app)}")
    click_widget(app, "play")
    assert app.top.message == t("nl", "invalid.no_actions_left")


def test_tab_moves_a_visible_focus_and_enter_acts_on_it(new_app):
    app = new_app()
    scene = to_turn(app)
    assert scene.focus_id == "end", "Enter ends the turn by default"
    press(app, pygame.K_TAB)
    assert scene.focus_id != "end"
    first = scene.focus_id
    press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert scene.focus_id == "end"
    press(app, pygame.K_TAB)
    assert scene.focus_id == first
    if first.startswith(("hand:", "market:", "mix:")):
        press(app, pygame.K_SPACE)
        assert first.split(":", 1)[1] in (scene.sel_take, scene.sel_mix)


def test_every_game_action_is_autosaved_and_continue_resumes_the_exact_position(new_app, tmp_path):
    app = new_app()
    to_turn(app)
    card = small_card(app)
    click_widget(app, f"hand:{card}")
    click_widget(app, "play")
    log = list(app.controller.session.state.log)
    assert (tmp_path / "autosave.json").is_file()
    again = new_app()
    assert again.top.widget("continue").enabled
    click_widget(again, "continue")
    assert again.controller.session.state.log == log
    assert again.top.name == "turn"
    assert card in again.controller.session.state.player.mix


def test_a_corrupt_save_gives_one_clear_sentence_and_the_game_goes_on(new_app, tmp_path):
    (tmp_path / "autosave.json").write_text("{ not json", encoding="utf-8")
    app = new_app()
    click_widget(app, "continue")
    assert app.top.name == "title"
    assert app.controller.title_notice
    enter(app)
    assert app.top.name == "setup"


def test_a_bad_deck_shows_the_checkers_messages_and_returns_to_setup(new_app, tmp_path):
    deck_dir = tmp_path / "kapot"
    deck_dir.mkdir()
    (deck_dir / "deck.yaml").write_text("id: kapot\nformat: 1\ntitle: [unclosed\n", encoding="utf-8")
    app = new_app("--deck", str(deck_dir), deck=None)
    enter(app)
    assert app.top.name == "setup"
    enter(app)
    assert app.top.name == "deck_problems"
    assert app.top.problems
    app.step([], DT)
    press(app, pygame.K_PAGEDOWN)
    enter(app)
    assert app.top.name == "setup"


def test_escape_opens_the_pause_menu_everywhere_and_closes_it_again(new_app):
    app = new_app()
    to_turn(app)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    click_widget(app, "rules")
    assert app.top.name == "rules"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "turn"


def test_quitting_from_the_pause_menu_autosaves_and_ends_the_loop(new_app, tmp_path):
    app = new_app()
    to_turn(app)
    press(app, pygame.K_ESCAPE)
    click_widget(app, "quit")
    assert not app.running
    assert (tmp_path / "autosave.json").is_file()


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080), (3840, 2160)])
def test_every_widget_fits_the_window_at_any_size(new_app, size):
    app = new_app()
    for _ in range(4):
        app.step([pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])], DT)
        w, h = app.size
        scale = h / 1080
        for widget in app.top.widgets:
            assert 0 <= widget.rect.left and widget.rect.right <= w, widget.id
            assert 0 <= widget.rect.top and widget.rect.bottom <= h, widget.id
            if widget.kind == "button":
                assert widget.rect.height >= 48 * min(1.0, scale) - 1
        enter(app)


def test_settings_are_remembered_in_the_data_folder(new_app, tmp_path):
    app = new_app()
    click_widget(app, "settings")
    click_widget(app, "scale:1.5")
    click_widget(app, "contrast:True")
    data = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert data["ui_scale"] == 1.5 and data["high_contrast"] is True
    again = new_app()
    assert again.theme.ui_scale == 1.5 and again.theme.high_contrast


def test_a_typed_answer_goes_into_the_summary(new_app):
    app = new_app()
    play_to(app, "reflect", limit=100, step=enter)
    click_widget(app, "answer")
    type_text(app, "Ik wil zorg proberen")
    press(app, pygame.K_BACKSPACE)
    enter(app)  # Enter in the box ends the typing: the focus moves to "Verder"
    assert app.top.name == "reflect" and app.top.focus_id == "next"
    enter(app)
    answers = app.controller.session.state.players[0].answers
    assert answers and answers[0]["text"] == "Ik wil zorg probere"


def test_an_error_inside_a_scene_shows_a_calm_screen_instead_of_a_traceback(new_app, tmp_path):
    app = new_app()
    to_turn(app)

    def broken(event):
        raise RuntimeError("kapot")

    app.top.handle = broken
    app.safe_step([key(pygame.K_a)], DT)
    assert app.top.name == "error"
    assert (tmp_path / "error.log").read_text(encoding="utf-8").count("kapot")
    enter(app)
    assert app.top.name == "title"


def test_the_monkey_finds_no_lost_cards_and_no_crash(new_app):
    from game.ui.drivers.monkey import Monkey

    app = new_app()
    monkey = Monkey(app, "3")  # checks the invariants after every event
    for _ in range(600):
        app.step(monkey.events(), DT)


def test_both_languages_have_the_same_ui_keys_and_placeholders():
    nl = json.loads((assets_dir() / "strings" / "nl" / "ui.json").read_text(encoding="utf-8"))
    en = json.loads((assets_dir() / "strings" / "en" / "ui.json").read_text(encoding="utf-8"))
    assert set(nl) == set(en)
    for k in nl:
        assert placeholders(nl[k]) == placeholders(en[k]), k


def test_idle_frames_draw_nothing(new_app):
    app = new_app()
    app.step([], DT)
    assert not app.needs_draw()


def test_the_turn_screen_on_the_window_looks_exactly_like_a_full_drawing_after_every_change(new_app):
    """The turn screen keeps what does not follow the pointer as one painted layer; whatever
    happens, the frame on the window is pixel for pixel what drawing everything anew gives."""
    app = new_app()
    scene = to_turn(app)

    def same_as_full_drawing():
        app.step([], DT)
        full = pygame.Surface(app.size).convert(app.surface)
        app.use_fit(scene)
        scene.draw(full)
        shown = pygame.image.tobytes(app.surface, "RGB")
        assert shown == pygame.image.tobytes(full, "RGB"), "the window shows an out-of-date layer"

    def point_at(wid):
        w = scene.widget(wid)
        app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=w.rect.center, rel=(0, 0), buttons=(0, 0, 0),
                                     touch=False)], DT)

    same_as_full_drawing()
    hand = [w.id for w in scene.widgets if w.id.startswith("hand:")]
    point_at(hand[0])
    same_as_full_drawing()
    point_at(hand[-1])
    same_as_full_drawing()
    card = small_card(app)
    click_widget(app, f"hand:{card}")
    same_as_full_drawing()
    click_widget(app, "play")  # the game state changes: the layer is painted again
    assert card in app.controller.session.state.player.mix
    same_as_full_drawing()
    press(app, pygame.K_TAB)
    same_as_full_drawing()


def test_a_card_that_does_not_fit_asks_what_to_make_room_for_and_enter_takes_the_shown_choice(new_app):
    from game.core import actions as act
    from tests.core.test_events_and_dilemmas import room_deck, to_dilemma, with_full_week

    deck = room_deck()
    app = new_app("--solo", deck=deck)
    app.controller.start_game(deck, ["Sam"], 4, 1, "nl", 0)
    session = app.controller.session
    session.state = with_full_week(deck, to_dilemma(deck), "baan", "bijbaan")
    app.show_route()
    assert app.top.name == "dilemma"
    app.controller.act(act.resolve_dilemma(0))
    scene = app.top
    assert scene.name == "room" and [card_of(c) for c in scene.out] == ["baan"], "the cheapest room is shown"
    assert scene.widget("out:" + scene.out[0]).selected
    app.step([], DT)
    assert "leraar" in scene.main_content().lower() or scene.t("room.fits", card="").strip() in scene.main_content()
    press(app, pygame.K_RETURN)
    state = app.controller.session.state
    assert state.room_request is None and sorted(card_of(c) for c in state.player.mix) == ["bijbaan", "leraar"]
    assert app.top.name == "turn"
