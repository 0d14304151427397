"""Calibration targets of the fit model: does a deck's mirror tell the truth? (docs/deck-authoring.md)

`bbb simulate` measures these next to its balance report, and `--strict` fails a deck that
misses one. Most targets are measured on the deck alone, with weeks built from its role and
task cards at the deck's starting needs and a full standard week (`hours_per_week`) of budget;
one is measured on the final fits of the simulated bot games.

Weeks. A week holds each card id at most once, fits within the standard week and meets every
task's `requires` with another card of the week (as in the game). The candidate weeks are all
single cards that may stand alone, all pairs, and "the best triples": the best pairs (by the
measure at hand) completed by every third card that fits.

Value sorts. A sort gives every personal value 1, 2 or 3 at random (seeded); the opposite sort
swaps 1 and 3 and keeps 2. "Values matter" compares the same week's P under a sort and under
its opposite (the absolute difference): how differently the mirror shows one week to two
people who value the opposite things.

Pure: the same deck and seed give the same targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from statistics import mean, median
from typing import Callable, Sequence

from game.core.deck import NEED_MAX, NEED_MIN, Card, Deck, NeedEffect
from game.core.rng import Rng, seed_state
from game.core.scoring import fits, personal_fit, quadrant, value_shares, week_profile

EPSILON = 1e-9

# ---- the targets (documented in docs/deck-authoring.md and in `bbb simulate --help`)
HOURS_CASES = 400  # random weeks of 1-3 cards ...
HOURS_CUT = 8  # ... scored with a budget this much smaller: P and S may never be higher
MAX_HOURS_INVERSIONS = 0
SORTS = 40  # random value sorts for the targets below
MIN_COMBINED_SHARE = 0.80  # of the best weeks (by min(P, S)) hold two cards or more
MAX_ONE_CARD_CAREER_SHARE = 0.10  # of (single card, sort) pairs in the top-right quadrant
BEST_WEEKS = 10  # per sort (values matter) and per theme (events matter)
MIN_VALUES_DIFFERENCE = 10.0  # mean |P| difference of a sort's best weeks under the opposite sort
MIN_GAMES_MIRROR = 120  # solo games from which the spread of the results is judged
MIN_SPREAD = 25.0  # p90 - p10 of P and of S over the games' results
MIN_QUADRANT_SHARE = 0.05  # of the results in every quadrant
MAX_EXTREME_SHARE = 0.02  # of all fits (P and S) exactly 0 or 100
MIN_EVENT_CHANGE = 3.0  # mean |change of S| of the best weeks serving an event's themes
TRIPLE_SEEDS = 10  # best pairs completed into triples

# "Everyone is needed": practical work is recognised by one of these tags; office work likewise.
PRACTICAL_TAGS = ("praktisch", "logistiek", "retail", "winkel", "detailhandel", "supermarkt",
                  "schoonmaak", "bouw", "beveiliging", "horeca")
OFFICE_TAGS = ("kantoor", "financieel", "administratie")


@dataclass(frozen=True)
class Target:
    """One measured target: `status` is pass, fail or skip (cannot be judged here)."""

    id: str
    rule: str
    value: float | None
    status: str
    detail: str
    shown: str = "-"  # the number as printed: a count, a share or points

    @property
    def failed(self) -> bool:
        return self.status == "fail"


def _verdict(id_: str, rule: str, value: float, ok: bool, detail: str, shown: str) -> Target:
    return Target(id_, rule, value, "pass" if ok else "fail", detail, shown)


# --------------------------------------------------------------------------- weeks


class _Weeks:
    """The playable cards of a deck and which sets of them make a legal week (weeks are tuples of ids)."""

    def __init__(self, deck: Deck):
        self.deck = deck
        cards = deck.cards_of("role", "task")
        self.ids: list[str] = [c.id for c in cards]
        self.hours = {c.id: c.hours for c in cards}
        self.tags = {c.id: frozenset(c.tags) for c in cards}
        self.requires = {c.id: frozenset(c.requires) for c in cards if c.requires}
        self.budget = deck.hours_per_week
        self.needs = {d.id: d.need for d in deck.social}

    def legal(self, week: Sequence[str]) -> bool:
        if sum(self.hours[cid] for cid in week) > self.budget:
            return False
        for cid in week:
            wanted = self.requires.get(cid)
            if wanted and not any(wanted & self.tags[other] for other in week if other != cid):
                return False
        return True

    def singles(self) -> list[tuple[str, ...]]:
        return [(cid,) for cid in self.ids if self.legal((cid,))]

    def pairs(self) -> list[tuple[str, ...]]:
        return [p for p in combinations(self.ids, 2) if self.legal(p)]

    def extend(self, weeks: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """Every legal week one card larger than one of `weeks` (each set of cards once)."""
        seen: set[frozenset[str]] = set()
        out = []
        for week in weeks:
            for cid in self.ids:
                if cid in week:
                    continue
                key = frozenset((*week, cid))
                if key in seen:
                    continue
                seen.add(key)
                bigger = (*week, cid)
                if self.legal(bigger):
                    out.append(bigger)
        return out

    def fit(self, week, weights, needs=None, budget=None) -> tuple[float, float]:
        return fits(self.deck, [f"{cid}#1" for cid in week], self.budget if budget is None else budget,
                    weights, self.needs if needs is None else needs)

    def profile(self, week, needs=None) -> tuple[tuple[float, ...], float]:
        """Satisfaction per personal value and S of a week; P under a sort is `personal_fit`."""
        return week_profile(self.deck, [f"{cid}#1" for cid in week], self.budget,
                            self.needs if needs is None else needs)


def random_sorts(deck: Deck, seed: int | str, count: int = SORTS) -> list[dict[str, int]]:
    rng = Rng(seed_state(f"{seed}|sorts"))
    return [{d: 1 + rng.below(3) for d in deck.personal_ids} for _ in range(count)]


def opposite(weights: dict[str, int]) -> dict[str, int]:
    return {d: 4 - w for d, w in weights.items()}


def _best(weeks, key: Callable, n: int):
    return sorted(weeks, key=key, reverse=True)[:n]


# --------------------------------------------------------------------------- the deck targets


def hours_absolute(deck: Deck, seed: int | str) -> Target:
    """A smaller budget never raises P or S of the same week."""
    w = _Weeks(deck)
    rng = Rng(seed_state(f"{seed}|hours"))
    inversions = 0
    cases = 0
    examples: list[str] = []
    for _ in range(HOURS_CASES):
        size = 1 + rng.below(3)
        pool = list(w.ids)
        rng.shuffle(pool)
        week = tuple(pool[:size])
        weights = {d: 1 + rng.below(3) for d in deck.personal_ids}
        hours = sum(deck.card(cid).hours for cid in week)
        budget = max(hours, w.budget - HOURS_CUT) + rng.below(HOURS_CUT + 1)
        p0, s0 = w.fit(week, weights, budget=budget)
        p1, s1 = w.fit(week, weights, budget=budget - HOURS_CUT)
        cases += 1
        if p1 > p0 + EPSILON or s1 > s0 + EPSILON:
            inversions += 1
            if len(examples) < 3:
                examples.append(f"{'+'.join(week)} at {budget}→{budget - HOURS_CUT} h: "
                                f"P {p0:.1f}→{p1:.1f}, S {s0:.1f}→{s1:.1f}")
    detail = f"{inversions} of {cases} weeks score higher with {HOURS_CUT} hours less"
    if examples:
        detail += " (e.g. " + "; ".join(examples) + ")"
    return _verdict("hours-absolute", f"a budget {HOURS_CUT} h smaller never raises P or S of the same week "
                    f"(at most {MAX_HOURS_INVERSIONS} cases)", inversions, inversions <= MAX_HOURS_INVERSIONS, detail,
                    f"{inversions} of {cases}")


def _sort_targets(deck: Deck, seed: int | str) -> tuple[Target, Target, Target]:
    """Combining pays, one card is not a career, and values matter: all under the same random sorts."""
    w = _Weeks(deck)
    singles, pairs = w.singles(), w.pairs()
    profiles = {week: w.profile(week) for week in singles + pairs}

    def profiled(weeks):
        for week in weeks:
            if week not in profiles:
                profiles[week] = w.profile(week)
        return weeks

    sorts = random_sorts(deck, seed)
    combined = 0
    career_hits = career_cases = 0
    career_cards: dict[str, int] = {}
    differences: list[float] = []
    for weights in sorts:
        shares = value_shares(deck, weights)
        fit = {week: (personal_fit(sats, shares), s) for week, (sats, s) in profiles.items()}

        def scored(weeks):
            for week in profiled(weeks):
                if week not in fit:
                    sats, s = profiles[week]
                    fit[week] = (personal_fit(sats, shares), s)
            return weeks

        # combining pays: the best week by min(P, S), among singles, pairs and the best triples
        candidates = singles + pairs + scored(w.extend(_best(pairs, lambda wk: min(fit[wk]), TRIPLE_SEEDS)))
        best = max(candidates, key=lambda wk: (round(min(fit[wk]), 9), -len(wk)))
        combined += len(best) >= 2
        # one card is not a career
        for week in singles:
            career_cases += 1
            if quadrant(*fit[week]) == "high_high":
                career_hits += 1
                career_cards[week[0]] = career_cards.get(week[0], 0) + 1
        # values matter: the best weeks for this sort (by P), seen through the opposite sort
        candidates = singles + pairs + scored(w.extend(_best(pairs, lambda wk: fit[wk][0], TRIPLE_SEEDS)))
        flipped = value_shares(deck, opposite(weights))
        for week in _best(set(candidates), lambda wk: (fit[wk][0], wk), BEST_WEEKS):
            differences.append(abs(fit[week][0] - personal_fit(profiles[week][0], flipped)))
    share = combined / len(sorts)
    comb = _verdict("combining-pays", f"at least {MIN_COMBINED_SHARE:.0%} of the best weeks (by min(P, S), "
                    f"{SORTS} random sorts) hold two cards or more", share, share >= MIN_COMBINED_SHARE - EPSILON,
                    f"{combined} of {len(sorts)} best weeks ({share:.0%}) combine cards", f"{share:.0%}")
    career = career_hits / career_cases if career_cases else 0.0
    top = sorted(career_cards.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    one = _verdict("one-card-not-a-career", f"at most {MAX_ONE_CARD_CAREER_SHARE:.0%} of single cards reach the "
                   f"top-right quadrant alone ({SORTS} random sorts)", career,
                   career <= MAX_ONE_CARD_CAREER_SHARE + EPSILON,
                   f"{career_hits} of {career_cases} ({career:.1%})"
                   + (": " + ", ".join(f"{cid} ×{n}" for cid, n in top) if top else ""), f"{career:.1%}")
    diff = mean(differences) if differences else 0.0
    values = _verdict("values-matter", f"the {BEST_WEEKS} best weeks of a sort score at least "
                      f"{MIN_VALUES_DIFFERENCE:.0f} points of P differently on average under the opposite sort", diff,
                      diff >= MIN_VALUES_DIFFERENCE - EPSILON,
                      f"mean difference {diff:.1f} points over {len(differences)} weeks", f"{diff:.1f}")
    return comb, one, values


def main_theme(deck: Deck, week: Sequence[str]) -> str | None:
    """The theme a week serves most: the largest Σ hours × social value (None when it serves none)."""
    totals: dict[str, float] = {}
    for cid in week:
        c = deck.card(cid)
        for t, v in c.social.items():
            totals[t] = totals.get(t, 0.0) + c.hours * v
    totals = {t: v for t, v in totals.items() if v > 0}
    if not totals:
        return None
    return max(deck.social_ids, key=lambda t: (totals.get(t, 0.0), -deck.social_ids.index(t)))


def events_matter(deck: Deck) -> Target:
    """Each event's need changes move S of the best weeks that serve its themes by 3 points or more.

    The weeks that serve a theme are those whose main theme it is; the best are the ones with
    the highest social fit at the deck's starting needs.
    """
    w = _Weeks(deck)
    neutral = value_shares(deck, {d: 2 for d in deck.personal_ids})
    pairs = w.pairs()
    scored = {}
    for week in w.singles() + pairs:
        sats, s = w.profile(week)
        scored[week] = (personal_fit(sats, neutral), s)
    for week in w.extend(_best(pairs, lambda wk: scored[wk][1], TRIPLE_SEEDS * 2)):
        sats, s = w.profile(week)
        scored[week] = (personal_fit(sats, neutral), s)
    by_theme: dict[str, list] = {t: [] for t in deck.social_ids}
    for week in scored:
        t = main_theme(deck, week)
        if t:
            by_theme[t].append(week)
    best = {t: _best(weeks, lambda wk: (round(scored[wk][1], 9), scored[wk][0], wk), BEST_WEEKS)
            for t, weeks in by_theme.items()}
    rows = []
    failing = []
    for card in deck.cards_of("event"):
        changes: dict[str, int] = {}
        for effect in card.effects:
            if isinstance(effect, NeedEffect):
                for t, d in effect.changes.items():
                    changes[t] = changes.get(t, 0) + d
        changes = {t: d for t, d in changes.items() if d}
        if not changes:
            continue
        needs = {t: max(NEED_MIN, min(NEED_MAX, n + changes.get(t, 0))) for t, n in w.needs.items()}
        weeks = sorted({wk for t in changes for wk in best[t]})
        if not weeks:
            rows.append((card.id, 0.0))
            failing.append(f"{card.id} (no week serves {', '.join(changes)})")
            continue
        change = mean(abs(w.profile(wk, needs=needs)[1] - scored[wk][1]) for wk in weeks)
        rows.append((card.id, change))
        if change < MIN_EVENT_CHANGE - EPSILON:
            failing.append(f"{card.id} {change:.1f}")
    rule = (f"every event's need change moves S of the {BEST_WEEKS} best weeks serving its themes by at "
            f"least {MIN_EVENT_CHANGE:.0f} points on average")
    if not rows:
        return Target("events-matter", rule, None, "skip", "no event changes a need")
    detail = "lowest first: " + ", ".join(f"{cid} {ch:.1f}" for cid, ch in sorted(rows, key=lambda r: (r[1], r[0])))
    if failing:
        detail += "; too small: " + ", ".join(failing)
    lowest = min(r[1] for r in rows)
    return _verdict("events-matter", rule, lowest, not failing, detail, f"{lowest:.1f}")


def social_per_hour(deck: Deck, card: Card) -> float:
    """Need-weighted social value per hour: Σ need × value over the deck's standard week."""
    needs = {d.id: d.need for d in deck.social}
    return sum(needs[t] * v for t, v in card.social.items()) / deck.hours_per_week


def everyone_needed(deck: Deck) -> Target:
    """Practical work brings at least as much social value per hour (median) as office work."""
    cards = deck.cards_of("role", "task")
    practical = [c for c in cards if set(c.tags) & set(PRACTICAL_TAGS)]
    office = [c for c in cards if set(c.tags) & set(OFFICE_TAGS) and c not in practical]
    rule = ("the median social value per hour of practical work (tags " + ", ".join(PRACTICAL_TAGS)
            + ") is not below that of office work (tags " + ", ".join(OFFICE_TAGS) + ")")
    if not practical or not office:
        missing = "practical" if not practical else "office"
        return Target("everyone-needed", rule, None, "skip", f"no {missing} cards in this deck to compare")
    p = median(social_per_hour(deck, c) for c in practical)
    o = median(social_per_hour(deck, c) for c in office)
    return _verdict("everyone-needed", rule, p - o, p >= o - EPSILON,
                    f"practical {p:.3f} ({', '.join(c.id for c in practical)}) vs office {o:.3f} "
                    f"({', '.join(c.id for c in office)})", f"{p:.3f} vs {o:.3f}")


def deck_targets(deck: Deck, seed: int | str = 1) -> tuple[Target, ...]:
    """The targets measured on the deck alone (everything except the games' spread)."""
    comb, one, values = _sort_targets(deck, seed)
    return (hours_absolute(deck, seed), comb, one, values, events_matter(deck), everyone_needed(deck))


# --------------------------------------------------------------------------- the games' target


def _percentile(sorted_values: Sequence[float], pct: float) -> float:
    pos = (len(sorted_values) - 1) * pct / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def mirror_discriminates(results: Sequence[tuple[float, float]], games: int, players: int) -> Target:
    """The results of many bot games spread over both axes and every quadrant, seldom at 0 or 100."""
    rule = (f"over {MIN_GAMES_MIRROR}+ solo games: p90 - p10 at least {MIN_SPREAD:.0f} for P and for S, every "
            f"quadrant at least {MIN_QUADRANT_SHARE:.0%} of the results, at most {MAX_EXTREME_SHARE:.0%} of fits "
            f"exactly 0 or 100")
    if players != 1 or games < MIN_GAMES_MIRROR:
        why = "a table game" if players != 1 else f"this run: {games} games"
        return Target("mirror-discriminates", rule, None, "skip", f"judged from {MIN_GAMES_MIRROR} solo games on ({why})")
    ps = sorted(p for p, _ in results)
    ss = sorted(s for _, s in results)
    spread_p = _percentile(ps, 90) - _percentile(ps, 10)
    spread_s = _percentile(ss, 90) - _percentile(ss, 10)
    counts = {q: 0 for q in ("high_high", "high_low", "low_high", "low_low")}
    for p, s in results:
        counts[quadrant(p, s)] += 1
    shares = {q: n / len(results) for q, n in counts.items()}
    extremes = sum(1 for p, s in results for x in (p, s) if x <= EPSILON or x >= 100 - EPSILON)
    extreme_share = extremes / (2 * len(results))
    ok = (spread_p >= MIN_SPREAD - EPSILON and spread_s >= MIN_SPREAD - EPSILON
          and min(shares.values()) >= MIN_QUADRANT_SHARE - EPSILON and extreme_share <= MAX_EXTREME_SHARE + EPSILON)
    detail = (f"spread P {spread_p:.1f}, S {spread_s:.1f}; quadrants "
              + ", ".join(f"{q} {shares[q]:.0%}" for q in counts)
              + f"; at 0 or 100: {extremes} of {2 * len(results)} fits ({extreme_share:.1%})")
    return _verdict("mirror-discriminates", rule, min(spread_p, spread_s), ok, detail,
                    f"{spread_p:.0f}/{spread_s:.0f}, {min(shares.values()):.0%}, {extreme_share:.1%}")
