"""Everyone can play: keyboard only, mouse only, reading aloud, reduced motion, language, settings."""

import json

import pygame
import pytest

from game.ui.settings import Settings
from game.ui.voice import CommandEngine, Engine, Voice

from .conftest import DT, adapter, bot_action, click, key, play_to, press, type_text


# ----------------------------------------------------------------- keyboard only
def keyboard_step(app, forward=pygame.K_TAB, backward_mod=0, limit=200):
    """What the bot would click, reached by moving the focus with keys and pressed with Enter or Space."""
    scene = app.top
    action = bot_action(app)
    text = adapter(app).text_for(scene, action)
    if text:
        type_text(app, text)
        return
    if scene.name == "explain":
        press(app, pygame.K_ESCAPE)
        return
    rect = adapter(app).rect_for(scene, action)
    target = next(w for w in reversed(scene.widgets) if w.rect.collidepoint(rect.center))
    for _ in range(limit):
        if scene.focus_id == target.id:
            break
        press(app, forward, backward_mod)
        assert app.top is scene, "moving the focus never changes the screen"
    else:
        raise AssertionError(f"{scene.name}: {target.id} cannot be reached with the keyboard")
    press(app, pygame.K_SPACE if target.kind in ("card", "chip") else pygame.K_RETURN)


def arrow_step(app):
    """Like keyboard_step, but with the arrow key that points towards the target (Tab when stuck)."""
    scene = app.top
    action = bot_action(app)
    text = adapter(app).text_for(scene, action)
    if text:
        type_text(app, text)
        return
    rect = adapter(app).rect_for(scene, action)
    target = next(w for w in reversed(scene.widgets) if w.rect.collidepoint(rect.center))
    for _ in range(300):
        if scene.focus_id == target.id:
            break
        cur = scene.focused()
        if cur is None or cur.kind == "field":
            press(app, pygame.K_TAB)
            continue
        dx, dy = target.rect.centerx - cur.rect.centerx, target.rect.centery - cur.rect.centery
        if abs(dy) > cur.rect.height // 2:
            press(app, pygame.K_DOWN if dy > 0 else pygame.K_UP)
        else:
            press(app, pygame.K_RIGHT if dx > 0 else pygame.K_LEFT)
    else:
        raise AssertionError(f"{scene.name}: the arrows never reach {target.id}")
    press(app, pygame.K_RETURN)


def test_a_whole_solo_game_with_tab_and_enter_only(new_app):
    app = new_app("--solo", "--seed", "7")
    seen = play_to(app, "summary", step=keyboard_step)
    assert {"setup", "values", "turn", "boost", "reflect"} <= set(seen)
    state = app.controller.session.state
    assert state.finished and any(a["type"] in ("play", "swap") for a in state.log)


def test_a_whole_solo_game_with_shift_tab_backwards(new_app):
    app = new_app("--solo", "--seed", "8")
    play_to(app, "summary", step=lambda a: keyboard_step(a, pygame.K_TAB, pygame.KMOD_SHIFT))
    assert app.controller.session.state.finished


def test_a_whole_solo_game_with_the_arrow_keys(new_app):
    app = new_app("--solo", "--seed", "9")
    play_to(app, "summary", step=arrow_step)
    assert app.controller.session.state.finished and any(a["type"] in ("play", "swap") for a in app.controller.session.state.log)


def test_arrows_move_through_a_grid_by_rows_and_columns(new_app):
    app = new_app()
    play_to(app, "values", limit=50, step=lambda a: press(a, pygame.K_RETURN))
    scene = app.top
    first = scene.deck.personal[0].id
    second = scene.deck.personal[1].id
    scene.focus_id = f"{first}:3"
    press(app, pygame.K_RIGHT)
    assert scene.focus_id == f"{first}:2"
    press(app, pygame.K_DOWN)
    assert scene.focus_id == f"{second}:2"
    press(app, pygame.K_LEFT)
    assert scene.focus_id == f"{second}:3"


def test_the_focus_ring_is_drawn_around_the_focused_widget(new_app):
    app = new_app()
    press(app, pygame.K_TAB)
    scene = app.top
    w = scene.focused()
    assert w is not None
    colour = scene.theme.c("focus")
    ring = w.rect.inflate(scene.theme.s("focus_width") * 2, scene.theme.s("focus_width") * 2)
    surface = app.surface
    assert surface.get_at((ring.centerx, ring.top + 1))[:3] == tuple(colour)[:3]


def test_the_rules_screen_from_the_pause_menu_lists_every_shortcut(new_app):
    app = new_app()
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    app.top.widget("rules").click()
    app.step([], DT)
    text = " ".join(str(b[1]) for b in app.top.doc.blocks if len(b) > 1)
    for needle in ("Tab", "Shift+Tab", "Enter", "Esc", "Ctrl+Z", "F11", "V:", "Page Up", "Backspace"):
        assert needle in text, needle
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    ids = [w.id for w in app.top.widgets]
    assert ids[0] == "resume" and "settings" in ids and "quit" in ids


def test_quitting_from_the_pause_menu_autosaves(new_app, tmp_path):
    app = new_app()
    play_to(app, "values", limit=50, step=lambda a: press(a, pygame.K_RETURN))
    press(app, pygame.K_ESCAPE)
    app.top.widget("quit").click()
    assert not app.running
    assert (tmp_path / "autosave.json").is_file()


# ----------------------------------------------------------------- mouse and touch only
def test_a_table_of_three_plays_a_whole_game_by_mouse_clicks_only(new_app):
    app = new_app("--players", "3", "--seed", "4")

    def mouse_step(app):
        scene = app.top
        action = bot_action(app)
        if adapter(app).text_for(scene, action):
            raise AssertionError("a table game needs no typing")
        rect = adapter(app).rect_for(scene, action) if scene.name != "explain" else scene.widget("back").rect
        app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0), touch=False)], DT)
        click(app, rect.center)

    seen = play_to(app, "summary", limit=6000, step=mouse_step)
    assert "handover" in seen and len(app.controller.session.state.players) == 3 and app.controller.session.state.finished


def test_a_tap_does_what_a_click_does_and_a_finger_drag_scrolls(new_app):
    app = new_app()
    w, h = app.size
    new = app.top.widget("new")
    app.step([pygame.event.Event(pygame.FINGERDOWN, x=new.rect.centerx / w, y=new.rect.centery / h, dx=0.0, dy=0.0,
                                 finger_id=0, touch_id=0, pressure=1.0)], DT)
    assert app.top.name == "setup"
    from game.ui.scenes.rules import RulesScene

    app.push(RulesScene(app))
    app.step([], DT)
    scene = app.top
    assert scene.scroll_max > 0
    r = scene.doc_rect
    app.step([pygame.event.Event(pygame.FINGERMOTION, x=r.centerx / w, y=r.centery / h, dx=0.0, dy=-0.2,
                                 finger_id=0, touch_id=0, pressure=1.0)], DT)
    assert scene.scroll > 0


# ----------------------------------------------------------------- reduced motion
def test_animations_run_with_motion_and_end_at_once_without_or_on_any_key(new_app):
    app = new_app()
    scene = app.top
    assert not app.motion_enabled, "never in tests, autoplay or monkey mode"
    assert scene.animate("slide", 0.5) == 1.0
    app.motion_possible = True
    assert app.motion_enabled
    assert scene.animate("slide2", 0.5) == 0.0
    app.step([], 0.25)
    assert scene.animate("slide2", 0.5) == pytest.approx(0.5)
    app.step([key(pygame.K_LSHIFT)], DT)
    assert scene.animate("slide2", 0.5) == 1.0, "any key skips"
    app.controller.settings.reduced_motion = True
    assert not app.motion_enabled and scene.animate("slide3", 5) == 1.0


# ----------------------------------------------------------------- reading aloud
class FakeEngine(Engine):
    name = "fake"

    def __init__(self):
        self.said, self.stopped = [], 0

    def speak(self, text, lang):
        self.said.append((text, lang))

    def stop(self):
        self.stopped += 1


def test_the_voice_is_off_by_default_speaks_when_on_and_a_newer_text_cuts_the_older():
    engine = FakeEngine()
    v = Voice(engine=engine)
    assert not v.say("hallo")
    v.set_enabled(True)
    assert v.say("hallo") and not v.say("hallo"), "the same text twice is said once"
    v.say("daar")
    assert [t for t, _ in engine.said] == ["hallo", "daar"]


def test_without_an_engine_the_voice_is_silently_unavailable(monkeypatch):
    monkeypatch.setattr("game.ui.voice.find_engine", lambda wav_dir=None: None)
    v = Voice(enabled=True)
    assert not v.available and not v.say("hallo")


def test_the_espeak_command_writes_a_wav_when_asked_and_passes_text_safely(tmp_path):
    e = CommandEngine("espeak-ng", "/usr/bin/espeak-ng", tmp_path)
    cmd = e.command("-rf /", "nl")
    assert cmd[-2:] == ["--", "-rf /"] and "-w" in cmd and cmd[cmd.index("-v") + 1] == "nl"


def test_v_toggles_reading_aloud_and_screens_and_focus_are_spoken(new_app, tmp_path):
    app = new_app()
    engine = FakeEngine()
    app.voice = Voice(engine=engine)
    press(app, pygame.K_v)
    assert app.voice.enabled and app.controller.settings.voice
    assert "Voorlezen staat aan" in engine.said[-1][0]
    assert json.loads((tmp_path / "settings.json").read_text())["voice"] is True
    press(app, pygame.K_TAB)
    assert engine.said[-1][0].startswith(app.top.focused().label)
    press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    press(app, pygame.K_RETURN)  # to the setup screen: its title is spoken
    assert app.top.name == "setup"
    assert app.top.t("setup.title") in engine.said[-1][0]
    play_to(app, "event", limit=60, step=lambda a: press(a, pygame.K_RETURN))
    app.step([], DT)
    s = app.controller.session.state
    event = app.controller.session.deck.card(s.event.split("#")[0]) if s.event else None
    assert event is None or event.title.get("nl") in " ".join(t for t, _ in engine.said[-3:])
    press(app, pygame.K_v)
    assert not app.voice.enabled


def test_a_card_in_focus_is_read_with_its_hours_and_values(new_app):
    app = new_app()
    play_to(app, "turn", limit=60, step=lambda a: press(a, pygame.K_RETURN))
    engine = FakeEngine()
    app.voice = Voice(enabled=True, engine=engine)
    for _ in range(30):
        press(app, pygame.K_TAB)
        if app.top.focused().kind == "card":
            break
    w = app.top.focused()
    assert w.kind == "card"
    said = engine.said[-1][0]
    assert w.label in said and "uur" in said


def test_v_in_a_text_field_is_a_letter(new_app):
    app = new_app()
    engine = FakeEngine()
    app.voice = Voice(engine=engine)
    press(app, pygame.K_RETURN)  # setup
    field = next(w for w in app.top.widgets if w.kind == "field")
    app.top.focus_id = field.id
    press(app, pygame.K_v)
    type_text(app, "v")
    assert not app.voice.enabled and app.top.widget(field.id).data["text"].endswith("v")


# ----------------------------------------------------------------- language
def test_a_deck_without_the_screen_language_shows_its_own_with_a_note(new_app):
    from dataclasses import replace

    from .conftest import ui_deck

    deck = replace(ui_deck(), languages=("en",))
    app = new_app(deck=deck)
    play_to(app, "values", limit=50, step=lambda a: press(a, pygame.K_RETURN))
    note = app.top.language_note()
    assert note == "Dit kaartspel is er niet in het Nederlands; je ziet de kaarten in het Engels."
    assert note in app.top.spoken_text()
    app.lang = "en"
    assert app.top.language_note() == ""


# ----------------------------------------------------------------- settings
def test_settings_are_remembered_but_command_line_values_are_not_saved(new_app, tmp_path):
    app = new_app("--ui-scale", "1.5", "--high-contrast", "--reduced-motion", "--lang", "en")
    assert (app.controller.settings.ui_scale, app.controller.settings.high_contrast, app.controller.settings.reduced_motion, app.lang) == \
        (1.5, True, True, "en")
    assert app.theme.high_contrast and app.theme.ui_scale == 1.5
    app.change_setting("voice", False)
    stored = json.loads((tmp_path / "settings.json").read_text())
    assert stored["ui_scale"] == 1.0 and stored["high_contrast"] is False and stored["lang"] == "nl"
    app.change_setting("ui_scale", 1.75)  # chosen on the settings screen: saved
    assert Settings.load(tmp_path).ui_scale == 1.75


def test_the_settings_screen_sets_scale_contrast_motion_voice_and_language(new_app, tmp_path):
    app = new_app()
    app.voice = Voice(engine=FakeEngine())
    app.top.widget("settings").click()
    app.step([], DT)
    for wid in ("scale:2.0", "contrast:True", "motion:True", "voice:True", "lang:en"):
        w = app.top.widget(wid)
        assert w is not None, wid
        click(app, w.rect.center)
    s = Settings.load(tmp_path)
    assert (s.ui_scale, s.high_contrast, s.reduced_motion, s.voice, s.lang) == (2.0, True, True, True, "en")
    assert not app.top.layout_problems(), "200 % still fits"
