"""Events and dilemmas: every effect kind of the deck format."""

from game.core import actions as act
from game.core.deck import AddEffect, HoursEffect, NeedEffect, OfferEffect, frozen_map
from game.core.rules import apply, new_game
from game.core.scoring import card_values
from game.core.state import card_of

from .decks import dilemma, event, make_deck, role
from .helpers import ok, put_in_hand, to_first_turn


def events(*effects_per_event):
    return [event(f"ev{i}", *effects) for i, effects in enumerate(effects_per_event)]


def six(first):
    """The given event first in every shuffle: all six events are the same."""
    return [event(f"ev{i}", *first) for i in range(6)]


def start(deck, names=("Sam",)):
    state = new_game(deck, list(names), seed=3)
    for _ in names:
        state = ok(deck, state, act.choose_values({d: 2 for d in deck.personal_ids}))
    return state


def test_an_event_is_shown_to_everyone_at_the_start_of_a_round():
    deck = make_deck(events=six([NeedEffect(frozen_map({"onderwijs": 1}))]))
    state = start(deck, ("Sam", "Noor"))
    assert state.phase == "event" and state.event is not None


def test_a_need_event_changes_societys_need_and_needs_stay_between_1_and_5():
    deck = make_deck(events=six([NeedEffect(frozen_map({"onderwijs": 1, "welvaart": -5}))]))
    state = start(deck)
    assert state.needs["onderwijs"] == 4 and state.needs["welvaart"] == 1
    assert state.effects_report[0] == {"kind": "need", "changes": {"onderwijs": 1, "welvaart": -1}}


def test_an_hours_event_changes_the_budget_of_everyone_by_default():
    deck = make_deck(events=six([HoursEffect(-8)]))
    state = start(deck, ("Sam", "Noor", "Ali"))
    assert [p.budget for p in state.players] == [32, 32, 32]


def test_an_hours_event_for_the_current_player_hits_the_player_who_starts_the_round():
    deck = make_deck(events=six([HoursEffect(-8, "current")]))
    state = start(deck, ("Sam", "Noor"))
    assert [p.budget for p in state.players] == [32, 40]


def test_an_hours_event_for_a_random_player_uses_the_games_own_generator():
    deck = make_deck(events=six([HoursEffect(-8, "random")]))
    a, b = start(deck, ("Sam", "Noor", "Ali")), start(deck, ("Sam", "Noor", "Ali"))
    assert [p.budget for p in a.players] == [p.budget for p in b.players]
    assert sorted(p.budget for p in a.players) == [32, 40, 40]


def test_an_offer_event_changes_the_cards_with_a_tag_for_the_rest_of_the_game():
    deck = make_deck([role("kassa", 12, {"zekerheid": 0, "plezier": 1}, tags=("routine",))],
                     events=six([OfferEffect("routine", frozen_map({"plezier": -1}), frozen_map())]))
    state = start(deck)
    assert card_values(deck.card("kassa"), state.offers)[0]["plezier"] == 0
    assert card_values(deck.card("filler-0"), state.offers)[0]["plezier"] == 1


def test_when_an_event_cuts_the_budget_below_the_mix_the_player_must_fix_the_week_first():
    deck = make_deck([role("job", 32, {"plezier": 2}), role("side", 4, {"plezier": 1})])
    state = put_in_hand(to_first_turn(deck), "job", "side")
    job = next(i for i in state.player.hand if card_of(i) == "job")
    state = ok(deck, state, act.play(job))
    state = state.copy()
    state.player.budget = 24  # as an hours event would leave it
    side = next(i for i in state.player.hand if card_of(i) == "side")
    assert apply(deck, state, act.pass_turn()).reason == "overfull"
    assert apply(deck, state, act.play(side)).reason == "overfull"
    actions_before = state.actions_left
    state = ok(deck, state, act.drop(job))
    assert state.actions_left == actions_before  # fixing the week costs no action


def dilemma_deck(*options, extra=()):
    d = dilemma("keuze", *options)
    return make_deck([d, *extra], hand=3)


def to_dilemma(deck):
    for seed in range(200):
        state = new_game(deck, ["Sam"], seed=seed)
        state = ok(deck, state, act.choose_values({d: 2 for d in deck.personal_ids}))
        state = ok(deck, state, act.next_step())
        if state.dilemma:
            return state
    raise AssertionError("no seed draws the dilemma first")


def test_a_drawn_dilemma_must_be_resolved_before_anything_else():
    deck = dilemma_deck([NeedEffect(frozen_map({"zorg": 1}))], [HoursEffect(-4, "current")])
    state = to_dilemma(deck)
    assert apply(deck, state, act.pass_turn()).reason == "resolve_dilemma_first"
    state = ok(deck, state, act.resolve_dilemma(1))
    assert state.player.budget == 36 and state.dilemma is None


def test_a_dilemma_option_can_add_a_card_to_the_mix_when_it_fits():
    helper = role("taalmaatje", 4, {"verbinding": 0, "plezier": 1}, {"onderwijs": 2})
    deck = dilemma_deck([AddEffect("taalmaatje")], [NeedEffect(frozen_map({"zorg": 0}))], extra=[helper])
    state = ok(deck, to_dilemma(deck), act.resolve_dilemma(0))
    assert any(card_of(i) == "taalmaatje" for i in state.player.mix)
    assert state.effects_report[0]["added"] is True


def test_an_add_with_no_copy_left_adds_nothing_and_says_so():
    helper = role("taalmaatje", 4, {"plezier": 1}, {"onderwijs": 2})
    deck = dilemma_deck([AddEffect("taalmaatje")], [NeedEffect(frozen_map({"zorg": 0}))], extra=[helper])
    state = to_dilemma(deck)
    state = state.copy()
    for place in (state.pile, state.market, state.discard, state.player.hand):
        for inst in [i for i in place if card_of(i) == "taalmaatje"]:
            place.remove(inst)
    state = ok(deck, state, act.resolve_dilemma(0))
    assert state.effects_report[0] == {"kind": "add", "card": "taalmaatje", "player": 0,
                                       "added": False, "reason": "no_copy"}


def test_a_resolved_dilemma_leaves_the_game_and_the_turn_goes_on():
    deck = dilemma_deck([NeedEffect(frozen_map({"zorg": 1}))], [NeedEffect(frozen_map({"zorg": 0}))])
    state = ok(deck, to_dilemma(deck), act.resolve_dilemma(0))
    assert state.dilemma is None and "keuze#1" in state.dilemmas_done
    assert "keuze#1" not in state.pile + state.discard


def test_six_players_finish_even_when_the_pile_holds_only_dilemmas():
    from game.core.bots import play_game

    deck = make_deck([dilemma(f"d{i}", [NeedEffect(frozen_map({"zorg": 1}))],
                              [NeedEffect(frozen_map({"zorg": -1}))]) for i in range(3)], hand=5)
    for seed in range(5):
        assert play_game(deck, [f"P{i}" for i in range(6)], "balanced", seed=seed).phase == "summary"


def test_a_card_that_changes_society_does_so_once_a_game_when_it_first_joins_a_week():
    from dataclasses import replace

    action = replace(role("actiegroep", 4, {"plezier": 1}, {"zorg": 1}, copies=2),
                     on_play=(NeedEffect(frozen_map({"onderwijs": 1})),))
    deck = make_deck([action])
    state = to_first_turn(deck)
    copies = [i for i in state.pile + state.market + state.player.hand if card_of(i) == "actiegroep"]
    state = state.copy()
    for inst in copies:  # both copies in hand
        for place in (state.pile, state.market):
            if inst in place:
                place.remove(inst)
                state.player.hand.append(inst)
    before = state.needs["onderwijs"]
    state = ok(deck, state, act.play(copies[0]))
    assert state.needs["onderwijs"] == before + 1
    assert state.effects_report[0] == {"kind": "on_play", "card": "actiegroep", "player": 0}
    state = ok(deck, state, act.swap(copies[0], copies[1]))
    assert state.needs["onderwijs"] == before + 1  # the second copy changes nothing more
    assert state.on_play_done == ["actiegroep"]


# --------------------------------------------------------------------------- making room


def room_deck():
    job = role("baan", 32, {"plezier": 1}, {"zorg": 1})
    side = role("bijbaan", 6, {"plezier": 1}, {"zorg": 1})
    teacher = role("leraar", 24, {"plezier": 2}, {"onderwijs": 3})
    return dilemma_deck([AddEffect("leraar")], [NeedEffect(frozen_map({"zorg": 0}))], extra=[job, side, teacher])


def with_full_week(deck, state, *card_ids):
    """The current player's week holds these cards (taken from wherever they lie)."""
    state = state.copy()
    for cid in card_ids:
        for place in (state.pile, state.market, state.discard, state.player.hand):
            found = [i for i in place if card_of(i) == cid]
            if found:
                place.remove(found[0])
                state.player.mix.append(found[0])
                break
    return state


def test_an_added_card_that_does_not_fit_asks_the_player_what_to_make_room_for():
    deck = room_deck()
    state = with_full_week(deck, to_dilemma(deck), "baan", "bijbaan")
    cards = sorted(state.all_cards())
    state = ok(deck, state, act.resolve_dilemma(0))
    assert state.room_request["over"] == 32 + 6 + 24 - 40
    assert state.effects_report[0]["reason"] == "make_room" and state.effects_report[0]["over"] == 22
    assert apply(deck, state, act.pass_turn()).reason == "make_room_first"
    assert sorted(state.all_cards()) == cards  # the card waits outside the week, not lost
    bijbaan = next(i for i in state.player.mix if card_of(i) == "bijbaan")
    assert apply(deck, state, act.make_room(bijbaan)).reason == "room_not_enough"
    baan = next(i for i in state.player.mix if card_of(i) == "baan")
    state = ok(deck, state, act.make_room(baan))
    assert sorted(card_of(i) for i in state.player.mix) == ["bijbaan", "leraar"]
    assert baan in state.market and state.room_request is None
    assert state.effects_report[-1] == {"kind": "add", "card": "leraar", "player": 0, "added": True,
                                        "reason": None, "out": ["baan"]}
    assert sorted(state.all_cards()) == cards


def test_a_player_may_keep_the_week_and_the_card_goes_to_the_market():
    deck = room_deck()
    state = with_full_week(deck, to_dilemma(deck), "baan", "bijbaan")
    state = ok(deck, ok(deck, state, act.resolve_dilemma(0)), act.keep_week())
    assert sorted(card_of(i) for i in state.player.mix) == ["baan", "bijbaan"]
    assert any(card_of(i) == "leraar" for i in state.market)
    assert state.effects_report[-1]["reason"] == "kept_week"
    ok(deck, state, act.pass_turn())


def test_an_added_card_that_fits_joins_the_week_at_once():
    deck = room_deck()
    state = ok(deck, with_full_week(deck, to_dilemma(deck), "bijbaan"), act.resolve_dilemma(0))
    assert state.room_request is None and state.effects_report[0]["added"] is True


def test_an_added_card_already_in_the_week_or_bigger_than_the_whole_week_says_why_nothing_happens():
    deck = room_deck()
    state = with_full_week(deck, to_dilemma(deck), "leraar")
    assert ok(deck, state, act.resolve_dilemma(0)).effects_report[0]["reason"] == "already"
    small = to_dilemma(deck).copy()
    small.player.budget = 20
    report = ok(deck, small, act.resolve_dilemma(0)).effects_report[0]
    assert report["reason"] == "too_big" and (report["hours"], report["budget"]) == (24, 20)


def test_a_week_holds_each_card_once():
    deck = make_deck([role("vrijwilliger", 4, {"plezier": 1}, copies=2)])
    state = to_first_turn(deck).copy()
    copies = [i for i in state.all_cards() if card_of(i) == "vrijwilliger"]
    for place in (state.pile, state.market):
        for inst in copies:
            if inst in place:
                place.remove(inst)
    state.player.hand[:2] = copies
    state = ok(deck, state, act.play(copies[0]))
    refused = apply(deck, state, act.play(copies[1]))
    assert refused.reason == "already_in_week" and refused.params["card"] == "vrijwilliger"
