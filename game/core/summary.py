"""The ending as data: a frozen summary computed from the final state; exporters read only this."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .advisor import advisable, candidate_mixes
from .combos import combos_made, combos_near
from .deck import Deck
from .scoring import MODEL_VERSION, Part, fits, mix_hours, player_scores, quadrant
from .state import GameState, card_of

SUMMARY_VERSION = 2  # 2: the fit model's version, social fit per theme, the comfort line
COVERED_SHARE = 1.0  # a need counts as covered when the table brings at least a full week at level 1


@dataclass(frozen=True)
class NextStep:
    """A concrete suggestion: `kind` is explore (try out a card's work) or keep (deepen what you have)."""

    kind: str
    card: str | None
    focus: str  # "social" or "personal": which fit the step would raise
    out: str | None = None  # the card of the week it would take the place of (never education)


@dataclass(frozen=True)
class PlayerSummary:
    name: str
    personal_fit: float
    social_fit: float
    quadrant: str
    weights: dict
    personal_dimensions: tuple  # (dimension id, 0..100)
    social_dimensions: tuple  # (dimension id, contribution c_t, need)
    mix: tuple  # (card id, hours)
    hours: int
    budget: int
    combos: tuple  # combo ids made
    near_combos: tuple  # (combo id, missing requirement)
    boosts: tuple  # dicts as in the state, giver as a name
    answers: tuple  # dicts {round, prompt, text}
    next_step: NextStep
    personal_parts: tuple  # Part
    social_parts: tuple
    # (theme, contribution c_t, served share f(c_t) 0..1, need, points of social fit before the cap)
    social_themes: tuple = ()
    # where the comfort line lies and what the hours above it cost: {hours, budget, comfort,
    # over, offer_lost, points}; None in summaries made before model v2
    balance: dict | None = None


@dataclass(frozen=True)
class TableSummary:
    coverage: tuple  # (dimension id, table's total contribution, need)
    covered: tuple
    underserved: tuple  # served a little, less than a full week's worth
    uncovered: tuple  # nobody serves it at all


@dataclass(frozen=True)
class Summary:
    version: int
    deck_id: str
    deck_version: str
    deck_fingerprint: str
    mode: str
    rounds: int
    seed: object
    needs: dict
    players: tuple
    table: TableSummary
    model_version: int = MODEL_VERSION  # the fit model the scores were computed with

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Summary":
        players = []
        for p in data["players"]:
            p = dict(p)
            p["next_step"] = NextStep(**p["next_step"])
            p["personal_parts"] = tuple(Part(**x) for x in p["personal_parts"])
            p["social_parts"] = tuple(Part(**x) for x in p["social_parts"])
            for key in ("personal_dimensions", "social_dimensions", "mix", "near_combos", "social_themes"):
                p[key] = tuple(tuple(x) for x in p.get(key, ()))
            p["balance"] = dict(p["balance"]) if p.get("balance") is not None else None
            for key in ("combos", "boosts", "answers"):
                p[key] = tuple(p[key])
            players.append(PlayerSummary(**p))
        t = data["table"]
        table = TableSummary(tuple(tuple(x) for x in t["coverage"]), tuple(t["covered"]),
                             tuple(t["underserved"]), tuple(t["uncovered"]))
        return cls(data["version"], data["deck_id"], data["deck_version"], data["deck_fingerprint"],
                   data["mode"], data["rounds"], data["seed"], dict(data["needs"]), tuple(players), table,
                   int(data.get("model_version", 1)))


def _next_step(deck: Deck, state: GameState, index: int, quad: str) -> NextStep:
    """The card from the whole deck that, added or swapped in, would best raise the weaker fit.

    Like the advisor it follows the deck's `advice` keys: it never swaps out school or a study
    (`never-replace`) and never recommends a life circumstance (`never-suggest`).
    """
    player = state.players[index]
    focus = "personal" if quad == "low_high" else "social"
    p0, s0 = fits(deck, player.mix, player.budget, player.weights, state.needs, state.offers)
    # Pretend every card of the deck were within reach: the next step looks beyond this game.
    wide = state.copy()
    wide.market = [f"{c.id}#0" for c in deck.cards_of("role", "task")
                   if not any(card_of(m) == c.id for m in player.mix)]
    wide.players[index].hand = []
    best = None
    for inst, out, mix in candidate_mixes(deck, wide, index):
        if not advisable(deck, inst, out):
            continue
        p1, s1 = fits(deck, mix, player.budget, player.weights, state.needs, state.offers)
        gain, cost = (s1 - s0, p0 - p1) if focus == "social" else (p1 - p0, s0 - s1)
        if gain > 0 and cost <= 1e-9 and (best is None or gain > best[0]):
            best = (gain, card_of(inst), card_of(out) if out else None)
    if best is not None:
        return NextStep("explore", best[1], focus, best[2])
    # Nothing in the deck would raise the weaker fit: deepen the biggest card of the week instead.
    biggest = max(player.mix, key=lambda i: deck.card(card_of(i)).hours, default=None)
    return NextStep("keep", card_of(biggest) if biggest else None, focus)


def _balance(balance) -> dict | None:
    if balance is None:
        return None
    return {"hours": balance.hours, "budget": balance.budget, "comfort": round(balance.comfort, 2),
            "over": round(balance.over, 2), "offer_lost": round(balance.offer_lost, 4),
            "points": round(balance.points, 2)}


def summarize(deck: Deck, state: GameState) -> Summary:
    players = []
    coverage = {t: 0.0 for t in deck.social_ids}
    names = [p.name for p in state.players]
    for i, p in enumerate(state.players):
        sc = player_scores(deck, state, i)
        pf, sf = sc.personal.total, sc.social.total
        quad = quadrant(pf, sf)
        for t, c in sc.social.per_dimension:
            coverage[t] += c
        boosts = tuple({**b, "giver": names[b["giver"]] if isinstance(b["giver"], int) else None}
                       for b in p.boosts)
        players.append(PlayerSummary(
            name=p.name, personal_fit=round(pf, 2), social_fit=round(sf, 2), quadrant=quad,
            weights=dict(p.weights),
            personal_dimensions=tuple((d, round(v, 2)) for d, v in sc.personal.per_dimension),
            social_dimensions=tuple((t, round(c, 4), state.needs[t]) for t, c in sc.social.per_dimension),
            mix=tuple((card_of(m), deck.card(card_of(m)).hours) for m in p.mix),
            hours=mix_hours(deck, p.mix), budget=p.budget,
            combos=tuple(c.id for c in combos_made(deck, p.mix)),
            near_combos=tuple((c.id, missing) for c, missing in combos_near(deck, p.mix)),
            boosts=boosts, answers=tuple(dict(a) for a in p.answers),
            next_step=_next_step(deck, state, i, quad),
            personal_parts=sc.personal.parts, social_parts=sc.social.parts,
            social_themes=tuple((th.id, round(th.contribution, 4), round(th.served, 4), th.need, round(th.points, 2))
                                for th in sc.themes),
            balance=_balance(sc.balance),
        ))
    table = TableSummary(
        coverage=tuple((t, round(coverage[t], 4), state.needs[t]) for t in deck.social_ids),
        covered=tuple(t for t in deck.social_ids if coverage[t] >= COVERED_SHARE),
        underserved=tuple(t for t in deck.social_ids if 0 < coverage[t] < COVERED_SHARE),
        uncovered=tuple(t for t in deck.social_ids if coverage[t] == 0),
    )
    return Summary(SUMMARY_VERSION, deck.id, deck.version, deck.fingerprint, state.mode, state.rounds,
                   state.seed, dict(state.needs), tuple(players), table, MODEL_VERSION)
