"""The A4 handout: one or two pages per player and, for a table, one page about the table together."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ..core.deck import NEED_MAX, Deck
from ..core.summary import COVERED_SHARE
from ..i18n import t
from ..paths import assets_dir
from . import words
from .chart import Point, draw_chart, draw_marker, shape_for
from .prompts import discussion_prompts, reflection_prompts
from .qr import make_qr, qr_text

FONT = "DejaVu"
PT_PER_MM = 72 / 25.4
MARGIN = 15.0
PAGE_W = 210.0
CONTENT_W = PAGE_W - 2 * MARGIN
QR_MODULE_MM = 0.9  # phones read 0.8 mm and up from paper, also from a 100 dpi scan
SOCIAL_SCALE_MIN = 2.0  # contribution bars run to at least two full weeks at level 1
TABLE_SCALE_MIN = 3.0


class PdfPen:
    """The chart pen for fpdf2: millimetres, text sizes as text height in millimetres."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf

    def _style(self, fill, outline) -> str | None:
        if fill is not None:
            self.pdf.set_fill_color(fill)
        if outline is not None:
            self.pdf.set_draw_color(outline)
        return {(True, True): "DF", (True, False): "F", (False, True): "D"}.get((fill is not None, outline is not None))

    def rect(self, x, y, w, h, fill, outline, width=0.2):
        style = self._style(fill, outline)
        if style:
            self.pdf.set_line_width(width)
            self.pdf.rect(x, y, w, h, style=style)

    def line(self, x1, y1, x2, y2, grey, width, dash=False):
        self.pdf.set_draw_color(grey)
        self.pdf.set_line_width(width)
        if dash:
            self.pdf.set_dash_pattern(dash=1.2, gap=1.0)
        self.pdf.line(x1, y1, x2, y2)
        if dash:
            self.pdf.set_dash_pattern()

    def polygon(self, points, fill, outline):
        style = self._style(fill, outline)
        if style:
            self.pdf.set_line_width(0.15)
            self.pdf.polygon(list(points), style=style)

    def ellipse(self, x, y, r, fill, outline):
        style = self._style(fill, outline)
        if style:
            self.pdf.set_line_width(0.25)
            self.pdf.ellipse(x - r, y - r, 2 * r, 2 * r, style=style)

    def _font(self, size, bold):
        self.pdf.set_font(FONT, "B" if bold else "", size * PT_PER_MM)

    def text(self, x, y, s, size, bold=False, grey=0):
        self._font(size, bold)
        self.pdf.set_text_color(grey)
        self.pdf.text(x, y + size * 0.8, s)
        self.pdf.set_text_color(0)

    def text_width(self, s, size, bold=False):
        self._font(size, bold)
        return self.pdf.get_string_width(s)


MISSING_GLYPH = "□"


@lru_cache(maxsize=1)
def _font_glyphs() -> frozenset[int]:
    """The code points the bundled DejaVu Sans can draw (both weights cover the same ones)."""
    from fontTools.ttLib import TTFont  # ships with fpdf2

    with TTFont(str(assets_dir() / "fonts" / "DejaVuSans.ttf"), lazy=True) as font:
        return frozenset(font.getBestCmap())


class Handout(FPDF):
    """A4 pages with the bundled DejaVu font and the mirror line at the foot of every page."""

    def __init__(self, lang: str, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.lang, self.footer_text = lang, footer_text
        fonts = assets_dir() / "fonts"
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=20)
        self.set_title("Breder Belang Boost")
        self.set_creator("Breder Belang Boost")
        self.pen = PdfPen(self)

    def normalize_text(self, text: str) -> str:
        """Characters the bundled font has no glyph for (Chinese names, emoji) become a visible
        box instead of vanishing: a player should see that something was there."""
        glyphs = _font_glyphs()
        if all(ord(ch) in glyphs or ch in "\n\r\t" for ch in text):
            return super().normalize_text(text)
        return super().normalize_text("".join(ch if ord(ch) in glyphs or ch in "\n\r\t" else MISSING_GLYPH
                                              for ch in text))

    def multi_cell(self, *args, **kwargs):
        kwargs.setdefault("align", "L")  # ragged right: justified lines read badly in a narrow column
        return super().multi_cell(*args, **kwargs)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, "", 8.5)
        self.set_text_color(60)
        self.cell(CONTENT_W - 20, 5, self.footer_text[:110])
        self.cell(20, 5, t(self.lang, "export.page", page=self.page_no()), align="R")
        self.set_text_color(0)

    # ---------------------------------------------------------------- building blocks

    def room(self, height: float) -> None:
        """Start a new page when fewer than `height` mm are left, so a block is not split."""
        if self.get_y() + height > self.h - 20:
            self.add_page()

    def heading(self, text: str, size: float = 13, space: float = 3) -> None:
        self.room(22)
        self.ln(space)
        self.set_font(FONT, "B", size)
        self.multi_cell(CONTENT_W, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def para(self, text: str, size: float = 10, bold: bool = False, grey: int = 0, indent: float = 0,
             width: float | None = None) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(grey)
        self.set_x(MARGIN + indent)
        self.multi_cell(width or CONTENT_W - indent, size * 0.47, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0)

    def bullet(self, text: str, size: float = 10) -> None:
        self.set_font(FONT, "", size)
        y = self.get_y()
        self.set_fill_color(0)
        self.ellipse(MARGIN + 1.2, y + size * 0.17, 1.3, 1.3, style="F")
        self.set_x(MARGIN + 5)
        self.multi_cell(CONTENT_W - 5, size * 0.47, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.6)

    def bar(self, x: float, y: float, w: float, h: float, share: float, grey: int = 110) -> None:
        """A bar in an outlined box: the filled part is `share` (0..1) of the width."""
        share = max(0.0, min(1.0, share))
        if share > 0:
            self.set_fill_color(grey)
            self.rect(x, y, w * share, h, style="F")
        self.set_draw_color(0)
        self.set_line_width(0.25)
        self.rect(x, y, w, h, style="D")

    def need_dots(self, x: float, y: float, need: int, r: float = 1.25) -> float:
        """Filled and open circles for society's need (1..5): readable without colour."""
        self.set_draw_color(0)
        self.set_line_width(0.25)
        for i in range(NEED_MAX):
            self.set_fill_color(0 if i < need else 255)
            self.ellipse(x + i * (2 * r + 1), y, 2 * r, 2 * r, style="DF")
        return NEED_MAX * (2 * r + 1)

    def qr(self, text: str, x: float, y: float, module: float = QR_MODULE_MM) -> float:
        """The QR code as vector squares (sharp at any print size), on a white quiet zone of four
        modules, each module `module` mm; returns the side of the whole square in mm."""
        matrix = make_qr(text).matrix
        n = len(matrix)
        quiet = 4
        size = module * (n + 2 * quiet)
        self.set_fill_color(255)
        self.rect(x, y, size, size, style="F")
        self.set_fill_color(0)
        for r, row in enumerate(matrix):
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    self.rect(x + (quiet + start) * module, y + (quiet + r) * module,
                              (c - start) * module, module + 0.01, style="F")
                else:
                    c += 1
        return size


# --------------------------------------------------------------------------- pieces


def _date_text(when: datetime, lang: str) -> str:
    return f"{when:%d-%m-%Y}" if lang == "nl" else f"{when:%Y-%m-%d}"


def quadrant_labels(deck: Deck, lang: str) -> dict:
    from ..i18n.describe import quadrant_label

    return {q: quadrant_label(deck, q, lang) for q in ("high_high", "high_low", "low_high", "low_low")}


def _legend(pdf: Handout, x: float, y: float, width: float, points: Sequence[Point]) -> float:
    """Shape and name per player, beside the chart; returns the y below it."""
    for p in points:
        draw_marker(pdf.pen, p.shape, x + 2, y + 2.2, 1.4, p.highlight)
        pdf.set_font(FONT, "B" if p.highlight else "", 9.5)
        pdf.set_xy(x + 6, y)
        pdf.multi_cell(width - 6, 4.4, p.label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = pdf.get_y() + 1
    return y


def _fit_box(pdf: Handout, x: float, y: float, w: float, label: str, value: float, lang: str) -> None:
    pdf.set_draw_color(0)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, w, 25, style="D")
    pdf.set_xy(x + 3, y + 2)
    pdf.set_font(FONT, "", 10)
    pdf.cell(w - 6, 5, label)
    pdf.set_xy(x + 3, y + 7.5)
    pdf.set_font(FONT, "B", 24)
    number = words.score(value)
    pdf.cell(pdf.get_string_width(number) + 2, 10, number)
    pdf.set_font(FONT, "", 10)
    pdf.cell(30, 12, t(lang, "export.of_100"))
    pdf.bar(x + 3, y + 19.5, w - 6, 3, value / 100.0, grey=90)


def _personal_bars(pdf: Handout, deck: Deck, player, lang: str) -> None:
    pdf.heading(t(lang, "export.personal_bars"))
    pdf.para(t(lang, "export.personal_bars_help"), size=8.5, grey=60)
    pdf.ln(1.5)
    label_w, bar_w = 82.0, 80.0
    for dim, value in player.personal_dimensions:
        pdf.room(8)
        y = pdf.get_y()
        weight = player.weights.get(dim, 2)
        pdf.set_xy(MARGIN, y)
        pdf.set_font(FONT, "B" if weight == 3 else "", 9.5)
        pdf.cell(label_w, 5, f"{words.dimension(deck, dim, lang)} ({t(lang, f'export.weight.{weight}')})")
        pdf.bar(MARGIN + label_w, y + 0.8, bar_w, 3.6, value / 100.0)
        pdf.set_draw_color(0)
        pdf.set_dash_pattern(dash=0.6, gap=0.6)
        pdf.line(MARGIN + label_w + bar_w / 2, y, MARGIN + label_w + bar_w / 2, y + 5.2)
        pdf.set_dash_pattern()
        pdf.set_xy(MARGIN + label_w + bar_w + 2, y)
        pdf.set_font(FONT, "", 9.5)
        pdf.cell(16, 5, words.score(value), align="R")
        pdf.set_y(y + 6.2)


def _social_bars(pdf: Handout, deck: Deck, rows, lang: str, title: str, help_text: str,
                 scale_min: float, threshold: float | None = None) -> None:
    """Contribution per theme (bar and number) beside society's need (dots)."""
    pdf.heading(title)
    pdf.para(help_text, size=8.5, grey=60)
    pdf.ln(1.5)
    label_w, bar_w = 52.0, 62.0
    scale = max(scale_min, max((c for _, c, _ in rows), default=0.0))
    for dim, contribution, need in rows:
        pdf.room(8)
        y = pdf.get_y()
        pdf.set_xy(MARGIN, y)
        label = words.dimension(deck, dim, lang)
        size = 9.5
        pdf.set_font(FONT, "", size)
        while size > 6.5 and pdf.get_string_width(label) > label_w - 1:  # a long theme name shrinks, never overlaps
            size -= 0.5
            pdf.set_font(FONT, "", size)
        pdf.cell(label_w, 5, label)
        pdf.set_font(FONT, "", 9.5)
        pdf.bar(MARGIN + label_w, y + 0.8, bar_w, 3.6, contribution / scale, grey=150)
        if threshold:
            tx = MARGIN + label_w + bar_w * threshold / scale
            pdf.set_draw_color(0)
            pdf.set_line_width(0.4)
            pdf.set_dash_pattern(dash=0.7, gap=0.5)
            pdf.line(tx, y - 0.2, tx, y + 5.4)
            pdf.set_dash_pattern()
        pdf.set_xy(MARGIN + label_w + bar_w + 1, y)
        pdf.cell(11, 5, f"{contribution:.1f}".replace(".", "," if lang == "nl" else "."), align="R")
        dots = pdf.need_dots(MARGIN + label_w + bar_w + 15, y + 1.2, int(need))
        pdf.set_xy(MARGIN + label_w + bar_w + 16 + dots, y)
        pdf.set_font(FONT, "", 8)
        pdf.cell(CONTENT_W - label_w - bar_w - 16 - dots, 5, t(lang, "export.need", need=need))
        pdf.set_y(y + 6.2)


PLAYER_PAGES = 2  # a player's handout is two pages at most, however much they wrote or made


@dataclass(frozen=True)
class Compact:
    """How much of the second page is shown; tried from the first to the last until the pages fit."""

    questions: int = 3  # reflection questions at the end
    answer_chars: int = 2000  # of each typed answer (the whole answer is in the result file)
    answers: int = 99
    near: int = 99  # combinations one card away
    boosts: int = 99
    stories: bool = True  # the short story of each combination made
    answer_inline: bool = False  # question and answer in one paragraph


COMPACT_LEVELS = (
    Compact(),
    Compact(questions=1, answer_chars=600, near=4, boosts=6),
    Compact(questions=0, answer_chars=300, near=2, boosts=4, stories=False),
    Compact(questions=0, answer_chars=140, near=1, boosts=2, stories=False, answer_inline=True),
    Compact(questions=0, answer_chars=90, answers=4, near=0, boosts=1, stories=False, answer_inline=True),
    Compact(questions=0, answer_chars=60, answers=2, near=0, boosts=0, stories=False, answer_inline=True),
)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _compact_level(trial: Handout, deck: Deck, summary, index: int, lang: str, when: datetime) -> int:
    """The first level at which the player's pages fit in PLAYER_PAGES, found by laying them out in
    `trial`, a document that is never written (one for all players: loading the fonts is slow)."""
    for level in range(len(COMPACT_LEVELS)):
        before = trial.page_no()
        _player_pages(trial, deck, summary, index, lang, when, level)
        if trial.page_no() - before <= PLAYER_PAGES:
            return level
    return len(COMPACT_LEVELS) - 1


def _player_pages(pdf: Handout, deck: Deck, summary, index: int, lang: str, when: datetime,
                  compact: int = 0) -> None:
    show = COMPACT_LEVELS[compact]
    player = summary.players[index]
    table = len(summary.players) > 1
    pdf.add_page()
    pdf.footer_text = f"{words.deck_title(deck, lang)} · {player.name.strip()[:60]}"
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(60)
    top = f"{words.deck_title(deck, lang)} · {t(lang, 'export.made_on', date=_date_text(when, lang))}"
    if table:
        top += f" · {t(lang, 'export.player_of', number=index + 1, count=len(summary.players))}"
    pdf.multi_cell(CONTENT_W, 4.5, top, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.ln(2)
    name = player.name.strip() or "?"
    size = 22
    pdf.set_font(FONT, "B", size)
    while size > 13 and pdf.get_string_width(name) > CONTENT_W:
        size -= 1
        pdf.set_font(FONT, "B", size)
    if len(name) > 90:  # a name is a name, not a page: the full one is in the result file
        name = name[:89] + "…"
    pdf.multi_cell(CONTENT_W, size * 0.45, name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 12)
    pdf.cell(CONTENT_W, 7, t(lang, "export.handout_title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    # the two fits, side by side: two axes, not one slider
    y = pdf.get_y()
    half = (CONTENT_W - 6) / 2
    _fit_box(pdf, MARGIN, y, half, t(lang, "export.personal_fit"), player.personal_fit, lang)
    _fit_box(pdf, MARGIN + half + 6, y, half, t(lang, "export.social_fit"), player.social_fit, lang)
    pdf.set_y(y + 28)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(CONTENT_W, 6.5, t(lang, "export.quadrant", label=words.quadrant(deck, player, lang)),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 9.5)
    pdf.set_text_color(60)
    pdf.multi_cell(CONTENT_W, 5, t(lang, "summary.mirror"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.ln(2)
    # the chart, and beside it how to read it
    y = pdf.get_y()
    chart_x, chart_size = MARGIN + 12, 92.0
    if table:
        points = [Point(p.personal_fit, p.social_fit, words.initials(p.name) if i != index else t(lang, "export.chart_you"),
                        shape_for(i), i == index) for i, p in enumerate(summary.players)]
    else:
        points = [Point(player.personal_fit, player.social_fit, t(lang, "export.chart_you"), "circle", True)]
    draw_chart(pdf.pen, chart_x, y + 7, chart_size, points, quadrant_labels(deck, lang),
               t(lang, "export.chart_x"), t(lang, "export.chart_y"), shade=player.quadrant, font=3.4)
    side_x = chart_x + chart_size + 8
    side_w = PAGE_W - MARGIN - side_x
    pdf.set_xy(side_x, y + 6)
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(side_w, 5.5, t(lang, "export.chart_title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_x(side_x)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(side_w, 4.3, t(lang, "export.chart_help"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if table:
        legend = [Point(p.personal_fit, p.social_fit, f"{words.initials(p.name)} = {p.name[:40]}"
                        if i != index else f"{t(lang, 'export.chart_you')} = {p.name[:40]}", shape_for(i), i == index)
                  for i, p in enumerate(summary.players)]
        _legend(pdf, side_x, pdf.get_y() + 3, side_w, legend)
    pdf.set_y(y + chart_size + 17)
    _personal_bars(pdf, deck, player, lang)
    # second page: what the week does for others, what it holds, and what comes next
    pdf.add_page()
    _social_bars(pdf, deck, player.social_dimensions, lang, t(lang, "export.social_bars"),
                 t(lang, "export.social_bars_help"), SOCIAL_SCALE_MIN)
    pdf.heading(t(lang, "export.mix"))
    mix = words.mix_lines(deck, player, lang)
    if not mix:
        pdf.para(t(lang, "export.mix_empty"))
    for title, hours in mix:
        pdf.room(6)
        y = pdf.get_y()
        pdf.set_font(FONT, "", 10)
        pdf.set_xy(MARGIN, y)
        pdf.cell(90, 5.2, title)
        pdf.cell(18, 5.2, t(lang, "export.mix_hours", hours=hours), align="R")
        pdf.bar(MARGIN + 112, y + 1, 60, 3.2, hours / max(player.budget, 1), grey=170)
        pdf.set_y(y + 5.6)
    pdf.set_font(FONT, "B", 10)
    pdf.cell(108, 6, t(lang, "export.mix_total", hours=player.hours, budget=player.budget), align="R",
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.heading(t(lang, "export.combos"))
    for cid in player.combos:
        pdf.para(t(lang, "export.combos_made", title=words.combo_title(deck, cid, lang)), bold=True)
        story = words.combo_story(deck, cid, lang) if show.stories else ""
        if story:
            pdf.para(story, size=9, indent=4)
        pdf.ln(0.8)
    if not player.combos:
        pdf.para(t(lang, "export.combos_none"))
    for line in words.near_combo_lines(deck, player, lang)[:show.near]:
        pdf.bullet(line, size=9.5)
    pdf.heading(t(lang, "export.boosts"))
    boosts = words.boost_lines(deck, player, lang)
    for line in boosts[:show.boosts]:
        pdf.bullet(line, size=9.5)
    if len(boosts) > show.boosts:
        pdf.para(t(lang, "export.more", count=len(boosts) - show.boosts), size=9, grey=60, indent=5)
    if not boosts:
        pdf.para(t(lang, "export.boosts_none"), size=9.5)
    answers = words.answer_lines(deck, player, lang)
    if answers:
        pdf.heading(t(lang, "export.answers"))
        for question, text in answers[:show.answers]:
            text = _shorten(" ".join(text.split()) if show.answer_inline else text, show.answer_chars)
            if show.answer_inline:
                pdf.para(f"{question}: {text}" if question else text, size=9)
            else:
                if question:
                    pdf.para(question, size=9.5, bold=True)
                pdf.para(text, size=9.5, indent=4)
                pdf.ln(1)
        if len(answers) > show.answers:
            pdf.para(t(lang, "export.more", count=len(answers) - show.answers), size=9, grey=60)
    # next step with the QR code beside it
    qr = qr_text(deck, summary, index, lang, when)
    qr_size = QR_MODULE_MM * (len(make_qr(qr).matrix) + 8)
    pdf.room(qr_size + 8)
    pdf.heading(t(lang, "export.next_step"))
    y = pdf.get_y()
    text_w = CONTENT_W - qr_size - 6
    pdf.set_line_width(0.5)
    pdf.set_draw_color(0)
    pdf.set_font(FONT, "B", 11)
    pdf.set_xy(MARGIN + 3, y + 3)
    pdf.multi_cell(text_w - 6, 5.4, words.next_step(deck, player, lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    box_h = max(pdf.get_y() - y + 3, 14)
    pdf.rect(MARGIN, y, text_w, box_h, style="D")
    pdf.qr(qr, MARGIN + text_w + 6, y - 8)
    pdf.set_xy(MARGIN, y + box_h + 1.5)
    pdf.para(t(lang, "export.qr_caption"), size=7.5, grey=60, width=text_w)
    pdf.set_y(max(pdf.get_y(), y - 8 + qr_size + 1))
    questions = reflection_prompts(deck, player)[:show.questions]
    if questions:
        pdf.heading(t(lang, "export.questions"))
        for card in questions:
            pdf.room(14)
            pdf.para(f"{t(lang, f'competence.{card.competence}')}: {card.title.get(lang)}", size=10, bold=True)
            if card.text:
                pdf.para(card.text.get(lang), size=9.5, indent=4)
            pdf.ln(1.2)
    pdf.ln(2)
    pdf.para(t(lang, "summary.mirror"), size=11, bold=True)


def _table_page(pdf: Handout, deck: Deck, summary, lang: str, when: datetime) -> None:
    pdf.add_page()
    pdf.footer_text = f"{words.deck_title(deck, lang)} · {t(lang, 'export.table_title')}"
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(60)
    pdf.multi_cell(CONTENT_W, 4.5, f"{words.deck_title(deck, lang)} · "
                   f"{t(lang, 'export.made_on', date=_date_text(when, lang))}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.ln(1)
    pdf.set_font(FONT, "B", 20)
    pdf.cell(CONTENT_W, 10, t(lang, "export.table_title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    y = pdf.get_y() + 2
    chart_x, chart_size = MARGIN + 12, 92.0
    points = [Point(p.personal_fit, p.social_fit, words.initials(p.name), shape_for(i))
              for i, p in enumerate(summary.players)]
    draw_chart(pdf.pen, chart_x, y + 7, chart_size, points, quadrant_labels(deck, lang),
               t(lang, "export.chart_x"), t(lang, "export.chart_y"), font=3.4)
    side_x = chart_x + chart_size + 8
    side_w = PAGE_W - MARGIN - side_x
    pdf.set_xy(side_x, y + 6)
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(side_w, 5.5, t(lang, "export.chart_table_title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    legend = [Point(p.personal_fit, p.social_fit,
                    f"{words.initials(p.name)} = {p.name[:40]}: "
                    + t(lang, "export.qr.fits", personal=words.score(p.personal_fit), social=words.score(p.social_fit)),
                    shape_for(i)) for i, p in enumerate(summary.players)]
    _legend(pdf, side_x, pdf.get_y() + 2, side_w, legend)
    pdf.set_y(y + chart_size + 17)
    _social_bars(pdf, deck, summary.table.coverage, lang, t(lang, "export.coverage"),
                 t(lang, "export.coverage_help"), TABLE_SCALE_MIN, threshold=COVERED_SHARE)
    pdf.ln(2)
    table = summary.table
    if table.uncovered:
        pdf.para(t(lang, "export.uncovered", names=words.names_list(deck, table.uncovered, lang)), bold=True)
    else:
        pdf.para(t(lang, "export.uncovered_none"), bold=True)
    if table.underserved:
        pdf.para(t(lang, "export.underserved", names=words.names_list(deck, table.underserved, lang)))
    if table.covered:
        pdf.para(t(lang, "export.covered", names=words.names_list(deck, table.covered, lang)))
    questions = discussion_prompts(deck, summary)
    if questions:
        pdf.heading(t(lang, "export.discuss"))
        for card in questions:
            pdf.room(14)
            pdf.para(card.title.get(lang), size=10.5, bold=True)
            if card.text:
                pdf.para(card.text.get(lang), size=10, indent=4)
            pdf.ln(1.5)
    pdf.ln(2)
    pdf.para(t(lang, "summary.mirror"), size=11, bold=True)


def build_pdf(deck: Deck, summary, lang: str, when: datetime | None = None) -> bytes:
    when = when or datetime.now()
    pdf = Handout(lang, t(lang, "summary.mirror"))
    pdf.set_subject(words.deck_title(deck, lang))
    trial = Handout(lang, "")
    for i in range(len(summary.players)):
        _player_pages(pdf, deck, summary, i, lang, when, _compact_level(trial, deck, summary, i, lang, when))
    if len(summary.players) > 1:
        _table_page(pdf, deck, summary, lang, when)
    return bytes(pdf.output())


def save_pdf(deck: Deck, summary, folder: str | os.PathLike, lang: str) -> Path:
    """Write the handout into `folder` (created if needed); the name matches the result file."""
    from .results import result_filename

    when = datetime.now()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / result_filename(deck, summary, when).replace(".json", ".pdf")
    data = build_pdf(deck, summary, lang, when)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path
