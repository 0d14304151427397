"""Driving the game window headless: an App on the dummy video driver, events passed in directly."""

from __future__ import annotations

import pygame
import pytest

from game.__main__ import build_parser
from game.core.deck import NeedEffect, frozen_map
from game.ui.app import open_window
from game.ui.drivers.adapter import SceneAdapter
from game.ui.drivers.autoplay import Autoplay
from tests.core.decks import dilemma, make_deck, role, task

DT = 1 / 30


def ui_deck():
    """The small test deck plus a dilemma, a big role that rarely fits and a card that needs a tag."""
    extra = [
        role("zorgbaan", 32, {"groei": 2}, {"zorg": 3}, tags=("zorg",)),
        task("bijles", 4, {"plezier": 2}, {"onderwijs": 2}, tags=("school",)),
        task("mentor", 4, {"groei": 1}, {"onderwijs": 1}, requires=("school",)),
        dilemma("mantelzorg", [NeedEffect(frozen_map({"zorg": 1}))], []),
    ]
    return make_deck(extra, hand=4, market=3)


def make_args(tmp_path, *extra):
    return build_parser().parse_args(["play", "--data-dir", str(tmp_path), "--size", "1280x720", *extra])


@pytest.fixture
def new_app(tmp_path):
    apps = []

    def factory(*extra, deck="ui", path=None):
        if "--seed" not in extra:
            extra = (*extra, "--seed", "1")  # the same game every run
        args = make_args(path or tmp_path, *extra)
        app = open_window(args, deck_override=ui_deck() if deck == "ui" else deck)
        app.step([], DT)
        apps.append(app)
        return app

    yield factory
    pygame.display.quit()


def key(k, mod=0, unicode=""):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)


def key_up(k, mod=0):
    return pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0)


def press(app, k, mod=0):
    """One key press, down and up (a key held down acts once: see game.ui.input)."""
    app.step([key(k, mod), key_up(k, mod)], DT)


_drivers = {}


def autoplay(app):
    """The bots' driver of this window (one per window, so that it remembers what it typed)."""
    driver = _drivers.get(id(app))
    if driver is None or driver.window is not app:
        driver = _drivers[id(app)] = Autoplay(app)
    return driver


def bot_action(app):
    return autoplay(app).bot_action()


def adapter(app):
    return autoplay(app).adapter


def click(app, pos):
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
              pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)], DT)


def click_widget(app, wid):
    w = app.top.widget(wid)
    assert w is not None, f"{app.top.name} has no widget {wid}: {[x.id for x in app.top.widgets]}"
    click(app, w.rect.center)


def type_text(app, text):
    app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text], DT)


def bot_step(app):
    """One click (or typed text) that the bots choose, through the scene's own widgets."""
    autoplay(app).step()
    app.step(pygame.event.get(), DT)


def play_to(app, scene_name, limit=3000, step=bot_step):
    seen = []
    for _ in range(limit):
        if app.top.name == scene_name:
            return seen
        step(app)
        if not seen or seen[-1] != app.top.name:
            seen.append(app.top.name)
    raise AssertionError(f"never reached {scene_name}; last scenes {seen[-10:]}")
