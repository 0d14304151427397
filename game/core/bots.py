"""Bots that play legal moves: for tests, autoplay demos and deck balance simulations.

A bot's choice follows from the game state and its seed alone (no hidden generator), so an
interrupted autoplay game resumes to the very same ending.
"""

from __future__ import annotations

from typing import Callable, Sequence

from . import actions as act
from .advisor import candidate_mixes
from .deck import Deck
from .rng import Rng, seed_state
from .rules import apply, new_game
from .scoring import fits
from .state import GameState, card_of

STYLES = ("personal-first", "social-first", "balanced", "random")
ALIASES = {"personal": "personal-first", "social": "social-first"}  # the names of earlier versions
MAX_STEPS = 2000
EPSILON = 1e-9


def style_name(style: str) -> str:
    """The style's current name (old names stay accepted); ValueError for an unknown style."""
    name = ALIASES.get(style, style)
    if name not in STYLES:
        raise ValueError(f"unknown bot style {style!r}; the styles are {', '.join(STYLES)}")
    return name


def _objective(style: str) -> Callable[[float, float], tuple]:
    style = ALIASES.get(style, style)
    if style == "personal-first":
        return lambda p, s: (round(p, 9), round(s, 9))
    if style == "social-first":
        return lambda p, s: (round(s, 9), round(p, 9))
    return lambda p, s: (round(p + s, 9), round(min(p, s), 9))


def _rng(state: GameState, salt: str) -> Rng:
    return Rng(seed_state(f"{state.seed}|{len(state.log)}|{salt}"))


def _evaluate(deck: Deck, state: GameState, index: int, mix: Sequence[str] | None = None):
    p = state.players[index]
    return fits(deck, p.mix if mix is None else mix, p.budget, p.weights, state.needs, state.offers)


def _values(deck: Deck, state: GameState) -> act.Action:
    rng = _rng(state, f"values{state.current}")
    return act.choose_values({d: 1 + rng.below(3) for d in deck.personal_ids})


def _dilemma(deck: Deck, state: GameState, style: str) -> act.Action:
    card = deck.card(card_of(state.dilemma))
    if style == "random":
        return act.resolve_dilemma(_rng(state, "dilemma").below(len(card.options)))
    goal = _objective(style)
    best, best_key = 0, None
    for i in range(len(card.options)):
        after = _settled(deck, apply(deck, state, act.resolve_dilemma(i)), style)
        key = goal(*_evaluate(deck, after, state.current))
        if best_key is None or key > best_key:
            best, best_key = i, key
    return act.resolve_dilemma(best)


def _room(deck: Deck, state: GameState, style: str) -> act.Action:
    """A card wants into a full week: drop the one or two cards whose loss costs least, or keep
    the week when every way to make room is worse than not taking the card."""
    request = state.room_request
    me = request["player"]
    player = state.players[me]
    card = deck.card(card_of(request["card"]))
    goal = _objective(style)
    best: tuple | None = (goal(*_evaluate(deck, state, me)), ()) if style != "random" else None
    mix = player.mix
    options = [(c,) for c in mix] + [(a, b) for i, a in enumerate(mix) for b in mix[i + 1:]]
    for out in options:
        rest = [c for c in mix if c not in out]
        if sum(deck.card(card_of(c)).hours for c in rest) + card.hours > player.budget:
            continue
        key = goal(*_evaluate(deck, state, me, rest + [request["card"]]))
        if best is None or key > best[0]:
            best = (key, out)
    if best is None or not best[1]:
        return act.keep_week()
    return act.make_room(*best[1])


def _settled(deck: Deck, state: GameState, style: str) -> GameState:
    """The state after the choices an action leaves open (making room), as this bot would make them."""
    while state.room_request:
        state = apply(deck, state, _room(deck, state, style))
    return state


def _turn(deck: Deck, state: GameState, style: str) -> act.Action:
    if state.room_request:
        return _room(deck, state, style)
    if state.dilemma:
        return _dilemma(deck, state, style)
    me = state.current
    player = state.player
    goal = _objective(style)
    hours = sum(deck.card(card_of(i)).hours for i in player.mix)
    if hours > player.budget:  # an event cut the budget: shed the card we miss least
        options = [(goal(*_evaluate(deck, state, me, [c for c in player.mix if c != out])), out)
                   for out in player.mix]
        return act.drop(max(options)[1])
    if state.actions_left <= 0:
        return act.pass_turn()
    moves = list(candidate_mixes(deck, state, me))
    if style == "random":
        rng = _rng(state, "turn")
        pick = rng.below(len(moves) + 2)  # passing stays likely enough that games vary
        if pick >= len(moves):
            return act.pass_turn()
        inst, out, _ = moves[pick]
        return act.swap(out, inst) if out else act.play(inst)
    current = goal(*_evaluate(deck, state, me))
    best = None
    for inst, out, mix in moves:
        key = goal(*_evaluate(deck, state, me, mix))
        if key > current and (best is None or key > best[0]):
            best = (key, inst, out)
    if best is None:
        return act.pass_turn()
    _, inst, out = best
    return act.swap(out, inst) if out else act.play(inst)


def _boost(deck: Deck, state: GameState, styles: Sequence[str]) -> act.Action:
    pending = state.boost_pending
    if pending:
        to = pending["to"]
        style = styles[to % len(styles)]
        if style == "random":
            return act.accept_boost() if _rng(state, "boost").below(2) else act.decline_boost()
        goal = _objective(style)
        target = state.players[to]
        mix = [c for c in target.mix if c != pending["out"]] + [pending["card"]]
        better = goal(*_evaluate(deck, state, to, mix)) >= goal(*_evaluate(deck, state, to))
        return act.accept_boost() if better else act.decline_boost()
    if state.mode == "solo":
        return act.pass_turn()
    to = (state.current + 1) % len(state.players)
    target = state.players[to]
    p0, s0 = _evaluate(deck, state, to)
    best = None
    hours = sum(deck.card(card_of(i)).hours for i in target.mix)
    for inst in state.market:
        card = deck.card(card_of(inst))
        if card.hours + hours > target.budget or any(card_of(c) == card.id for c in target.mix):
            continue
        if card.requires and not any(set(card.requires) & set(deck.card(card_of(c)).tags) for c in target.mix):
            continue
        p1, s1 = _evaluate(deck, state, to, target.mix + [inst])
        if s1 > s0 + EPSILON and p1 >= p0 - EPSILON and (best is None or s1 > best[0]):
            best = (s1, inst)
    if best:
        return act.give_boost(to, best[1], offer=True)
    if target.mix:
        named = max(target.mix, key=lambda i: (sum(deck.card(card_of(i)).social.values()), i))
        return act.give_boost(to, named)
    return act.pass_turn()


def choose(deck: Deck, state: GameState, styles: Sequence[str] | str = "balanced") -> act.Action | None:
    """The bot's next action for whoever must act now; None when the game is over."""
    if isinstance(styles, str):
        styles = [styles]
    styles = [style_name(s) for s in styles]
    style = styles[state.current % len(styles)]
    phase = state.phase
    if phase == "values":
        return _values(deck, state)
    if phase in ("event", "reflect"):
        return act.next_step()
    if phase == "turn":
        return _turn(deck, state, style)
    if phase == "boost":
        return _boost(deck, state, styles)
    return None


def finish(deck: Deck, state: GameState, styles: Sequence[str] | str = "balanced") -> GameState:
    """Let the bots play from `state` until the summary."""
    for _ in range(MAX_STEPS):
        action = choose(deck, state, styles)
        if action is None:
            return state
        nxt = apply(deck, state, action)
        if isinstance(nxt, act.Invalid):
            raise RuntimeError(f"bot chose an illegal action {action}: {nxt}")
        state = nxt
    raise RuntimeError("bot game did not end")


def play_game(deck: Deck, names: Sequence[str], styles: Sequence[str] | str = "balanced",
              seed: int | str = 0, rounds: int = 4) -> GameState:
    """A whole game played by bots; `styles` (one, or one per seat in turn) from STYLES."""
    for style in [styles] if isinstance(styles, str) else styles:
        style_name(style)
    state = new_game(deck, names, rounds=rounds, seed=seed)
    if isinstance(state, act.Invalid):
        raise ValueError(state.reason)
    return finish(deck, state, styles)
