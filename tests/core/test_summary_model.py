"""What the summary keeps of fit model 2: its version, social fit per theme, the comfort line, and a
next step that follows the deck's `advice` keys (never out of school, never a life circumstance)."""

import json
import math

from game.core.bots import play_game
from game.core.rules import new_game
from game.core.scoring import MODEL_VERSION, SOCIAL_HIGH, comfort_hours, player_scores
from dataclasses import replace

from game.core.summary import Summary, summarize

from .decks import make_deck, role, task

SCHOOL_DECK = make_deck([
    replace(role("school-afmaken", 28, {"groei": 2}, {"welvaart": 1}, tags=("opleiding", "school")),
            advice="never-replace"),
    role("mbo-zorg", 28, {"groei": 2, "plezier": 1}, {"zorg": 3}, tags=("zorgwerk",)),
    task("bijles", 6, {"plezier": 1}, {"onderwijs": 2}),
], extra_roles=False)


def student_with(mix, deck=SCHOOL_DECK):
    state = new_game(deck, ["Noor"], seed=1)
    state.players[0].mix = list(mix)
    state.players[0].hand = []
    return state


def test_the_next_step_never_swaps_school_away():
    state = student_with(["school-afmaken#1"])
    step = summarize(SCHOOL_DECK, state).players[0].next_step
    assert step.out != "school-afmaken"
    assert step.card == "bijles" and step.out is None  # an addition beside school, not a swap for mbo-zorg


def test_the_next_step_never_suggests_a_life_circumstance():
    carer = replace(task("mantelzorg", 6, {"plezier": 1}, {"onderwijs": 3}), advice="never-suggest")
    deck = make_deck([role("school-afmaken", 28, {"groei": 2}, {"welvaart": 1}), carer,
                      task("bijles", 6, {"plezier": 1}, {"onderwijs": 2})], extra_roles=False)
    step = summarize(deck, student_with(["school-afmaken#1"], deck)).players[0].next_step
    assert step.card == "bijles"
    assert summarize(replace(deck, cards=tuple(replace(c, advice=None) for c in deck.cards)),
                     student_with(["school-afmaken#1"], deck)).players[0].next_step.card == "mantelzorg"


def test_the_next_step_may_swap_what_is_not_education():
    deck = make_deck([role("bijbaan", 28, {"groei": 2}, {"welvaart": 1}),
                      role("mbo-zorg", 28, {"groei": 2, "plezier": 1}, {"zorg": 3})], extra_roles=False)
    step = summarize(deck, student_with(["bijbaan#1"], deck)).players[0].next_step
    assert (step.card, step.out) == ("mbo-zorg", "bijbaan")


def test_the_summary_says_which_model_scored_it_and_how_each_theme_adds_up():
    state = play_game(SCHOOL_DECK, ["Sam", "Noor"], ["social-first", "personal-first"], seed=4)
    summary = summarize(SCHOOL_DECK, state)
    assert summary.model_version == MODEL_VERSION == 2
    for i, p in enumerate(summary.players):
        themes = {row[0]: row for row in p.social_themes}
        assert set(themes) == set(SCHOOL_DECK.social_ids)
        total = sum(row[4] for row in p.social_themes)
        assert math.isclose(min(total, 100.0), p.social_fit, abs_tol=0.05)
        for theme, contribution, need in p.social_dimensions:
            assert themes[theme][1] == contribution and themes[theme][3] == need
        scores = player_scores(SCHOOL_DECK, state, i)
        assert p.balance["comfort"] == round(comfort_hours(SCHOOL_DECK, p.budget), 2)
        assert p.balance["hours"] == p.hours and p.balance["points"] == round(scores.balance.points, 2)


def test_why_balance_dropped_is_in_the_summary():
    state = student_with(["school-afmaken#1", "bijles#1"])
    state.players[0].budget = 34  # an event took hours: the line drops to 30.6, the week has 34
    balance = summarize(SCHOOL_DECK, state).players[0].balance
    assert balance["comfort"] == 30.6 and balance["over"] == 3.4 and balance["points"] < 0


def test_a_summary_survives_json_and_one_of_model_1_still_reads():
    state = play_game(SCHOOL_DECK, ["Sam"], "balanced", seed=2)
    summary = summarize(SCHOOL_DECK, state)
    data = json.loads(json.dumps(summary.to_json()))
    assert Summary.from_json(data) == summary
    old = json.loads(json.dumps(data))
    old["version"] = 1
    del old["model_version"]
    for p in old["players"]:
        del p["social_themes"], p["balance"], p["next_step"]["out"]
    back = Summary.from_json(old)
    assert back.model_version == 1 and back.players[0].balance is None and back.players[0].social_themes == ()


def test_school_plus_small_tasks_can_reach_the_social_line_in_the_class_deck():
    """The play-tested dead end of lob-klas: with school in the week the best S was 34."""
    from game.authoring.targets import _Weeks
    from game.content import find_deck, load_deck

    deck = load_deck(find_deck("lob-klas"))
    weeks = _Weeks(deck)
    best = max(weeks.fit(("school-afmaken", *rest), {d: 2 for d in deck.personal_ids})[1]
               for rest in [("mantelzorg", "sporttrainer", "sportdag-buurt"),
                            ("mantelzorg", "buddy", "taalmaatje", "zwerfafval")]
               if weeks.legal(("school-afmaken", *rest)))
    assert best >= SOCIAL_HIGH
