"""The summary reads like an explanation: numbers as the language writes them, the quadrant lines with
the model's values, one sentence about the player's place, social fit per theme adding up to the
score, the comfort line, the next step, answers beside their questions; Enter leaves nothing."""

import re
from types import SimpleNamespace

import pygame
import pytest

from game.core import scoring
from game.i18n import t
from game.i18n.numbers import number
from game.i18n.reading import balance_line, next_step_out, reading
from tests.ui.conftest import click_widget, play_to, press, type_text


def doc_text(scene) -> list[str]:
    """Every line of the summary's text, with the notes beside its bars."""
    out = []
    for b in scene.doc.blocks:
        if len(b) > 1:
            out.append(str(b[1]))
        if b[0] == "bar" and b[5]:
            out.append(str(b[5]))
    return out


@pytest.fixture
def solo_summary(new_app):
    app = new_app("--solo", deck=None)  # the real breder-belang deck: model v2's themes
    play_to(app, "summary")
    return app, app.top


def test_enter_on_the_summary_does_not_start_a_new_game(solo_summary):
    app, scene = solo_summary
    session = app.controller.session
    press(app, pygame.K_RETURN)
    assert app.top.name == "explain", "Enter opens the explanation, which Esc closes"
    assert app.controller.session is session
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "summary"
    assert scene.default_id != "new" and not scene.widget("new").data.get("default")


def test_the_quadrant_lines_are_labelled_with_the_models_values(solo_summary, monkeypatch):
    app, scene = solo_summary
    app.draw()
    labels = dict(scene.line_labels)
    assert set(labels) == {number(scoring.PERSONAL_HIGH, "nl"), number(scoring.SOCIAL_HIGH, "nl")}
    monkeypatch.setattr(scoring, "PERSONAL_HIGH", 70.0)  # the labels follow the model, never a literal
    app.draw()
    texts = [text for text, _ in scene.line_labels]
    assert "70" in texts
    vertical = dict(scene.line_labels)["70"]
    assert vertical.centerx > scene.chart.left + (scene.chart.width - 40) * 0.6, "on the line at 70 % of the width"


def test_numbers_are_written_with_a_decimal_comma_in_dutch(solo_summary):
    app, scene = solo_summary
    text = " ".join(doc_text(scene))
    assert re.search(r"\d,\d", text), "a decimal comma somewhere (the theme points)"
    assert not re.search(r"\d\.\d", text), "no decimal point in Dutch"


def test_social_fit_is_explained_per_theme_and_the_points_add_up_to_the_score(solo_summary):
    app, scene = solo_summary
    p = scene.summary.players[0]
    lines = doc_text(scene)
    assert t("nl", "summary.themes_intro") in lines
    total = sum(row[4] for row in p.social_themes)
    key = "summary.themes_capped" if total > p.social_fit + 0.5 else "summary.themes_total"
    assert t("nl", key, sum=number(total, "nl", 1), total=number(p.social_fit, "nl")) in lines
    assert abs(min(total, 100) - p.social_fit) < 0.6, "the theme points are the score"
    zero = [row for row in p.social_themes if row[2] <= 0]
    if zero:
        assert any(line.startswith(t("nl", "summary.themes_zero", themes="")) for line in lines)


def test_one_sentence_reads_the_players_place_with_its_strongest_and_weakest_reason(solo_summary):
    app, scene = solo_summary
    p = scene.summary.players[0]
    sentence = reading(scene.deck, p, "nl")
    assert sentence in doc_text(scene)
    assert sentence.startswith(t("nl", f"reading.place.{p.quadrant}"))
    assert sentence.count(";") == 1 and sentence.endswith(".")


def test_the_voice_reads_what_the_place_on_the_chart_says(solo_summary):
    app, scene = solo_summary
    assert reading(scene.deck, scene.summary.players[0], "nl").rstrip(".") in scene.spoken_text()


def test_the_comfort_line_and_what_hours_above_it_cost():
    over = SimpleNamespace(balance={"hours": 40, "budget": 40, "comfort": 36.0, "over": 4.0,
                                    "offer_lost": 1.0, "points": -2.5})
    assert balance_line(over, "nl") == t("nl", "reading.balance_over", hours=40, comfort="36", over="4",
                                         points="2,5")
    under = SimpleNamespace(balance={"hours": 30, "budget": 32, "comfort": 28.8, "over": 1.2, "offer_lost": 0,
                                     "points": 0.0})
    assert "28,8" in balance_line(under, "nl")
    assert balance_line(SimpleNamespace(balance=None), "nl") == ""


def test_the_next_step_says_which_card_it_would_replace(solo_summary):
    app, scene = solo_summary
    p = scene.summary.players[0]
    step = SimpleNamespace(card=p.mix[0][0], out=p.mix[-1][0], kind="explore", focus="social")
    text = next_step_out(scene.deck, SimpleNamespace(next_step=step), "nl")
    assert text and scene.deck.card(p.mix[-1][0]).title.get("nl") in text
    if p.next_step.out:
        assert any(next_step_out(scene.deck, p, "nl") in line for line in doc_text(scene))


def test_typed_answers_are_shown_below_their_question(new_app):
    app = new_app("--solo")
    play_to(app, "reflect")
    question = app.top.deck.card(app.controller.session.state.prompt).title.get("nl")
    click_widget(app, "answer")
    type_text(app, "Ik wil zorg proberen")
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    play_to(app, "summary")
    lines = doc_text(app.top)
    i = lines.index("“Ik wil zorg proberen”")
    assert lines[i - 1] == t("nl", "summary.question", question=question)


def test_the_explanation_says_in_plain_words_what_zin_and_zinvol_are_why_fewer_hours_do_not_help_and_where_the_comfort_line_is(solo_summary):
    app, scene = solo_summary
    click_widget(app, "how")
    explain = app.top
    p = scene.summary.players[0]
    lines = doc_text(explain)
    assert lines[0] == t("nl", "explain.model_title")
    text = " ".join(lines)
    for start in ("Zin – ", "Zinvol – ", "Minder uren maken je score niet hoger", "De comfortlijn ligt op 90%"):
        assert start in text, start
    comfort = number(p.balance["comfort"], "nl", 0 if p.balance["comfort"] == int(p.balance["comfort"]) else 1)
    assert f"bij jou {comfort} van {p.budget} uur" in text
    assert f"gewone week van {scene.deck.hours_per_week} uur" in text
    assert f"zin vanaf {number(scoring.PERSONAL_HIGH, 'nl')} en zinvol vanaf {number(scoring.SOCIAL_HIGH, 'nl')}" in text
    assert not re.search(r"\d\.\d", text), "decimal commas in the breakdown too"
