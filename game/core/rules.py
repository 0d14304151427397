"""The rules: `new_game` makes the initial state, `apply` turns (state, action) into the next state.

`apply` never changes its input and never raises for an illegal move: it returns `Invalid`.
Every applied action is appended to `state.log`, so the initial state plus the log replays
the game exactly (see game.core.replay).
"""

from __future__ import annotations

from typing import Callable, Sequence

from . import effects as fx
from .actions import Invalid
from .advisor import advise
from .deck import COMPETENCES, Deck
from .rng import Rng, seed_state
from .scoring import mix_hours
from .state import (DEFAULT_WEIGHT, MAX_ROUNDS, MAX_TABLE, MIN_ROUNDS, MIN_TABLE, GameState,
                    PlayerState, card_of, instance_id)

# --------------------------------------------------------------------------- setup


def new_game(deck: Deck, names: Sequence[str], rounds: int = 4, seed: int | str = 0,
             mode: str | None = None) -> GameState | Invalid:
    """The state before the values sort: piles shuffled with the seed, market laid out."""
    names = [str(n) for n in names]
    mode = mode or ("solo" if len(names) == 1 else "table")
    if mode == "solo" and len(names) != 1:
        return Invalid("solo_needs_one_player")
    if mode == "table" and not MIN_TABLE <= len(names) <= MAX_TABLE:
        return Invalid("table_size", {"min": MIN_TABLE, "max": MAX_TABLE})
    if not MIN_ROUNDS <= rounds <= MAX_ROUNDS:
        return Invalid("rounds_range", {"min": MIN_ROUNDS, "max": MAX_ROUNDS})
    rng = Rng(seed_state(seed))

    def instances(*types: str) -> list[str]:
        return [instance_id(c.id, n) for c in deck.cards_of(*types) for n in range(1, c.copies + 1)]

    pile = instances("role", "task", "dilemma")
    events = instances("event")
    prompts = [c.id for c in deck.cards_of("prompt")]
    rng.shuffle(pile)
    rng.shuffle(events)
    rng.shuffle(prompts)
    state = GameState(
        deck_id=deck.id, deck_fingerprint=deck.fingerprint, mode=mode, rounds=rounds, seed=seed,
        rng=rng.state,
        players=[PlayerState(name=n, budget=deck.hours_per_week,
                             weights={d: DEFAULT_WEIGHT for d in deck.personal_ids}) for n in names],
        needs={d.id: d.need for d in deck.social},
        pile=pile, events=events, prompts=prompts,
    )
    fx.refill_market(deck, state)
    return state


# --------------------------------------------------------------------------- apply


def apply(deck: Deck, state: GameState, action: dict) -> GameState | Invalid:
    """The next state after `action`, or `Invalid` with the reason it cannot be taken."""
    kind = action.get("type") if isinstance(action, dict) else None
    handler = _HANDLERS.get((state.phase, kind))
    if handler is None:
        return Invalid("not_now", {"action": str(kind), "phase": state.phase})
    nxt = state.copy()
    result = handler(deck, nxt, action)
    if isinstance(result, Invalid):
        return result
    nxt.log.append(dict(action))
    return nxt


def legal_types(state: GameState) -> list[str]:
    return [kind for (phase, kind) in _HANDLERS if phase == state.phase]


# --------------------------------------------------------------------------- values


def _choose_values(deck: Deck, s: GameState, a: dict):
    weights = a.get("weights")
    if not isinstance(weights, dict) or set(weights) != set(deck.personal_ids):
        return Invalid("values_incomplete")
    if any(not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 3 for v in weights.values()):
        return Invalid("values_range")
    s.player.weights = {d: weights[d] for d in deck.personal_ids}
    s.player.values_set = True
    if s.current + 1 < len(s.players):
        s.current += 1
    else:
        _start_round(deck, s, 1)


# --------------------------------------------------------------------------- rounds


def _start_round(deck: Deck, s: GameState, number: int) -> None:
    s.round = number
    s.start_player = (number - 1) % len(s.players)
    s.current = s.start_player
    s.phase = "event"
    s.prompt = None
    if s.event:
        s.events_done.append(s.event)
    s.event = s.events.pop(0) if s.events else None
    s.effects_report = []
    if s.event:
        card = deck.card(card_of(s.event))
        s.effects_report = fx.apply_effects(deck, s, card.effects, s.start_player)


def _event_next(deck: Deck, s: GameState, a: dict):
    s.phase = "turn"
    s.turns_done = 0
    _begin_turn(deck, s, s.start_player)


def _begin_turn(deck: Deck, s: GameState, player: int) -> None:
    s.current = player
    s.actions_left = deck.actions_per_turn
    s.effects_report = []
    s.dilemma = fx.draw_hand(deck, s, s.players[player])
    s.turn_start = len(s.log) + 1  # the action that began the turn is logged right after this


def _end_turn(deck: Deck, s: GameState) -> None:
    s.turns_done += 1
    if s.turns_done < len(s.players):
        _begin_turn(deck, s, (s.current + 1) % len(s.players))
        return
    s.phase = "boost"
    s.boosts_done = 0
    s.current = s.start_player
    s.effects_report = []
    s.boost_pending = None
    if s.mode == "solo":
        s.boost_pending = _advisor_offer(deck, s)


def _advisor_offer(deck: Deck, s: GameState) -> dict | None:
    advice = advise(deck, s, 0).social
    if advice is None:
        return None
    return {"giver": None, "to": 0, "kind": "advice", "card": advice.card, "out": advice.out}


# --------------------------------------------------------------------------- turn actions


def _overfull(deck: Deck, p: PlayerState) -> int:
    """Hours the mix is over the budget (0 when it fits)."""
    return max(0, mix_hours(deck, p.mix) - p.budget)


def _turn_guard(deck: Deck, s: GameState, spending: bool) -> Invalid | None:
    if s.dilemma:
        return Invalid("resolve_dilemma_first")
    if spending and s.actions_left <= 0:
        return Invalid("no_actions_left")
    return None


def _reachable(s: GameState, inst: str) -> str | None:
    """Where a card the player may take lies: 'hand' or 'market'."""
    if inst in s.player.hand:
        return "hand"
    if inst in s.market:
        return "market"
    return None


def _take(deck: Deck, s: GameState, inst: str, where: str) -> None:
    if where == "hand":
        s.player.hand.remove(inst)
    else:
        s.market.remove(inst)
        fx.refill_market(deck, s)


def _fit_problem(deck: Deck, p: PlayerState, inst: str, mix: list[str]) -> Invalid | None:
    card = deck.card(card_of(inst))
    if not card.playable:
        return Invalid("not_playable")
    free = p.budget - mix_hours(deck, mix)
    if card.hours > free:
        return Invalid("does_not_fit", {"card": card.id, "hours": card.hours, "free": max(free, 0),
                                        "over": card.hours - max(free, 0)})
    if card.requires and not fx.has_any_tag(deck, mix, card.requires):
        return Invalid("requires", {"card": card.id, "tags": list(card.requires)})
    return None


def _play(deck: Deck, s: GameState, a: dict):
    if (bad := _turn_guard(deck, s, spending=True)):
        return bad
    if (over := _overfull(deck, s.player)):
        return Invalid("overfull", {"over": over})
    inst = a.get("card")
    where = _reachable(s, inst)
    if where is None:
        return Invalid("card_not_reachable")
    if (bad := _fit_problem(deck, s.player, inst, s.player.mix)):
        return bad
    _take(deck, s, inst, where)
    fx.joins_week(deck, s, s.current, inst)
    s.actions_left -= 1


def _swap(deck: Deck, s: GameState, a: dict):
    overfull = _overfull(deck, s.player) > 0
    if (bad := _turn_guard(deck, s, spending=not overfull)):
        return bad
    out, inst = a.get("out"), a.get("card")
    if out not in s.player.mix:
        return Invalid("not_in_mix")
    where = _reachable(s, inst)
    if where is None:
        return Invalid("card_not_reachable")
    rest = [c for c in s.player.mix if c != out]
    if (bad := _fit_problem(deck, s.player, inst, rest)):
        return bad
    _take(deck, s, inst, where)
    s.player.mix = rest
    fx.joins_week(deck, s, s.current, inst)
    fx.to_market(deck, s, out)
    if not overfull:  # fixing a week that an event made too full costs no action
        s.actions_left -= 1


def _drop(deck: Deck, s: GameState, a: dict):
    overfull = _overfull(deck, s.player) > 0
    if (bad := _turn_guard(deck, s, spending=not overfull)):
        return bad
    inst = a.get("card")
    if inst not in s.player.mix:
        return Invalid("not_in_mix")
    s.player.mix.remove(inst)
    fx.to_market(deck, s, inst)
    if not overfull:
        s.actions_left -= 1


def _pass(deck: Deck, s: GameState, a: dict):
    if s.dilemma:
        return Invalid("resolve_dilemma_first")
    if (over := _overfull(deck, s.player)):
        return Invalid("overfull", {"over": over})
    _end_turn(deck, s)


def _resolve_dilemma(deck: Deck, s: GameState, a: dict):
    if not s.dilemma:
        return Invalid("no_dilemma")
    card = deck.card(card_of(s.dilemma))
    option = a.get("option")
    if not isinstance(option, int) or isinstance(option, bool) or not 0 <= option < len(card.options):
        return Invalid("no_such_option")
    s.effects_report = fx.apply_effects(deck, s, card.options[option].effects, s.current)
    s.dilemmas_done.append(s.dilemma)
    s.dilemma = None
    fx.draw_hand(deck, s, s.player, allow_dilemma=False)


# --------------------------------------------------------------------------- boost


def _next_giver(deck: Deck, s: GameState) -> None:
    s.boost_pending = None
    s.boosts_done += 1
    if s.boosts_done >= len(s.players):
        _start_reflect(deck, s)
    else:
        s.current = (s.current + 1) % len(s.players)


def _give_boost(deck: Deck, s: GameState, a: dict):
    if s.mode == "solo":
        return Invalid("not_now", {"action": "give_boost", "phase": s.phase})
    if s.boost_pending:
        return Invalid("boost_waiting")
    to, inst = a.get("to"), a.get("card")
    if not isinstance(to, int) or isinstance(to, bool) or not 0 <= to < len(s.players) or to == s.current:
        return Invalid("boost_other_player")
    target = s.players[to]
    record = {"round": s.round, "giver": s.current, "card": inst, "out": None}
    if a.get("offer"):
        if inst not in s.market:
            return Invalid("card_not_reachable")
        if (bad := _fit_problem(deck, target, inst, target.mix)):
            return bad
        s.boost_pending = {"giver": s.current, "to": to, "kind": "offer", "card": inst, "out": None}
        return None
    if inst not in target.mix:
        return Invalid("not_in_their_mix")
    target.boosts.append({**record, "kind": "named", "accepted": None})
    _next_giver(deck, s)


def _answer_boost(deck: Deck, s: GameState, accepted: bool):
    pending = s.boost_pending
    if not pending:
        return Invalid("no_boost_waiting")
    target = s.players[pending["to"]]
    inst, out = pending["card"], pending["out"]
    if accepted:
        rest = [c for c in target.mix if c != out]
        if (bad := _fit_problem(deck, target, inst, rest)):
            return bad
        where = "hand" if inst in target.hand else "market" if inst in s.market else None
        if where is None:
            return Invalid("card_not_reachable")
        if where == "hand":
            target.hand.remove(inst)
        else:
            s.market.remove(inst)
            fx.refill_market(deck, s)
        target.mix = rest
        fx.joins_week(deck, s, pending["to"], inst)
        if out:
            fx.to_market(deck, s, out)
    target.boosts.append({"round": s.round, "giver": pending["giver"], "kind": pending["kind"],
                          "card": inst, "out": out, "accepted": accepted})
    if s.mode == "solo":
        s.boost_pending = None
        _start_reflect(deck, s)
    else:
        _next_giver(deck, s)


def _accept_boost(deck: Deck, s: GameState, a: dict):
    return _answer_boost(deck, s, True)


def _decline_boost(deck: Deck, s: GameState, a: dict):
    return _answer_boost(deck, s, False)


def _boost_pass(deck: Deck, s: GameState, a: dict):
    """Skip giving a boost (table), or go on when the advisor has nothing to offer (solo)."""
    if s.boost_pending:
        return Invalid("boost_waiting")
    if s.mode == "solo":
        _start_reflect(deck, s)
    else:
        _next_giver(deck, s)


# --------------------------------------------------------------------------- reflect


def _start_reflect(deck: Deck, s: GameState) -> None:
    s.phase = "reflect"
    s.current = s.start_player
    s.prompt = _pick_prompt(deck, s)


def _pick_prompt(deck: Deck, s: GameState) -> str | None:
    """Competences take turns by round; a table prefers discussion questions, solo reflection."""
    preferred = ("discuss", "reflect") if s.mode == "table" else ("reflect", "discuss")
    competence = COMPETENCES[(s.round - 1) % len(COMPETENCES)]
    used = {ans["prompt"] for p in s.players for ans in p.answers}
    tests: list[Callable] = [
        lambda c: c.competence == competence and c.phase == preferred[0],
        lambda c: c.competence == competence and c.phase in preferred,
        lambda c: c.phase in preferred,
        lambda c: True,
    ]
    for test in tests:
        for pid in s.prompts:
            card = deck.card(pid)
            if test(card) and pid not in used:
                s.prompts.remove(pid)
                return pid
    return None


def _answer(deck: Deck, s: GameState, a: dict):
    text = a.get("text")
    if not isinstance(text, str):
        return Invalid("answer_text")
    who = a.get("player", s.current)
    if not isinstance(who, int) or isinstance(who, bool) or not 0 <= who < len(s.players):
        return Invalid("no_such_player")
    answers = [x for x in s.players[who].answers if x["round"] != s.round]
    if text.strip():
        answers.append({"round": s.round, "prompt": s.prompt, "text": text.strip()})
    s.players[who].answers = answers


def _reflect_next(deck: Deck, s: GameState, a: dict):
    if s.round < s.rounds:
        _start_round(deck, s, s.round + 1)
    else:
        s.phase = "summary"
        s.prompt = None
        s.current = 0


_HANDLERS = {
    ("values", "choose_values"): _choose_values,
    ("event", "next"): _event_next,
    ("turn", "play"): _play,
    ("turn", "swap"): _swap,
    ("turn", "drop"): _drop,
    ("turn", "pass"): _pass,
    ("turn", "resolve_dilemma"): _resolve_dilemma,
    ("boost", "give_boost"): _give_boost,
    ("boost", "accept_boost"): _accept_boost,
    ("boost", "decline_boost"): _decline_boost,
    ("boost", "pass"): _boost_pass,
    ("reflect", "answer"): _answer,
    ("reflect", "next"): _reflect_next,
}
