"""Every screen stays inside the window and nothing lies on top of anything else: at the smallest
and the largest window, and with deck texts and names that try to break the layout (right-to-left
overrides, zero-width characters, emoji the font lacks, 1,000-character words, empty names)."""

from __future__ import annotations


import pygame
import pytest

from game.core.deck import Card, Text, frozen_map
from game.ui.widgets import short_dimension_names
from tests.core.decks import make_deck, role, task

from .conftest import DT, bot_step
from .walk import TextRecorder

RTL = "\u202eevil\u202c"
ZERO = "a\u200bb\u200c\u200dc\ufeff"
EMOJI = "😀👩‍👩‍👧🇳🇱"
LONG = "W" * 1000


def text(s: str) -> Text:
    return Text.of({"nl": s, "en": s})


def card(cid, kind, title, body, hours, personal, social):
    return Card(cid, kind, text(title), text(body), (), 1, None, hours, frozen_map(personal), frozen_map(social), ())


def hostile_deck():
    cards = [
        card("rtl", "role", f"{RTL} Verpleegkundige {RTL}", f"{RTL} " * 40, 8, {"plezier": 2, "groei": 1}, {"zorg": 2}),
        card("zw", "task", f"{ZERO} Bijles {ZERO}", ZERO * 200, 4, {"groei": 1}, {"onderwijs": 1}),
        card("emoji", "task", f"{EMOJI} Vrijwilliger {EMOJI}", EMOJI * 100, 4, {"plezier": 1}, {"zorg": 1}),
        card("long", "role", LONG, LONG + " " + LONG, 8, {"balans": -1, "plezier": 1}, {"welvaart": 2}),
        card("mixed", "task", f"{LONG[:60]}{EMOJI}{RTL}{ZERO}", f"{EMOJI} {LONG}", 2, {"groei": 2}, {"onderwijs": 2}),
        role("plain", 6, {"plezier": 1}, {"zorg": 1}),
        task("empty-text", 2, {"groei": 1}, {}),
    ]
    return make_deck(cards, hand=5, market=4)


HOSTILE_NAMES = [RTL + " Sam", EMOJI, LONG, ""]


def layout_problems(scene) -> list[str]:
    """Widgets outside the window or on top of each other (widgets in a scrolling clip excepted)."""
    win = pygame.Rect((0, 0), scene.size)
    shown = [w for w in scene.widgets if not w.data.get("clip")]
    out = [f"{scene.name}:{w.id} outside {win.size} at {tuple(w.rect)}" for w in shown if not win.contains(w.rect)]
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            if a.rect.colliderect(b.rect):
                out.append(f"{scene.name}:{a.id} overlaps {b.id}")
    return out


def text_problems(scene, texts) -> list[str]:
    """Text outside the window, or two texts on top of each other."""
    win = pygame.Rect((0, 0), scene.size)
    out = [f"{scene.name}: {s[:40]!r} outside the window at {tuple(r)}" for s, r in texts if not win.contains(r)]
    for i, (a, ra) in enumerate(texts):
        for b, rb in texts[i + 1:]:
            both = ra.clip(rb)
            if both.width > 2 and both.height > 2 and not (a == b and ra == rb):
                out.append(f"{scene.name}: {a[:30]!r} {tuple(ra)} overlaps {b[:30]!r} {tuple(rb)}")
    return out


def check_every_scene(app, recorder, limit=6000) -> set[str]:
    """Play the game with the bots to the summary (and its explanation); check each new screen."""
    problems, seen, names = [], set(), set()
    for _ in range(limit):
        scene = app.top
        key = (id(scene), getattr(scene, "route_key", None), scene.name, getattr(scene, "sel_take", None),
               getattr(scene, "sel_mix", None))
        if key not in seen:
            seen.add(key)
            names.add(scene.name)
            problems += layout_problems(scene)
            problems += text_problems(scene, recorder.record(scene))
        if scene.name == "summary":
            for tab in [w.id for w in scene.widgets if w.id == "table" or w.id.startswith("player:")]:
                scene.widget(tab).click()
                app.step([], DT)
                problems += layout_problems(app.top) + text_problems(app.top, recorder.record(app.top))
            scene.widget("how").click()
            app.step([], DT)
            names.add(app.top.name)
            problems += layout_problems(app.top) + text_problems(app.top, recorder.record(app.top))
            break
        bot_step(app)
    else:
        raise AssertionError("the game did not reach the summary")
    assert not problems, "\n".join(list(dict.fromkeys(problems))[:40])
    return names


@pytest.mark.parametrize("size", ["1024x600", "3840x2160"])
@pytest.mark.parametrize("game", [("--solo", "--seed", "3"), ("--players", "6", "--seed", "5")], ids=["solo", "table6"])
def test_a_bot_game_fits_the_window_on_every_screen(new_app, monkeypatch, size, game):
    app = new_app("--size", size, *game)
    assert app.size == tuple(int(x) for x in size.split("x"))
    recorder = TextRecorder(monkeypatch)
    names = check_every_scene(app, recorder)
    assert {"title", "setup", "values", "event", "turn", "boost", "reflect", "summary", "explain"} <= names


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_hostile_deck_texts_and_names_neither_crash_nor_break_the_layout(new_app, monkeypatch, size):
    app = new_app("--size", f"{size[0]}x{size[1]}", deck=hostile_deck())
    app.controller.start_game(app.controller.deck_override, HOSTILE_NAMES, 3, 9, "nl", 0)
    app.step([], DT)
    recorder = TextRecorder(monkeypatch)
    names = check_every_scene(app, recorder)
    assert {"turn", "summary"} <= names
    assert [p.name for p in app.top.summary.players] == HOSTILE_NAMES or app.top.name == "explain"


def test_a_hostile_typed_answer_and_name_reach_the_summary_intact(new_app, monkeypatch):
    app = new_app("--size", "1280x720", deck=hostile_deck())
    app.controller.start_game(app.controller.deck_override, [LONG + EMOJI], 3, 4, "nl", 0)
    recorder = TextRecorder(monkeypatch)
    answer = f"{RTL} {EMOJI} {ZERO} {LONG}"
    answered = set()
    for _ in range(2000):
        if app.top.name == "reflect" and app.controller.session.state.round not in answered:
            answered.add(app.controller.session.state.round)
            assert app.controller.act({"type": "answer", "text": answer}) is None
        if app.top.name == "summary":
            break
        bot_step(app)
    assert app.top.name == "summary"
    assert app.top.summary.players[0].answers
    app.step([], DT)
    problems = layout_problems(app.top) + text_problems(app.top, recorder.record(app.top))
    assert not problems, "\n".join(problems[:20])


def test_short_dimension_labels_are_the_first_word_and_stay_distinct():
    from game.content import builtin_deck_paths, load_deck

    for path in builtin_deck_paths():
        deck = load_deck(path)
        for lang in deck.languages:
            labels = short_dimension_names(deck, lang)
            assert len(set(x.lower() for x in labels.values())) == len(labels), (path.name, labels)
            for d in (*deck.personal, *deck.social):
                assert d.name.get(lang).startswith(labels[d.id]), (d.name.get(lang), labels[d.id])
        if deck.id == "breder-belang":
            labels = short_dimension_names(deck, "nl")
            assert [labels[d] for d in deck.personal_ids] == ["Plezier", "Vrijheid", "Verbinding", "Leren",
                                                               "Zekerheid", "Balans"]
            assert labels["zorg"] == "Zorg"
