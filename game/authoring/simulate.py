"""Deck balance by simulation: bots play many games, the result is a frozen BalanceReport.

Pure: the same deck, games, seed, players and rounds always give an equal report (no clock,
no files, no printing). `judge` compares a report with the documented thresholds of
`bbb simulate --strict` (see docs/deck-authoring.md).

How games are set up
  * solo (players=1): game g is played by the bot style STYLES[g % 4];
  * a table of K players: in game g seat i plays STYLES[(g + i) % 4], so over four games
    every style sits in every seat;
  * the seed of game g is "S:g" with S the simulation seed.

What is measured
  * the final personal and social fit of every player, grouped by bot style;
  * per role/task card: how often it entered a mix (play, swap, an accepted boost, or a
    dilemma's `add`), in how many games, and how often it ends in a final mix;
  * per combination: in how many player-games it was made at some moment, in how many
    final mixes, and whether it can be made at all within the hours of a week;
  * per event and per dilemma option: how often it happened and how often it changed
    somebody's fit right away (each player's fits just before and just after it resolves);
  * dominated cards: from the deck alone (same type and hours, ≥ everywhere, > once);
  * the calibration targets of the fit model (game.authoring.targets): six from the deck
    alone, one ("the mirror discriminates") from the final fits of the games.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from game.core.actions import Action, Invalid, ResolveDilemma
from game.core.bots import STYLES, choose
from game.core.combos import combos_made
from game.core.deck import Card, Deck, HoursEffect
from game.core.rules import apply, new_game
from game.core.scoring import MODEL_VERSION, fits
from game.core.state import GameState, card_of

from . import targets as model_targets
from .targets import Target

MAX_STEPS = 5000
EPSILON = 1e-9

# ---- thresholds of --strict (documented in docs/deck-authoring.md and in `bbb simulate --help`)
MAX_DOMINATED_PAIRS = 0
MAX_NEVER_PLAYED_SHARE = 0.10  # of the role/task cards ...
MIN_GAMES_NEVER_PLAYED = 200  # ... judged from this many games on
MIN_COMBO_SHARE = 0.75  # of the combinations made at least once (at any moment) ...
MIN_GAMES_COMBOS = 500  # ... judged from this many games on; and every combination must fit in a week
MIN_GAMES_EFFECTS = 200  # events and dilemma options that never change a score, from this many games on
COMPARED_STYLES = ("personal-first", "random")  # whose median social fit must not exceed social-first's
MIN_GAMES_STYLES = 40  # the styles' medians are compared once every style played ten times


# --------------------------------------------------------------------------- report data


@dataclass(frozen=True)
class Spread:
    """Five numbers that describe many scores: min, 10th percentile, median, 90th percentile, max."""

    min: float
    p10: float
    median: float
    p90: float
    max: float

    @classmethod
    def of(cls, values: Sequence[float]) -> "Spread":
        if not values:
            return cls(0.0, 0.0, 0.0, 0.0, 0.0)
        v = sorted(values)
        return cls(v[0], percentile(v, 10), percentile(v, 50), percentile(v, 90), v[-1])


def percentile(sorted_values: Sequence[float], pct: float) -> float:
    """Linear interpolation between closest ranks (as numpy's default)."""
    if not sorted_values:
        return 0.0
    pos = (len(sorted_values) - 1) * pct / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


@dataclass(frozen=True)
class StyleStats:
    style: str
    players: int  # player-games played with this style
    personal: Spread
    social: Spread


@dataclass(frozen=True)
class CardStats:
    """A role or task card: `played` counts every time it entered a mix."""

    id: str
    type: str
    hours: int
    played: int
    games_played: int  # games in which it entered a mix at least once
    final: int  # final mixes that hold it


@dataclass(frozen=True)
class ComboStats:
    id: str
    made: int  # player-games in which it was made at some moment
    final: int  # final mixes that make it
    possible: bool  # some set of cards meets its needs within the deck's hours per week


@dataclass(frozen=True)
class EffectStats:
    """An event (option None) or one option of a dilemma."""

    card: str
    option: int | None
    has_effects: bool
    happened: int  # times drawn (event) or chosen (option)
    changed: int  # of those, times somebody's personal or social fit changed right away
    mean_change: float  # mean of the largest |Δ fit| per happening
    # only changes hours budgets: that changes what fits and the comfort line, not the score at once
    hours_only: bool = False

    @property
    def label(self) -> str:
        return self.card if self.option is None else f"{self.card} option {self.option + 1}"


@dataclass(frozen=True)
class BalanceReport:
    deck_id: str
    deck_version: str
    deck_fingerprint: str
    games: int
    players: int
    rounds: int
    seed: str
    styles: tuple[StyleStats, ...]
    cards: tuple[CardStats, ...]
    combos: tuple[ComboStats, ...]
    events: tuple[EffectStats, ...]
    options: tuple[EffectStats, ...]
    dominated: tuple[tuple[str, str], ...]  # (better, worse)
    finals: tuple[tuple[float, float], ...] = ()  # (personal, social) of every player-game, in order
    targets: tuple[Target, ...] = ()  # the fit model's calibration targets, measured for this deck
    model_version: int = MODEL_VERSION

    @property
    def player_games(self) -> int:
        return self.games * self.players

    @property
    def never_played(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.cards if c.played == 0)

    @property
    def combos_never_made(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.combos if c.made == 0)

    @property
    def events_without_effect(self) -> tuple[str, ...]:
        """Events that never changed a score (including events that were never drawn).

        An event that only changes hours budgets is not counted: hours are absolute, so a
        budget changes what fits and where the comfort line lies, not the score right away.
        """
        return tuple(e.card for e in self.events if e.changed == 0 and not e.hours_only)

    @property
    def options_without_effect(self) -> tuple[str, ...]:
        """Dilemma options with effects that were chosen but never changed a score (hours-only options aside)."""
        return tuple(o.label for o in self.options
                     if o.has_effects and o.happened and o.changed == 0 and not o.hours_only)

    def style(self, name: str) -> StyleStats | None:
        return next((s for s in self.styles if s.style == name), None)


# --------------------------------------------------------------------------- static checks


def dominated_pairs(deck: Deck) -> tuple[tuple[str, str], ...]:
    """(better, worse): same type and hours, ≥ on every personal and social value, > on one."""
    dims = [("p", d) for d in deck.personal_ids] + [("s", t) for t in deck.social_ids]

    def values(card: Card) -> tuple[int, ...]:
        return tuple((card.personal if k == "p" else card.social).get(d, 0) for k, d in dims)

    cards = deck.cards_of("role", "task")
    pairs = []
    for a in cards:
        va = values(a)
        for b in cards:
            if a is b or a.type != b.type or a.hours != b.hours:
                continue
            vb = values(b)
            if all(x >= y for x, y in zip(va, vb)) and any(x > y for x, y in zip(va, vb)):
                pairs.append((a.id, b.id))
    return tuple(pairs)


def combo_possible(deck: Deck, needs: Sequence[str]) -> bool:
    """Whether distinct card copies meet every requirement with hours within the deck's week."""
    from game.core.combos import meets

    copies = [(c, n) for c in deck.cards_of("role", "task") for n in range(c.copies)]
    order = sorted(range(len(needs)), key=lambda r: sum(meets(needs[r], c) for c, _ in copies))
    budget = deck.hours_per_week
    best = [False]

    def search(k: int, used: set, hours: int) -> None:
        if best[0] or hours > budget:
            return
        if k == len(order):
            best[0] = True
            return
        for i, (card, _) in enumerate(copies):
            if i not in used and meets(needs[order[k]], card):
                search(k + 1, used | {i}, hours + card.hours)

    search(0, set(), 0)
    return best[0]


# --------------------------------------------------------------------------- simulation


def styles_for(game: int, players: int) -> list[str]:
    return [STYLES[(game + seat) % len(STYLES)] for seat in range(players)]


def game_seed(seed: int | str, game: int) -> str:
    return f"{seed}:{game}"


class SimulationStuck(RuntimeError):
    """A bot game did not reach its summary within MAX_STEPS actions (a loop in the rules or the deck)."""


class _Tally:
    def __init__(self, deck: Deck):
        self.deck = deck
        self.personal: dict[str, list[float]] = {s: [] for s in STYLES}
        self.social: dict[str, list[float]] = {s: [] for s in STYLES}
        playable = deck.cards_of("role", "task")
        self.played = {c.id: 0 for c in playable}
        self.games_played = {c.id: 0 for c in playable}
        self.final = {c.id: 0 for c in playable}
        self.finals: list[tuple[float, float]] = []
        self.combos = {c.id: 0 for c in deck.combos}
        self.combos_final = {c.id: 0 for c in deck.combos}
        self.effects: dict[tuple[str, int | None], list[float]] = {}  # key -> [happened, changed, sum Δ]
        for c in deck.cards_of("event"):
            self.effects[(c.id, None)] = [0, 0, 0.0]
        for c in deck.cards_of("dilemma"):
            for i in range(len(c.options)):
                self.effects[(c.id, i)] = [0, 0, 0.0]


def _all_fits(deck: Deck, state: GameState, weights_from: GameState) -> list[tuple[float, float]]:
    """Every player's fits in `state`, with the weights of `weights_from` (so a values sort is not counted)."""
    return [fits(deck, p.mix, p.budget, weights_from.players[i].weights, state.needs, state.offers)
            for i, p in enumerate(state.players)]


def _effect_key(before: GameState, after: GameState, action: Action) -> tuple[str, int | None] | None:
    """Which event or dilemma option this step resolved, if any."""
    if isinstance(action, ResolveDilemma) and before.dilemma:
        return card_of(before.dilemma), action.option
    if after.phase == "event" and after.round != before.round and after.event:
        return card_of(after.event), None
    return None


def _play_one(deck: Deck, tally: _Tally, names: list[str], styles: list[str], seed: str, rounds: int) -> None:
    state = new_game(deck, names, rounds=rounds, seed=seed)
    if isinstance(state, Invalid):
        raise ValueError(f"cannot start a game: {state.reason} {state.params}")
    entered: set[str] = set()
    made: list[set[str]] = [set() for _ in names]
    waiting: tuple | None = None
    for _ in range(MAX_STEPS):
        action = choose(deck, state, styles)
        if action is None:
            break
        after = apply(deck, state, action)
        if isinstance(after, Invalid):
            raise RuntimeError(f"bot chose an illegal action {action}: {after}")
        for i, (p_before, p_after) in enumerate(zip(state.players, after.players)):
            if p_after.mix != p_before.mix:
                made[i].update(c.id for c in combos_made(deck, p_after.mix))
                for inst in set(p_after.mix) - set(p_before.mix):
                    cid = card_of(inst)
                    tally.played[cid] += 1
                    entered.add(cid)
        key = _effect_key(state, after, action)
        if key is not None and key in tally.effects and after.room_request:
            waiting = (key, state)  # the option's card waits for room: judge it once room is made or not
            key = None
        elif waiting is not None and not after.room_request:
            key, since = waiting
            waiting = None
        else:
            since = state
        if key is not None and key in tally.effects:
            old = _all_fits(deck, since, after)
            new = _all_fits(deck, after, after)
            change = max(max(abs(a[0] - b[0]), abs(a[1] - b[1])) for a, b in zip(old, new))
            entry = tally.effects[key]
            entry[0] += 1
            entry[1] += change > EPSILON
            entry[2] += change
        state = after
    else:
        last = ", ".join(str(a.get("type", "?")) for a in state.log[-4:])
        raise SimulationStuck(
            f"game with seed {seed!r} and styles {styles} did not end after {MAX_STEPS} actions "
            f"(round {state.round}, phase {state.phase}, last actions: {last}; pile {len(state.pile)} cards, "
            f"dilemma {state.dilemma}); a small deck whose pile runs out can do this — add cards or copies")
    for cid in entered:
        tally.games_played[cid] += 1
    for i, p in enumerate(state.players):
        pf, sf = fits(deck, p.mix, p.budget, p.weights, state.needs, state.offers)
        tally.finals.append((pf, sf))
        tally.personal[styles[i]].append(pf)
        tally.social[styles[i]].append(sf)
        for cid in {card_of(inst) for inst in p.mix}:
            tally.final[cid] += 1
        for combo in combos_made(deck, p.mix):
            tally.combos_final[combo.id] += 1
        for cid in made[i]:
            tally.combos[cid] += 1


def simulate(deck: Deck, games: int, seed: int | str = 1, players: int = 1, rounds: int = 4,
             progress: Callable[[int], None] | None = None) -> BalanceReport:
    """Play `games` bot games of `deck` and measure its balance (see the module text)."""
    if games < 1:
        raise ValueError("games must be at least 1")
    names = [chr(ord("A") + i) for i in range(players)]
    tally = _Tally(deck)
    for g in range(games):
        _play_one(deck, tally, names, styles_for(g, players), game_seed(seed, g), rounds)
        if progress:
            progress(g + 1)
    cards = tuple(CardStats(c.id, c.type, c.hours, tally.played[c.id], tally.games_played[c.id], tally.final[c.id])
                  for c in deck.cards_of("role", "task"))
    effects = [EffectStats(cid, opt, bool(_effects_of(deck, cid, opt)), int(e[0]), int(e[1]),
                           e[2] / e[0] if e[0] else 0.0, _hours_only(_effects_of(deck, cid, opt)))
               for (cid, opt), e in tally.effects.items()]
    return BalanceReport(
        deck_id=deck.id, deck_version=deck.version, deck_fingerprint=deck.fingerprint,
        games=games, players=players, rounds=rounds, seed=str(seed),
        styles=tuple(StyleStats(s, len(tally.personal[s]), Spread.of(tally.personal[s]), Spread.of(tally.social[s]))
                     for s in STYLES if tally.personal[s]),
        cards=cards,
        combos=tuple(ComboStats(c.id, tally.combos[c.id], tally.combos_final[c.id], combo_possible(deck, c.needs))
                     for c in deck.combos),
        events=tuple(e for e in effects if e.option is None),
        options=tuple(e for e in effects if e.option is not None),
        dominated=dominated_pairs(deck),
        finals=tuple(tally.finals),
        targets=(*model_targets.deck_targets(deck, seed),
                 model_targets.mirror_discriminates(tally.finals, games, players)),
    )


def _effects_of(deck: Deck, card_id: str, option: int | None):
    card = deck.card(card_id)
    return card.effects if option is None else card.options[option].effects


def _hours_only(effects) -> bool:
    return bool(effects) and all(isinstance(e, HoursEffect) for e in effects)


# --------------------------------------------------------------------------- strict


@dataclass(frozen=True)
class Verdict:
    """One threshold of --strict: status is pass, fail or skip (too few games to judge)."""

    rule: str
    status: str
    detail: str

    @property
    def failed(self) -> bool:
        return self.status == "fail"


def judge(report: BalanceReport) -> tuple[Verdict, ...]:
    """The report against everything --strict checks: the balance thresholds and the fit model's targets."""
    return judge_thresholds(report) + tuple(
        Verdict(f"fit model target {t.id}", t.status, t.detail) for t in report.targets)


def judge_thresholds(report: BalanceReport) -> tuple[Verdict, ...]:
    """The report against the balance thresholds of --strict, one verdict per rule."""
    out: list[Verdict] = []

    def add(rule: str, ok: bool, detail: str) -> None:
        out.append(Verdict(rule, "pass" if ok else "fail", detail))

    def skip(rule: str, need: int) -> None:
        out.append(Verdict(rule, "skip", f"judged from {need} games on (this run: {report.games})"))

    pairs = report.dominated
    add("no dominated cards", len(pairs) <= MAX_DOMINATED_PAIRS,
        "none" if not pairs else "; ".join(f"{a} beats {b}" for a, b in pairs))

    rule = f"at most {MAX_NEVER_PLAYED_SHARE:.0%} of role/task cards never played"
    if report.games >= MIN_GAMES_NEVER_PLAYED:
        never = report.never_played
        share = len(never) / len(report.cards) if report.cards else 0.0
        add(rule, share <= MAX_NEVER_PLAYED_SHARE + EPSILON,
            f"{len(never)} of {len(report.cards)} ({share:.0%})" + (f": {', '.join(never)}" if never else ""))
    else:
        skip(rule, MIN_GAMES_NEVER_PLAYED)

    impossible = [c.id for c in report.combos if not c.possible]
    add("every combination fits in one week", not impossible,
        "all do" if not impossible else "too many hours or missing cards: " + ", ".join(impossible))

    rule = f"at least {MIN_COMBO_SHARE:.0%} of the combinations made at least once"
    if report.games >= MIN_GAMES_COMBOS:
        never = report.combos_never_made
        made = len(report.combos) - len(never)
        share = made / len(report.combos) if report.combos else 1.0
        add(rule, share >= MIN_COMBO_SHARE - EPSILON,
            f"{made} of {len(report.combos)} made ({share:.0%})" + (f"; never: {', '.join(never)}" if never else ""))
    else:
        skip(rule, MIN_GAMES_COMBOS)

    rule = "social-first bots reach a median social fit at least that of personal-first and random bots"
    social = report.style("social-first")
    if report.games >= MIN_GAMES_STYLES and social:
        # balanced bots also value social fit and may end a little higher: greedy bots do not plan ahead
        lower = [s for s in report.styles if s.style in COMPARED_STYLES and s.social.median > social.social.median + EPSILON]
        add(rule, not lower,
            ", ".join(f"{s.style} {s.social.median:.1f}" for s in report.styles)
            + ("" if not lower else f"; higher than social-first: {', '.join(s.style for s in lower)}"))
    else:
        skip(rule, MIN_GAMES_STYLES)

    rule = "every event and dilemma option changes a score in some game (hours-only effects aside)"
    if report.games >= MIN_GAMES_EFFECTS:
        quiet = list(report.events_without_effect) + list(report.options_without_effect)
        add(rule, not quiet, "all do" if not quiet else "never: " + ", ".join(quiet))
    else:
        skip(rule, MIN_GAMES_EFFECTS)
    return tuple(out)


def passes(report: BalanceReport) -> bool:
    return not any(v.failed for v in judge(report))
