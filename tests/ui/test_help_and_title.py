"""Help is one key away on every screen; the guided first round points at the parts of a turn once,
can be skipped and never takes a key from the game; the title holds its mark at every window size."""

import json

import pygame
import pytest

from tests.ui.conftest import DT, click, click_widget, key, key_up, play_to, press, type_text


def question_mark(app):
    """"?" as a keyboard sends it: Shift+/ with the character, then the typed text."""
    app.step([key(pygame.K_SLASH, pygame.KMOD_SHIFT, "?"), key_up(pygame.K_SLASH, pygame.KMOD_SHIFT),
              pygame.event.Event(pygame.TEXTINPUT, text="?")], DT)


def screens(new_app):
    """A walk through the screens around and in the game, yielding the app at each."""
    app = new_app("--solo")
    yield app  # title
    click_widget(app, "new")
    yield app  # setup
    click_widget(app, "join")
    yield app  # join the room
    press(app, pygame.K_ESCAPE)
    for name in ("values", "event", "turn", "reflect", "summary"):
        play_to(app, name)
        yield app
    click_widget(app, "how")
    yield app  # the explanation


@pytest.mark.parametrize("how", ["F1", "?"])
def test_the_rules_are_one_key_away_on_every_screen_and_esc_comes_back(new_app, how):
    seen = []
    for app in screens(new_app):
        before = app.top
        if how == "?" and before.typing():  # the reflection's answer box takes "?" as text; F1 helps there
            question_mark(app)
            assert app.top is before and before.typing_field().data["text"].endswith("?")
            press(app, pygame.K_BACKSPACE)
            seen.append(before.name)
            continue
        press(app, pygame.K_F1) if how == "F1" else question_mark(app)
        assert app.top.name == "rules", f"{how} on {before.name}"
        press(app, pygame.K_ESCAPE)
        assert app.top is before, f"back on {before.name}"
        seen.append(before.name)
    assert seen == ["title", "setup", "join_room", "values", "event", "turn", "reflect", "summary", "explain"]


def test_a_question_mark_typed_in_a_text_box_is_text(new_app):
    app = new_app()
    click_widget(app, "new")
    click_widget(app, "name:solo")
    type_text(app, "Wie")
    question_mark(app)
    assert app.top.name == "setup" and app.top.solo_name == "Wie?"


def test_the_rules_list_the_help_key(new_app):
    app = new_app()
    press(app, pygame.K_F1)
    assert any("F1" in str(b[1]) for b in app.top.doc.blocks if len(b) > 1)


# ----------------------------------------------------------------------------- the guided first round
def coached_turn(new_app, path=None):
    app = new_app("--solo", path=path) if path else new_app("--solo")
    app.coach_possible = True  # for people only; a headless test asks for it
    play_to(app, "turn")
    app.step([], DT)
    return app


def test_the_first_turn_of_the_first_game_shows_marks_on_hand_week_meters_and_buttons(new_app):
    app = coached_turn(new_app)
    coach = app.coach
    assert coach.showing() and coach.steps() == ["hand", "week", "meters", "buttons"]
    app.draw()
    assert coach.box is not None and coach.box.target.colliderect(app.top.widget(
        next(w.id for w in app.top.widgets if w.data.get("zone") == "hand")).rect)


def test_every_key_goes_to_the_game_and_the_coach_follows_along(new_app):
    app = coached_turn(new_app)
    scene = app.top
    before = scene.focus_id
    press(app, pygame.K_TAB)
    assert scene.focus_id != before, "Tab moved the game's focus"
    assert app.coach.step == 1, "the coach went on to the next mark"
    for _ in range(3):
        press(app, pygame.K_TAB)
    assert not app.coach.active and app.controller.settings.coached


def test_skipping_the_coach_is_remembered_and_its_click_does_not_reach_the_game(new_app, tmp_path):
    app = coached_turn(new_app)
    app.draw()
    scene = app.top
    state_before = app.controller.session.state.log[:]
    click(app, app.coach.box.skip_button.rect.center)
    assert not app.coach.active
    assert app.controller.session.state.log == state_before and scene.sel_take is None, "the game saw no click"
    stored = json.loads((tmp_path / "settings.json").read_text())
    assert stored["coached"] is True
    again = coached_turn(new_app, path=tmp_path)
    assert not again.coach.active, "shown on the first game only"


def test_nothing_of_the_coach_stays_on_the_screen_once_it_is_gone(new_app):
    app = coached_turn(new_app)
    app.draw()
    box = app.coach.box.rect.copy()
    app.coach.finish()  # however it ends (skipped, done, or the turn is over)
    app.step([], DT)
    fresh = pygame.Surface(app.surface.get_size())
    app.top.draw(fresh)  # the whole turn, drawn from scratch
    shown = pygame.image.tobytes(app.surface.subsurface(box), "RGB")
    assert shown == pygame.image.tobytes(fresh.subsurface(box), "RGB")


def test_the_coach_ends_with_the_first_turn(new_app):
    app = coached_turn(new_app)
    assert app.coach.active
    play_to(app, "reflect")
    assert not app.coach.active and app.controller.settings.coached


# ----------------------------------------------------------------------------- the title
@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080), (3840, 2160)])
def test_the_title_holds_its_mark_name_and_buttons_without_overlap_at_every_size(new_app, size):
    app = new_app()
    app.resize(size)
    app.step([], DT)
    app.draw()
    scene = app.top
    assert scene.name == "title" and not scene.layout_problems()
    window = pygame.Rect((0, 0), size)
    mark = pygame.Rect(0, 0, scene.mark_size, scene.mark_size)
    mark.center = scene.mark_centre
    assert window.contains(mark) and window.contains(scene.name_rect)
    for w in scene.widgets:
        assert not w.rect.colliderect(mark), w.id
        assert not w.rect.colliderect(scene.name_rect) and not w.rect.colliderect(scene.tagline_rect), w.id
