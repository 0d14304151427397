"""The chart of the two fits, drawn the same way on a PDF page and on a PNG through a small pen.

Readable in black and white: every player has a marker shape and a name label, the quadrants
are named in their corners, and the highlighted player's quadrant is shaded grey.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
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


Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass
class ChartLayout:
    """Where draw_chart put things: for tests, and for anyone drawing on top of a chart."""

    markers: list[tuple[float, float]] = field(default_factory=list)  # centres, in the order of the points
    labels: list[Box] = field(default_factory=list)  # the players' labels
    names: list[Box] = field(default_factory=list)  # the quadrant names


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _inside(box: Box, area: Box) -> bool:
    return box[0] >= area[0] and box[1] >= area[1] and box[2] <= area[2] and box[3] <= area[3]


def spread_markers(centres: Sequence[tuple[float, float]], r: float, area: Box) -> list[tuple[float, float]]:
    """Markers that would cover one another are moved apart, around where they belong, so that each
    stays visible; markers that do not touch stay exactly where they are."""
    placed: list[tuple[float, float]] = []
    apart = 2.4 * r
    for cx, cy in centres:
        spot = (cx, cy)
        ring = 1
        while any(math.hypot(spot[0] - px, spot[1] - py) < apart for px, py in placed) and ring <= 6:
            steps = 6 * ring
            for k in range(steps):
                a = 2 * math.pi * k / steps
                x = min(max(cx + ring * apart * math.cos(a), area[0] + r), area[2] - r)
                y = min(max(cy + ring * apart * math.sin(a), area[1] + r), area[3] - r)
                if not any(math.hypot(x - px, y - py) < apart for px, py in placed):
                    spot = (x, y)
                    break
            else:
                ring += 1
        placed.append(spot)
    return placed


def place_label(w: float, h: float, cx: float, cy: float, gap: float, obstacles: Sequence[Box],
                area: Box) -> Box:
    """A box of w×h beside the marker at (cx, cy): the first free place among right, left, above,
    below and the corners, further out if needed; inside `area`, clear of every obstacle (or, when
    nothing is free, the place that covers least)."""
    best, best_cost = None, None
    for distance in (gap * k for k in (1, 2.2, 3.6, 5.2, 7, 9, 12, 16)):
        for dx, dy in ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1)):
            left = cx + distance if dx > 0 else cx - distance - w if dx < 0 else cx - w / 2
            top = cy - h / 2 if dy == 0 else (cy - distance * 0.7 - h if dy < 0 else cy + distance * 0.7)
            box = (left, top, left + w, top + h)
            if not _inside(box, area):
                continue
            cost = sum(_overlap(box, o) for o in obstacles)
            if cost == 0:
                return box
            if best_cost is None or cost < best_cost:
                best, best_cost = box, cost
    if best is None:  # wider than the plot: keep it on the right of the marker, clipped by nothing
        left = min(cx + gap, area[2] - w)
        best = (left, cy - h / 2, left + w, cy + h / 2)
    return best


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
               font: float = 8.0, marker: float | None = None, show_labels: bool = True) -> ChartLayout:
    """The plot area is the square (x, y, size, size); axis titles are drawn below and to the left of it.

    Player labels never cover each other, a marker or a quadrant name; markers that would cover
    each other are moved apart a little."""
    layout = ChartLayout()

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
            layout.names.append((tx, ty + i * font * 1.2, tx + w, ty + i * font * 1.2 + font * 1.15))
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
    area = (x, y, x + size, y + size)
    order = sorted(range(len(points)), key=lambda i: (points[i].highlight, i))  # highlighted: placed first
    centres = [(px(p.personal), py(p.social)) for p in points]
    spread = spread_markers([centres[i] for i in reversed(order)], r, area)
    layout.markers = [(0.0, 0.0)] * len(points)
    for i, spot in zip(reversed(order), spread):
        layout.markers[i] = spot
    for i in order:
        draw_marker(pen, points[i].shape, *layout.markers[i], r, points[i].highlight)
    if not show_labels:
        return layout
    halo = [(mx - k * r, my - k * r, mx + k * r, my + k * r)
            for (mx, my), k in zip(layout.markers, (1.9 if p.highlight else 1.5 for p in points))]
    placed: list[Box] = []
    for i in reversed(order):
        p = points[i]
        if not p.label:
            continue
        cx, cy = layout.markers[i]
        w = pen.text_width(p.label, font, p.highlight)
        h = font * 1.15
        gap = r * (2.5 if p.highlight else 1.8)
        box = place_label(w + 0.3 * font, h, cx, cy, gap, layout.names + halo + placed, area)
        placed.append(box)
        layout.labels.append(box)
        pen.rect(box[0], box[1], box[2] - box[0], h, 255, None)
        pen.text(box[0] + 0.15 * font, box[1] + 0.05 * font, p.label, font, bold=p.highlight)
    return layout
