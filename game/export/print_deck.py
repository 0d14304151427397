"""Print and play: a deck as A4 sheets of cards to cut out, a quadrant poster, a values sheet and a rule sheet.

Cards are poker size (63 × 88 mm), nine to a sheet, with crop marks and faint cut lines; each
sheet of faces is followed by its backs, mirrored for double-sided printing flipped on the long
edge (`backs=False` leaves them out). The faces are the game's own: the same face model, layout,
icons and colours as on screen (game.export.card_face, game.export.card_layout).

Text never runs off a card: before anything is written every card is laid out, and a card whose
text does not fit is named (`PrintProblem`); `print_deck` then writes nothing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

from fpdf import FPDF

from ..core.deck import Deck
from ..core.scoring import COMFORT_SHARE
from ..i18n import t
from ..i18n.describe import quadrant_label
from ..icons import icon_svg
from ..paths import assets_dir
from .card_face import CardFace, deck_faces, face_palette, kind_band, legend
from .card_layout import Box, Disc, FaceStyle, Glyph, Picture, Words, layout_back, layout_face
from .hyphenate import wrap

FONT = "DejaVu"
PT_PER_MM = 72 / 25.4
PAGE_W, PAGE_H = 210.0, 297.0
CARD_W, CARD_H = 63.0, 88.0  # poker size
COLS, ROWS = 3, 3
PER_SHEET = COLS * ROWS
GRID_X = (PAGE_W - COLS * CARD_W) / 2
GRID_Y = (PAGE_H - ROWS * CARD_H) / 2
INSET = 1.5  # the face sits inside the cut line: a slightly crooked cut shows white, not a neighbour
CROP_LEN, CROP_GAP = 6.0, 1.5
LINE = 1.164  # DejaVu Sans: ascent + descent in em, as pygame measures a line
ASCENT = 0.928
MARGIN = 14.0

# Text sizes on a printed card in millimetres (2.8 mm is 8 pt): readable at arm's length on a table.
PRINT_ART = 27.0  # the art band of every printed card: one height for the whole deck
PRINT_STYLE = FaceStyle(title=4.4, body=3.1, small=2.8, tag=2.6, pill=3.6, pad=3.0, gap=1.6, radius=3.0, border=0.3,
                        stories=True, max_art_share=0.32, min_art_lines=2.0)


@dataclass(frozen=True)
class PrintProblem:
    """A card whose text does not fit a printed card: it needs `needed` mm of height, the card has `room`."""

    card: str
    title: str
    needed: float
    room: float
    details: tuple[str, ...] = ()

    def message(self, lang: str) -> str:
        return t(lang, "print.too_long", card=self.title, id=self.card, needed=f"{self.needed:.0f}",
                 room=f"{self.room:.0f}")


@dataclass(frozen=True)
class PrintReport:
    path: Path | None
    cards: int
    sheets: int
    pages: int
    problems: tuple[PrintProblem, ...] = ()


class PrintMetrics:
    """Text widths in millimetres from fpdf2's metrics of the bundled DejaVu font."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._cache: dict = {}

    def width(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, size, bold)
        got = self._cache.get(key)
        if got is None:
            self.pdf.set_font(FONT, "B" if bold else "", size * PT_PER_MM)
            got = self._cache[key] = self.pdf.get_string_width(text)
        return got

    def line(self, size: float, bold: bool = False) -> float:
        return size * LINE


class CardSheets(FPDF):
    """A4 pages with the bundled DejaVu font; characters it cannot draw show as a box."""

    def __init__(self, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        fonts = assets_dir() / "fonts"
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_title(title)
        self.set_creator("Breder Belang Boost")
        self.stamps = IconStamps(self)

    def normalize_text(self, text: str) -> str:
        from .pdf import MISSING_GLYPH, _font_glyphs

        glyphs = _font_glyphs()
        if all(ord(ch) in glyphs or ch in "\n\r\t" for ch in text):
            return super().normalize_text(text)
        return super().normalize_text("".join(ch if ord(ch) in glyphs or ch in "\n\r\t" else MISSING_GLYPH
                                              for ch in text))


class IconStamps:
    """Icons on PDF pages. fpdf2 turns an SVG into drawing operators anew for every copy (about
    10 ms an icon, and a deck prints thousands), so each icon is converted once per colour and
    size and later copies repeat its operators, moved into place, with the page resources (line
    styles) they name registered for their page. Should fpdf2 stop offering what this needs,
    every icon is drawn the ordinary way."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._streams: dict = {}
        self._indexed: set = set()
        self.enabled = hasattr(pdf, "_out") and hasattr(pdf, "_resource_catalog")

    def draw(self, name: str, colour: str, x: float, y: float, size: float) -> None:
        pdf = self.pdf
        shape = (name, colour, round(size, 3))
        known = self._streams.get(shape) if self.enabled else None
        if known is not None:
            stream, x0, y0 = known
            if (shape, pdf.page) not in self._indexed:
                pdf._resource_catalog.index_stream_resources(stream.decode("latin1"), pdf.page)
                self._indexed.add((shape, pdf.page))
            pdf._out(f"q 1 0 0 1 {(x - x0) * pdf.k:.3f} {-(y - y0) * pdf.k:.3f} cm")
            pdf._out(stream)
            pdf._out("Q")
            return
        contents = pdf.pages[pdf.page].contents
        before = len(contents)  # type: ignore[arg-type]  # a page's contents are a bytearray while it is written
        pdf.image(io.BytesIO(_svg_for(name, colour, size).encode()), x=x, y=y, w=size, h=size)
        if self.enabled:
            written = pdf.pages[pdf.page].contents[before:]  # type: ignore[index]  # see above
            self._streams[shape] = (bytes(written).rstrip(b"\n"), x, y)
            self._indexed.add((shape, pdf.page))


def _svg_for(name: str, colour: str, size: float) -> str:
    stroke = 2.0 if size < 6 else 1.6
    try:
        return icon_svg(name, colour, stroke)
    except KeyError:
        return icon_svg("circle", colour, stroke)


def draw_ops(pdf: CardSheets, ops, ox: float, oy: float) -> None:
    """Draw layout operations (millimetres) with the top-left corner at (ox, oy)."""
    for op in ops:
        if isinstance(op, Box):
            if op.h <= 0 or op.w <= 0:
                continue
            style = ("F" if op.fill else "") + ("D" if op.stroke and op.width > 0 else "")
            if not style or (op.fill and len(op.fill) > 7 and not op.stroke):
                continue  # a see-through shade (a dimmed card) has no meaning on paper
            if op.fill:
                pdf.set_fill_color(op.fill[:7])
            if op.stroke:
                pdf.set_draw_color(op.stroke)
                pdf.set_line_width(op.width)
            corners: bool | tuple[str, str] = True if op.corners == "all" else ("TOP_LEFT", "TOP_RIGHT")
            pdf.rect(ox + op.x, oy + op.y, op.w, op.h, style=style,
                     round_corners=corners if op.radius else False,  # type: ignore[arg-type]  # fpdf2 takes corner names too
                     corner_radius=op.radius)
        elif isinstance(op, Disc):
            style = ("F" if op.fill else "") + ("D" if op.stroke and op.width > 0 else "")
            if not style:
                continue
            if op.fill:
                pdf.set_fill_color(op.fill)
            if op.stroke:
                pdf.set_draw_color(op.stroke)
                pdf.set_line_width(op.width)
            pdf.ellipse(ox + op.cx - op.r, oy + op.cy - op.r, op.r * 2, op.r * 2, style=style)
        elif isinstance(op, Words):
            if not op.text:
                continue
            pdf.set_font(FONT, "B" if op.bold else "", op.size * PT_PER_MM)
            pdf.set_text_color(op.colour)
            pdf.text(ox + op.x, oy + op.y + op.size * ASCENT, op.text)
        elif isinstance(op, Glyph):
            pdf.stamps.draw(op.icon, op.colour, ox + op.x, oy + op.y, op.size)
        elif isinstance(op, Picture):
            try:
                pdf.image(str(op.path), x=ox + op.x, y=oy + op.y, w=op.w, h=op.h, keep_aspect_ratio=True)
            except Exception:  # a deck's own picture that fpdf2 cannot read: the card still prints
                continue


# ------------------------------------------------------------------------------------------ checks
def face_problems(faces: list[CardFace], metrics: PrintMetrics, colours: dict) -> list[PrintProblem]:
    """Every card whose text does not fit a printed card, each named once."""
    out: list[PrintProblem] = []
    seen: set[str] = set()
    for face in faces:
        key = f"{face.kind}:{face.id}"
        if key in seen:
            continue
        seen.add(key)
        room = CARD_H - 2 * INSET
        layout = layout_face(face, CARD_W - 2 * INSET, room, PRINT_STYLE, metrics, colours, art_band=PRINT_ART)
        if layout.overflow:
            out.append(PrintProblem(face.id, face.title, max(layout.needed, room + 0.5), room, layout.overflow))
    return out


# ------------------------------------------------------------------------------------------ sheets
def _slot(index: int, mirrored: bool) -> tuple[float, float]:
    row, col = divmod(index, COLS)
    if mirrored:
        col = COLS - 1 - col
    return GRID_X + col * CARD_W, GRID_Y + row * CARD_H


def _crop_marks(pdf: FPDF) -> None:
    pdf.set_draw_color(0)
    pdf.set_line_width(0.2)
    right, bottom = GRID_X + COLS * CARD_W, GRID_Y + ROWS * CARD_H
    for col in range(COLS + 1):
        x = GRID_X + col * CARD_W
        pdf.line(x, GRID_Y - CROP_GAP - CROP_LEN, x, GRID_Y - CROP_GAP)
        pdf.line(x, bottom + CROP_GAP, x, bottom + CROP_GAP + CROP_LEN)
    for row in range(ROWS + 1):
        y = GRID_Y + row * CARD_H
        pdf.line(GRID_X - CROP_GAP - CROP_LEN, y, GRID_X - CROP_GAP, y)
        pdf.line(right + CROP_GAP, y, right + CROP_GAP + CROP_LEN, y)
    # faint cut lines for scissors; a guillotine cut on the marks takes them away
    pdf.set_draw_color(205)
    pdf.set_line_width(0.1)
    for col in range(COLS + 1):
        x = GRID_X + col * CARD_W
        pdf.line(x, GRID_Y, x, bottom)
    for row in range(ROWS + 1):
        y = GRID_Y + row * CARD_H
        pdf.line(GRID_X, y, right, y)


def _footer(pdf: FPDF, text: str) -> None:
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(90)
    w = pdf.get_string_width(text)
    pdf.text((PAGE_W - w) / 2, PAGE_H - 6, text)


def kind_levels(faces: list[CardFace], metrics: PrintMetrics, colours: dict) -> dict[str, str]:
    """One level per kind of card, so that a pile looks alike: the art level, unless one card of
    the kind needs the lean one."""
    levels: dict[str, str] = {}
    for face in faces:
        if levels.get(face.kind) == "compact":
            continue
        got = layout_face(face, CARD_W - 2 * INSET, CARD_H - 2 * INSET, PRINT_STYLE, metrics, colours,
                          art_band=PRINT_ART).level
        levels[face.kind] = got
    return levels


def _card_pages(pdf: CardSheets, deck: Deck, faces: list[CardFace], lang: str, backs: bool, metrics: PrintMetrics,
                colours: dict) -> int:
    sheets = -(-len(faces) // PER_SHEET)
    levels = kind_levels(faces, metrics, colours)
    title = deck.title.get(lang)
    back_title = t(lang, "print.back_title")
    for sheet in range(sheets):
        group = faces[sheet * PER_SHEET:(sheet + 1) * PER_SHEET]
        pdf.add_page()
        _crop_marks(pdf)
        for i, face in enumerate(group):
            x, y = _slot(i, False)
            layout = layout_face(face, CARD_W - 2 * INSET, CARD_H - 2 * INSET, PRINT_STYLE, metrics, colours,
                                 richest=levels[face.kind], art_band=PRINT_ART)
            draw_ops(pdf, layout.ops, x + INSET, y + INSET)
        key = "print.footer_front" if backs else "print.footer_single"
        _footer(pdf, t(lang, key, deck=title, sheet=sheet + 1, sheets=sheets))
        if backs:
            pdf.add_page()
            _crop_marks(pdf)
            for i, face in enumerate(group):
                x, y = _slot(i, True)
                band = kind_band(face.kind, lang)
                ops = layout_back(face.kind, band.fill, band.ink, face.kind_icon, face.kind_label.upper(), back_title,
                                  CARD_W - 2 * INSET, CARD_H - 2 * INSET, PRINT_STYLE, metrics, colours)
                draw_ops(pdf, ops, x + INSET, y + INSET)
            _footer(pdf, t(lang, "print.footer_back", deck=title, sheet=sheet + 1, sheets=sheets))
    return sheets


def _paragraph(pdf: CardSheets, metrics: PrintMetrics, text: str, x: float, y: float, width: float, size: float,
               bold: bool = False, colour: str = "#2E2A25", lang: str = "nl") -> float:
    """Wrapped text (hyphenated like the cards); returns the y under it."""
    pdf.set_text_color(colour)
    pdf.set_font(FONT, "B" if bold else "", size * PT_PER_MM)
    for line in wrap(text, width, lambda s: metrics.width(s, size, bold), lang):
        pdf.text(x, y + size * ASCENT, line)
        y += size * 1.3
    return y


def _heading(pdf: CardSheets, metrics: PrintMetrics, text: str, x: float, y: float, size: float,
             icon: str | None = None, colour: str = "#2E2A25") -> float:
    if icon:
        pdf.stamps.draw(icon, colour, x, y + size * 0.05, size * 1.1)
        x += size * 1.5
    pdf.set_font(FONT, "B", size * PT_PER_MM)
    pdf.set_text_color(colour)
    pdf.text(x, y + size * ASCENT, text)
    return y + size * 1.45


def _poster(pdf: CardSheets, deck: Deck, lang: str, metrics: PrintMetrics) -> None:
    from .chart import draw_chart
    from .pdf import PdfPen

    pdf.add_page(orientation="L")
    w, h = pdf.w, pdf.h
    side = 92.0  # title and hint beside the chart, which takes the page's full height
    size = h - 2 * MARGIN - 16
    x0 = w - MARGIN - size
    y = _heading(pdf, metrics, t(lang, "print.poster.title"), MARGIN, MARGIN + 4, 9.0, "map-pin", "#2F6F73")
    y = _paragraph(pdf, metrics, deck.title.get(lang), MARGIN, y + 1, side, 4.5, True, lang=lang) + 3
    y = _paragraph(pdf, metrics, t(lang, "print.poster.hint"), MARGIN, y, side - 8, 4.2, lang=lang) + 4
    _paragraph(pdf, metrics, t(lang, "summary.mirror"), MARGIN, y, side - 8, 3.6, colour="#5E554A", lang=lang)
    labels = {q: quadrant_label(deck, q, lang) for q in ("high_high", "high_low", "low_high", "low_low")}
    draw_chart(PdfPen(pdf), x0, MARGIN + 8, size, [], labels, t(lang, "fit.personal_axis"),
               t(lang, "fit.social_axis"), font=6.0, show_labels=False)


def _values_sheet(pdf: CardSheets, deck: Deck, lang: str, metrics: PrintMetrics, colours: dict) -> None:
    pdf.add_page(orientation="P")
    width = PAGE_W - 2 * MARGIN
    y = _heading(pdf, metrics, t(lang, "print.sort.title"), MARGIN, MARGIN, 7.0, "list-check")
    pdf.set_font(FONT, "", 11)
    pdf.set_text_color("#2E2A25")
    pdf.text(MARGIN, y + 3.5, t(lang, "print.sort.name") + " " + "_" * 30)
    y += 7
    y = _paragraph(pdf, metrics, t(lang, "print.sort.hint"), MARGIN, y, width, 3.6, lang=lang, colour="#5E554A") + 1
    piles = [(3, t(lang, "values.pile3")), (2, t(lang, "values.pile2")), (1, t(lang, "values.pile1"))]
    col_w = 24.0
    name_w = width - col_w * 3
    pdf.set_font(FONT, "B", 8)
    for i, (n, label) in enumerate(piles):
        cx = MARGIN + name_w + col_w * i + col_w / 2
        _centred(pdf, metrics, f"{label} ({n})", cx, y, 2.8, True, col_w - 1)
    y += 8
    for entry in legend(deck, lang):
        if entry.kind != "personal":
            continue
        dim = next(d for d in deck.personal if d.id == entry.dim)
        pdf.set_draw_color("#B9A98F")
        pdf.set_line_width(0.2)
        pdf.line(MARGIN, y, MARGIN + width, y)
        pdf.stamps.draw(entry.icon, "#2E2A25", MARGIN + 1, y + 2.5, 7)
        ny = _paragraph(pdf, metrics, entry.name, MARGIN + 11, y + 2, name_w - 13, 3.8, True, lang=lang)
        if dim.question:
            ny = _paragraph(pdf, metrics, dim.question.get(lang), MARGIN + 11, ny, name_w - 13, 2.9,
                            colour="#5E554A", lang=lang)
        row_h = max(12.0, ny - y + 1.5)
        for i in range(3):
            cx = MARGIN + name_w + col_w * i + col_w / 2
            pdf.set_draw_color("#2E2A25")
            pdf.set_line_width(0.35)
            pdf.rect(cx - 3, y + row_h / 2 - 3, 6, 6, style="D", round_corners=True, corner_radius=1)
        y += row_h
    pdf.line(MARGIN, y, MARGIN + width, y)
    y += 6
    # the tally at the end of the game
    y = _heading(pdf, metrics, t(lang, "print.tally.title"), MARGIN, y, 5.0, "calculator")
    cols = [t(lang, "print.tally.value"), t(lang, "print.sort.weight"), t(lang, "print.tally.points"),
            t(lang, "print.tally.times_weight")]
    y = _tally(pdf, metrics, [e for e in legend(deck, lang) if e.kind == "personal"], cols, y, width, lang, None)
    y = _paragraph(pdf, metrics, t(lang, "print.tally.personal_rule"), MARGIN, y + 1, width, 2.9, lang=lang,
                   colour="#5E554A") + 3
    cols = [t(lang, "print.tally.theme"), t(lang, "print.tally.need"), t(lang, "print.tally.points"),
            t(lang, "print.tally.times_need")]
    needs = {d.id: d.need for d in deck.social}
    y = _tally(pdf, metrics, [e for e in legend(deck, lang) if e.kind == "social"], cols, y, width, lang, needs)
    _paragraph(pdf, metrics, t(lang, "print.tally.social_rule"), MARGIN, y + 1, width, 2.9, lang=lang,
               colour="#5E554A")


def _centred(pdf: CardSheets, metrics: PrintMetrics, text: str, cx: float, y: float, size: float, bold: bool,
             width: float) -> None:
    pdf.set_text_color("#2E2A25")
    for line in wrap(text, width, lambda s: metrics.width(s, size, bold), "nl"):
        pdf.set_font(FONT, "B" if bold else "", size * PT_PER_MM)
        pdf.text(cx - metrics.width(line, size, bold) / 2, y + size * ASCENT, line)
        y += size * 1.25


def _tally(pdf: CardSheets, metrics: PrintMetrics, entries, cols: list[str], y: float, width: float, lang: str,
           needs: dict | None) -> float:
    first = width - 3 * 28
    xs = [MARGIN, MARGIN + first, MARGIN + first + 28, MARGIN + first + 56]
    for i, label in enumerate(cols):
        if i == 0:
            pdf.set_font(FONT, "B", 8)
            pdf.set_text_color("#2E2A25")
            pdf.text(xs[0], y + 3, label)
        else:
            _centred(pdf, metrics, label, xs[i] + 14, y, 2.6, True, 27)
    y += 7
    row_h = 7.0
    for entry in list(entries) + [None]:
        pdf.set_draw_color("#B9A98F")
        pdf.set_line_width(0.2)
        pdf.line(MARGIN, y, MARGIN + width, y)
        if entry is None:
            pdf.set_font(FONT, "B", 9)
            pdf.text(xs[2] + 2, y + 4.8, t(lang, "print.tally.total"))
        else:
            if entry.band:
                pdf.set_fill_color(entry.band.fill)
                pdf.ellipse(xs[0], y + 0.8, 5.4, 5.4, style="F")
                pdf.stamps.draw(entry.icon, entry.band.ink, xs[0] + 0.9, y + 1.7, 3.6)
            else:
                pdf.stamps.draw(entry.icon, "#2E2A25", xs[0] + 0.5, y + 1, 5)
            pdf.set_font(FONT, "", 9)
            pdf.set_text_color("#2E2A25")
            pdf.text(xs[0] + 8, y + 4.8, entry.name)
            if needs is not None:
                pdf.set_font(FONT, "", 7)
                pdf.set_text_color("#5E554A")
                pdf.text(xs[1] + 2, y + 4.6, f"{needs.get(entry.dim, '')} →")
        pdf.set_draw_color("#2E2A25")
        pdf.set_line_width(0.25)
        for i in (1, 2, 3):
            if entry is None and i < 3:
                continue
            pdf.rect(xs[i] + 8, y + 1, 12, row_h - 2, style="D")
        y += row_h
    return y


def _rule_sheet(pdf: CardSheets, deck: Deck, lang: str, metrics: PrintMetrics, colours: dict) -> None:
    pdf.add_page(orientation="P")
    width = PAGE_W - 2 * MARGIN
    params = dict(deck=deck.title.get(lang), hand=deck.hand_size, market=deck.market_size,
                  actions=deck.actions_per_turn, hours=deck.hours_per_week, rounds="3–6",
                  comfort=int(deck.hours_per_week * COMFORT_SHARE))
    y = _heading(pdf, metrics, t(lang, "print.rules.title"), MARGIN, MARGIN - 2, 6.5, "cards")
    y = _paragraph(pdf, metrics, t(lang, "print.rules.intro", **params), MARGIN, y, width, 3.6, lang=lang) + 2
    sections = [
        ("print.rules.need_head", ["print.rules.need"], "backpack"),
        ("print.rules.setup_head", ["print.rules.setup"], "stack-2"),
        ("print.rules.values_head", ["print.rules.values"], "list-check"),
        ("print.rules.round_head", ["print.rules.event", "print.rules.turn", "print.rules.boost",
                                    "print.rules.reflect", "print.rules.full_week"], "refresh"),
        ("print.rules.end_head", ["print.rules.end", "print.rules.paper_note"], "map-pin"),
    ]
    for head, keys, icon in sections:
        y = _heading(pdf, metrics, t(lang, head, **params), MARGIN, y, 4.6, icon, "#2F6F73")
        for key in keys:
            y = _paragraph(pdf, metrics, t(lang, key, **params), MARGIN, y, width, 3.5, lang=lang) + 0.8
        y += 1.6
    # how to read a card: a legend with the deck's own icons, next to a sample card
    y = _heading(pdf, metrics, t(lang, "print.rules.legend_head"), MARGIN, y, 4.6, "eye", "#2F6F73")
    sample_w = 44.0
    sample_h = sample_w * CARD_H / CARD_W
    faces = [f for f in deck_faces(deck, lang) if f.kind in ("role", "task")]
    if faces:
        sample = max(faces, key=lambda f: len(f.pips) + (3 if f.requires else 0) - len(f.text) / 200)
        k = sample_w / (CARD_W - 2 * INSET)
        p = PRINT_STYLE
        small_style = replace(p, title=p.title * k, body=p.body * k, small=p.small * k, tag=p.tag * k,
                              pill=p.pill * k, pad=p.pad * k, gap=p.gap * k, radius=p.radius * k, border=p.border * k)
        layout = layout_face(sample, sample_w, sample_h, small_style, metrics, colours)
        draw_ops(pdf, layout.ops, MARGIN + width - sample_w, y)
    text_w = width - sample_w - 6
    ly = y
    for key in ("face.legend.hours", "face.legend.personal", "face.legend.social"):
        ly = _paragraph(pdf, metrics, t(lang, key), MARGIN, ly, text_w, 3.3, lang=lang) + 0.6
    ly += 1
    entries = legend(deck, lang)
    col_w = text_w / 2
    for i, entry in enumerate(entries):
        col = 0 if entry.kind == "personal" else 1
        row = [e for e in entries if e.kind == entry.kind].index(entry)
        ex, ey = MARGIN + col * col_w, ly + row * 6.0
        if entry.band:
            pdf.set_fill_color(entry.band.fill)
            pdf.ellipse(ex, ey, 4.4, 4.4, style="F")
            pdf.stamps.draw(entry.icon, entry.band.ink, ex + 0.7, ey + 0.7, 3.0)
        else:
            pdf.set_fill_color(colours["pip"])
            pdf.set_draw_color(colours["pip_line"])
            pdf.set_line_width(0.2)
            pdf.rect(ex, ey, 4.4, 4.4, style="DF", round_corners=True, corner_radius=0.8)
            pdf.stamps.draw(entry.icon, colours["pip_text"], ex + 0.7, ey + 0.7, 3.0)
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color("#2E2A25")
        pdf.text(ex + 6, ey + 3.4, entry.name)
    _footer(pdf, t(lang, "summary.mirror"))


# ------------------------------------------------------------------------------------------ the whole
def check_print(deck: Deck, lang: str) -> list[PrintProblem]:
    """The cards of `deck` whose text does not fit a printed card (empty when all fit)."""
    pdf = CardSheets(deck.title.get(lang))
    return face_problems(deck_faces(deck, lang), PrintMetrics(pdf), face_palette(False))


def print_deck(deck: Deck, out: str | Path, lang: str = "nl", backs: bool = True) -> PrintReport:
    """Write the print-and-play PDF of `deck` in `lang` to `out`: card sheets (with backs), the
    quadrant poster, the values sheet and the rule sheet. When a card's text does not fit, nothing
    is written and the report lists every such card."""
    if lang not in deck.languages:
        lang = deck.languages[0]
    pdf = CardSheets(deck.title.get(lang))
    metrics = PrintMetrics(pdf)
    colours = face_palette(False)
    faces = deck_faces(deck, lang, with_copies=True)
    problems = face_problems(faces, metrics, colours)
    if problems:
        return PrintReport(None, len(faces), 0, 0, tuple(problems))
    sheets = _card_pages(pdf, deck, faces, lang, backs, metrics, colours)
    _poster(pdf, deck, lang, metrics)
    _values_sheet(pdf, deck, lang, metrics, colours)
    _rule_sheet(pdf, deck, lang, metrics, colours)
    out = Path(out)
    pdf.output(str(out))
    return PrintReport(out, len(faces), sheets, pdf.page, ())


__all__ = ["CARD_H", "CARD_W", "PER_SHEET", "PRINT_STYLE", "PrintProblem", "PrintReport", "check_print",
           "print_deck"]
