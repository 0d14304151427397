"""A scrolling document: headings, wrapped text and bars, laid out for a width and drawn with an offset."""

from __future__ import annotations

from typing import Any

import pygame

from ..text import font, render, wrap
from ..widgets import signed


class Doc:
    """Blocks: ("h", text), ("p", text), ("muted", text), ("bar", label, value, maximum, colour, note), ("gap",)."""

    def __init__(self, theme) -> None:
        self.theme = theme
        self.blocks: list[tuple] = []

    def h(self, text: str) -> "Doc":
        self.blocks.append(("h", text))
        return self

    def p(self, text: str, colour: str = "text", bold: bool = False, size: str = "body") -> "Doc":
        self.blocks.append(("p", text, colour, bold, size))
        return self

    def bar(self, label: str, value: float, maximum: float, colour, note: str = "") -> "Doc":
        self.blocks.append(("bar", label, value, maximum, colour, note))
        return self

    def gap(self) -> "Doc":
        self.blocks.append(("gap",))
        return self

    def _lines(self, width: int) -> list[tuple[str, Any, int]]:
        """(kind, payload, height) per drawn line; the payload's shape depends on the kind:
        "text" (line, size, colour, bold), "bar" (block, label lines), "gap" None."""
        th = self.theme
        out: list[tuple[str, Any, int]] = []
        for b in self.blocks:
            if b[0] == "h":
                size = th.s("h2")
                for line in wrap(th, b[1], size, width, True):
                    out.append(("text", (line, size, "text", True), font(th, size, True).get_linesize()))
            elif b[0] == "p":
                size = th.s(b[4] if len(b) > 4 else "body")
                for line in wrap(th, b[1], size, width, b[3]):
                    out.append(("text", (line, size, b[2], b[3]), font(th, size, b[3]).get_linesize()))
            elif b[0] == "bar":  # its label wraps (never shortened), the bar under it
                size = th.s("small")
                label = f"{b[1]}{(': ' + b[5]) if b[5] else ''}"
                lines = wrap(th, label, size, width)
                out.append(("bar", (b, lines), font(th, size).get_linesize() * len(lines) + th.s("bar_h")
                            + th.s("gap") // 2))
            else:
                out.append(("gap", None, th.s("gap")))
        return out

    def height(self, width: int) -> int:
        return sum(h for _, _, h in self._lines(width))

    def draw(self, surface, rect: pygame.Rect, offset: int) -> None:
        th = self.theme
        clip = surface.get_clip()
        surface.set_clip(rect)
        y = rect.top - offset
        for kind, payload, h in self._lines(rect.width):
            if y + h >= rect.top and y <= rect.bottom:
                if kind == "text":
                    line, size, colour, bold = payload
                    c = colour if not isinstance(colour, str) else th.c(colour)
                    surface.blit(render(th, line, size, c, bold), (rect.left, y))
                elif kind == "bar":
                    (_, label, value, maximum, colour, note), lines = payload
                    size = th.s("small")
                    lh = font(th, size).get_linesize()
                    for i, line in enumerate(lines):
                        surface.blit(render(th, line, size, th.c("text")), (rect.left, y + i * lh))
                    bar = pygame.Rect(rect.left, y + lh * len(lines), int(rect.width * 0.8), th.s("bar_h"))
                    pygame.draw.rect(surface, th.c("meter_bg"), bar)
                    fill = bar.copy()
                    fill.width = int(bar.width * max(0.0, min(1.0, value / maximum if maximum else 0)))
                    pygame.draw.rect(surface, colour if not isinstance(colour, str) else th.c(colour), fill)
                    pygame.draw.rect(surface, th.c("line"), bar, 1)
            y += h
        surface.set_clip(clip)
        total = self.height(rect.width)
        if total > rect.height:  # a scroll bar says there is more
            track = pygame.Rect(rect.right + th.px(6), rect.top, th.px(8), rect.height)
            pygame.draw.rect(surface, th.c("meter_bg"), track)
            knob_h = max(th.px(30), int(rect.height * rect.height / total))
            top = rect.top + int((rect.height - knob_h) * offset / max(1, total - rect.height))
            pygame.draw.rect(surface, th.c("muted"), (track.left, top, track.width, knob_h))


__all__ = ["Doc", "signed"]
