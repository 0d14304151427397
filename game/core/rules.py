"""The rules: `new_game` makes the initial state, `apply` turns (state, action) into the next state.

`apply` never changes its input and never raises for an illegal move: it returns `Invalid`.
Every applied action is appended to `state.log`, so the initial state plus the log replays
the game exactly (see game.core.replay).
"""

from __future__ import annotations

from typing import Callable, Sequence

from . import actions as act
from . import piles
from .actions import Action, BadAction, Invalid
from .advisor import advise
from .deck import COMPETENCES, Card, Deck
from .effects import apply_effects, joins_week
from .piles import week_hours
from .rng import Rng, seed_state
from .state import (DEFAULT_WEIGHT, MAX_ROUNDS, MAX_TABLE, MIN_ROUNDS, MIN_TABLE, MODES, GameState, Json,
                    PlayerState, card_of, instance_id)

# --------------------------------------------------------------------------- setup


def new_game(deck: Deck, names: Sequence[str], rounds: int = 4, seed: int | str = 0,
             mode: str | None = None) -> GameState | Invalid:
    """The state before the values sort: piles shuffled with the seed, market laid out."""
    names = [str(n) for n in names]
    mode = mode or ("solo" if len(names) == 1 else "table")
    if mode not in MODES:
        return Invalid("unknown_mode", {"mode": str(mode)})
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
    piles.refill_market(deck, state)
    return state


# --------------------------------------------------------------------------- apply


def apply(deck: Deck, state: GameState, action: Action | Json) -> GameState | Invalid:
    """The next state after `action` (a move, or its JSON form from a log), or `Invalid` with the
    reason it cannot be taken."""
    if isinstance(action, dict):
        try:
            action = Action.from_json(action)
        except BadAction as exc:
            return Invalid("bad_action", {"why": str(exc)})
    handler = _HANDLERS.get((state.phase, type(action)))
    if handler is None:
        return Invalid("not_now", {"action": getattr(action, "type", str(action)), "phase": state.phase})
    nxt = state.copy()
    result = handler(deck, nxt, action)
    if isinstance(result, Invalid):
        return result
    nxt.log.append(action.to_json())
    return nxt


def legal_types(state: GameState) -> list[str]:
    return [kind.type for (phase, kind) in _HANDLERS if phase == state.phase]


# --------------------------------------------------------------------------- values


def _choose_values(deck: Deck, s: GameState, a: act.ChooseValues) -> Invalid | None:
    weights = a.weights
    if set(weights) != set(deck.personal_ids):
        return Invalid("values_incomplete")
    if any(not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 3 for v in weights.values()):
        return Invalid("values_range")
    s.player.weights = {d: weights[d] for d in deck.personal_ids}
    s.player.values_set = True
    if s.current + 1 < len(s.players):
        s.current += 1
    else:
        _start_round(deck, s, 1)
    return None


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
        s.effects_report = apply_effects(deck, s, card.effects, s.start_player)


def _event_next(deck: Deck, s: GameState, a: act.Next) -> Invalid | None:
    s.phase = "turn"
    s.turns_done = 0
    _begin_turn(deck, s, s.start_player)
    return None


def _begin_turn(deck: Deck, s: GameState, player: int) -> None:
    s.current = player
    s.actions_left = deck.actions_per_turn
    s.effects_report = []
    s.dilemma = piles.draw_hand(deck, s, s.players[player])
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


def _advisor_offer(deck: Deck, s: GameState) -> Json | None:
    advice = advise(deck, s, 0).social
    if advice is None:
        return None
    return {"giver": None, "to": 0, "kind": "advice", "card": advice.card, "out": advice.out}


# --------------------------------------------------------------------------- turn actions


def _overfull(deck: Deck, p: PlayerState) -> int:
    """Hours the mix is over the budget (0 when it fits)."""
    return max(0, week_hours(deck, p.mix) - p.budget)


def _turn_guard(deck: Deck, s: GameState, spending: bool) -> Invalid | None:
    if s.dilemma:
        return Invalid("resolve_dilemma_first")
    if s.room_request:
        return Invalid("make_room_first", {"card": card_of(s.room_request["card"])})
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
        piles.refill_market(deck, s)


def fit_problem(deck: Deck, p: PlayerState, inst: str, mix: Sequence[str], mine: bool = True) -> Invalid | None:
    """Why the card cannot join the week `mix` of player `p` (None when it can): not a role or
    task, already in the week (a week holds each card once), too many hours, or a missing
    requirement. `mine=False` words the reason about another player's week (a boost)."""
    card = deck.card(card_of(inst))
    whose = {} if mine else {"name": p.name}
    suffix = "" if mine else "_theirs"
    if not card.playable:
        return Invalid("not_playable")
    if any(card_of(m) == card.id for m in mix):
        return Invalid("already_in_week" + suffix, {"card": card.id, **whose})
    free = p.budget - week_hours(deck, mix)
    if card.hours > free:
        return Invalid("does_not_fit" + suffix, {"card": card.id, "hours": card.hours, "free": max(free, 0),
                                                 "over": card.hours - max(free, 0), **whose})
    if card.requires and not piles.has_any_tag(deck, mix, card.requires):
        return Invalid("requires" + suffix, {"card": card.id, "tags": list(card.requires), **whose})
    return None


def _play(deck: Deck, s: GameState, a: act.Play) -> Invalid | None:
    if (bad := _turn_guard(deck, s, spending=True)):
        return bad
    if (over := _overfull(deck, s.player)):
        return Invalid("overfull", {"over": over})
    where = _reachable(s, a.card)
    if where is None:
        return Invalid("card_not_reachable")
    if (bad := fit_problem(deck, s.player, a.card, s.player.mix)):
        return bad
    _take(deck, s, a.card, where)
    joins_week(deck, s, s.current, a.card)
    s.actions_left -= 1
    return None


def _swap(deck: Deck, s: GameState, a: act.Swap) -> Invalid | None:
    overfull = _overfull(deck, s.player) > 0
    if (bad := _turn_guard(deck, s, spending=not overfull)):
        return bad
    if a.out not in s.player.mix:
        return Invalid("not_in_mix")
    where = _reachable(s, a.card)
    if where is None:
        return Invalid("card_not_reachable")
    rest = [c for c in s.player.mix if c != a.out]
    if (bad := fit_problem(deck, s.player, a.card, rest)):
        return bad
    _take(deck, s, a.card, where)
    s.player.mix = rest
    joins_week(deck, s, s.current, a.card)
    piles.to_market(deck, s, a.out)
    if not overfull:  # fixing a week that an event made too full costs no action
        s.actions_left -= 1
    return None


def _drop(deck: Deck, s: GameState, a: act.Drop) -> Invalid | None:
    overfull = _overfull(deck, s.player) > 0
    if (bad := _turn_guard(deck, s, spending=not overfull)):
        return bad
    if a.card not in s.player.mix:
        return Invalid("not_in_mix")
    s.player.mix.remove(a.card)
    piles.to_market(deck, s, a.card)
    if not overfull:
        s.actions_left -= 1
    return None


def _pass(deck: Deck, s: GameState, a: act.Pass) -> Invalid | None:
    if (bad := _turn_guard(deck, s, spending=False)):
        return bad
    if (over := _overfull(deck, s.player)):
        return Invalid("overfull", {"over": over})
    _end_turn(deck, s)
    return None


def _resolve_dilemma(deck: Deck, s: GameState, a: act.ResolveDilemma) -> Invalid | None:
    if not s.dilemma:
        return Invalid("no_dilemma")
    card = deck.card(card_of(s.dilemma))
    if not 0 <= a.option < len(card.options):
        return Invalid("no_such_option")
    s.effects_report = apply_effects(deck, s, card.options[a.option].effects, s.current)
    s.dilemmas_done.append(s.dilemma)
    s.dilemma = None
    piles.draw_hand(deck, s, s.player, allow_dilemma=False)
    return None


def _make_room(deck: Deck, s: GameState, a: act.MakeRoom) -> Invalid | None:
    """The card a dilemma brought waits outside a full week: these cards leave so that it fits."""
    request = s.room_request
    if not request:
        return Invalid("no_room_request")
    player = s.players[request["player"]]
    out = list(dict.fromkeys(a.out))
    if not out or any(c not in player.mix for c in out):
        return Invalid("not_in_mix")
    rest = [c for c in player.mix if c not in out]
    card = deck.card(card_of(request["card"]))
    short = week_hours(deck, rest) + card.hours - player.budget
    if short > 0:
        return Invalid("room_not_enough", {"card": card.id, "over": short})
    player.mix = rest
    for inst in out:
        piles.to_market(deck, s, inst)
    s.room_request = None
    s.effects_report = [e for e in s.effects_report if e.get("reason") != "make_room"]
    s.effects_report.append({"kind": "add", "card": card.id, "player": request["player"], "added": True,
                             "reason": None, "out": [card_of(c) for c in out]})
    joins_week(deck, s, request["player"], request["card"])
    return None


def _keep_week(deck: Deck, s: GameState, a: act.KeepWeek) -> Invalid | None:
    """The player keeps the week; the card lies face up in the market for someone else."""
    request = s.room_request
    if not request:
        return Invalid("no_room_request")
    s.room_request = None
    piles.to_market(deck, s, request["card"])
    s.effects_report = [e for e in s.effects_report if e.get("reason") != "make_room"]
    s.effects_report.append({"kind": "add", "card": card_of(request["card"]), "player": request["player"],
                             "added": False, "reason": "kept_week"})
    return None


# --------------------------------------------------------------------------- boost


def _next_giver(deck: Deck, s: GameState) -> None:
    s.boost_pending = None
    s.boosts_done += 1
    if s.boosts_done >= len(s.players):
        _start_reflect(deck, s)
    else:
        s.current = (s.current + 1) % len(s.players)


def _give_boost(deck: Deck, s: GameState, a: act.GiveBoost) -> Invalid | None:
    if s.mode == "solo":
        return Invalid("not_now", {"action": a.type, "phase": s.phase})
    if s.boost_pending:
        return Invalid("boost_waiting")
    if not 0 <= a.to < len(s.players) or a.to == s.current:
        return Invalid("boost_other_player")
    target = s.players[a.to]
    if a.offer:
        if a.card not in s.market:
            return Invalid("card_not_reachable")
        if (bad := fit_problem(deck, target, a.card, target.mix, mine=False)):
            return bad
        s.boost_pending = {"giver": s.current, "to": a.to, "kind": "offer", "card": a.card, "out": None}
        return None
    if a.card not in target.mix:
        return Invalid("not_in_their_mix", {"name": target.name})
    target.boosts.append({"round": s.round, "giver": s.current, "card": a.card, "out": None,
                          "kind": "named", "accepted": None})
    _next_giver(deck, s)
    return None


def _answer_boost(deck: Deck, s: GameState, accepted: bool) -> Invalid | None:
    pending = s.boost_pending
    if not pending:
        return Invalid("no_boost_waiting")
    target = s.players[pending["to"]]
    inst, out = pending["card"], pending["out"]
    if accepted:
        rest = [c for c in target.mix if c != out]
        if (bad := fit_problem(deck, target, inst, rest, mine=s.mode == "solo")):
            return bad
        where = "hand" if inst in target.hand else "market" if inst in s.market else None
        if where is None:
            return Invalid("card_not_reachable")
        if where == "hand":
            target.hand.remove(inst)
        else:
            s.market.remove(inst)
            piles.refill_market(deck, s)
        target.mix = rest
        joins_week(deck, s, pending["to"], inst)
        if out:
            piles.to_market(deck, s, out)
    target.boosts.append({"round": s.round, "giver": pending["giver"], "kind": pending["kind"],
                          "card": inst, "out": out, "accepted": accepted})
    if s.mode == "solo":
        s.boost_pending = None
        _start_reflect(deck, s)
    else:
        _next_giver(deck, s)
    return None


def _accept_boost(deck: Deck, s: GameState, a: act.AcceptBoost) -> Invalid | None:
    return _answer_boost(deck, s, True)


def _decline_boost(deck: Deck, s: GameState, a: act.DeclineBoost) -> Invalid | None:
    return _answer_boost(deck, s, False)


def _boost_pass(deck: Deck, s: GameState, a: act.Pass) -> Invalid | None:
    """Skip giving a boost (table), or go on when the advisor has nothing to offer (solo)."""
    if s.boost_pending:
        return Invalid("boost_waiting")
    if s.mode == "solo":
        _start_reflect(deck, s)
    else:
        _next_giver(deck, s)
    return None


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
    tests: list[Callable[[Card], bool]] = [
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


def _answer(deck: Deck, s: GameState, a: act.Answer) -> Invalid | None:
    text = a.text
    who = s.current if a.player is None else a.player
    if not 0 <= who < len(s.players):
        return Invalid("no_such_player")
    answers = [x for x in s.players[who].answers if x["round"] != s.round]
    if text.strip():
        answers.append({"round": s.round, "prompt": s.prompt, "text": text.strip()})
    s.players[who].answers = answers
    return None


def _reflect_next(deck: Deck, s: GameState, a: act.Next) -> Invalid | None:
    if s.round < s.rounds:
        _start_round(deck, s, s.round + 1)
    else:
        s.phase = "summary"
        s.prompt = None
        s.current = 0
    return None


_HANDLERS: dict[tuple[str, type[Action]], Callable[..., Invalid | None]] = {
    ("values", act.ChooseValues): _choose_values,
    ("event", act.Next): _event_next,
    ("turn", act.Play): _play,
    ("turn", act.Swap): _swap,
    ("turn", act.Drop): _drop,
    ("turn", act.Pass): _pass,
    ("turn", act.ResolveDilemma): _resolve_dilemma,
    ("turn", act.MakeRoom): _make_room,
    ("turn", act.KeepWeek): _keep_week,
    ("boost", act.GiveBoost): _give_boost,
    ("boost", act.AcceptBoost): _accept_boost,
    ("boost", act.DeclineBoost): _decline_boost,
    ("boost", act.Pass): _boost_pass,
    ("reflect", act.Answer): _answer,
    ("reflect", act.Next): _reflect_next,
}
