"""Scoring: two transparent, deterministic fits between 0 and 100 (docs/scoring.md, fit model 2).

The principles on random decks are in test_scoring_properties.py; here each rule is shown
with a handful of cards.
"""

import math

from game.core.combos import combos_made, combos_near
from game.core.deck import Combo, frozen_map
from game.core.scoring import (BALANCE_COST, COMFORT_SHARE, MODEL_VERSION, PERSONAL_HIGH, SOCIAL_HIGH,
                               balance_penalty, comfort_hours, fits, quadrant, score)

from .decks import make_deck, role, t

NEUTRAL = {"plezier": 2, "groei": 2, "balans": 2}
NEEDS = {"zorg": 4, "onderwijs": 3, "welvaart": 2}  # make_deck's starting needs


def deck_of(*cards, combos=()):
    return make_deck(list(cards), combos=combos, extra_roles=False)


def test_the_model_is_version_2():
    assert MODEL_VERSION == 2


def test_an_empty_week_is_neutral_for_personal_fit_and_zero_for_social_fit():
    assert fits(deck_of(), [], 40, NEUTRAL, NEEDS) == (50.0, 0.0)


def test_a_card_weighs_its_share_of_the_standard_week_not_of_the_budget():
    """The burn-out of the play test: a 28-hour nurse whose budget drops by 12 hours scores no higher."""
    deck = deck_of(role("verpleegkundige", 28, {"plezier": 1, "balans": -2}, {"zorg": 3}))
    full = fits(deck, ["verpleegkundige#1"], 40, NEUTRAL, NEEDS)
    cut = fits(deck, ["verpleegkundige#1"], 28, NEUTRAL, NEEDS)
    more_time = fits(deck, ["verpleegkundige#1"], 42, NEUTRAL, NEEDS)
    assert cut[1] == full[1] == more_time[1]
    assert cut[0] < full[0] == more_time[0]  # 28 of 28 hours is above the comfort line: it costs balance


def test_one_theme_alone_stays_below_the_social_line():
    """However many hours a week gives to one theme at the highest value and need, S stays under 50."""
    deck = deck_of(*(role(f"zorgbaan-{i}", 20, {}, {"zorg": 3}) for i in range(4)))
    week = [f"zorgbaan-{i}#1" for i in range(4)]
    s = fits(deck, week, 80, NEUTRAL, {**NEEDS, "zorg": 5})[1]
    assert s < SOCIAL_HIGH


def test_a_week_fuller_than_the_comfort_line_costs_balance_and_the_line_is_known():
    deck = deck_of(role("baan", 38, {}, {"zorg": 1}))
    assert comfort_hours(deck, 40) == COMFORT_SHARE * 40 == 36
    sc = score(deck, ["baan#1"], 40, NEUTRAL, NEEDS)
    assert sc.balance.comfort == 36 and sc.balance.over == 2
    assert math.isclose(sc.balance.offer_lost, BALANCE_COST * 2 / 40)
    assert sc.balance.points < 0
    assert [p.points for p in sc.personal.parts if p.source == "balance"] == [sc.balance.points]
    assert balance_penalty(36, 40, 40) == 0.0


def test_a_theme_s_points_are_shared_among_its_cards_in_proportion_to_their_contribution():
    deck = deck_of(role("groot", 24, {}, {"zorg": 3}), role("klein", 8, {}, {"zorg": 1}))
    sc = score(deck, ["groot#1", "klein#1"], 40, NEUTRAL, NEEDS)
    parts = {p.ref: p.points for p in sc.social.parts}
    assert math.isclose(parts["groot"] / parts["klein"], (24 * 3) / (8 * 1))
    zorg = next(th for th in sc.themes if th.id == "zorg")
    assert math.isclose(parts["groot"] + parts["klein"], zorg.points)


def test_a_value_s_gain_is_shared_in_proportion_and_a_cost_shows_as_a_negative_part():
    deck = deck_of(role("leuk", 20, {"plezier": 3}, {}), role("saai", 10, {"plezier": -1}, {}))
    sc = score(deck, ["leuk#1", "saai#1"], 40, NEUTRAL, NEEDS)
    parts = {p.ref: p.points for p in sc.personal.parts if p.dimension == "plezier"}
    assert parts["saai"] < 0 < parts["leuk"]
    assert math.isclose(parts["leuk"] / parts["saai"], (20 * 3) / (10 * -1))


def test_a_strong_week_is_capped_at_100_and_the_cap_is_a_part():
    themes = ("zorg", "onderwijs", "welvaart")
    deck = deck_of(*(role(f"r{i}", 20, {}, {th: 3 for th in themes}) for i in range(3)))
    sc = score(deck, ["r0#1", "r1#1", "r2#1"], 80, NEUTRAL, {th: 5 for th in themes})
    assert sc.social.total == 100.0
    cap = [p for p in sc.social.parts if p.source == "cap"]
    assert len(cap) == 1 and cap[0].points < 0
    assert math.isclose(sum(p.points for p in sc.social.parts), 100.0)


def test_a_combination_is_made_when_all_its_needs_are_in_one_mix_and_gives_its_bonus():
    pair = Combo("pair", t("pair"), None, ("c0", "c1"), frozen_map({"groei": 2}), frozen_map({"zorg": 2}))
    deck = deck_of(role("c0", 8, {"plezier": 1}), role("c1", 8, {"plezier": 1}), combos=[pair])
    assert [c.id for c in combos_made(deck, ["c0#1", "c1#1"])] == ["pair"]
    sc = score(deck, ["c0#1", "c1#1"], 40, NEUTRAL, NEEDS)
    assert any(p.source == "combo" and p.ref == "pair" and p.dimension == "zorg" for p in sc.social.parts)
    assert any(p.source == "combo" and p.ref == "pair" and p.dimension == "groei" for p in sc.personal.parts)


def test_a_combination_one_card_away_names_the_missing_card():
    pair = Combo("pair", t("pair"), None, ("c0", "c1"))
    deck = deck_of(role("c0", 8, {"plezier": 1}), role("c1", 8, {"plezier": 1}), combos=[pair])
    assert [(c.id, missing) for c, missing in combos_near(deck, ["c0#1"])] == [("pair", "c1")]


def test_one_card_cannot_meet_two_needs_of_a_combination():
    deck = make_deck([role("x", 8, {"plezier": 1}, tags=("a", "b"))], extra_roles=False,
                     combos=[Combo("ab", t("ab"), None, ("tag:a", "tag:b"))])
    assert combos_made(deck, ["x#1"]) == []


def test_your_values_sort_decides_personal_fit():
    deck = deck_of(role("baan", 32, {"plezier": 3, "groei": -2}, {}))
    likes = fits(deck, ["baan#1"], 40, {"plezier": 3, "groei": 1, "balans": 2}, NEEDS)[0]
    dislikes = fits(deck, ["baan#1"], 40, {"plezier": 1, "groei": 3, "balans": 2}, NEEDS)[0]
    assert likes - dislikes > 30


def test_the_quadrant_follows_both_fits():
    assert quadrant(PERSONAL_HIGH, SOCIAL_HIGH) == "high_high"
    assert quadrant(80, 10) == "high_low"
    assert quadrant(PERSONAL_HIGH - 0.1, 60) == "low_high"
    assert quadrant(50, 0) == "low_low"
