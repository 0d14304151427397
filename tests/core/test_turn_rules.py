"""The rules of a turn, as GAME.md tells them."""

from game.core import actions as act
from game.core.rules import apply
from game.core.state import card_of

from .decks import make_deck, role, task
from .helpers import ok, put_in_hand, to_first_turn


def deck_with(*cards, **kw):
    return make_deck(list(cards), **kw)


def test_a_turn_starts_by_drawing_up_to_the_hand_size():
    deck = deck_with()
    state = to_first_turn(deck)
    assert len(state.player.hand) == deck.hand_size


def test_a_card_that_does_not_fit_the_hours_cannot_be_played():
    deck = deck_with(role("fulltime", 36, {"plezier": 1}), role("extra", 8, {"plezier": 1}))
    state = put_in_hand(to_first_turn(deck), "fulltime", "extra")
    state = ok(deck, state, act.play(next(i for i in state.player.hand if card_of(i) == "fulltime")))
    refused = apply(deck, state, act.play(next(i for i in state.player.hand if card_of(i) == "extra")))
    assert isinstance(refused, act.Invalid)
    assert refused.reason == "does_not_fit" and refused.params["over"] == 4


def test_the_refusal_reads_as_a_sentence_for_the_player():
    from game.i18n.describe import describe_invalid

    refusal = act.Invalid("does_not_fit", {"card": "extra", "hours": 8, "free": 2, "over": 6})
    deck = deck_with(role("extra", 8, {"plezier": 1}))
    assert describe_invalid(deck, refusal, "nl") == \
        "Deze kaart past niet meer in je week: 6 uur te veel (2 uur vrij)."


def test_a_player_takes_at_most_the_decks_number_of_actions():
    deck = deck_with(*[role(f"r{i}", 4, {"plezier": 1}) for i in range(3)], actions=2)
    state = put_in_hand(to_first_turn(deck), "r0", "r1", "r2")
    for cid in ("r0", "r1"):
        state = ok(deck, state, act.play(next(i for i in state.player.hand if card_of(i) == cid)))
    third = next(i for i in state.player.hand if card_of(i) == "r2")
    assert apply(deck, state, act.play(third)).reason == "no_actions_left"


def test_a_card_from_the_market_can_be_played_and_the_market_refills():
    deck = deck_with()
    state = to_first_turn(deck)
    taken = state.market[0]
    state = ok(deck, state, act.play(taken))
    assert taken in state.player.mix
    assert len(state.market) == deck.market_size


def test_a_card_that_leaves_a_mix_goes_face_up_into_the_market():
    deck = deck_with(role("oldjob", 8, {"plezier": 1}))
    state = put_in_hand(to_first_turn(deck), "oldjob")
    job = next(i for i in state.player.hand if card_of(i) == "oldjob")
    state = ok(deck, state, act.play(job))
    state = ok(deck, state, act.drop(job))
    assert state.market[-1] == job


def test_the_oldest_market_card_is_discarded_when_the_market_is_full():
    deck = deck_with(role("oldjob", 8, {"plezier": 1}))
    state = put_in_hand(to_first_turn(deck), "oldjob")
    oldest = state.market[0]
    job = next(i for i in state.player.hand if card_of(i) == "oldjob")
    state = ok(deck, state, act.play(job))
    state = ok(deck, state, act.drop(job))
    assert oldest not in state.market and oldest in state.discard


def test_a_swap_is_a_career_step_that_costs_one_action():
    deck = deck_with(role("a", 30, {"plezier": 1}), role("b", 32, {"groei": 1}))
    state = put_in_hand(to_first_turn(deck), "a", "b")
    a = next(i for i in state.player.hand if card_of(i) == "a")
    b = next(i for i in state.player.hand if card_of(i) == "b")
    state = ok(deck, state, act.play(a))
    state = ok(deck, state, act.swap(a, b))
    assert state.player.mix == [b] and a in state.market and state.actions_left == 0


def test_a_task_that_requires_a_tag_needs_a_card_with_that_tag_in_the_mix():
    deck = deck_with(role("teacher", 24, {"plezier": 1}, tags=("onderwijs",)),
                     task("mentor", 4, {"verbinding": 0, "plezier": 1}, requires=("onderwijs",)))
    state = put_in_hand(to_first_turn(deck), "teacher", "mentor")
    mentor = next(i for i in state.player.hand if card_of(i) == "mentor")
    assert apply(deck, state, act.play(mentor)).reason == "requires"
    state = ok(deck, state, act.play(next(i for i in state.player.hand if card_of(i) == "teacher")))
    state = ok(deck, state, act.play(mentor))
    assert mentor in state.player.mix


def test_passing_ends_the_turn_and_hands_over_to_the_next_player():
    deck = deck_with()
    state = to_first_turn(deck, names=("Sam", "Noor"))
    assert state.current == 0
    state = ok(deck, state, act.pass_turn())
    assert state.phase == "turn" and state.current == 1


def test_after_every_turn_the_boost_phase_follows():
    deck = deck_with()
    state = to_first_turn(deck, names=("Sam", "Noor"))
    state = ok(deck, ok(deck, state, act.pass_turn()), act.pass_turn())
    assert state.phase == "boost"
