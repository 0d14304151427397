"""The workshop report: many result files -> one PDF (grouped by deck version) and a PNG of the main chart."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Callable, Iterable

from fpdf.enums import XPos, YPos

from ..i18n import t
from . import words
from .chart import Point, draw_chart
from .pdf import CONTENT_W, FONT, MARGIN, PAGE_W, Handout
from .results import ResultError, game_key, load_result, result_summary, scoring_model

NAMES_UP_TO = 12  # more participants than this: initials on the chart
INITIALS_UP_TO = 40  # more than this: no labels at all, the cloud speaks for itself
TOP_CARDS = 6


@dataclass
class Group:
    """All results of one deck version (same id, version and fingerprint) scored with one fit
    model: only their scores compare."""

    deck_id: str
    version: str
    fingerprint: str
    model: int = 1  # the fit model version (docs/scoring.md)
    labels: dict = field(default_factory=dict)
    results: list = field(default_factory=list)  # validated result dicts

    @property
    def players(self) -> list:
        return [p for r in self.results for p in result_summary(r).players]


@dataclass
class Gathered:
    groups: list
    skipped: list  # (path, reason in words): damaged or unreadable results, each said once
    duplicates: int = 0
    not_results: list = field(default_factory=list)  # other JSON files (autosave, settings): passed quietly


def _candidates(paths: Iterable[str | os.PathLike]) -> Iterable[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path


def gather(paths: Iterable[str | os.PathLike], warn: Callable[[str], None] | None = None) -> Gathered:
    """Read every result below `paths`; the same game found twice counts once; anything else is skipped."""
    seen: set[str] = set()
    groups: dict[tuple, Group] = {}
    skipped: list = []
    not_results: list = []
    duplicates = 0
    for path in _candidates(paths):
        try:
            data = load_result(path)
        except ResultError as exc:
            if exc.reason == "not_a_result":  # the autosave and settings beside the results folder
                not_results.append(path)
                continue
            skipped.append((path, exc.detail))
            if warn:
                warn(f"skipped {path}: {exc.detail}")
            continue
        key = game_key(data)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        deck = data["deck"]
        gkey = (deck["id"], deck["version"], deck["fingerprint"], scoring_model(data))
        group = groups.setdefault(gkey, Group(*gkey))
        group.results.append(data)
    ordered = sorted(groups.values(), key=lambda g: (-len(g.results), g.deck_id, g.version, -g.model))
    for g in ordered:
        g.results.sort(key=lambda r: (str(r.get("created", "")), game_key(r)))
    return Gathered(ordered, skipped, duplicates, not_results)


def labels_in(group: Group, lang: str) -> dict:
    """The group's titles in `lang`, whatever language each game was played in and whatever order
    the files were named in: from a result played in `lang`, else from the deck itself when it is
    at hand in the same version; else none (ids, and the game's own words for the quadrants)."""
    for result in group.results:  # sorted by time and game: the same choice for the same files
        labels = result.get("labels")
        if isinstance(labels, dict) and labels.get("lang") == lang:
            return labels
    deck = _deck_at_hand(group)
    if deck is not None:
        from .results import deck_labels

        return deck_labels(deck, lang)
    return {"lang": lang}


def _deck_at_hand(group: Group):
    from ..content import DeckLoadError, find_deck, load_deck

    sources = [str(r["deck"].get("source") or "") for r in group.results] + [group.deck_id]
    for source in dict.fromkeys(s for s in sources if s):
        try:
            deck = load_deck(find_deck(source))
        except (DeckLoadError, OSError):
            continue
        if deck.id == group.deck_id and deck.fingerprint == group.fingerprint:
            return deck
    return None


def in_language(gathered: Gathered, lang: str) -> Gathered:
    """The same results with every group's titles in `lang`: one language for the whole report."""
    for group in gathered.groups:
        group.labels = labels_in(group, lang)
    return gathered


# --------------------------------------------------------------------------- numbers


def quartiles(values: list[float]) -> tuple[float, float, float, float, float]:
    """(lowest, lower quartile, median, upper quartile, highest) by the simple midpoint rule."""
    v = sorted(values)
    if not v:
        return (0.0,) * 5
    n = len(v)
    lower, upper = v[: n // 2] or v, v[(n + 1) // 2:] or v
    return v[0], median(lower), median(v), median(upper), v[-1]


def _version(group: Group, lang: str) -> str:
    """The deck version and the fit model, as the heading of a group shows them."""
    return f"{group.version or '?'} · {t(lang, 'export.report_model', model=group.model)}"


def _label(group: Group, kind: str, ident: str) -> str:
    return str(group.labels.get(kind, {}).get(ident, ident))


def chart_points(group: Group, anonymous: bool) -> tuple[list[Point], str]:
    players = group.players
    if anonymous or len(players) > INITIALS_UP_TO:
        mode = "none"
    elif len(players) > NAMES_UP_TO:
        mode = "initials"
    else:
        mode = "names"
    points = []
    for p in players:
        label = "" if mode == "none" else words.initials(p.name) if mode == "initials" else p.name.strip()[:24]
        points.append(Point(p.personal_fit, p.social_fit, label, "circle_open" if len(players) > 30 else "circle"))
    return points, mode


def card_counts(group: Group) -> Counter:
    counts = Counter({cid: 0 for cid in group.labels.get("cards", {})})
    for p in group.players:
        for cid in {cid for cid, _ in p.mix}:
            counts[cid] += 1
    return counts


def coverage(group: Group) -> list[tuple[str, float, float]]:
    """(theme, average contribution per participant, average need at the end of the games)."""
    players = group.players
    totals: dict[str, float] = {}
    needs: dict[str, list] = {}
    for r in group.results:
        for theme, need in r["summary"]["needs"].items():
            needs.setdefault(theme, []).append(need)
    for p in players:
        for theme, contribution, _ in p.social_dimensions:
            totals[theme] = totals.get(theme, 0.0) + contribution
    order = list(group.labels.get("social", {})) or list(totals)
    return [(th, totals.get(th, 0.0) / max(len(players), 1), sum(needs.get(th, [0])) / max(len(needs.get(th, [])), 1))
            for th in order]


# --------------------------------------------------------------------------- the PDF


def _spread_row(pdf: Handout, label: str, q: tuple, x0: float, w: float, lang: str) -> None:
    pdf.room(8)
    y = pdf.get_y()
    pdf.set_xy(MARGIN, y)
    pdf.set_font(FONT, "", 9.5)
    pdf.cell(x0 - MARGIN - 2, 5, label[:40])
    lo, q1, med, q3, hi = (x0 + w * v / 100 for v in q)
    pdf.set_draw_color(0)
    pdf.set_line_width(0.3)
    pdf.rect(x0, y + 0.4, w, 4.4, style="D")
    pdf.set_line_width(0.5)
    pdf.line(lo, y + 2.6, hi, y + 2.6)
    pdf.set_fill_color(190)
    pdf.rect(q1, y + 1.0, max(q3 - q1, 0.3), 3.2, style="DF")
    pdf.set_line_width(0.9)
    pdf.line(med, y + 0.4, med, y + 4.8)
    pdf.set_xy(x0 + w + 2, y)
    pdf.set_font(FONT, "", 8.5)
    pdf.cell(PAGE_W - MARGIN - x0 - w - 2, 5, " · ".join(words.score(v) for v in q))
    pdf.set_y(y + 6.2)


def _group_pages(pdf: Handout, group: Group, anonymous: bool, lang: str) -> None:
    pdf.add_page()
    title = str(group.labels.get("deck_title") or group.deck_id)
    pdf.footer_text = f"{t(lang, 'export.report_title')} · {title}"
    players = group.players
    dates = sorted(str(r.get("created", ""))[:10] for r in group.results)
    pdf.set_font(FONT, "B", 17)
    pdf.multi_cell(CONTENT_W, 8, t(lang, "export.report_deck", deck=title, version=_version(group, lang)),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.para(t(lang, "export.report_intro", results=len(group.results), games=len({game_key(r) for r in group.results}),
               players=len(players), first=dates[0] if dates else "?", last=dates[-1] if dates else "?")
             + f" ({group.deck_id} {group.fingerprint[:8]})", size=9.5, grey=60)
    # the chart with everyone
    pdf.heading(t(lang, "export.report_chart"))
    points, mode = chart_points(group, anonymous)
    y = pdf.get_y()
    size = 100.0
    quadrants = group.labels.get("quadrants") or {}
    draw_chart(pdf.pen, MARGIN + 12, y + 7, size, points, {q: quadrants.get(q, t(lang, f"quadrant.{q}"))
                                                            for q in ("high_high", "high_low", "low_high", "low_low")},
               t(lang, "export.chart_x"), t(lang, "export.chart_y"), font=3.2,
               marker=1.3 if len(points) <= 30 else 0.9, show_labels=mode != "none")
    side_x = MARGIN + 12 + size + 8
    pdf.set_xy(side_x, y + 6)
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(PAGE_W - MARGIN - side_x, 5.5, t(lang, "export.report_quadrants"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    counts = Counter(p.quadrant for p in players)
    for q in ("high_high", "high_low", "low_high", "low_low"):
        pdf.set_x(side_x)
        pdf.set_font(FONT, "", 9.5)
        pdf.multi_cell(PAGE_W - MARGIN - side_x, 4.8,
                       t(lang, "export.report_quadrant_count", label=quadrants.get(q, t(lang, f"quadrant.{q}")), count=counts.get(q, 0)),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    note = {"none": "export.report_anonymous" if anonymous else "export.report_many",
            "initials": "export.report_initials"}.get(mode)
    if note:
        pdf.set_x(side_x)
        pdf.set_font(FONT, "", 8.5)
        pdf.multi_cell(PAGE_W - MARGIN - side_x, 4.5, t(lang, note), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(y + size + 18)
    # spreads
    x0, w = MARGIN + 55, 90.0
    pdf.heading(t(lang, "export.report_fits"))
    pdf.para(t(lang, "export.report_spread_help"), size=8.5, grey=60)
    pdf.ln(1)
    _spread_row(pdf, t(lang, "export.personal_fit"), quartiles([p.personal_fit for p in players]), x0, w, lang)
    _spread_row(pdf, t(lang, "export.social_fit"), quartiles([p.social_fit for p in players]), x0, w, lang)
    pdf.heading(t(lang, "export.report_spread"))
    dims = list(group.labels.get("personal", {})) or [d for d, _ in players[0].personal_dimensions] if players else []
    for dim in dims:
        values = [v for p in players for d, v in p.personal_dimensions if d == dim]
        _spread_row(pdf, _label(group, "personal", dim), quartiles(values), x0, w, lang)
    # cards
    counts_c = card_counts(group)
    ranked = sorted(counts_c.items(), key=lambda kv: (-kv[1], _label(group, "cards", kv[0])))
    half = (CONTENT_W - 6) / 2
    pdf.room(50)
    pdf.ln(3)
    y = pdf.get_y()
    for col, (key, items) in enumerate((("export.report_most", ranked[:TOP_CARDS]),
                                         ("export.report_least", list(reversed(ranked[-TOP_CARDS:]))))):
        x = MARGIN + col * (half + 6)
        pdf.set_xy(x, y)
        pdf.set_font(FONT, "B", 12)
        pdf.cell(half, 7, t(lang, key), new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_font(FONT, "", 9.5)
        for cid, n in items:
            pdf.set_x(x)
            pdf.cell(half, 5, t(lang, "export.report_card_count", card=_label(group, "cards", cid)[:45], count=n),
                     new_x=XPos.LEFT, new_y=YPos.NEXT)
        col_end = pdf.get_y()
    pdf.set_y(max(col_end, y + 7 + 5 * TOP_CARDS) + 1)
    pdf.heading(t(lang, "export.report_combos"))
    combos = Counter(c for p in players for c in p.combos)
    if not combos:
        pdf.para(t(lang, "export.report_combos_none"))
    for cid, n in sorted(combos.items(), key=lambda kv: (-kv[1], kv[0])):
        pdf.bullet(t(lang, "export.report_card_count", card=_label(group, "combos", cid), count=n))
    # coverage over the whole room
    pdf.heading(t(lang, "export.report_coverage"))
    pdf.para(t(lang, "export.report_coverage_help"), size=8.5, grey=60)
    pdf.ln(1)
    rows = coverage(group)
    scale = max(1.0, max((c for _, c, _ in rows), default=0.0))
    for theme, contribution, need in rows:
        pdf.room(8)
        y = pdf.get_y()
        pdf.set_xy(MARGIN, y)
        pdf.set_font(FONT, "", 9.5)
        pdf.cell(46, 5, _label(group, "social", theme)[:30])
        pdf.bar(MARGIN + 46, y + 0.8, 80, 3.6, contribution / scale, grey=150)
        pdf.set_xy(MARGIN + 128, y)
        pdf.cell(12, 5, f"{contribution:.2f}".replace(".", "," if lang == "nl" else "."), align="R")
        pdf.need_dots(MARGIN + 143, y + 1.2, int(round(need)))
        pdf.set_y(y + 6.2)
    nobody = [th for th, c, _ in rows if c == 0]
    pdf.ln(1)
    pdf.para(t(lang, "export.report_nobody", names=", ".join(_label(group, "social", th) for th in nobody))
             if nobody else t(lang, "export.report_everybody"), bold=True)


def build_report(gathered: Gathered, lang: str = "nl", anonymous: bool = False) -> bytes:
    in_language(gathered, lang)
    pdf = Handout(lang, t(lang, "export.report_title"))
    pdf.add_page()
    pdf.set_font(FONT, "B", 22)
    pdf.cell(CONTENT_W, 12, t(lang, "export.report_title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for g in gathered.groups:
        title = str(g.labels.get("deck_title") or g.deck_id)
        pdf.bullet(t(lang, "export.report_group_line", results=len(g.results), players=len(g.players),
                     deck=t(lang, "export.report_deck", deck=title, version=_version(g, lang))))
    if len(gathered.groups) > 1:
        pdf.para(t(lang, "export.report_other_versions", count=len(gathered.groups)), bold=True)
    if gathered.skipped:
        pdf.para(t(lang, "export.report_skipped", count=len(gathered.skipped)), size=9, grey=60)
    pdf.para(t(lang, "summary.mirror"), size=10)
    for group in gathered.groups:
        _group_pages(pdf, group, anonymous, lang)
    return bytes(pdf.output())


def write_report(gathered: Gathered, out: Path, lang: str = "nl", anonymous: bool = False) -> list[Path]:
    """The PDF at `out` and the main chart as `out` with .png (one more PNG per other deck version)."""
    from .png import save_chart_png

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    in_language(gathered, lang)
    data = build_report(gathered, lang, anonymous)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    written = [out]
    for i, group in enumerate(gathered.groups):
        points, mode = chart_points(group, anonymous)
        png = out.with_suffix(".png") if i == 0 else out.with_name(f"{out.stem}-{i + 1}.png")
        quadrants = group.labels.get("quadrants") or {q: t(lang, f"quadrant.{q}")
                                                      for q in ("high_high", "high_low", "low_high", "low_low")}
        title = t(lang, "export.report_deck", deck=group.labels.get("deck_title") or group.deck_id,
                  version=_version(group, lang))
        written.append(save_chart_png(png, points, quadrants, lang, title, show_labels=mode != "none"))
    return written
