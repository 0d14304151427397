"""Moves are frozen dataclasses whose JSON form is what the log and the save hold, and back."""

import pytest
from hypothesis import given, strategies as st

from game.core import actions as act
from game.core.actions import Action, BadAction
from game.core.rules import apply, new_game
from game.errors import GameError

from .decks import make_deck

ids = st.text(st.characters(min_codepoint=33, max_codepoint=0x2FFF), min_size=1, max_size=20)
moves = st.one_of(
    st.dictionaries(ids, st.integers(1, 3), max_size=6).map(act.choose_values),
    st.just(act.next_step()), st.just(act.pass_turn()), st.just(act.keep_week()),
    st.just(act.accept_boost()), st.just(act.decline_boost()),
    ids.map(act.play), ids.map(act.drop), st.tuples(ids, ids).map(lambda p: act.swap(*p)),
    st.integers(0, 5).map(act.resolve_dilemma), st.lists(ids, max_size=3).map(lambda c: act.make_room(*c)),
    st.tuples(st.integers(0, 5), ids, st.booleans()).map(lambda p: act.give_boost(*p)),
    st.tuples(st.text(max_size=50), st.none() | st.integers(0, 5)).map(lambda p: act.answer(*p)),
)


@given(moves)
def test_every_move_survives_its_json_form(move):
    data = move.to_json()
    assert Action.from_json(data) == move
    assert data["type"] == move.type


def test_a_move_cannot_be_changed_after_it_is_made():
    move = act.choose_values({"plezier": 3})
    with pytest.raises(AttributeError):
        move.weights = {}
    with pytest.raises(TypeError):
        move.weights["plezier"] = 1


@pytest.mark.parametrize("data", [
    None, [], "play", {}, {"type": "fly"}, {"type": "play"}, {"type": "play", "card": 3},
    {"type": "play", "card": "x", "extra": 1}, {"type": "resolve_dilemma", "option": True},
    {"type": "choose_values", "weights": {"a": "3"}}, {"type": "make_room", "out": "abc"},
    {"type": "give_boost", "to": "1", "card": "x"},
])
def test_data_that_is_not_a_move_is_refused_with_a_reason(data):
    with pytest.raises(BadAction) as caught:
        Action.from_json(data)
    assert isinstance(caught.value, GameError) and str(caught.value)


def test_the_rules_refuse_a_logged_move_that_is_not_a_move_instead_of_raising():
    deck = make_deck()
    state = new_game(deck, ["Sam"])
    refused = apply(deck, state, {"type": "choose_values", "weights": "all"})
    assert isinstance(refused, act.Invalid) and refused.reason == "bad_action"


def test_the_log_holds_the_json_form_of_each_move():
    deck = make_deck()
    state = new_game(deck, ["Sam"])
    move = act.choose_values({d: 3 for d in deck.personal_ids})
    after = apply(deck, state, move)
    assert after.log == [move.to_json()] and Action.from_json(after.log[0]) == move


def test_a_game_starts_only_in_a_mode_it_knows():
    assert new_game(make_deck(), ["Sam", "Noor"], mode="duel").reason == "unknown_mode"
