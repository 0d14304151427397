"""Summary cards as PNG (1200×675, for a projector or a chat message), drawn with Pillow, not pygame."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from PIL import Image, ImageDraw, ImageFont

from ..core.deck import Deck
from ..i18n import t
from ..paths import assets_dir
from . import words
from .chart import Point, draw_chart, shape_for
from .qr import make_qr, qr_text

CARD_W, CARD_H = 1200, 675
SUPERSAMPLE = 2  # drawn twice as big and scaled down: smooth edges without anti-aliasing support


@lru_cache(maxsize=64)
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(assets_dir() / "fonts" / name), size)


class PilPen:
    """The chart pen for Pillow: pixels, text sizes as pixel heights."""

    def __init__(self, image: Image.Image) -> None:
        self.draw = ImageDraw.Draw(image)

    def rect(self, x, y, w, h, fill, outline, width=1.0):
        self.draw.rectangle([x, y, x + w, y + h], fill=fill, outline=outline, width=max(1, round(width)))

    def line(self, x1, y1, x2, y2, grey, width, dash=False):
        w = max(1, round(width))
        if not dash:
            self.draw.line([x1, y1, x2, y2], fill=grey, width=w)
            return
        import math

        length = math.hypot(x2 - x1, y2 - y1) or 1
        step, on = 14.0, 9.0
        pos = 0.0
        while pos < length:
            a, b = pos / length, min(pos + on, length) / length
            self.draw.line([x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b],
                           fill=grey, width=w)
            pos += step

    def polygon(self, points, fill, outline):
        self.draw.polygon(list(points), fill=fill, outline=outline)

    def ellipse(self, x, y, r, fill, outline):
        self.draw.ellipse([x - r, y - r, x + r, y + r], fill=fill, outline=outline, width=max(1, round(r / 4)))

    def text(self, x, y, s, size, bold=False, grey=0):
        self.draw.text((x, y), s, font=_font(max(1, round(size)), bold), fill=grey)

    def text_width(self, s, size, bold=False):
        return self.draw.textlength(s, font=_font(max(1, round(size)), bold))


def _wrap(pen: PilPen, text: str, size: int, width: float, bold: bool = False, max_lines: int = 99) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        while pen.text_width(word, size, bold) > width and len(word) > 1:  # a very long word is cut
            cut = len(word) - 1
            while cut > 1 and pen.text_width(word[:cut], size, bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        if lines and pen.text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    return lines


def _text_block(pen: PilPen, x: float, y: float, text: str, size: int, width: float, bold: bool = False,
                max_lines: int = 99, grey: int = 0) -> float:
    for line in _wrap(pen, text, size, width, bold, max_lines):
        pen.text(x, y, line, size, bold, grey)
        y += size * 1.3
    return y


def _quadrant_labels(deck: Deck, lang: str) -> dict:
    from .pdf import quadrant_labels

    return quadrant_labels(deck, lang)


QR_MODULE_PX = 3  # the code is 147 px at version 6: read by a phone from a screen or a projector
QR_MARGIN = 24


def draw_qr(image: Image.Image, text: str, right: int, top: int, module: int) -> int:
    """The QR code with its quiet zone, its top right corner at (right, top); returns its side."""
    matrix = make_qr(text).matrix
    quiet = 4
    side = module * (len(matrix) + 2 * quiet)
    left = right - side
    draw = ImageDraw.Draw(image)
    draw.rectangle([left, top, right - 1, top + side - 1], fill=255)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                x0, y0 = left + (quiet + c) * module, top + (quiet + r) * module
                draw.rectangle([x0, y0, x0 + module - 1, y0 + module - 1], fill=0)
    return side


def render_card(deck: Deck, summary, index: int, lang: str) -> Image.Image:
    s = SUPERSAMPLE
    image = Image.new("L", (CARD_W * s, CARD_H * s), 255)
    pen = PilPen(image)
    player = summary.players[index]
    table = len(summary.players) > 1
    # the chart on the left
    chart = 470 * s
    cx, cy = 95 * s, 95 * s
    if table:
        points = [Point(p.personal_fit, p.social_fit,
                        t(lang, "export.chart_you") if i == index else words.initials(p.name), shape_for(i), i == index)
                  for i, p in enumerate(summary.players)]
    else:
        points = [Point(player.personal_fit, player.social_fit, t(lang, "export.chart_you"), "circle", True)]
    draw_chart(pen, cx, cy, chart, points, _quadrant_labels(deck, lang), t(lang, "export.chart_x"),
               t(lang, "export.chart_y"), shade=player.quadrant, font=15 * s, marker=9 * s)
    # the QR code in the top right corner, the words on the right beside and below it
    qr = qr_text(deck, summary, index, lang)
    qr_side = draw_qr(image, qr, CARD_W * s - QR_MARGIN * s, QR_MARGIN * s, QR_MODULE_PX * s)
    x, width = 640 * s, 525 * s
    beside_qr = CARD_W * s - QR_MARGIN * s - qr_side - 16 * s - x  # the width of lines next to the code
    y: float = 40 * s
    _text_block(pen, x, y, words.deck_title(deck, lang), 16 * s, beside_qr, max_lines=1, grey=70)
    y += 30 * s
    y = _text_block(pen, x, y, player.name.strip() or "?", 34 * s, beside_qr, bold=True, max_lines=2)
    y += 8 * s
    fits = [(t(lang, "export.personal_fit"), player.personal_fit), (t(lang, "export.social_fit"), player.social_fit)]
    for label, value in fits:
        pen.text(x, y, words.score(value), 40 * s, bold=True)
        num_w = pen.text_width("100", 40 * s, True) + 14 * s
        _text_block(pen, x + num_w, y + 2 * s, label, 17 * s, beside_qr - num_w, max_lines=1)
        pen.rect(x + num_w, y + 30 * s, 250 * s, 12 * s, None, 0, width=2 * s)
        pen.rect(x + num_w, y + 30 * s, 250 * s * max(0.0, min(1.0, value / 100)), 12 * s, 90, 0, width=2 * s)
        y += 56 * s
    y = _text_block(pen, x, y, words.quadrant(deck, player, lang), 22 * s, width, bold=True, max_lines=2)
    y += 10 * s
    pen.text(x, y, t(lang, "export.mix"), 17 * s, bold=True)
    y += 26 * s
    mix = words.mix_lines(deck, player, lang)
    shown = mix[:5]
    for title, hours in shown:
        hours_text = t(lang, "export.mix_hours", hours=hours)
        hw = pen.text_width(hours_text, 16 * s)
        _text_block(pen, x, y, title, 16 * s, width - hw - 20 * s, max_lines=1)
        pen.text(x + width - hw, y, hours_text, 16 * s)
        y += 22 * s
    if len(mix) > len(shown):
        pen.text(x, y, f"+ {len(mix) - len(shown)}…", 16 * s)
        y += 22 * s
    if not mix:
        y = _text_block(pen, x, y, t(lang, "export.mix_empty"), 16 * s, width, max_lines=2)
    y += 10 * s
    pen.text(x, y, t(lang, "export.next_step"), 17 * s, bold=True)
    y += 26 * s
    room = max(1, int((CARD_H * s - 50 * s - y) // (16 * s * 1.3)))
    _text_block(pen, x, y, words.next_step(deck, player, lang), 16 * s, width, max_lines=room)
    # the mirror line across the foot of the card
    pen.line(40 * s, CARD_H * s - 42 * s, CARD_W * s - 40 * s, CARD_H * s - 42 * s, 150, 2 * s)
    pen.text(40 * s, CARD_H * s - 33 * s, t(lang, "summary.mirror"), 16 * s, grey=40)
    return image.resize((CARD_W, CARD_H), Image.Resampling.LANCZOS)


def save_chart_png(path: Path, points: Sequence[Point], quadrant_labels: dict, lang: str, title: str = "",
                   show_labels: bool = True) -> Path:
    """A square chart alone (used by the workshop report beside its PDF)."""
    s = SUPERSAMPLE
    size = 1000
    image = Image.new("L", (size * s, size * s), 255)
    pen = PilPen(image)
    if title:
        pen.text(40 * s, 25 * s, title[:80], 26 * s, bold=True)
    marker = (9 if len(points) <= 30 else 6) * s
    draw_chart(pen, 110 * s, 120 * s, 800 * s, points, quadrant_labels, t(lang, "export.chart_x"),
               t(lang, "export.chart_y"), font=17 * s, marker=marker, show_labels=show_labels)
    image.resize((size, size), Image.Resampling.LANCZOS).save(path, "PNG", optimize=True)
    return path


def save_png(deck: Deck, summary, folder: str | os.PathLike, lang: str) -> list[Path]:
    """One summary card per player; names follow the result file with -1, -2, ... per player."""
    from .results import result_filename

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = result_filename(deck, summary)[: -len(".json")]
    paths = []
    for i in range(len(summary.players)):
        path = folder / f"{stem}-{i + 1}.png"
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        render_card(deck, summary, i, lang).save(tmp, "PNG")
        os.replace(tmp, path)
        paths.append(path)
    return paths
