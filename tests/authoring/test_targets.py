"""The targets of fit model 2 that `bbb simulate` measures: each one catches the deck (or model) it is meant to catch."""

from __future__ import annotations

import io

import pytest

from game.authoring import simulate as sim
from game.authoring import targets as tg
from game.authoring.simulate_command import print_report
from game.core import scoring
from game.core.deck import NeedEffect, frozen_map
from tests.core.decks import event, make_deck, role, task

ALL_PLEZIER = {"plezier": 2, "groei": 2, "balans": 2}


def by_id(targets):
    return {t.id: t for t in targets}


def spread_deck(**kw):
    """Roles with different strengths in different themes: the kind of deck the targets want."""
    cards = [role("zorgbaan", 28, {"plezier": 2, "groei": -1, "balans": -1}, {"zorg": 3}),
             role("leraar", 28, {"groei": 2, "plezier": -1}, {"onderwijs": 3}),
             role("winkel", 24, {"balans": 2, "groei": -1}, {"welvaart": 2}, tags=("retail",)),
             role("kantoor", 24, {"balans": 1, "plezier": -1}, {"welvaart": 1}, tags=("kantoor",)),
             task("bijles", 4, {"groei": 1}, {"onderwijs": 2}),
             task("buurthulp", 4, {"plezier": 1}, {"zorg": 1, "welvaart": 1}),
             task("rust", 4, {"balans": 3}, {})]
    return make_deck(cards, extra_roles=False, **kw)


def test_a_model_that_weighs_against_the_budget_breaks_hours_absolute(monkeypatch):
    deck = spread_deck()
    assert by_id(tg.deck_targets(deck))["hours-absolute"].status == "pass"

    def per_budget(deck, mix, budget, weights, needs, offers=()):  # model 1's mistake: w = hours / budget
        p, s = scoring.fits(deck, mix, budget, weights, needs, offers)
        return p, min(100.0, s * deck.hours_per_week / max(budget, 1))

    monkeypatch.setattr(tg, "fits", per_budget)
    target = tg.hours_absolute(deck, 1)
    assert target.failed and target.value > 0 and "8 hours less" in target.detail


def test_one_card_that_has_everything_fails_combining_pays_and_one_card_is_not_a_career():
    alles = role("alles", 40, {"plezier": 3, "groei": 3, "balans": 3}, {"zorg": 3, "onderwijs": 3, "welvaart": 3})
    deck = make_deck([alles, task("klein", 2, {"groei": 1}, {"zorg": 1})], extra_roles=False)
    found = by_id(tg.deck_targets(deck))
    assert found["combining-pays"].failed and found["combining-pays"].value == 0.0
    assert found["one-card-not-a-career"].failed and "alles" in found["one-card-not-a-career"].detail
    assert not by_id(tg.deck_targets(spread_deck()))["combining-pays"].failed


def test_cards_that_offer_every_value_alike_fail_values_matter():
    same = [role(f"r{i}", 10 + 4 * i, {"plezier": 2, "groei": 2, "balans": 2}, {"zorg": 1 + i % 2}) for i in range(5)]
    target = by_id(tg.deck_targets(make_deck(same, extra_roles=False)))["values-matter"]
    assert target.failed and target.value < 2  # only the full-week cost on balance differs
    assert not by_id(tg.deck_targets(spread_deck()))["values-matter"].failed


def test_an_event_about_a_theme_no_week_serves_fails_events_matter():
    quiet_theme = [event(f"e{i}", NeedEffect(frozen_map({"zorg": 1}))) for i in range(6)]
    cards = [role("leraar", 28, {"groei": 2}, {"onderwijs": 3}), task("bijles", 4, {"plezier": 1}, {"onderwijs": 2})]
    target = tg.events_matter(make_deck(cards, events=quiet_theme, extra_roles=False))
    assert target.failed and "no week serves zorg" in target.detail
    served = [event(f"e{i}", NeedEffect(frozen_map({"onderwijs": 1}))) for i in range(6)]
    target = tg.events_matter(make_deck(cards, events=served, extra_roles=False))
    assert target.status == "pass" and target.value >= tg.MIN_EVENT_CHANGE


def test_practical_work_below_office_work_fails_everyone_is_needed():
    deck = make_deck([role("chauffeur", 36, {"plezier": 1}, {"welvaart": 1}, tags=("logistiek",)),
                      role("bankier", 36, {"plezier": 1}, {"welvaart": 3}, tags=("financieel",))], extra_roles=False)
    target = tg.everyone_needed(deck)
    assert target.failed and "chauffeur" in target.detail and "bankier" in target.detail
    assert tg.everyone_needed(spread_deck()).status == "pass"
    assert tg.everyone_needed(make_deck()).status == "skip"  # nothing tagged as practical or office work


def test_the_mirror_fails_when_everyone_sees_the_same_picture():
    same = [(70.0, 60.0)] * 200
    assert tg.mirror_discriminates(same, 200, 1).failed
    varied = [(40.0 + (i * 37) % 50, 10.0 + (i * 53) % 80) for i in range(200)]
    assert tg.mirror_discriminates(varied, 200, 1).status == "pass"
    capped = varied[:190] + [(70.0, 100.0)] * 10
    target = tg.mirror_discriminates(capped, 200, 1)
    assert target.failed and "10 of 400 fits" in target.detail
    assert tg.mirror_discriminates(varied, 100, 1).status == "skip"
    assert tg.mirror_discriminates(varied, 200, 3).status == "skip"


def test_the_report_prints_every_target_with_its_number_and_strict_fails_on_a_missed_target():
    alles = role("alles", 40, {"plezier": 3, "groei": 3, "balans": 3}, {"zorg": 3, "onderwijs": 3, "welvaart": 3})
    report = sim.simulate(make_deck([alles], extra_roles=True), 8, seed=1)
    out = io.StringIO()
    ok = print_report(report, out, strict=True)
    text = out.getvalue()
    assert "Targets of fit model v2" in text
    for target in report.targets:
        assert f"[{target.status:<4}] {target.id}" in text and target.shown in text
    assert ok is False and any(t.failed for t in report.targets)
    assert [v.rule for v in sim.judge(report) if v.failed and v.rule.startswith("fit model target")]


def test_the_targets_are_the_same_for_the_same_deck_and_seed():
    deck = spread_deck()
    assert tg.deck_targets(deck, 5) == tg.deck_targets(deck, 5)


@pytest.mark.parametrize("style", ["personal", "social"])
def test_the_old_style_names_still_play(style):
    from game.core.bots import play_game, style_name

    assert style_name(style) == f"{style}-first"
    assert play_game(spread_deck(), ["A"], style, seed=1).finished
