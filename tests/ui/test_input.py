"""Input never loses a turn: every rule played through the real scenes with the real decks.

A held key presses once and the next screen waits for a new press; typing on the reflection
screen goes into the answer box; no choice is made for the player by a preselected button; a week
an event made too full is resolved with Enter alone; every card says whether it fits.
"""

import pygame
import pytest

from game.content import find_deck, load_deck
from game.ui.voice import Engine, Voice

from .conftest import DT, click_widget, key, key_up, play_to, press, type_text

SEED_STUCK_BEFORE = 91355  # solo, Enter only: round 3 reached "40 van 32 uur" and stayed there


@pytest.fixture(scope="module")
def core_deck():
    return load_deck(find_deck("breder-belang"))


def to_overfull_turn(new_app, deck, first=SEED_STUCK_BEFORE, tries=100):
    """A solo game played with Enter alone up to a turn whose week an event made too full (the
    first seed from `first` on where that happens, so that a change of the deck keeps it found)."""
    for seed in range(first, first + tries):
        app = new_app("--solo", "--seed", str(seed), deck=deck)
        for _ in range(200):
            scene = app.top
            if scene.name == "summary":
                break
            if scene.name == "turn" and scene._overfull():
                return app, scene
            enter(app)
    raise AssertionError(f"no seed from {first} on makes a week too full")


def enter(app):
    press(app, pygame.K_RETURN)


class Said(Engine):
    name = "fake"

    def __init__(self):
        self.said = []

    def speak(self, text, lang):
        self.said.append(text)

    def stop(self):
        pass


def held(app, k, repeats=12):
    """A key held down: one KEYDOWN, then the repeats pygame's key repeat sends, each in its own
    frame (the screen may change in between), and no KEYUP yet."""
    app.step([key(k)], DT)
    for _ in range(repeats):
        app.step([key(k)], DT)


# ----------------------------------------------------------------- held keys
def test_holding_enter_on_a_hand_over_screen_confirms_it_once_and_the_next_screen_waits(new_app):
    app = new_app("--players", "3")
    play_to(app, "handover", limit=30, step=enter)
    log = len(app.controller.session.state.log)
    held(app, pygame.K_RETURN)
    assert app.top.name == "values", "the held Enter confirmed the hand-over"
    assert len(app.controller.session.state.log) == log, "and nothing after it: the values wait"
    app.step([key_up(pygame.K_RETURN)], DT)
    enter(app)  # a new press acts again
    assert len(app.controller.session.state.log) == log + 1


def test_a_held_space_activates_once_and_a_held_arrow_still_moves_the_focus(new_app):
    app = new_app()
    play_to(app, "turn", limit=30, step=enter)
    scene = app.top
    press(app, pygame.K_TAB)
    while not scene.focused().id.startswith("hand:"):
        press(app, pygame.K_TAB)
    card = scene.focused().id.split(":", 1)[1]
    held(app, pygame.K_SPACE, repeats=5)
    assert scene.sel_take == card, "the card is chosen once, not chosen and unchosen by repeats"
    app.step([key_up(pygame.K_SPACE)], DT)
    first = scene.focus_id
    held(app, pygame.K_RIGHT, repeats=2)
    assert scene.focus_id != first, "arrows repeat: moving the focus takes no step"


def test_a_key_held_while_the_screen_changes_does_nothing_on_the_next_screen(new_app):
    app = new_app()
    app.step([key(pygame.K_DOWN)], DT)  # an arrow key goes down and stays down ...
    click_widget(app, "new")  # ... while a click opens the setup screen
    scene = app.top
    assert scene.name == "setup"
    focus = scene.focus_id
    for _ in range(5):  # the arrow's repeats
        app.step([key(pygame.K_DOWN)], DT)
    assert scene.focus_id == focus, "a key held from the previous screen does not act here"
    app.step([key_up(pygame.K_DOWN)], DT)
    press(app, pygame.K_DOWN)
    assert scene.focus_id != focus, "a new press does"


# ----------------------------------------------------------------- typing
def test_typing_on_the_reflection_screen_goes_into_the_answer_box_without_clicking_it(new_app):
    app = new_app("--solo")
    play_to(app, "reflect", limit=100, step=enter)
    scene = app.top
    log = len(app.controller.session.state.log)
    for ch in "Omscholen naar de zorg":
        app.step([key(pygame.K_SPACE)] if ch == " " else [], DT)  # the KEYDOWN a space makes
        type_text(app, ch)
        app.step([key_up(pygame.K_SPACE)] if ch == " " else [], DT)
    assert app.top is scene, "no typed space pressed a button"
    assert scene.widget("answer").data["text"] == "Omscholen naar de zorg"
    assert len(app.controller.session.state.log) == log
    enter(app)  # Enter in the box ends the typing; it does not continue the game
    assert app.top is scene and scene.focus_id == "next"
    enter(app)
    assert app.controller.session.state.players[0].answers[-1]["text"] == "Omscholen naar de zorg"


def test_ctrl_z_in_the_answer_box_takes_back_the_last_word(new_app):
    app = new_app("--solo")
    play_to(app, "reflect", limit=100, step=enter)
    type_text(app, "Ik wil zorg")
    press(app, pygame.K_z, pygame.KMOD_CTRL)
    assert app.top.widget("answer").data["text"] == "Ik wil "
    press(app, pygame.K_z, pygame.KMOD_CTRL)
    press(app, pygame.K_z, pygame.KMOD_CTRL)
    assert app.top.widget("answer").data["text"] == ""
    assert app.top.name == "reflect"


# ----------------------------------------------------------------- no choice made for the player
def test_a_dilemma_has_no_preselected_option_and_enter_shows_the_first_before_taking_it(new_app, core_deck):
    app = new_app("--solo", "--seed", str(SEED_STUCK_BEFORE), deck=core_deck)
    play_to(app, "dilemma", limit=30, step=enter)
    scene = app.top
    assert scene.default_id is None and scene.focus_id is None
    assert not any(w.data.get("default") for w in scene.widgets), "no button shows the Enter sign"
    log = len(app.controller.session.state.log)
    enter(app)
    assert app.top is scene and scene.focus_id == "option:0"
    assert len(app.controller.session.state.log) == log, "the first Enter chose nothing"
    enter(app)
    assert app.controller.session.state.log[-1]["type"] == "resolve_dilemma"


def test_a_solo_dilemma_is_not_addressed_to_ik(new_app, core_deck):
    app = new_app("--solo", "--seed", str(SEED_STUCK_BEFORE), deck=core_deck)
    play_to(app, "dilemma", limit=30, step=enter)
    app.step([], DT)
    assert app.top.heading_text == app.top.t("dilemma.title_solo")
    assert "Ik," not in app.top.heading_text


def to_giving_boost(app, limit=200):
    """Enter alone until a player is on the screen where they give a boost."""
    for _ in range(limit):
        if app.top.name == "boost" and app.top.giving:
            return app.top
        enter(app)
    raise AssertionError(f"never reached the boost; last screen {app.top.name}")


def test_enter_on_a_table_boost_never_skips_it(new_app):
    app = new_app("--players", "3")
    scene = to_giving_boost(app)
    assert scene.name == "boost" and scene.giving
    assert scene.default_id != "skip" and not scene.widget("skip").data.get("default")
    log = len(app.controller.session.state.log)
    enter(app)
    assert len(app.controller.session.state.log) == log, "Enter did not skip the boost"
    assert scene.focused().kind == "card"
    enter(app)  # choose the focused card
    assert scene.sel is not None and len(app.controller.session.state.log) == log
    enter(app)  # give it
    assert app.controller.session.state.log[-1]["type"] == "give_boost"


# ----------------------------------------------------------------- a week an event made too full
def test_an_overfull_week_preselects_a_card_to_drop_says_it_and_enter_drops_it(new_app, core_deck):
    app, scene = to_overfull_turn(new_app, core_deck)
    engine = Said()
    app.voice = Voice(enabled=True, engine=engine)
    app.narrator._spoken = None  # the screen is announced again, now that the voice is on
    app.step([], DT)
    p = app.controller.session.state.player
    assert scene.default_id != "end" and not scene.widget("end").data.get("default")
    assert scene.sel_mix in p.mix and scene.focus_id == f"mix:{scene.sel_mix}"
    title = scene._title(scene.sel_mix)
    assert title in scene.instruction()
    assert any(title in text for text in engine.said[-2:]), "the voice says which card is suggested"
    enter(app)
    after = app.controller.session.state
    assert after.log[-1]["type"] == "drop" and not app.top._overfull()
    press(app, pygame.K_z, pygame.KMOD_CTRL)  # taken back: too full again, and again a card is chosen
    scene = app.top
    assert scene._overfull() and scene.sel_mix in scene.state.player.mix
    press(app, pygame.K_SPACE)  # the player un-chooses it: nothing is chosen for them again ...
    assert scene.sel_mix is None and scene.default_id is None
    scene.focus_id = None  # (as after a click beside the cards)
    log = len(app.controller.session.state.log)
    enter(app)  # ... and Enter shows a card first, without taking a step
    assert len(app.controller.session.state.log) == log and scene.focused().kind == "card"


@pytest.mark.parametrize("first", range(0, 50, 10))
def test_enter_alone_plays_every_seed_to_the_summary(new_app, core_deck, first):
    """50 seeds (91355 and 49 more), solo, nothing but Enter: every game reaches the summary."""
    for seed in [SEED_STUCK_BEFORE + i for i in range(first, first + 10)]:
        app = new_app("--solo", "--seed", str(seed), deck=core_deck)
        play_to(app, "summary", limit=200, step=enter)
        assert app.controller.session.state.finished, seed


# ----------------------------------------------------------------- does it fit?
def test_every_card_says_whether_it_fits_and_hovering_one_that_does_not_says_why(new_app, core_deck, monkeypatch):
    import game.ui.scenes.turn as turn_module

    marks = {}
    real = turn_module.draw_card

    def spy(surface, theme, deck, lang, inst, rect, **kw):
        marks[inst] = kw.get("fit")
        real(surface, theme, deck, lang, inst, rect, **kw)

    monkeypatch.setattr(turn_module, "draw_card", spy)
    app, scene = to_overfull_turn(new_app, core_deck)
    marks.clear()
    scene.draw(pygame.Surface(app.size))  # every card, as a screenshot draws them
    shown = [w.data["inst"] for w in scene.widgets if w.kind == "card" and w.data["zone"] != "mix"]
    assert shown and all(marks[i] in ("fits", "swap", "no") for i in shown)
    assert all(marks.get(i) is None for i in scene.state.player.mix)  # the week is a board: no fit marks
    scene.sel_mix = None  # look at a card on its own
    scene.relayout()
    unfit = next(i for i in shown if scene.fit_mark(i) != "fits")
    w = scene.widget(next(x.id for x in scene.widgets if x.data.get("inst") == unfit))
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=w.rect.center, rel=(0, 0), buttons=(0, 0, 0),
                                 touch=False)], DT)
    text, mix = scene.preview()
    assert mix is None, "no new score for a card that cannot be played"
    assert text == scene.why_no_fit(unfit) and text.startswith("Past niet:") and "uur" in text


# ----------------------------------------------------------------- exports
def test_the_export_message_names_the_file_and_offers_the_folder(new_app, tmp_path):
    app = new_app("--solo")
    play_to(app, "summary", limit=100, step=enter)
    click_widget(app, "pdf")
    message = app.top.message
    pdf = next((tmp_path / "results").glob("*.pdf"))
    assert pdf.name in message and str(tmp_path) not in message
    assert app.top.focus_id == "folder" and app.top.widget("folder").label == app.top.t("summary.folder_short")
