"""The principles of fit model 2, held on random decks and random weeks (docs/scoring.md).

Every deck here is drawn by hypothesis: 3 to 8 personal values, 3 to 8 social themes with
their needs, any standard week from 8 to 80 hours, cards with any values in range, and
combinations between them. The built-in decks are only one corner of that space.
"""

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from game.core.deck import Combo, Deck, PersonalDimension, SocialDimension, frozen_map
from game.core.scoring import (comfort_hours, fits, personal_fit, score, social_reference, value_shares,
                               week_profile)

from .decks import role, t

EPS = 1e-9


@st.composite
def decks(draw, min_cards=1, max_cards=6, combos=True, negative_bonus=True):
    """A random deck: values, themes and needs, a standard week, cards and combinations."""
    personal = [f"p{i}" for i in range(draw(st.integers(3, 8)))]
    social = [f"s{i}" for i in range(draw(st.integers(3, 8)))]
    needs = {s: draw(st.integers(1, 5)) for s in social}
    week = draw(st.integers(8, 80))
    balance = draw(st.sampled_from([None, *personal]))
    cards = []
    for i in range(draw(st.integers(min_cards, max_cards))):
        hours = draw(st.integers(1, 60))
        pv = draw(st.dictionaries(st.sampled_from(personal), st.integers(-3, 3), max_size=len(personal)))
        sv = draw(st.dictionaries(st.sampled_from(social), st.integers(0, 3), max_size=len(social)))
        cards.append(role(f"c{i}", hours, pv, sv, tags=(f"t{i % 3}",)))
    made = []
    if combos and len(cards) > 1:
        for k in range(draw(st.integers(0, 3))):
            needs_of = tuple(draw(st.lists(st.sampled_from([c.id for c in cards] + ["tag:t0", "tag:t1"]),
                                           min_size=2, max_size=3)))
            low = -3 if negative_bonus else 0
            bp = draw(st.dictionaries(st.sampled_from(personal), st.integers(low, 3), max_size=2))
            bs = draw(st.dictionaries(st.sampled_from(social), st.integers(0, 3), max_size=2))
            made.append(Combo(f"k{k}", t(f"k{k}"), None, needs_of, frozen_map(bp), frozen_map(bs)))
    return Deck("random", t("random"), ("nl",), tuple(PersonalDimension(d, t(d)) for d in personal),
                tuple(SocialDimension(s, t(s), n) for s, n in needs.items()), tuple(cards), tuple(made),
                hours_per_week=week, balance_dimension=balance)


def sorts(deck):
    return st.fixed_dictionaries({d: st.integers(1, 3) for d in deck.personal_ids})


def mix(deck, n=None):
    cards = deck.cards_of("role", "task")
    return [f"{c.id}#1" for c in (cards if n is None else cards[:n])]


def needs_of(deck):
    return {d.id: d.need for d in deck.social}


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_scores_stay_within_0_and_100_and_the_parts_add_up_to_them(data):
    deck = data.draw(decks())
    weights, budget = data.draw(sorts(deck)), data.draw(st.integers(0, 80))
    sc = score(deck, mix(deck), budget, weights, needs_of(deck))
    for fit in (sc.personal, sc.social):
        assert 0.0 <= fit.total <= 100.0
        assert math.isclose(sum(p.points for p in fit.parts), fit.total, abs_tol=1e-6)
        assert {p.source for p in fit.parts} <= {"base", "card", "combo", "balance", "cap"}
    fast = fits(deck, mix(deck), budget, weights, needs_of(deck))
    assert math.isclose(fast[0], sc.personal.total, abs_tol=1e-9)
    assert math.isclose(fast[1], sc.social.total, abs_tol=1e-9)
    sats, social = week_profile(deck, mix(deck), budget, needs_of(deck))
    assert math.isclose(personal_fit(sats, value_shares(deck, weights)), fast[0], abs_tol=1e-9)
    assert social == fast[1]


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_smaller_budget_never_raises_a_fit_of_the_same_week(data):
    deck = data.draw(decks())
    weights, needs = data.draw(sorts(deck)), needs_of(deck)
    budget = data.draw(st.integers(1, 80))
    smaller = data.draw(st.integers(0, budget - 1))
    p0, s0 = fits(deck, mix(deck), budget, weights, needs)
    p1, s1 = fits(deck, mix(deck), smaller, weights, needs)
    assert p1 <= p0 + EPS and s1 <= s0 + EPS


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_below_the_comfort_line_the_budget_changes_nothing(data):
    deck = data.draw(decks())
    weights, needs = data.draw(sorts(deck)), needs_of(deck)
    hours = sum(c.hours for c in deck.cards_of("role", "task"))
    roomy = data.draw(st.integers(math.ceil(hours / 0.9) + 1, math.ceil(hours / 0.9) + 40))
    assert comfort_hours(deck, roomy) >= hours
    assert fits(deck, mix(deck), roomy, weights, needs) == fits(deck, mix(deck), roomy + 17, weights, needs)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_adding_a_card_with_social_values_never_lowers_social_fit(data):
    deck = data.draw(decks(min_cards=2))
    weights, needs, budget = data.draw(sorts(deck)), needs_of(deck), data.draw(st.integers(0, 80))
    before, after = mix(deck)[:-1], mix(deck)
    assert fits(deck, after, budget, weights, needs)[1] >= fits(deck, before, budget, weights, needs)[1] - EPS


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_adding_a_card_without_negative_personal_values_never_lowers_personal_fit_below_the_comfort_line(data):
    deck = data.draw(decks(min_cards=2, negative_bonus=False))
    last = deck.cards_of("role", "task")[-1]
    assume(all(v >= 0 for v in last.personal.values()))
    weights, needs = data.draw(sorts(deck)), needs_of(deck)
    hours = sum(c.hours for c in deck.cards_of("role", "task"))
    budget = math.ceil(hours / 0.9) + data.draw(st.integers(0, 20))  # the fuller week stays below the line
    before, after = mix(deck)[:-1], mix(deck)
    assert fits(deck, after, budget, weights, needs)[0] >= fits(deck, before, budget, weights, needs)[0] - EPS


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_raising_a_need_never_lowers_social_fit_and_visibly_raises_it_for_a_week_that_serves_the_theme(data):
    deck = data.draw(decks())
    weights, needs, budget = data.draw(sorts(deck)), needs_of(deck), data.draw(st.integers(0, 80))
    theme = data.draw(st.sampled_from(deck.social_ids))
    assume(needs[theme] < 5)
    raised = {**needs, theme: needs[theme] + 1}
    before = score(deck, mix(deck), budget, weights, needs)
    after = fits(deck, mix(deck), budget, weights, raised)[1]
    assert after >= before.social.total - EPS
    served = next(th for th in before.themes if th.id == theme)
    if served.contribution > 0 and after < 100.0:
        # the week moves by exactly what the theme is worth for one step of need
        assert math.isclose(after - before.social.total, 100.0 * served.served / social_reference(deck), abs_tol=1e-6)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 30), st.integers(1, 3), st.integers(2, 6), st.integers(8, 80), st.integers(1, 5))
def test_the_kth_card_in_the_same_theme_adds_less_social_fit_than_the_one_before(hours, value, k, week, need):
    cards = [role(f"c{i}", hours, {}, {"s0": value}) for i in range(k)]
    deck = Deck("same", t("same"), ("nl",), (PersonalDimension("p0", t("p0")),),
                tuple(SocialDimension(s, t(s), need if s == "s0" else 5) for s in ("s0", "s1", "s2", "s3")),
                tuple(cards), hours_per_week=week)
    needs = needs_of(deck)
    fit = [fits(deck, [f"c{i}#1" for i in range(n)], 999, {"p0": 2}, needs)[1] for n in range(k + 1)]
    gains = [b - a for a, b in zip(fit, fit[1:])]
    assert all(g > 0 for g in gains if g > 1e-12)
    assert all(later < earlier or earlier < 1e-12 for earlier, later in zip(gains, gains[1:]))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 30), st.integers(1, 3), st.integers(2, 6), st.integers(8, 80))
def test_the_kth_source_of_a_value_adds_less_personal_fit_than_the_one_before(hours, value, k, week):
    cards = [role(f"c{i}", hours, {"p0": value}, {}) for i in range(k)]
    deck = Deck("same", t("same"), ("nl",), (PersonalDimension("p0", t("p0")), PersonalDimension("p1", t("p1"))),
                (SocialDimension("s0", t("s0"), 3),), tuple(cards), hours_per_week=week)
    fit = [fits(deck, [f"c{i}#1" for i in range(n)], 999, {"p0": 3, "p1": 1}, {"s0": 3})[0] for n in range(k + 1)]
    gains = [b - a for a, b in zip(fit, fit[1:])]
    assert gains[0] > 0
    # each gain is smaller than the one before, until the value is saturated to float precision
    assert all(later < earlier or earlier < 1e-9 for earlier, later in zip(gains, gains[1:]))
    assert all(g >= -1e-12 for g in gains)


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 20), st.integers(1, 20), st.integers(16, 80))
def test_a_second_theme_adds_more_than_doubling_down_on_the_first(hours, extra, week):
    first = role("first", hours, {}, {"s0": 2})
    same = role("same", extra, {}, {"s0": 2})
    other = role("other", extra, {}, {"s1": 2})
    deck = Deck("two", t("two"), ("nl",), (PersonalDimension("p0", t("p0")),),
                (SocialDimension("s0", t("s0"), 4), SocialDimension("s1", t("s1"), 4), SocialDimension("s2", t("s2"), 4)),
                (first, same, other), hours_per_week=week)
    needs = needs_of(deck)
    doubled = fits(deck, ["first#1", "same#1"], 999, {"p0": 2}, needs)[1]
    broadened = fits(deck, ["first#1", "other#1"], 999, {"p0": 2}, needs)[1]
    assert broadened > doubled


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_in_any_deck_one_theme_alone_stays_below_the_social_line(data):
    deck = data.draw(decks(combos=False))
    theme = deck.social_ids[0]
    week = [f"{c.id}#1" for c in deck.cards_of("role", "task") if set(c.social) <= {theme}]
    needs = {**needs_of(deck), theme: 5}
    assert fits(deck, week, 80, data.draw(sorts(deck)), needs)[1] < 50.0
