"""Moving a test game to the moment a rule is about."""

from game.core import actions as act
from game.core.rules import apply, new_game
from game.core.state import card_of


def ok(deck, state, action):
    nxt = apply(deck, state, action)
    assert not isinstance(nxt, act.Invalid), f"{action} refused: {nxt}"
    return nxt


def to_first_turn(deck, names=("Sam",), seed=1, rounds=4):
    state = new_game(deck, list(names), rounds=rounds, seed=seed)
    for _ in names:
        state = ok(deck, state, act.choose_values({d: 2 for d in deck.personal_ids}))
    assert state.phase == "event"
    return ok(deck, state, act.next_step())


def put_in_hand(state, *card_ids):
    """Deal specific cards into the current player's hand (tests only: shows a rule with known cards)."""
    state = state.copy()
    for cid in card_ids:
        if any(card_of(i) == cid for i in state.player.hand):
            continue
        for place in (state.pile, state.market, state.discard):
            found = [i for i in place if card_of(i) == cid]
            if found:
                place.remove(found[0])
                state.player.hand.append(found[0])
                break
        else:
            raise AssertionError(f"no copy of {cid} left to deal")
    return state


def all_instances(state):
    """Every card instance in the game, wherever it lies."""
    out = list(state.pile) + list(state.discard) + list(state.dilemmas_done) + list(state.market) + list(state.events) + list(state.events_done)
    for p in state.players:
        out += p.mix + p.hand
    if state.dilemma:
        out.append(state.dilemma)
    if state.event:
        out.append(state.event)
    return out
