"""The flow of a game: values, rounds of event → turns → boost → reflect, and the summary."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from game.core import actions as act
from game.core.advisor import advise
from game.core.bots import STYLES, choose, play_game
from game.core.replay import can_undo, replay, undo
from game.core.rules import apply, new_game
from game.core.state import GameState
from game.core.summary import Summary, summarize

from .decks import make_deck
from .helpers import all_instances, ok, to_first_turn

DECK = make_deck()


def test_setup_accepts_solo_or_a_table_of_two_to_six_and_three_to_six_rounds():
    assert new_game(DECK, ["Sam"]).mode == "solo"
    assert new_game(DECK, ["A", "B"]).mode == "table"
    assert new_game(DECK, list("ABCDEFG")).reason == "table_size"
    assert new_game(DECK, ["A"], rounds=7).reason == "rounds_range"
    assert new_game(DECK, ["A"], rounds=2).reason == "rounds_range"


def test_every_player_sorts_the_values_before_the_first_round():
    state = new_game(DECK, ["Sam", "Noor"])
    assert state.phase == "values"
    state = ok(DECK, state, act.choose_values({"plezier": 3, "groei": 1, "balans": 2}))
    assert state.phase == "values" and state.current == 1
    state = ok(DECK, state, act.choose_values({"plezier": 1, "groei": 1, "balans": 1}))
    assert state.phase == "event" and state.round == 1
    assert state.players[0].weights == {"plezier": 3, "groei": 1, "balans": 2}


def test_a_value_outside_the_three_piles_is_refused():
    state = new_game(DECK, ["Sam"])
    assert apply(DECK, state, act.choose_values({"plezier": 4, "groei": 1, "balans": 2})).reason == "values_range"


def test_the_same_seed_and_the_same_choices_give_the_same_game():
    a = play_game(DECK, ["A", "B", "C"], "balanced", seed=42)
    b = play_game(DECK, ["A", "B", "C"], "balanced", seed=42)
    assert a.to_json() == b.to_json()


def test_in_a_table_each_player_gives_one_boost_by_naming_a_card_or_offering_one():
    state = to_first_turn(DECK, names=("Sam", "Noor"))
    state = ok(DECK, state, act.play(state.player.hand[0]))
    state = ok(DECK, state, act.pass_turn())
    state = ok(DECK, state, act.play(state.player.hand[0]))
    state = ok(DECK, state, act.pass_turn())
    assert state.phase == "boost" and state.current == 0
    named = state.players[1].mix[0]
    state = ok(DECK, state, act.give_boost(1, named))
    assert state.players[1].boosts[-1]["card"] == named and state.current == 1
    offered = state.market[0]
    state = ok(DECK, state, act.give_boost(0, offered, offer=True))
    assert state.boost_pending["to"] == 0
    state = ok(DECK, state, act.accept_boost())
    assert offered in state.players[0].mix and state.phase == "reflect"


def test_a_boost_offer_must_fit_the_receivers_week_and_says_so_about_their_week():
    from game.i18n.describe import describe_invalid

    state = to_first_turn(DECK, names=("Sam", "Noor"))
    state = ok(DECK, ok(DECK, state, act.pass_turn()), act.pass_turn())
    state = state.copy()
    state.players[1].budget = 4  # Noor's week has no room for an 8-hour card
    refused = apply(DECK, state, act.give_boost(1, state.market[0], offer=True))
    assert refused.reason == "does_not_fit_theirs" and refused.params["name"] == "Noor"
    assert describe_invalid(DECK, refused, "nl").startswith("Deze kaart past niet in de week van Noor")
    assert "Noor's week" in describe_invalid(DECK, refused, "en")


def test_a_player_cannot_boost_themselves():
    state = to_first_turn(DECK, names=("Sam", "Noor"))
    state = ok(DECK, ok(DECK, state, act.pass_turn()), act.pass_turn())
    assert apply(DECK, state, act.give_boost(0, state.market[0], offer=True)).reason == "boost_other_player"


def test_solo_the_advisor_offers_a_move_that_raises_social_fit_without_lowering_personal_fit():
    state = to_first_turn(DECK)
    state = ok(DECK, state, act.pass_turn())
    pending = state.boost_pending
    advice = advise(DECK, state, 0).social
    if advice is None:
        assert pending is None
    else:
        assert pending["card"] == advice.card
        assert advice.social_after > advice.social_before
        assert advice.personal_after >= advice.personal_before - 1e-9


def test_solo_a_typed_answer_goes_into_the_summary():
    state = to_first_turn(DECK)
    state = ok(DECK, state, act.pass_turn())
    state = ok(DECK, state, act.decline_boost() if state.boost_pending else act.pass_turn())
    assert state.phase == "reflect" and state.prompt
    state = ok(DECK, state, act.answer("Ik wil meer met mensen werken"))
    state = bots_finish(state)
    summary = summarize(DECK, state)
    assert summary.players[0].answers[0]["text"] == "Ik wil meer met mensen werken"


def bots_finish(state):
    from game.core.bots import finish

    return finish(DECK, state, "balanced")


def test_a_game_ends_in_the_summary_after_the_last_round():
    state = play_game(DECK, ["Sam"], "balanced", rounds=3)
    assert state.phase == "summary" and state.round == 3


def test_undo_takes_back_the_last_action_of_this_turn_only():
    state = to_first_turn(DECK)
    initial = new_game(DECK, ["Sam"], seed=1)
    assert not can_undo(state)
    played = ok(DECK, state, act.play(state.player.hand[0]))
    back = undo(DECK, initial, played)
    assert back.to_json() == state.to_json()


def test_the_state_and_the_summary_survive_a_json_round_trip():
    state = play_game(DECK, ["A", "B"], ["social", "personal"], seed=5)
    again = GameState.from_json(json.loads(json.dumps(state.to_json())))
    assert again.to_json() == state.to_json()
    summary = summarize(DECK, state)
    assert Summary.from_json(json.loads(json.dumps(summary.to_json()))) == summary


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 6), st.sampled_from(STYLES), st.integers(3, 6))
def test_random_legal_games_by_every_bot_finish_and_replay_to_the_same_state(seed, players, style, rounds):
    names = [f"P{i}" for i in range(players)]
    final = play_game(DECK, names, [style, "random", "social"], seed=seed, rounds=rounds)
    assert final.phase == "summary"
    again = replay(DECK, new_game(DECK, names, rounds=rounds, seed=seed), final.log)
    assert again.to_json() == final.to_json()


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 6))
def test_no_card_is_ever_lost_or_duplicated_and_mixes_fit_their_hours(seed, players):
    names = [f"P{i}" for i in range(players)]
    state = new_game(DECK, names, seed=seed)
    expected = sorted(all_instances(state))
    while state.phase != "summary":
        state = ok(DECK, state, choose(DECK, state, "random"))
        assert sorted(all_instances(state)) == expected
        if state.phase != "turn" or not state.dilemma:
            for p in state.players:
                hours = sum(DECK.card(i.split("#")[0]).hours for i in p.mix)
                assert hours <= p.budget or state.phase in ("event", "turn")
