"""What the wall shows, as plain data: every player's dot, each table's progress, the room's coverage
of society's needs and what nobody in the room covers. The page draws exactly this (web/wall.js)."""

from __future__ import annotations

from collections import Counter

from ..core.scoring import PERSONAL_HIGH, SOCIAL_HIGH
from ..core.summary import COVERED_SHARE
from ..export.words import initials
from ..i18n import t
from .storage import StoredResult, StoredTable
from .timer import TimerState, timer_text

QUADRANTS = ("high_high", "high_low", "low_high", "low_low")
QUIET_AFTER = 90.0  # seconds without a word from a table: shown as "quiet"


def player_marker_id(result: StoredResult, index: int) -> str:
    """A public id per player: the row number, never the result's take-home token."""
    return f"{result.id}-{index}"


def marker_label(name) -> str:
    """Initials at a dot: a table that shares sends initials already; a full name is shortened to them."""
    name = " ".join(str(name or "").split())
    if not name:
        return ""
    return name if len(name) <= 3 and " " not in name else initials(name)


def _labels(results: list[StoredResult], kind: str) -> dict:
    merged: dict = {}
    for r in results:
        merged.update((r.data.get("labels") or {}).get(kind) or {})
    return merged


def wall_state(results: list[StoredResult], tables: list[StoredTable], hidden: bool, timer: TimerState,
               now: float, lang: str = "nl") -> dict:
    numbers = {tb.id: tb.number for tb in tables}
    players = []
    for r in results:
        for i, p in enumerate(r.data["summary"]["players"]):
            players.append({"id": player_marker_id(r, i), "x": p["personal_fit"], "y": p["social_fit"],
                            "label": marker_label(p.get("name")), "table": numbers.get(r.table_id),
                            "quadrant": p.get("quadrant")})
    done = Counter(r.table_id for r in results)
    table_rows = []
    for tb in tables:
        pr = tb.progress or {}
        phase = pr.get("phase") if isinstance(pr.get("phase"), str) else ""
        table_rows.append({
            "number": tb.number, "round": pr.get("round", 0), "rounds": pr.get("rounds", 0), "phase": phase,
            "phase_text": t(lang, f"room.phase.{phase}") if phase else t(lang, "room.phase.waiting"),
            "players": pr.get("players", 0), "mode": pr.get("mode", ""), "results": done.get(tb.id, 0),
            "finished": phase == "summary", "quiet": now - tb.last_seen > QUIET_AFTER})
    social = _labels(results, "social")
    totals: dict[str, float] = {}
    needs: dict[str, list] = {}
    for r in results:
        summary = r.data["summary"]
        for theme, need in (summary.get("needs") or {}).items():
            needs.setdefault(theme, []).append(float(need))
            totals.setdefault(theme, 0.0)
        for p in summary["players"]:
            for theme, contribution, _ in p["social_dimensions"]:
                totals[theme] = totals.get(theme, 0.0) + float(contribution)
    order = list(social) + [th for th in totals if th not in social]
    coverage = []
    for theme in order:
        if theme not in totals:
            continue
        need = sum(needs.get(theme, [0.0])) / max(len(needs.get(theme, [])), 1)
        coverage.append({"theme": theme, "label": str(social.get(theme) or theme), "total": round(totals[theme], 2),
                         "need": round(need, 1), "covered": totals[theme] >= COVERED_SHARE})
    nobody = [c["label"] for c in coverage if c["total"] <= 0]
    least = ""
    if coverage and not nobody:
        least = min(coverage, key=lambda c: (c["total"] / max(c["need"], 1.0), c["label"]))["label"]
    quadrant_labels = _labels(results, "quadrants")
    titles = Counter(str((r.data.get("labels") or {}).get("deck_title") or r.data["deck"]["id"]) for r in results)
    return {
        "hidden": hidden,
        "counts": {"results": len(results), "players": len(players), "tables": len(tables)},
        "players": [] if hidden else players,
        "lines": {"x": PERSONAL_HIGH, "y": SOCIAL_HIGH},
        "quadrants": {q: str(quadrant_labels.get(q) or t(lang, f"quadrant.{q}")) for q in QUADRANTS},
        "tables": table_rows,
        "coverage": coverage,
        "nobody": nobody,
        "least": least,
        "deck": titles.most_common(1)[0][0] if titles else "",
        "timer": {**timer.to_json(), "text": timer_text(lang, timer)},
    }
