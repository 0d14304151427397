"""The room's small header during play: the facilitator's round timer and whether the hub has the
table's results ("Nog 2:00 · Zaal: verbonden"). Drawn by the window over any game screen, inside
the top margin, never taking input."""

from __future__ import annotations

import math

import pygame

from ..i18n import t
from .text import draw_text, font


def clock_text(seconds: float) -> str:
    """125.2 -> "2:06" (rounded up: "Nog 0:00" only when the time is really over)."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def badge_text(room, lang: str) -> str:
    """The header's words for the room link `room`; empty without a room."""
    if room is None:
        return ""
    parts = []
    timer = room.timer()
    if timer.active:
        text = t(lang, "badge.over") if timer.remaining <= 0 else t(lang, "badge.timer", time=clock_text(timer.remaining))
        parts.append(text + (" " + t(lang, "badge.paused") if timer.paused else ""))
    status = room.status if room.status in ("connected", "connecting", "unreachable", "wrong_code") else "connecting"
    line = t(lang, f"badge.{status}")
    waiting = room.waiting()
    if waiting:
        line += " / " + t(lang, "badge.waiting" if waiting == 1 else "badge.waiting_many", count=waiting)
    parts.append(line)
    return " · ".join(parts)


def shows_badge(scene) -> bool:
    """Game screens (those the game state asks for), not the summary, which has its own room part."""
    return scene.route_key is not None and scene.name not in ("summary",)


def badge_rect(theme, size: tuple[int, int], text: str) -> tuple[pygame.Rect, int]:
    """Where the header goes: the top right corner, within the top margin; and its text size."""
    w, _ = size
    height = max(theme.s("pad"), theme.px(30))
    text_size = theme.s("tiny")
    f = font(theme, text_size, True)
    while text_size > 10 and f.get_height() > height - 2:
        text_size -= 1
        f = font(theme, text_size, True)
    width = min(w // 2, f.size(text)[0] + 2 * theme.s("gap"))
    return pygame.Rect(w - width - theme.s("pad"), 0, width, height), text_size


def draw_badge(surface, theme, text: str, below: int = 0) -> pygame.Rect | None:
    if not text:
        return None
    rect, size = badge_rect(theme, surface.get_size(), text)
    rect.top = below
    radius = theme.s("radius") // 2  # a tab hanging from the top edge
    pygame.draw.rect(surface, theme.c("accent"), rect, border_bottom_left_radius=radius,
                     border_bottom_right_radius=radius)
    draw_text(surface, theme, text, rect.center, size, theme.c("accent_text"), bold=True, anchor="center",
              max_width=rect.width - theme.s("gap"))
    return rect
