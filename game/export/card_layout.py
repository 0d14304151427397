"""Where each part of a card face goes: one layout for the screen (pixels) and for paper (millimetres).

`layout_face` turns a CardFace into drawing operations (boxes, discs, words, icons, pictures) for
a face of a given size. The caller says how wide a text is and how tall a line is (pygame's font
or fpdf2's), so the same rules place the same parts on a projector and on a printed card.

The face always shows all of its information: title, hours, every value as an icon pip with its
number, requirements, every effect in words and the tags. What it gives up on a small face is
decoration, in this order: the description of a role or task (it stays in the "?" view; on
paper, where there is no such view, it is information and stays), then the big art medallion
(a small icon in the band remains). When even the lean face does not fit, the layout says what
is missing (`overflow`) instead of hiding it: the screen counts it as cut text, the print command
names the card.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Protocol

from .card_face import CardFace, Line, Pip
from .hyphenate import wrap

LEVELS = ("art", "plain", "compact")  # richest first
FIT_ICONS = {"fits": "check", "swap": "arrows-exchange", "no": "x"}
FIT_COLOURS = {"fits": "fit_yes", "swap": "fit_swap", "no": "fit_no"}


class Metrics(Protocol):
    def width(self, text: str, size: float, bold: bool = False) -> float: ...

    def line(self, size: float, bold: bool = False) -> float: ...


@dataclass(frozen=True)
class FaceStyle:
    """Sizes of one face, in the renderer's unit. One title size for every card."""

    title: float
    body: float
    small: float
    pad: float
    gap: float
    radius: float
    border: float
    tag: float = 0.0  # the tag line's text size (0: a little smaller than `small`)
    pill: float = 0.0  # the hours and the type on the band's edge (0: `small`)
    stories: bool = False  # paper: a role's description is information, never dropped
    max_art_share: float = 0.34  # the art medallion takes at most this share of the height
    min_art_lines: float = 2.2  # smaller than this many title lines, the medallion is not worth it


@dataclass(frozen=True)
class FaceState:
    """How the turn screen shows a card: chosen, under the pointer, keyboard focus, greyed out, and
    whether it fits the week (fits, swap: fits after a swap, no)."""

    selected: bool = False
    hovered: bool = False
    focused: bool = False
    dim: bool = False
    fit: str | None = None


# ----------------------------------------------------------------------------- drawing operations
@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str | None
    stroke: str | None = None
    width: float = 0.0
    radius: float = 0.0
    corners: str = "all"  # "all", or "top": only the top corners are rounded


@dataclass(frozen=True)
class Disc:
    cx: float
    cy: float
    r: float
    fill: str | None
    stroke: str | None = None
    width: float = 0.0


@dataclass(frozen=True)
class Words:
    """One line of text; (x, y) is the top-left corner of its line box."""

    x: float
    y: float
    text: str
    size: float
    bold: bool
    colour: str


@dataclass(frozen=True)
class Glyph:
    x: float
    y: float
    size: float
    icon: str
    colour: str


@dataclass(frozen=True)
class Picture:
    x: float
    y: float
    w: float
    h: float
    path: Path


Op = Box | Disc | Words | Glyph | Picture


@dataclass(frozen=True)
class FaceLayout:
    ops: tuple[Op, ...]
    level: str  # which of LEVELS was used
    needed: float  # the height the lean face needs at this width
    overflow: tuple[str, ...] = ()  # what does not fit; empty when everything does
    band: float = 0.0  # the height of its colour band

    @property
    def texts(self) -> list[str]:
        return [op.text for op in self.ops if isinstance(op, Words)]


def _shift(op: Op, dy: float, dx: float = 0.0) -> Op:
    if isinstance(op, Disc):
        return replace(op, cx=op.cx + dx, cy=op.cy + dy)
    return replace(op, x=op.x + dx, y=op.y + dy)


# ------------------------------------------------------------------------------------- the layout
class _Flow:
    """Blocks stacked from the top; each block emits operations at y = 0 upward from its own top."""

    def __init__(self, face: CardFace, style: FaceStyle, m: Metrics, colours: dict, x: float, width: float) -> None:
        self.face, self.s, self.m, self.c = face, style, m, colours
        self.x, self.w = x, width
        self.lang = face.lang
        self.problems: list[str] = []

    # -- helpers
    def lines(self, text: str, size: float, bold: bool, width: float) -> list[str]:
        return wrap(text, max(1.0, width), lambda x: self.m.width(x, size, bold), self.lang)

    def icon_size(self, size: float) -> float:
        return size * 1.15

    def text_block(self, text: str, size: float, bold: bool, colour: str, centre: bool = False,
                   x: float | None = None, width: float | None = None) -> tuple[list[Op], float]:
        x = self.x if x is None else x
        width = self.w if width is None else width
        lh = self.m.line(size, bold)
        ops: list[Op] = []
        y = 0.0
        for line in self.lines(text, size, bold, width):
            lx = x + (width - self.m.width(line, size, bold)) / 2 if centre else x
            ops.append(Words(lx, y, line, size, bold, colour))
            y += lh
        return ops, y

    def icon_line(self, line: Line, size: float, bold: bool, colour: str, icon_colour: str,
                  x: float | None = None, width: float | None = None) -> tuple[list[Op], float]:
        """An icon, then the text wrapped beside it (following lines indented under the text)."""
        x = self.x if x is None else x
        width = self.w if width is None else width
        lh = self.m.line(size, bold)
        isz = min(lh, self.icon_size(size))
        indent = isz + self.s.gap * 0.5
        ops, h = self.text_block(line.text, size, bold, colour, x=x + indent, width=width - indent)
        ops.insert(0, Glyph(x, (lh - isz) / 2, isz, line.icon, icon_colour))
        return ops, max(h, lh)

    # -- blocks: each returns (ops at y=0, height)
    def title(self) -> tuple[list[Op], float]:
        return self.text_block(self.face.title, self.s.title, True, self.c["face_text"], centre=True)

    def pip_size(self, pip: Pip) -> tuple[float, float]:
        s = self.s
        cp = max(1.0, s.gap * 0.3)
        return cp * 2.1 + s.body + self.m.width(pip.text, s.body, True), self.m.line(s.body, True) + cp

    def pips(self, pips: tuple[Pip, ...]) -> tuple[list[Op], float]:
        """Value pips side by side, wrapped and centred: an icon and the number in a small box."""
        if not pips:
            return [], 0.0
        s, c = self.s, self.c
        gap = max(1.0, s.gap * 0.5)
        rows: list[list[tuple[Pip, float]]] = [[]]
        used = 0.0
        ph = 0.0
        for pip in pips:
            pw, ph = self.pip_size(pip)
            if pw > self.w:
                self.problems.append(f"the value {pip.name} is wider than the card")
            if rows[-1] and used + gap + pw > self.w:
                rows.append([])
                used = 0.0
            used += (gap if rows[-1] else 0) + pw
            rows[-1].append((pip, pw))
        ops: list[Op] = []
        y = 0.0
        cp = max(1.0, s.gap * 0.3)
        isz = s.body
        for row in rows:
            total = sum(pw for _, pw in row) + gap * (len(row) - 1)
            x = self.x + (self.w - total) / 2
            for pip, pw in row:
                if pip.kind == "social" and pip.band:
                    fill, stroke, ink, num, radius = pip.band.fill, None, pip.band.ink, pip.band.ink, ph / 2
                else:
                    negative = pip.value < 0
                    fill = c["pip_minus_bg"] if negative else c["pip"]
                    stroke, ink, radius = c["pip_line"], c["pip_text"], ph * 0.22
                    num = c["pip_minus"] if negative else c["pip_plus"]
                ops.append(Box(x, y, pw, ph, fill, stroke, max(0.5, s.border * 0.5) if stroke else 0, radius))
                ops.append(Glyph(x + cp, y + (ph - isz) / 2, isz, pip.icon, ink))
                ops.append(Words(x + cp * 1.1 + isz, y + cp / 2, pip.text, s.body, True, num))
                x += pw + gap
            y += ph + gap
        return ops, y - gap

    def note(self, head: str, lines: tuple[Line, ...], icon: str | None = None) -> tuple[list[Op], float]:
        """A framed box with a heading and icon lines: what an event, a played card or a combination does."""
        s, c = self.s, self.c
        inner = max(1.0, s.gap * 0.6)
        x, width = self.x + inner, self.w - inner * 2
        ops: list[Op] = []
        y = inner
        if head:
            if icon:
                part, h = self.icon_line(Line(icon, head), s.small, True, c["note_text"], c["note_text"], x, width)
            else:
                part, h = self.text_block(head, s.small, True, c["note_text"], x=x, width=width)
            ops += [_shift(op, y) for op in part]
            y += h + inner * 0.3
        for line in lines:
            part, h = self.icon_line(line, s.body, False, c["note_text"], c["note_text"], x, width)
            ops += [_shift(op, y) for op in part]
            y += h + inner * 0.3
        y += inner * 0.7
        frame = Box(self.x, 0, self.w, y, c["note"], c["note_line"], max(0.5, s.border * 0.5), s.radius * 0.5)
        return [frame] + ops, y

    def option(self, letter: str, label: str, lines: tuple[Line, ...], band_fill: str,
               band_ink: str) -> tuple[list[Op], float]:
        """A dilemma's option: its letter in a disc, its label and what it does."""
        s, c = self.s, self.c
        inner = max(1.0, s.gap * 0.5)
        lh = self.m.line(s.body, True)
        r = lh * 0.5
        x = self.x + inner + r * 2 + inner * 0.8
        width = self.w - (x - self.x) - inner
        ops: list[Op] = []
        part, h = self.text_block(label, s.body, True, c["note_text"], x=x, width=width)
        ops += [_shift(op, inner) for op in part]
        y = inner + h
        for line in lines:
            part, h = self.icon_line(line, s.tag or s.small, False, c["note_text"], c["note_text"], x, width)
            ops += [_shift(op, y + inner * 0.2) for op in part]
            y += h + inner * 0.2
        y += inner
        letter_x = self.x + inner + r - self.m.width(letter, s.body, True) / 2
        disc: list[Op] = [Disc(self.x + inner + r, inner + lh / 2, r, band_fill),
                Words(letter_x, inner, letter, s.body, True, band_ink)]
        frame = Box(self.x, 0, self.w, y, c["note"], c["note_line"], max(0.5, s.border * 0.5), s.radius * 0.5)
        return [frame, *disc, *ops], y

    def story(self) -> tuple[list[Op], float]:
        return self.text_block(self.face.text, self.s.small, False, self.c["face_muted"], centre=True)

    def main_text(self) -> tuple[list[Op], float]:
        return self.text_block(self.face.text, self.s.body, False, self.c["face_text"], centre=True)

    def tags(self) -> tuple[list[Op], float]:
        if not self.face.tags:
            return [], 0.0
        line = Line("tag", " · ".join(self.face.tags))
        size = self.s.tag or self.s.small * 0.87
        return self.icon_line(line, size, False, self.c["face_muted"], self.c["face_muted"])

    def footer(self) -> tuple[list[Op], float]:
        return self.text_block(self.face.footer, self.s.small, True, self.c["face_muted"], centre=True)

    def blocks(self, stories: bool) -> list[Callable[[], tuple[list[Op], float]]]:
        """The blocks under the title, in reading order, for this kind of card."""
        f = self.face
        out: list = []
        if f.kind in ("role", "task"):
            out.append(lambda: self.pips(f.personal + f.social))
            if f.requires:
                out.append(lambda: self.icon_line(f.requires, self.s.small, False, self.c["face_text"],
                                                  self.c["face_text"]))
            if f.on_play:
                out.append(lambda: self.note(f.on_play_head, f.on_play, "bolt"))
            if stories and f.text:
                out.append(self.story)
        elif f.kind == "event":
            if f.text:
                out.append(self.main_text)
            if f.effects:
                out.append(lambda: self.note(f.effects_head, f.effects))
        elif f.kind == "dilemma":
            if f.text:
                out.append(self.main_text)
            for o in f.options:
                out.append(lambda o=o: self.option(o.letter, o.label, o.effects, f.band.fill, f.band.ink))
        elif f.kind == "prompt":
            if f.text:
                out.append(self.main_text)
        elif f.kind == "combo":
            out.append(lambda: self.note(f.needs_head, f.needs))
            out.append(lambda: self.pips(f.personal + f.social))
            if stories and f.text:
                out.append(self.story)
        return out


def _stack(parts: list[tuple[list[Op], float]], gap: float) -> tuple[list[Op], float]:
    ops: list[Op] = []
    y = 0.0
    for part, h in parts:
        if h <= 0 and not part:
            continue
        if ops:
            y += gap
        ops += [_shift(op, y) for op in part]
        y += h
    return ops, y


def _pill(x: float, y: float, h: float, text: str, icon: str | None, size: float, m: Metrics, fill: str, ink: str,
          stroke: str | None, stroke_w: float) -> tuple[list[Op], float]:
    """A rounded label with an optional icon; (x, y) is its top-left. Returns (ops, width)."""
    pad = h * 0.26
    isz = h * 0.66 if icon else 0
    tw = m.width(text, size, True)
    w = pad * 2 + tw + (isz + pad * 0.4 if icon else 0)
    ops: list[Op] = [Box(x, y, w, h, fill, stroke, stroke_w, h / 2)]
    tx = x + pad
    if icon:
        ops.append(Glyph(tx, y + (h - isz) / 2, isz, icon, ink))
        tx += isz + pad * 0.4
    ops.append(Words(tx, y + (h - m.line(size, True)) / 2, text, size, True, ink))
    return ops, w


def _pill_size(face: CardFace, s: FaceStyle) -> float:
    """The text size on the band's edge: the hours are the card's cost and may be bigger."""
    return (s.pill or s.small) if face.hours is not None else s.small


def _edge_row(face: CardFace, w: float, y: float, pill_h: float, s: FaceStyle, m: Metrics, c: dict,
              state: FaceState, badge: bool) -> tuple[list[Op], list[str]]:
    """The row on the band's lower edge: the hours (the card's cost) at the left, the art as a small
    badge (lean faces), the card type and the fit mark at the right."""
    ops: list[Op] = []
    problems: list[str] = []
    band = face.band
    ring = max(0.5, s.border * 0.6)
    left = s.pad * 0.5
    right = w - s.pad * 0.5
    if state.fit in FIT_ICONS:
        r = pill_h * 0.5
        cx = right - r
        ops.append(Disc(cx, y + r, r, c[FIT_COLOURS[state.fit]], c["face"], ring))
        ops.append(Glyph(cx - r * 0.62, y + r * 0.38, r * 1.24, FIT_ICONS[state.fit], c["fit_ink"]))
        right = cx - r - s.gap * 0.4
    if face.hours is not None:
        part, pw = _pill(left, y, pill_h, face.hours_label, "clock", _pill_size(face, s), m, c["hours"],
                         c["hours_text"], c["face"], ring)
        ops += part
        left += pw + s.gap * 0.4
    kind_text = face.kind_label.upper()
    part, pw = _pill(0, 0, pill_h, kind_text, face.kind_icon, _pill_size(face, s), m, c["face"], c["face_text"],
                     band.fill, max(0.5, s.border * 0.8))
    if right - left < pw:  # no room for the word: the type's icon alone (the legend names it)
        part, pw = _pill(0, 0, pill_h, "", face.kind_icon, _pill_size(face, s), m, c["face"], c["face_text"],
                         band.fill, max(0.5, s.border * 0.8))
        part = [op for op in part if not (isinstance(op, Words) and not op.text)]
    px = right - pw if face.hours is not None or state.fit else (w - pw) / 2
    if px < left - 0.01:
        problems.append("the hours and the card type do not fit side by side")
    type_ops = [_shift(op, y, px) for op in part]
    if badge:
        r = pill_h * 0.56
        badge_x = (left + px) / 2 if face.hours is not None else (s.pad + r if px > s.pad + 2 * r + s.gap else None)
        if badge_x is not None and px - left >= 2 * r + s.gap * 0.4:
            cx = badge_x
            cy = y + pill_h / 2
            ops.append(Disc(cx, cy, r, band.fill, c["face"], ring))
            ops.append(Glyph(cx - r * 0.68, cy - r * 0.68, r * 1.36, face.art, band.ink))
    return ops + type_ops, problems


def layout_face(face: CardFace, w: float, h: float, style: FaceStyle, m: Metrics, colours: dict,
                state: FaceState = FaceState(), richest: str = "art", art_band: float | None = None) -> FaceLayout:
    """The drawing operations of `face` in a w × h card, at the richest level that fits (and not
    richer than `richest`: a row of cards looks alike when they share a level, see `row_look`).
    `art_band` fixes the height of the art band, so that a row or a printed deck has its art at one
    height; without it the band takes the room there is, up to `max_art_share` of the card.

    art and plain: a colour band with the art in a medallion, the title under it (art also shows a
    role's description); compact: the title itself on the colour band, the art as a badge.
    """
    s, c = style, colours
    pad = s.pad
    inner_w = max(1.0, w - pad * 2)
    pill_h = m.line(_pill_size(face, s), True) * 1.2
    levels: tuple[str, ...] = ("art", "compact") if s.stories else LEVELS
    levels = levels[levels.index(richest):] if richest in levels else levels
    chosen: tuple | None = None
    for level in levels:
        flow = _Flow(face, s, m, c, pad, inner_w)
        stories = s.stories or level == "art"
        if level == "compact":
            title_ops, title_h = flow.text_block(face.title, s.title, True, face.band.ink, centre=True)
        else:
            title_ops, title_h = flow.title()
        body_ops, body_h = _stack([blk() for blk in flow.blocks(stories)], s.gap * 0.8)
        tail = [flow.tags()] + ([flow.footer()] if face.footer else [])
        tail_ops, tail_h = _stack(tail, s.gap * 0.5)
        under = pill_h / 2 + s.gap * 0.6  # below the band: the lower half of the edge row
        body_need = body_h + (s.gap + tail_h if tail_h else 0) + pad * 0.7
        if level == "compact":
            band_h = pad * 0.6 + title_h + pill_h / 2 + s.gap * 0.5
            need = band_h + under + body_need
            ok = need <= h + 0.01
        else:
            min_art = m.line(s.title, True) * s.min_art_lines
            fixed = under + title_h + (s.gap * 0.8 if body_h else 0) + body_need
            room = h - fixed
            least = min_art + pad * 0.4 + pill_h / 2
            band_h = max(least, art_band if art_band else min(room, h * s.max_art_share))
            ok = room >= band_h - 0.01
            need = fixed + band_h
        chosen = (level, flow, band_h, need, ok, title_ops, title_h, body_ops, body_h, tail_ops, tail_h)
        if ok and not flow.problems:
            break
    assert chosen is not None  # LEVELS is never empty
    level, flow, band_h, need, ok, title_ops, title_h, body_ops, body_h, tail_ops, tail_h = chosen
    overflow = list(flow.problems)
    if not ok:
        overflow.append(f"needs {need:.0f} of {h:.0f} in height")

    band = face.band
    ops: list[Op] = [Box(0, 0, w, h, c["face"], None, 0, s.radius),
                     Box(0, 0, w, band_h, band.fill, None, 0, s.radius, "top")]
    y_edge = band_h - pill_h / 2
    if level == "compact":
        ops += [_shift(op, pad * 0.6) for op in title_ops]
        y = band_h + pill_h / 2 + s.gap * 0.6
    else:
        art_d = max(0.0, band_h - pad * 0.4 - pill_h / 2 - s.gap * 0.3)
        cx, cy = w / 2, pad * 0.4 + art_d / 2
        if face.image is not None:  # the deck's own picture, fitted inside the band by the renderer
            ops.append(Picture(pad, cy - art_d / 2, w - pad * 2, art_d, face.image))
        else:
            ops.append(Disc(cx, cy, art_d / 2, _halo(band.fill, band.ink)))
            isz = art_d * 0.62
            ops.append(Glyph(cx - isz / 2, cy - isz / 2, isz, face.art, band.ink))
        if band.icon != face.art and band.key != face.kind:  # the theme's icon: colour is never the only cue
            ops.append(Glyph(pad * 0.6, pad * 0.5, pill_h * 0.9, band.icon, band.ink))
        y = band_h + pill_h / 2 + s.gap * 0.6
        ops += [_shift(op, y) for op in title_ops]
        y += title_h + (s.gap * 0.8 if body_h else 0)
    edge_ops, edge_problems = _edge_row(face, w, y_edge, pill_h, s, m, c, state, badge=level == "compact")
    overflow += edge_problems
    ops += [_shift(op, y) for op in body_ops]
    y += body_h
    if tail_h:
        tail_y = max(y + s.gap, h - pad * 0.7 - tail_h)
        ops += [_shift(op, tail_y) for op in tail_ops]
    ops += edge_ops
    if state.dim:
        ops.append(Box(0, 0, w, h, c["dim"], None, 0, s.radius))
    # the edge says the state: keyboard focus outermost, then chosen (both: two rings), then hover
    if state.focused:
        ops.append(Box(0, 0, w, h, None, c["focus"], s.border * 2.5, s.radius))
        if state.selected:
            inset = s.border * 2.5
            ops.append(Box(inset, inset, w - 2 * inset, h - 2 * inset, None, c["selected"], s.border * 1.5,
                           max(0.0, s.radius - inset)))
    else:
        edge = c["selected"] if state.selected else (c["hover"] if state.hovered else c["face_border"])
        ops.append(Box(0, 0, w, h, None, edge, s.border * (2.5 if state.selected else 1), s.radius))
    return FaceLayout(tuple(ops), level, need, tuple(overflow), band_h)


def row_look(faces, w: float, h: float, style: FaceStyle, m: Metrics, colours: dict) -> tuple[str, float | None]:
    """(level, art band height) shared by a row of faces of one size, so that they look alike: the
    richest level at which every face fits (the leanest when one does not) and the lowest art band
    among them."""
    order = list(LEVELS)
    level = order[0]
    layouts = []
    for face in faces:
        layouts.append(layout_face(face, w, h, style, m, colours, richest=level))
        if order.index(layouts[-1].level) > order.index(level):
            level = layouts[-1].level
    if level == "compact":
        return level, None
    bands = [layout_face(f, w, h, style, m, colours, richest=level).band for f in faces]
    return level, min(bands) if bands else None


def needed_height(face: CardFace, w: float, style: FaceStyle, m: Metrics, colours: dict) -> float:
    """The height at which `face` shows everything at width `w` (its lean, compact form)."""
    return layout_face(face, w, 1.0, style, m, colours).needed


def _halo(fill: str, ink: str) -> str:
    """The medallion behind the art: the band's colour moved away from its ink, so the icon stands out."""
    f = [int(fill[i:i + 2], 16) for i in (1, 3, 5)]
    target = 255 if ink.upper() in ("#000000", "#2E2A25") else 0
    share = 0.45 if target == 255 else 0.3
    mixed = [round(v + (target - v) * share) for v in f]
    return "#" + "".join(f"{v:02X}" for v in mixed)


halo_colour = _halo


def layout_back(kind: str, band_fill: str, band_ink: str, kind_icon: str, label: str, title: str, w: float, h: float,
                style: FaceStyle, m: Metrics, colours: dict) -> tuple[Op, ...]:
    """The back of a card of one kind: its colour, a pattern of its icon, a medallion and its name,
    so that piles are told apart face down (and not by colour alone)."""
    s = style
    halo = _halo(band_fill, band_ink)
    ops: list[Op] = [Box(0, 0, w, h, band_fill, None, 0, s.radius)]
    # decoration only: the name and the game's title shrink (never below a third of the title size)
    # until they fit two lines under the medallion
    room = w - s.pad * 4
    size = s.title * 1.3
    while size > s.title * 0.34 and m.width(label, size, True) > room:
        size *= 0.92
    title_size = min(s.small, size * 0.7)
    title_lines = wrap(title, room, lambda x: m.width(x, title_size, True), "en")
    while title_size > s.title * 0.3 and len(title_lines) > 2:
        title_size *= 0.92
        title_lines = wrap(title, room, lambda x: m.width(x, title_size, True), "en")
    text_h = m.line(size, True) + s.gap * 0.5 + len(title_lines) * m.line(title_size, True)
    r = min(w * 0.25, (h * 0.8 - text_h - s.gap * 1.8) / 2.4)
    cx, cy = w / 2, (h - (2 * r + s.gap * 1.8 + text_h)) / 2 + r
    label_y = cy + r + s.gap * 1.8
    text_w = max([m.width(label, size, True)] + [m.width(x, title_size, True) for x in title_lines])
    text_box = (cx - text_w / 2 - s.gap, label_y - s.gap * 0.5, cx + text_w / 2 + s.gap,
                label_y + m.line(size, True) + s.gap * 0.5 + len(title_lines) * m.line(title_size, True) + s.gap)
    frame = s.pad * 0.55
    cell = (w - 2 * frame) / 4.5
    isz = cell * 0.46
    rows = int((h - 2 * frame) / (cell * 0.8))
    top = frame + ((h - 2 * frame) - rows * cell * 0.8) / 2 + cell * 0.4
    for row in range(rows):
        shift = cell * 0.5 if row % 2 else 0.0
        for col in range(6):
            gx = frame + cell * 0.5 + col * cell + shift - cell * 0.25
            gy = top + row * cell * 0.8
            if gx - isz / 2 < frame + s.gap * 0.6 or gx + isz / 2 > w - frame - s.gap * 0.6:
                continue
            if (gx - cx) ** 2 + (gy - cy) ** 2 < (r + isz * 0.9) ** 2:
                continue
            if (text_box[0] - isz / 2 < gx < text_box[2] + isz / 2
                    and text_box[1] - isz / 2 < gy < text_box[3] + isz / 2):
                continue
            ops.append(Glyph(gx - isz / 2, gy - isz / 2, isz, kind_icon, halo))
    ops.append(Disc(cx, cy, r, colours["face"], band_ink, max(0.5, s.border * 2.5)))
    ops.append(Glyph(cx - r * 0.6, cy - r * 0.6, r * 1.2, kind_icon, colours["face_text"]))
    ops.append(Words(cx - m.width(label, size, True) / 2, label_y, label, size, True, band_ink))
    y = label_y + m.line(size, True) + s.gap * 0.5
    for line in title_lines:
        ops.append(Words(cx - m.width(line, title_size, True) / 2, y, line, title_size, True, band_ink))
        y += m.line(title_size, True)
    ops.append(Box(frame, frame, w - 2 * frame, h - 2 * frame, None, band_ink, max(0.3, s.border * 1.2),
                   max(0.0, s.radius - frame * 0.5)))
    return tuple(ops)
