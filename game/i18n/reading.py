"""The summary in sentences: where a player stands and why, social fit per theme, the comfort line.

Pure words from a core PlayerSummary (no pygame): the summary screen reads these, and a test can
check them against the numbers they explain.
"""

from __future__ import annotations

from ..core import scoring
from . import t
from .describe import card_title, dimension_name
from .numbers import number


def hours_text(value: float, lang: str) -> str:
    """36.0 -> "36", 28.8 -> "28,8" (Dutch)."""
    return number(value, lang, 0 if abs(value - round(value)) < 0.05 else 1)


def personal_pull(p) -> list[tuple[str, float]]:
    """Per personal value: the points it moves personal fit away from the neutral 50 (its weight
    counts: a value sorted as very important moves it most)."""
    weights = {dim: p.weights.get(dim, 2) for dim, _ in p.personal_dimensions}
    total = sum(weights.values()) or 1
    return [(dim, weights[dim] * (sat - 50.0) / total) for dim, sat in p.personal_dimensions]


def reading(deck, p, lang: str) -> str:
    """One sentence: the quadrant in words, what carries the stronger fit most, and what the
    weaker fit misses most."""
    personal_ratio = p.personal_fit / scoring.PERSONAL_HIGH
    social_ratio = p.social_fit / scoring.SOCIAL_HIGH
    pulls = personal_pull(p)
    themes = [row for row in p.social_themes if row[1] > 0]
    if personal_ratio >= social_ratio or not themes:
        best = max(pulls, key=lambda x: x[1], default=None)
        strong = (t(lang, "reading.strong_personal", dim=dimension_name(deck, best[0], lang))
                  if best and best[1] > 0 else "")
    else:
        top = max(themes, key=lambda row: row[4])
        strong = t(lang, "reading.strong_social", theme=dimension_name(deck, top[0], lang))
    if social_ratio <= personal_ratio and p.social_themes:
        # the need the week leaves most open: need times what is still unserved
        gap = max(p.social_themes, key=lambda row: (row[3] * (1.0 - row[2]), row[3]))
        weak = t(lang, "reading.weak_social", theme=dimension_name(deck, gap[0], lang), need=gap[3])
    else:
        worst = min(pulls, key=lambda x: x[1], default=None)
        weak = (t(lang, "reading.weak_personal", dim=dimension_name(deck, worst[0], lang),
                  pile=t(lang, f"values.pile{p.weights.get(worst[0], 2)}")) if worst else "")
    place = t(lang, f"reading.place.{p.quadrant}")
    reasons = "; ".join(x for x in (strong, weak) if x)
    return place + (": " + reasons if reasons else "") + "."


def balance_line(p, lang: str) -> str:
    """The comfort line: where it lies and what the hours above it cost."""
    b = p.balance
    if not b:
        return ""
    comfort = hours_text(b["comfort"], lang)
    if b["over"] > 0:
        return t(lang, "reading.balance_over", hours=b["hours"], comfort=comfort,
                 over=hours_text(b["over"], lang), points=number(abs(b["points"]), lang, 1))
    return t(lang, "reading.balance_ok", hours=b["hours"], budget=b["budget"], comfort=comfort)


def next_step_out(deck, p, lang: str) -> str:
    """The card of the week the next step would take the place of, in a sentence; empty when none."""
    out = getattr(p.next_step, "out", None)
    if not out or not p.next_step.card:
        return ""
    return t(lang, "reading.next_out", card=card_title(deck, out, lang))
