"""Personal fit (zin) and social fit (zinvol) of a mix, with a breakdown that adds up.

The model is documented in docs/scoring.md. In short, with w = hours / budget per card:
  personal offer  o_d = Σ w·p_d + COMBO_WEIGHT·bonus_d (− the full-week penalty on balance)
  personal fit    P   = 100 · Σ W_d·clamp((o_d+3)/6, 0, 1) / Σ W_d
  social share    c_t = Σ w·s_t + COMBO_WEIGHT·bonus_t
  social fit      S   = 100 · clamp(Σ n_t·c_t / (3·NEED_MAX), 0, 1)
The social denominator is fixed (not 3·max n) so that raising a need never lowers S.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .combos import combos_made
from .deck import NEED_MAX, PERSONAL_MAX, PERSONAL_MIN, SOCIAL_MAX, SOCIAL_MIN, Card, Deck
from .state import card_of

COMBO_WEIGHT = 0.25  # a combination's bonus counts like a quarter of a week at that value
COMFORT_SHARE = 0.9  # above 90 % of the hours budget a week has no room to breathe
BALANCE_PENALTY_FULL = 1.5  # balance offer lost by a week that is 100 % full
BALANCE_PENALTY_MAX = 3.0
SOCIAL_SCALE = SOCIAL_MAX * NEED_MAX
PERSONAL_HIGH = 60.0  # quadrant lines; an empty week is neutral at 50
SOCIAL_HIGH = 50.0


def _clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


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


def balance_penalty(hours: int, budget: int) -> float:
    """How much the balance dimension loses because the week is nearly or over full."""
    budget = max(budget, 1)
    comfort = COMFORT_SHARE * budget
    if hours <= comfort:
        return 0.0
    over = (hours - comfort) / (budget - comfort)
    return min(BALANCE_PENALTY_MAX, BALANCE_PENALTY_FULL * over)


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
class Scores:
    personal: Fit
    social: Fit

    @property
    def pair(self) -> tuple[float, float]:
        return self.personal.total, self.social.total


def _values_table(deck: Deck, offers: Sequence[Mapping]) -> dict[str, tuple]:
    """card id -> (hours, personal items, social items) under the given offers, cached per deck.

    Bots and the advisor score thousands of candidate weeks; looking values up once per
    combination of offers keeps that cheap. Offers only ever grow during a game.
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
        for card in deck.cards:
            personal, social = card_values(card, offers) if offers else (card.personal, card.social)
            table[card.id] = (card.hours, tuple((d, v) for d, v in personal.items() if v),
                              tuple((t, v) for t, v in social.items() if v))
        cache[key] = table
    return table


def _offers_per_card(deck, mix, budget, offers):
    w_budget = max(budget, 1)
    table = _values_table(deck, offers)
    for inst in mix:
        hours, personal, social = table[inst.partition("#")[0]]
        yield inst, hours / w_budget, personal, social


def score(deck: Deck, mix: Sequence[str], budget: int, weights: Mapping[str, int],
          needs: Mapping[str, int], offers: Sequence[Mapping] = ()) -> Scores:
    """Both fits with their full breakdowns."""
    pdims, sdims = deck.personal_ids, deck.social_ids
    total_w = sum(weights.get(d, 2) for d in pdims) or 1
    share = {d: 100.0 * weights.get(d, 2) / total_w for d in pdims}
    o = {d: 0.0 for d in pdims}
    c = {t: 0.0 for t in sdims}
    p_parts: list[Part] = [Part("base", None, None, 50.0)]
    s_parts: list[Part] = []
    for inst, w, personal, social in _offers_per_card(deck, mix, budget, offers):
        cid = card_of(inst)
        for d, v in personal:
            if v:
                o[d] += w * v
                p_parts.append(Part("card", cid, d, share[d] * w * v / 6))
        for t, v in social:
            if v:
                c[t] += w * v
                s_parts.append(Part("card", cid, t, 100.0 * needs[t] * w * v / SOCIAL_SCALE))
    for combo in combos_made(deck, mix):
        for d, v in combo.bonus_personal.items():
            o[d] += COMBO_WEIGHT * v
            p_parts.append(Part("combo", combo.id, d, share[d] * COMBO_WEIGHT * v / 6))
        for t, v in combo.bonus_social.items():
            c[t] += COMBO_WEIGHT * v
            s_parts.append(Part("combo", combo.id, t, 100.0 * needs[t] * COMBO_WEIGHT * v / SOCIAL_SCALE))
    bal = deck.balance_dimension
    if bal:
        penalty = balance_penalty(mix_hours(deck, mix), budget)
        if penalty:
            o[bal] -= penalty
            p_parts.append(Part("balance", None, bal, -share[bal] * penalty / 6))
    # Clamping per dimension: a cap line keeps the parts summing to the total.
    per_dim = []
    p_total = 0.0
    for d in pdims:
        raw = (o[d] + 3) / 6
        clamped = _clamp(raw, 0.0, 1.0)
        if clamped != raw:
            p_parts.append(Part("cap", None, d, share[d] * (clamped - raw)))
        p_total += share[d] * clamped
        per_dim.append((d, 100.0 * clamped))
    raw_s = sum(needs[t] * c[t] for t in sdims) / SOCIAL_SCALE
    s_total = 100.0 * _clamp(raw_s, 0.0, 1.0)
    if s_total != 100.0 * raw_s:
        s_parts.append(Part("cap", None, None, s_total - 100.0 * raw_s))
    return Scores(
        Fit(p_total, tuple(p_parts), tuple(per_dim)),
        Fit(s_total, tuple(s_parts), tuple((t, c[t]) for t in sdims)),
    )


def fits(deck: Deck, mix: Sequence[str], budget: int, weights: Mapping[str, int],
         needs: Mapping[str, int], offers: Sequence[Mapping] = ()) -> tuple[float, float]:
    """(personal fit, social fit) without the breakdown: the same numbers as `score`, made
    faster for bots and the advisor, which try every move (a test holds the two together)."""
    pdims = deck.personal_ids
    o = dict.fromkeys(pdims, 0.0)
    c = dict.fromkeys(deck.social_ids, 0.0)
    table = _values_table(deck, offers)
    w_budget = max(budget, 1)
    hours_total = 0
    for inst in mix:
        hours, personal, social = table[inst.partition("#")[0]]
        hours_total += hours
        w = hours / w_budget
        for d, v in personal:
            o[d] += w * v
        for t, v in social:
            c[t] += w * v
    if deck.combos:
        for combo in combos_made(deck, mix):
            for d, v in combo.bonus_personal.items():
                o[d] += COMBO_WEIGHT * v
            for t, v in combo.bonus_social.items():
                c[t] += COMBO_WEIGHT * v
    bal = deck.balance_dimension
    if bal:
        o[bal] -= balance_penalty(hours_total, budget)
    total_w = 0
    acc = 0.0
    for d in pdims:
        wd = weights.get(d, 2)
        total_w += wd
        x = (o[d] + 3) / 6
        acc += wd * (0.0 if x < 0.0 else 1.0 if x > 1.0 else x)
    p_fit = 100.0 * acc / (total_w or 1)
    s_fit = 100.0 * _clamp(sum(needs[t] * v for t, v in c.items()) / SOCIAL_SCALE, 0.0, 1.0)
    return p_fit, s_fit


def quadrant(personal_fit: float, social_fit: float) -> str:
    high_p = personal_fit >= PERSONAL_HIGH
    high_s = social_fit >= SOCIAL_HIGH
    return {(True, True): "high_high", (True, False): "high_low",
            (False, True): "low_high", (False, False): "low_low"}[(high_p, high_s)]


def player_scores(deck: Deck, state, index: int) -> Scores:
    p = state.players[index]
    return score(deck, p.mix, p.budget, p.weights, state.needs, state.offers)
