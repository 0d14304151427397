"""The chart of the two fits, drawn the same way on a PDF page and on a PNG through a small pen.

Readable in black and white: every player has a marker shape and a name label, the quadrants
are named in their corners, and the highlighted player's quadrant is shaded grey.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from ..core.scoring import PERSONAL_HIGH, SOCIAL_HIGH

SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star", "circle_open", "square_open")
QUADRANT_CORNERS = {  # which corner of the plot each quadrant's name sits in
    "high_high": ("right", "top"), "high_low": ("right", "bottom"),
    "low_high": ("left", "top"), "low_low": ("left", "bottom"),
}


class Pen(Protocol):
    """Drawing in the target's own units; y grows downwards as on a page and on a screen."""

    def rect(self, x: float, y: float, w: float, h: float, fill: int | None, outline: int | None,
             width: float = ...) -> None: ...
    def line(self, x1: float, y1: float, x2: float, y2: float, grey: int, width: float,
             dash: bool = ...) -> None: ...
    def polygon(self, points: Sequence[tuple[float, float]], fill: int | None, outline: int | None) -> None: ...
    def ellipse(self, x: float, y: float, r: float, fill: int | None, outline: int | None) -> None: ...
    def text(self, x: float, y: float, s: str, size: float, bold: bool = ..., grey: int = ...) -> None: ...
    def text_width(self, s: str, size: float, bold: bool = ...) -> float: ...


@dataclass(frozen=True)
class Point:
    personal: float
    social: float
    label: str
    shape: str = "circle"
    highlight: bool = False


def shape_for(index: int) -> str:
    return SHAPES[index % len(SHAPES)]


def draw_marker(pen: Pen, shape: str, x: float, y: float, r: float, highlight: bool = False) -> None:
    """A marker with a white halo, so it stays visible on a shaded quadrant or on another marker."""
    dark = 0
    if highlight:
        pen.ellipse(x, y, r * 1.9, None, 0)
    if shape.startswith("circle"):
        pen.ellipse(x, y, r, 255 if shape.endswith("open") else dark, dark)
    elif shape.startswith("square"):
        pen.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, 255 if shape.endswith("open") else dark, dark)
    elif shape == "triangle":
        pen.polygon([(x, y - r * 1.15), (x + r * 1.05, y + r * 0.8), (x - r * 1.05, y + r * 0.8)], dark, dark)
    elif shape == "diamond":
        pen.polygon([(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)], dark, dark)
    elif shape == "cross":
        k = r * 0.38
        pts = [(x - k, y - r), (x + k, y - r), (x + k, y - k), (x + r, y - k), (x + r, y + k), (x + k, y + k),
               (x + k, y + r), (x - k, y + r), (x - k, y + k), (x - r, y + k), (x - r, y - k), (x - k, y - k)]
        pen.polygon(pts, dark, dark)
    else:  # star
        import math

        pts = []
        for i in range(10):
            rad = r * 1.25 if i % 2 == 0 else r * 0.55
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((x + rad * math.cos(a), y + rad * math.sin(a)))
        pen.polygon(pts, dark, dark)


def _wrap(pen: Pen, text: str, size: float, width: float, bold: bool = False) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and pen.text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def draw_chart(pen: Pen, x: float, y: float, size: float, points: Sequence[Point],
               quadrant_labels: dict, axis_x: str, axis_y: str, shade: str | None = None,
               font: float = 8.0, marker: float | None = None, show_labels: bool = True) -> None:
    """The plot area is the square (x, y, size, size); axis titles are drawn below and to the left of it."""
    def px(v: float) -> float:
        return x + size * max(0.0, min(100.0, v)) / 100.0

    def py(v: float) -> float:
        return y + size - size * max(0.0, min(100.0, v)) / 100.0

    qx, qy = px(PERSONAL_HIGH), py(SOCIAL_HIGH)
    boxes = {"high_high": (qx, y, x + size - qx, qy - y), "high_low": (qx, qy, x + size - qx, y + size - qy),
             "low_high": (x, y, qx - x, qy - y), "low_low": (x, qy, qx - x, y + size - qy)}
    pen.rect(x, y, size, size, 255, 0, width=size / 300)
    if shade in boxes:
        bx, by, bw, bh = boxes[shade]
        pen.rect(bx, by, bw, bh, 225, None)
    # light grid every 10 points, the quadrant lines dashed and darker
    for v in range(10, 100, 10):
        pen.line(px(v), y, px(v), y + size, 232, size / 800)
        pen.line(x, py(v), x + size, py(v), 232, size / 800)
    pen.line(qx, y, qx, y + size, 80, size / 350, dash=True)
    pen.line(x, qy, x + size, qy, 80, size / 350, dash=True)
    pen.rect(x, y, size, size, None, 0, width=size / 300)
    pad = size * 0.015
    for quad, (hor, ver) in QUADRANT_CORNERS.items():
        bx, by, bw, bh = boxes[quad]
        lines = _wrap(pen, quadrant_labels.get(quad, quad), font, bw - 2 * pad, bold=True)
        height = font * 1.2 * len(lines)
        ty = by + pad if ver == "top" else by + bh - pad - height
        for i, line in enumerate(lines):
            w = pen.text_width(line, font, True)
            tx = bx + pad if hor == "left" else bx + bw - pad - w
            pen.text(tx, ty + i * font * 1.2, line, font, bold=True, grey=70)
    # axis ticks and titles
    small = font * 0.85
    for v in (0, 50, 100):
        s = str(v)
        pen.text(px(v) - pen.text_width(s, small) / 2, y + size + font * 0.3, s, small, grey=60)
        pen.text(x - pen.text_width(s, small) - font * 0.4, py(v) - small * 0.6, s, small, grey=60)
    pen.text(x + size - pen.text_width(axis_x, font, True), y + size + font * 1.5, axis_x, font, bold=True)
    pen.text(x - font * 0.3 - pen.text_width("100", small), y - font * 2.3, axis_y, font, bold=True)
    # points: the highlighted one last, so it is on top
    r = marker if marker is not None else size / 70
    placed: list[tuple[float, float, float, float]] = []
    ordered = sorted(points, key=lambda p: p.highlight)
    for p in ordered:
        draw_marker(pen, p.shape, px(p.personal), py(p.social), r, p.highlight)
    if not show_labels:
        return
    for p in sorted(points, key=lambda p: not p.highlight):
        if not p.label:
            continue
        cx, cy = px(p.personal), py(p.social)
        bold = p.highlight
        w = pen.text_width(p.label, font, bold)
        h = font * 1.15
        gap = r * (2.5 if p.highlight else 1.8)
        left = cx + gap + w > x + size
        tx = cx - gap - w if left else cx + gap
        ty = cy - h / 2
        for _ in range(12):  # step down (or up at the bottom) until the label is free
            box = (tx, ty, tx + w, ty + h)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                break
            ty += h if ty + 2 * h < y + size else -h
        placed.append((tx, ty, tx + w, ty + h))
        pen.rect(tx - 0.15 * font, ty, w + 0.3 * font, h, 255, None)
        pen.text(tx, ty + 0.05 * font, p.label, font, bold=bold)
