"""Widgets: a clickable, focusable rectangle with a label, and how buttons, cards and meters are drawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from ..core.state import card_of
from ..i18n import t
from ..i18n.describe import dimension_name
from .text import draw_text, draw_wrapped, font, render, wrap
from .theme import Theme


@dataclass(eq=False)
class Widget:
    """A hit area. `kind` is button, card, field or chip; `on_click` runs on click, Enter or Space."""

    id: str
    rect: pygame.Rect
    label: str = ""
    on_click: Callable[[], None] | None = None
    enabled: bool = True
    kind: str = "button"
    style: str = "primary"  # primary, alt
    data: dict = field(default_factory=dict)
    selected: bool = False
    focusable: bool = True

    def click(self) -> None:
        if self.enabled and self.on_click:
            self.on_click()


def draw_focus(surface, theme: Theme, rect: pygame.Rect) -> None:
    w = theme.s("focus_width")
    pygame.draw.rect(surface, theme.c("focus"), rect.inflate(w * 3, w * 3), w, border_radius=theme.s("radius"))


def draw_button(surface, theme: Theme, w: Widget, hovered: bool = False) -> None:
    r = theme.s("radius")
    if not w.enabled:
        bg, fg = theme.c("disabled"), theme.c("disabled_text")
    elif w.style == "alt" or (w.kind == "chip" and not w.selected):
        bg, fg = theme.c("button_alt"), theme.c("button_alt_text")
    else:
        bg, fg = theme.c("button"), theme.c("button_text")
    if w.kind == "chip" and w.selected:
        bg, fg = theme.c("selected"), theme.c("accent_text")
    rect = w.rect
    pygame.draw.rect(surface, bg, rect, border_radius=r)
    border = theme.c("text") if hovered and w.enabled else theme.c("line")
    pygame.draw.rect(surface, border, rect, theme.s("border"), border_radius=r)
    label = ("✓ " + w.label) if (w.kind == "chip" and w.selected) else w.label
    size = theme.s("body")
    f = font(theme, size, True)
    while size > 10 and f.size(label)[0] > rect.width - theme.s("gap"):
        size -= 1
        f = font(theme, size, True)
    draw_text(surface, theme, label, rect.center, size, fg, bold=True, anchor="center")


def draw_field(surface, theme: Theme, w: Widget, focused: bool) -> None:
    r = theme.s("radius") // 2
    pygame.draw.rect(surface, theme.c("card"), w.rect, border_radius=r)
    pygame.draw.rect(surface, theme.c("text") if focused else theme.c("line"), w.rect, theme.s("border"), border_radius=r)
    text = w.data.get("text", "")
    size = theme.s("body")
    inner = w.rect.inflate(-theme.s("gap") * 2, 0)
    shown = text + ("|" if focused else "")
    f = font(theme, size)
    while f.size(shown)[0] > inner.width and len(shown) > 1:
        shown = shown[1:]
    if not text and not focused and w.data.get("placeholder"):
        draw_text(surface, theme, w.data["placeholder"], (inner.left, w.rect.centery), size, theme.c("muted"), anchor="midleft")
    else:
        draw_text(surface, theme, shown, (inner.left, w.rect.centery), size, theme.c("text"), anchor="midleft")


def signed(n: float) -> str:
    n = int(n)
    return f"+{n}" if n > 0 else ("−" + str(-n) if n < 0 else "0")


def card_value_lines(deck, card, lang: str) -> list[tuple[str, str]]:
    """(text, colour name) per value: personal with ▲/▼ and a sign, social with ◆ per point."""
    out = []
    for d in deck.personal_ids:
        v = card.personal.get(d, 0)
        if v:
            mark = "▲" if v > 0 else "▼"
            out.append((f"{mark}{signed(v)} {dimension_name(deck, d, lang)}", "positive" if v > 0 else "negative"))
    for d in deck.social_ids:
        v = card.social.get(d, 0)
        if v:
            out.append((f"{'◆' * v} {dimension_name(deck, d, lang)}", "social"))
    return out


def draw_card(surface, theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect,
              selected: bool = False, hovered: bool = False, dim: bool = False) -> None:
    """A role or task card drawn from deck data: type, title, hours, values with shapes and signs."""
    card = deck.card(card_of(inst))
    r = theme.s("radius")
    bg = theme.c("card_role") if card.type == "role" else theme.c("card_task")
    pygame.draw.rect(surface, bg, rect, border_radius=r)
    bw = theme.s("border") * (2 if selected else 1)
    border = theme.c("selected") if selected else (theme.c("text") if hovered else theme.c("card_border"))
    pygame.draw.rect(surface, border, rect, bw, border_radius=r)
    pad = max(4, theme.s("gap") // 2 + 2)
    inner = rect.inflate(-pad * 2, -pad * 2)
    small = theme.s("card_text")
    # type label and hours on the first line
    kind = t(lang, f"card.type.{card.type}") if card.type in ("role", "task") else card.type
    draw_text(surface, theme, kind, inner.topleft, small, theme.c("muted"))
    hours = t(lang, "card.hours", hours=card.hours) if card.playable else ""
    if hours:
        hs = render(theme, hours, small, theme.c("text"), True)
        badge = hs.get_rect(topright=inner.topright).inflate(pad, 2)
        pygame.draw.rect(surface, theme.c("panel"), badge, border_radius=r // 2)
        pygame.draw.rect(surface, theme.c("card_border"), badge, 1, border_radius=r // 2)
        surface.blit(hs, hs.get_rect(center=badge.center))
    y = inner.top + font(theme, small).get_linesize()
    tsize = theme.s("card_title")
    longest = max(card.title.get(lang).split() or [""], key=lambda word: font(theme, tsize, True).size(word)[0])
    while tsize > theme.s("tiny") and font(theme, tsize, True).size(longest)[0] > inner.width:
        tsize -= 1  # a long word gets a smaller title rather than a break inside it
    tl = font(theme, tsize, True).get_linesize()
    title_rect = pygame.Rect(inner.left, y, inner.width, tl * 2)
    used = draw_wrapped(surface, theme, card.title.get(lang), title_rect, tsize, theme.c("text"), bold=True, max_lines=2)
    y += used + 2
    lh = font(theme, small).get_linesize()
    lines = card_value_lines(deck, card, lang)
    room = max(0, (inner.bottom - y) // lh)
    if card.requires and room:
        lines = [(t(lang, "card.requires", tags=", ".join(card.requires)), "muted")] + lines
    if len(lines) > room and room > 0:
        lines = lines[: room - 1] + [("…", "muted")]
    for text, colour in lines[:room]:
        f = font(theme, small)
        while f.size(text)[0] > inner.width and len(text) > 2:
            text = text[:-2] + "…"
        draw_text(surface, theme, text, (inner.left, y), small, theme.c(colour))
        y += lh
    if dim:
        shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        shade.fill(tuple(theme.c("overlay"))[:3] + (70,))
        surface.blit(shade, rect)
        label = render(theme, t(lang, "card.no_fit"), small, theme.c("warning_text"), True)
        box = label.get_rect(midbottom=(rect.centerx, rect.bottom - pad)).inflate(pad, 2)
        pygame.draw.rect(surface, theme.c("warning_bg"), box, border_radius=r // 2)
        surface.blit(label, label.get_rect(center=box.center))


def draw_meter(surface, theme: Theme, rect: pygame.Rect, label: str, value: float,
               preview: float | None, colour_name: str) -> None:
    """A 0–100 bar with the number; a preview shows as an outlined marker and a signed difference."""
    size = theme.s("small")
    lh = font(theme, size, True).get_linesize()
    text = f"{label}: {round(value)}"
    if preview is not None and round(preview) != round(value):
        text += f" → {round(preview)} ({signed(round(preview) - round(value))})"
    draw_text(surface, theme, text, rect.topleft, size, theme.c("text"), bold=True)
    bar = pygame.Rect(rect.left, rect.top + lh + 2, rect.width, max(8, rect.height - lh - 4))
    pygame.draw.rect(surface, theme.c("meter_bg"), bar, border_radius=bar.height // 3)
    fill = bar.copy()
    fill.width = int(bar.width * max(0.0, min(100.0, value)) / 100)
    pygame.draw.rect(surface, theme.c(colour_name), fill, border_radius=bar.height // 3)
    if preview is not None:
        x = bar.left + int(bar.width * max(0.0, min(100.0, preview)) / 100)
        lo, hi = sorted((fill.right, x))
        if hi > lo:
            band = pygame.Rect(lo, bar.top, hi - lo, bar.height)
            pygame.draw.rect(surface, theme.c("preview"), band, max(2, theme.s("border")))
        pygame.draw.line(surface, theme.c("preview"), (x, bar.top - 4), (x, bar.bottom + 4), max(3, theme.s("border")))
    pygame.draw.rect(surface, theme.c("line"), bar, 1, border_radius=bar.height // 3)


def draw_marker(surface, shape: str, centre, radius: int, colour, outline) -> None:
    """Player markers differ in shape as well as colour."""
    x, y = centre
    r = radius
    if shape == "square":
        rect = pygame.Rect(0, 0, r * 2, r * 2)
        rect.center = centre
        pygame.draw.rect(surface, colour, rect)
        pygame.draw.rect(surface, outline, rect, 2)
        return
    if shape in ("triangle", "diamond", "star", "cross"):
        if shape == "triangle":
            pts = [(x, y - r), (x + r, y + r), (x - r, y + r)]
        elif shape == "diamond":
            pts = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        elif shape == "cross":
            q = r // 2
            pts = [(x - q, y - r), (x + q, y - r), (x + q, y - q), (x + r, y - q), (x + r, y + q), (x + q, y + q),
                   (x + q, y + r), (x - q, y + r), (x - q, y + q), (x - r, y + q), (x - r, y - q), (x - q, y - q)]
        else:
            import math
            pts = []
            for i in range(10):
                rad = r if i % 2 == 0 else r * 0.45
                a = -math.pi / 2 + i * math.pi / 5
                pts.append((x + rad * math.cos(a), y + rad * math.sin(a)))
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, outline, pts, 2)
        return
    pygame.draw.circle(surface, colour, centre, r)
    pygame.draw.circle(surface, outline, centre, r, 2)
