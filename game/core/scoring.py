"""Personal fit (zin) and social fit (zinvol) of a week, with a breakdown that adds up (model v2).

The model is documented with a worked example in docs/scoring.md. In short, with
w = hours / H per card and H the deck's standard week (`hours_per_week`, never the budget):
  personal offer  o_d = Σ w·p_d + COMBO_WEIGHT·bonus_d  (− the full-week cost on balance)
  satisfaction    sat_d = ½ + ½·tanh(o_d / PERSONAL_SCALE)
  personal fit    P = 100 · Σ W_d·sat_d / Σ W_d, W_d from the values sort (SORT_WEIGHTS)
  social share    c_t = Σ w·s_t + COMBO_WEIGHT·bonus_t
  served          f_t = 1 − e^(−c_t / SOCIAL_SCALE)
  social fit      S = min(100, 100 · Σ n_t·f_t / Z), Z = max(SOCIAL_REFERENCE_SHARE · Σ starting
                  needs, SOCIAL_REFERENCE_MIN)
The budget only decides what fits and where the comfort line lies: fewer hours never score more.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .combos import combos_made
from .deck import PERSONAL_MAX, PERSONAL_MIN, SOCIAL_MAX, SOCIAL_MIN, Card, Deck
from .state import card_of

MODEL_VERSION = 2
SORT_WEIGHTS = {1: 0.5, 2: 2.0, 3: 5.0}  # less important, important, very important
PERSONAL_SCALE = 1.2  # k: an offer of k on a value gives ~88 % satisfaction
SOCIAL_SCALE = 0.5  # κ: a contribution of κ (a 20-hour week at value 1) serves a theme for ~63 %
SOCIAL_REFERENCE_SHARE = 0.65  # Z is this share of the deck's summed starting needs ...
SOCIAL_REFERENCE_MIN = 12.5  # ... but at least this: one theme alone (need 5) brings at most 40
COMBO_WEIGHT = 0.25  # a combination's bonus counts like a quarter of a week at that value
COMFORT_SHARE = 0.9  # above 90 % of the hours budget a week has no room to breathe
BALANCE_COST = 10.0  # balance offer lost per standard week of hours above the comfort line
PERSONAL_HIGH = 65.0  # quadrant lines; an empty week is neutral at 50
SOCIAL_HIGH = 50.0


def _clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def sort_weight(pile: int) -> float:
    """The weight W of a value sorted on pile 1 (less), 2 (important) or 3 (very important)."""
    return SORT_WEIGHTS.get(pile) or SORT_WEIGHTS[int(_clamp(pile, 1, 3))]


def card_values(card: Card, offers: Sequence[Mapping]) -> tuple[dict[str, int], dict[str, int]]:
    """A card's personal and social values after the lasting offer changes of events."""
    personal, social = dict(card.personal), dict(card.social)
    for offer in offers:
        if offer["tag"] in card.tags:
            for dim, delta in offer.get("personal", {}).items():
                personal[dim] = int(_clamp(personal.get(dim, 0) + delta, PERSONAL_MIN, PERSONAL_MAX))
            for dim, delta in offer.get("social", {}).items():
                social[dim] = int(_clamp(social.get(dim, 0) + delta, SOCIAL_MIN, SOCIAL_MAX))
    return personal, social


def mix_hours(deck: Deck, mix: Iterable[str]) -> int:
    return sum(deck.card(card_of(i)).hours for i in mix)


def comfort_hours(deck: Deck, budget: int) -> float:
    """Where the comfort line lies on the hours bar: hours above it cost balance."""
    return COMFORT_SHARE * max(budget, 0)


def balance_penalty(hours: int, budget: int, standard_week: int = 40) -> float:
    """How much the balance offer loses because the week is fuller than the comfort line.

    It grows with the hours above the line, counted in standard weeks like every card, so a
    smaller budget (a lower line) never makes the same week cost less.
    """
    over = hours - COMFORT_SHARE * max(budget, 0)
    return BALANCE_COST * over / max(standard_week, 1) if over > 0 else 0.0


def social_reference(deck: Deck) -> float:
    """Z: the need-weighted service that makes social fit 100 (fixed per deck, whatever events do)."""
    ref = getattr(deck, "_social_reference", None)
    if ref is None:
        ref = max(SOCIAL_REFERENCE_SHARE * sum(d.need for d in deck.social), SOCIAL_REFERENCE_MIN)
        object.__setattr__(deck, "_social_reference", ref)
    return ref


def satisfaction(offer: float) -> float:
    """0..1 from a personal offer: ½ when nothing is offered, saturating both ways."""
    return 0.5 + 0.5 * math.tanh(offer / PERSONAL_SCALE)


def served(contribution: float) -> float:
    """0..1 from a social contribution: each extra hour for a theme adds less than the one before."""
    return 1.0 - math.exp(-contribution / SOCIAL_SCALE) if contribution > 0 else 0.0


@dataclass(frozen=True)
class Part:
    """One line of a score's breakdown: `source` is base, card, combo, balance or cap."""

    source: str
    ref: str | None
    dimension: str | None
    points: float


@dataclass(frozen=True)
class Fit:
    """A score 0..100 with the parts it is made of (they add up to `total`)."""

    total: float
    parts: tuple[Part, ...]
    per_dimension: tuple[tuple[str, float], ...]  # personal: 0..100 per dim; social: c_t per theme

    def by_source(self) -> dict[tuple[str, str | None], float]:
        out: dict[tuple[str, str | None], float] = {}
        for p in self.parts:
            out[(p.source, p.ref)] = out.get((p.source, p.ref), 0.0) + p.points
        return out


@dataclass(frozen=True)
class Theme:
    """How a week serves one social theme: raw contribution c, served share f(c), need, points of S."""

    id: str
    contribution: float
    served: float
    need: int
    points: float  # 100·n·f/Z, before the cap at 100


@dataclass(frozen=True)
class Balance:
    """Where the comfort line lies and what a fuller week costs (points of personal fit)."""

    hours: int
    budget: int
    comfort: float
    over: float  # hours above the comfort line (0 when below)
    offer_lost: float  # balance offer lost (0 when below)
    points: float  # personal fit lost by it (≤ 0)


@dataclass(frozen=True)
class Scores:
    personal: Fit
    social: Fit
    themes: tuple[Theme, ...] = ()
    balance: Balance | None = None

    @property
    def pair(self) -> tuple[float, float]:
        return self.personal.total, self.social.total


def _values_table(deck: Deck, offers: Sequence[Mapping]) -> dict[str, tuple]:
    """card id -> (hours, personal (dim, w·value) items, social (theme, w·value) items), cached per deck.

    Bots and the advisor score thousands of candidate weeks; looking the weighed values up once
    per combination of offers keeps that cheap. Offers only ever grow during a game.
    """
    cache = getattr(deck, "_values_cache", None)
    if cache is None:
        cache = {}
        object.__setattr__(deck, "_values_cache", cache)
    key = tuple((o["tag"], tuple(sorted(o.get("personal", {}).items())),
                 tuple(sorted(o.get("social", {}).items()))) for o in offers)
    table = cache.get(key)
    if table is None:
        if len(cache) > 256:
            cache.clear()
        table = {}
        week = max(deck.hours_per_week, 1)
        for card in deck.cards:
            personal, social = card_values(card, offers) if offers else (card.personal, card.social)
            w = card.hours / week
            table[card.id] = (card.hours, tuple((d, w * v) for d, v in personal.items() if v),
                              tuple((t, w * v) for t, v in social.items() if v))
        cache[key] = table
    return table


def score(deck: Deck, mix: Sequence[str], budget: int, weights: Mapping[str, int],
          needs: Mapping[str, int], offers: Sequence[Mapping] = ()) -> Scores:
    """Both fits with their full breakdowns.

    A value's (or theme's) saturated amount is shared among its sources in proportion to their
    raw offer (contribution), so every part is a card, a combination, the full-week cost, the
    neutral base or the cap, and the parts add up to the score exactly.
    """
    pdims, sdims = deck.personal_ids, deck.social_ids
    table = _values_table(deck, offers)
    raw_p: dict[str, list[tuple[str, str | None, float]]] = {d: [] for d in pdims}
    raw_s: dict[str, list[tuple[str, str | None, float]]] = {t: [] for t in sdims}
    hours = 0
    for inst in mix:
        cid = card_of(inst)
        h, personal, social = table[cid]
        hours += h
        for d, x in personal:
            raw_p[d].append(("card", cid, x))
        for t, x in social:
            raw_s[t].append(("card", cid, x))
    for combo in combos_made(deck, mix):
        for d, v in combo.bonus_personal.items():
            if v:
                raw_p[d].append(("combo", combo.id, COMBO_WEIGHT * v))
        for t, v in combo.bonus_social.items():
            if v:
                raw_s[t].append(("combo", combo.id, COMBO_WEIGHT * v))
    bal = deck.balance_dimension
    penalty = balance_penalty(hours, budget, deck.hours_per_week) if bal else 0.0
    if penalty:
        raw_p[bal].append(("balance", None, -penalty))

    total_w = sum(sort_weight(weights.get(d, 2)) for d in pdims) or 1.0
    p_parts: list[Part] = [Part("base", None, None, 50.0)]
    per_dim = []
    p_total = 50.0
    balance_points = 0.0
    for d in pdims:
        share = 100.0 * sort_weight(weights.get(d, 2)) / total_w
        o = sum(x for _, _, x in raw_p[d])
        sat = satisfaction(o)
        # each source gets the dimension's gain in proportion to its raw offer
        gain = share * 0.5 * (math.tanh(o / PERSONAL_SCALE) / o if o else 1.0 / PERSONAL_SCALE)
        for source, ref, x in raw_p[d]:
            points = gain * x
            p_parts.append(Part(source, ref, d, points))
            if source == "balance":
                balance_points += points
        p_total += share * (sat - 0.5)
        per_dim.append((d, 100.0 * sat))

    ref_z = social_reference(deck)
    s_parts: list[Part] = []
    themes = []
    raw_total = 0.0
    for t in sdims:
        c = sum(x for _, _, x in raw_s[t])
        f = served(c)
        points = 100.0 * needs[t] * f / ref_z
        themes.append(Theme(t, c, f, needs[t], points))
        raw_total += points
        for source, ref, x in raw_s[t]:
            s_parts.append(Part(source, ref, t, points * x / c))
    s_total = raw_total
    if raw_total > 100.0:
        s_parts.append(Part("cap", None, None, 100.0 - raw_total))
        s_total = 100.0
    comfort = comfort_hours(deck, budget)
    balance = Balance(hours, budget, comfort, max(0.0, hours - comfort), penalty, balance_points)
    return Scores(Fit(p_total, tuple(p_parts), tuple(per_dim)),
                  Fit(s_total, tuple(s_parts), tuple((th.id, th.contribution) for th in themes)),
                  tuple(themes), balance)


def _offers(deck: Deck, mix: Sequence[str], budget: int, offers: Sequence[Mapping]):
    """The raw personal offer o_d and social contribution c_t of a week (full-week cost included)."""
    o = dict.fromkeys(deck.personal_ids, 0.0)
    c = dict.fromkeys(deck.social_ids, 0.0)
    table = _values_table(deck, offers)
    hours = 0
    for inst in mix:
        h, personal, social = table[inst.partition("#")[0]]
        hours += h
        for d, x in personal:
            o[d] += x
        for t, x in social:
            c[t] += x
    if deck.combos:
        for combo in combos_made(deck, mix):
            for d, v in combo.bonus_personal.items():
                o[d] += COMBO_WEIGHT * v
            for t, v in combo.bonus_social.items():
                c[t] += COMBO_WEIGHT * v
    bal = deck.balance_dimension
    if bal:
        o[bal] -= balance_penalty(hours, budget, deck.hours_per_week)
    return o, c


def _social_fit(deck: Deck, c: Mapping[str, float], needs: Mapping[str, int]) -> float:
    exp = math.exp
    s_sum = 0.0
    for t, x in c.items():
        if x > 0:
            s_sum += needs[t] * (1.0 - exp(-x / SOCIAL_SCALE))
    s_fit = 100.0 * s_sum / social_reference(deck)
    return 100.0 if s_fit > 100.0 else s_fit


def fits(deck: Deck, mix: Sequence[str], budget: int, weights: Mapping[str, int],
         needs: Mapping[str, int], offers: Sequence[Mapping] = ()) -> tuple[float, float]:
    """(personal fit, social fit) without the breakdown: the same numbers as `score`, made
    faster for bots and the advisor, which try every move (a test holds the two together)."""
    o, c = _offers(deck, mix, budget, offers)
    total_w = 0.0
    acc = 0.0
    tanh = math.tanh
    for d, x in o.items():
        wd = sort_weight(weights.get(d, 2))
        total_w += wd
        acc += wd * tanh(x / PERSONAL_SCALE)
    return 50.0 + 50.0 * acc / (total_w or 1.0), _social_fit(deck, c, needs)


def week_profile(deck: Deck, mix: Sequence[str], budget: int, needs: Mapping[str, int],
                 offers: Sequence[Mapping] = ()) -> tuple[tuple[float, ...], float]:
    """What a week offers whatever the values sort: satisfaction 0..1 per personal value (in the
    deck's order), and S. `personal_fit(satisfactions, value_shares(deck, weights))` is P for
    any sort, equal to `fits`; tools that compare many sorts on the same weeks score each once.
    """
    o, c = _offers(deck, mix, budget, offers)
    return tuple(satisfaction(o[d]) for d in deck.personal_ids), _social_fit(deck, c, needs)


def value_shares(deck: Deck, weights: Mapping[str, int]) -> tuple[float, ...]:
    """Each personal value's share W_d / Σ W of personal fit under a values sort (deck order)."""
    ws = [sort_weight(weights.get(d, 2)) for d in deck.personal_ids]
    total = sum(ws) or 1.0
    return tuple(x / total for x in ws)


def personal_fit(satisfactions: Sequence[float], shares: Sequence[float]) -> float:
    """P = 100 · Σ share_d · sat_d: personal fit from a week's satisfactions and a sort's shares."""
    return 100.0 * sum(map(operator.mul, shares, satisfactions))


def quadrant(personal_fit: float, social_fit: float) -> str:
    high_p = personal_fit >= PERSONAL_HIGH
    high_s = social_fit >= SOCIAL_HIGH
    return {(True, True): "high_high", (True, False): "high_low",
            (False, True): "low_high", (False, False): "low_low"}[(high_p, high_s)]


def player_scores(deck: Deck, state, index: int) -> Scores:
    p = state.players[index]
    return score(deck, p.mix, p.budget, p.weights, state.needs, state.offers)
