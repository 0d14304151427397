"""The room's results as files for the facilitator (CSV, JSON, the workshop report PDF) and a
player's handout PDF for the take-home page; all built from what the hub stored."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone
from functools import lru_cache

from .storage import StoredResult, StoredTable


def results_json(results: list[StoredResult], tables: list[StoredTable]) -> dict:
    """The body of GET /api/room: the results as posted, and the tables with their progress."""
    numbers = {tb.id: tb.number for tb in tables}
    return {"results": [r.data for r in results],
            "tables": [{"number": tb.number, "progress": tb.progress, "first_seen": _iso(tb.first_seen),
                        "last_seen": _iso(tb.last_seen),
                        "results": sum(1 for r in results if r.table_id == tb.id)} for tb in tables],
            "received": [{"result": i, "table": numbers.get(r.table_id), "received": _iso(r.received)}
                         for i, r in enumerate(results)]}


def _iso(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, timezone.utc).isoformat(timespec="milliseconds")


def results_csv(results: list[StoredResult], tables: list[StoredTable]) -> bytes:
    """One row per player, for a spreadsheet (UTF-8 with BOM, comma-separated)."""
    numbers = {tb.id: tb.number for tb in tables}
    personal: list[str] = []
    social: list[str] = []
    for r in results:
        for p in r.data["summary"]["players"]:
            personal += [d for d, _ in p["personal_dimensions"] if d not in personal]
            social += [d for d, _, _ in p["social_dimensions"] if d not in social]
    head = ["result", "table", "received", "deck", "deck_version", "mode", "player", "name", "personal_fit",
            "social_fit", "quadrant", "hours", "budget", "mix", "combos"]
    head += [f"personal:{d}" for d in personal] + [f"social:{d}" for d in social]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(head)
    for number, r in enumerate(results, 1):
        for i, p in enumerate(r.data["summary"]["players"], 1):
            pd = dict((d, v) for d, v in p["personal_dimensions"])
            sd = dict((d, c) for d, c, _ in p["social_dimensions"])
            writer.writerow([number, numbers.get(r.table_id, ""), _iso(r.received), r.data["deck"]["id"],
                             r.data["deck"].get("version", ""), r.data["setup"].get("mode", ""), i, p["name"],
                             p["personal_fit"], p["social_fit"], p["quadrant"], p["hours"], p["budget"],
                             " ".join(f"{c}:{h}" for c, h in p["mix"]), " ".join(p["combos"])]
                            + [pd.get(d, "") for d in personal] + [sd.get(d, "") for d in social])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def report_pdf(results: list[StoredResult], lang: str) -> bytes:
    """The workshop report of `bbb report`, from the stored results (the same game counts once)."""
    from ..export.report import Gathered, Group, build_report
    from ..export.results import game_key

    groups: dict[tuple, Group] = {}
    seen: set[str] = set()
    duplicates = 0
    for r in results:
        key = game_key(r.data)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        deck = r.data["deck"]
        gkey = (deck["id"], deck["version"], deck["fingerprint"])
        group = groups.setdefault(gkey, Group(*gkey))
        if not group.labels and isinstance(r.data.get("labels"), dict):
            group.labels = r.data["labels"]
        group.results.append(r.data)
    ordered = sorted(groups.values(), key=lambda g: (-len(g.results), g.deck_id, g.version))
    return build_report(Gathered(ordered, [], duplicates), lang=lang, anonymous=False)


class HandoutUnavailable(Exception):
    """The hub does not have the deck this result was played with."""


@lru_cache(maxsize=8)
def _builtin_deck(deck_id: str):
    from ..content import DeckLoadError, builtin_deck_paths, load_deck

    # Only the hub's own built-in decks by exact folder name: a posted id is never used as a path.
    folder = next((p for p in builtin_deck_paths() if p.name == deck_id), None)
    if folder is None:
        return None
    try:
        return load_deck(folder)
    except (DeckLoadError, OSError, ValueError, LookupError):
        return None


def handout_available(result: dict) -> bool:
    deck = _builtin_deck(result["deck"]["id"])
    return deck is not None and deck.fingerprint == result["deck"]["fingerprint"]


def handout_pdf(result: dict) -> bytes:
    """The A4 handout of `bbb play --export`, for a result played with a deck this hub has."""
    from ..core.summary import Summary
    from ..export.pdf import build_pdf

    deck = _builtin_deck(result["deck"]["id"])
    if deck is None or deck.fingerprint != result["deck"]["fingerprint"]:
        raise HandoutUnavailable(result["deck"]["id"])
    summary = Summary.from_json(result["summary"])
    lang = result["setup"].get("lang", "nl")
    created = result.get("created")
    try:
        when = datetime.fromisoformat(created).astimezone() if created else None
    except ValueError:
        when = None
    return build_pdf(deck, summary, lang if lang in ("nl", "en") else "nl", when)
