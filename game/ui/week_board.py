"""The week as a board: an hours track of the standard week that the played cards fill, each card a
segment as long as its hours, with the comfort line, the budget's edge (and what moved it) and the
hours over budget drawn on it."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..core.actions import Invalid
from ..core.rules import apply
from ..core.scoring import comfort_hours, mix_hours
from ..core.state import card_of
from ..export.card_face import card_face
from ..export.hyphenate import wrap as hyphen_wrap
from ..i18n.describe import card_title
from .card_face import icon_surface
from .text import draw_text, font, render, shortening_allowed
from .theme import Theme
from .widgets import blit_face


@dataclass(frozen=True)
class Board:
    """Where things are on the track: `x_of(hours)` maps an hour of the week to a pixel."""

    track: pygame.Rect
    span: int  # hours the track shows: the standard week, or more when the budget or the week is larger
    stops: tuple[tuple[float, int], ...]  # (hours, x) through the segments' edges, for x_of

    def x_of(self, hours: float) -> int:
        stops = self.stops
        for (h0, x0), (h1, x1) in zip(stops, stops[1:]):
            if hours <= h1 or (h1, x1) == stops[-1]:
                if h1 == h0:
                    return x1
                return round(x0 + (x1 - x0) * (hours - h0) / (h1 - h0))
        return stops[-1][1]


def segments(deck, mix: list[str], budget: int, track: pygame.Rect, min_w: int) -> tuple[Board, list[pygame.Rect]]:
    """Each card of the week a segment as long as its hours (never narrower than `min_w`, so a
    two-hour card can still be tapped); the rest of the track keeps the hours' scale."""
    span = max(deck.hours_per_week, budget, mix_hours(deck, mix), 1)
    hours = [deck.card(card_of(c)).hours for c in mix]
    scale = track.width / span
    widths = [max(min_w, h * scale) for h in hours]
    used = sum(hours)
    rest = (span - used) * scale
    total = sum(widths) + rest
    if total > track.width and sum(widths) > 0:  # the small cards' minimum comes from the big ones
        extra = total - track.width
        big = [i for i, w in enumerate(widths) if w > min_w]
        room = sum(widths[i] - min_w for i in big) + rest
        for i in big:
            widths[i] -= extra * (widths[i] - min_w) / max(1e-6, room)
        rest -= extra * rest / max(1e-6, room)
    rects, stops = [], [(0.0, track.left)]
    x = float(track.left)
    at = 0.0
    for h, w in zip(hours, widths):
        rects.append(pygame.Rect(round(x), track.top, max(1, round(x + w) - round(x)), track.height))
        x += w
        at += h
        stops.append((at, round(x)))
    if span > at:
        stops.append((float(span), track.right))
    return Board(track, span, tuple(stops)), rects


# ------------------------------------------------------------------ what moved the budget
_stories: dict = {}


def budget_story(session, player: int) -> list[tuple[int, str]]:
    """(hours, what did it) for every change of this player's budget so far: an event or a dilemma
    by its title. Followed move by move from the game's start (remembered per session)."""
    deck = session.deck
    log = session.state.log
    memo = _stories.get(id(session))
    if memo is None or memo["initial"] is not session.initial or log[:memo["n"]] != memo["log"]:
        memo = {"initial": session.initial, "n": 0, "log": [], "state": session.initial, "changes": []}
        _stories.clear()
        _stories[id(session)] = memo
    from ..core.actions import Action

    state = memo["state"]
    for entry in log[memo["n"]:]:
        nxt = apply(deck, state, Action.from_json(entry))
        if isinstance(nxt, Invalid):
            break
        for i, (a, b) in enumerate(zip(state.players, nxt.players)):
            if a.budget != b.budget:
                source = state.dilemma if state.dilemma and state.dilemma != nxt.dilemma else nxt.event
                memo["changes"].append((i, b.budget - a.budget, source))
        state = nxt
        memo["log"].append(entry)
        memo["n"] += 1
    memo["state"] = state
    return [(delta, card_title(deck, card_of(src), session.save.lang) if src else "")
            for i, delta, src in memo["changes"] if i == player]


# ------------------------------------------------------------------ drawing
def draw_segment(surface, theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect, *, selected: bool = False,
                 hovered: bool = False, over: bool = False) -> None:
    """A card of the week on the track: its colour band, icon, hours and (where it fits whole) its title."""
    key = ("segment", deck.id, deck.fingerprint, lang, inst, selected, hovered, over, theme.high_contrast, theme.unit,
           theme.projector)
    blit_face(surface, rect, key, lambda face, r: _paint_segment(face, theme, deck, lang, inst, r, selected, hovered,
                                                                 over))


def _paint_segment(surface, theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect, selected: bool,
                   hovered: bool, over: bool) -> None:
    face = card_face(deck, card_of(inst), lang)
    fill, ink = pygame.Color(face.band.fill), pygame.Color(face.band.ink)
    radius = max(2, theme.s("radius") // 2)
    inner = rect.inflate(-2, -2)
    pygame.draw.rect(surface, fill, inner, border_radius=radius)
    if hovered:
        pygame.draw.rect(surface, ink, inner.inflate(-6, -6), 2, border_radius=radius)
    border = theme.c("selected") if selected else theme.c("card_border")
    pygame.draw.rect(surface, border, inner, max(2, theme.s("border") * (2 if selected else 1)), border_radius=radius)
    pad = max(3, theme.s("gap") // 2)
    size = theme.s("card_text")
    icon = min(inner.height - 2 * pad, theme.px(40))
    hours = f"{face.hours} u" if lang == "nl" else f"{face.hours} h"
    hw = font(theme, size, True).size(hours)[0]
    x = inner.left + pad
    y = inner.top + pad
    hours_surf = render(theme, hours, size, ink, True)
    lh_small = font(theme, size, True).get_linesize()
    wide = inner.width >= icon + hw + 3 * pad + size * 3  # room for icon, a title and the hours beside it
    if inner.width >= icon + 2 * pad:
        surface.blit(icon_surface(face.art, face.band.ink, icon), (x, y))
    if wide:  # the hours in the lower left corner, clear of the comfort line near the right end
        surface.blit(hours_surf, (x, inner.bottom - pad - lh_small))
    elif inner.width >= hw + 2 * pad and y + icon + lh_small <= inner.bottom:
        surface.blit(hours_surf, (x, y + icon))
    tx = x + icon + pad
    width = inner.right - pad - tx
    if wide:
        title_size = theme.s("card_title")
        lh = font(theme, title_size, True).get_linesize()
        measure = lambda text: font(theme, title_size, True).size(text)[0]  # noqa: E731
        lines = hyphen_wrap(face.title, width, measure, lang)
        room = max(0, (inner.height - 2 * pad) // lh)
        # the last line stays clear of the hours in the corner
        clear = y + len(lines) * lh <= inner.bottom - pad - lh_small or hw <= icon
        if lines and len(lines) <= room and all(measure(x) <= width for x in lines) and clear:
            for i, line in enumerate(lines):
                surface.blit(render(theme, line, title_size, ink, True), (tx, y + i * lh))
    if over:
        stripe = pygame.Surface(inner.size, pygame.SRCALPHA)
        step = max(8, theme.px(16))
        for k in range(-inner.height, inner.width, step):
            pygame.draw.line(stripe, (*theme.c("negative")[:3], 150), (k, inner.height), (k + inner.height, 0), 3)
        surface.blit(stripe, inner)


def draw_board(surface, theme: Theme, board: Board, deck, *, budget: int, used: int, story: list[tuple[int, str]],
               labels: dict[str, str]) -> None:
    """The track behind the segments: hour ticks, the room left, the comfort line, the budget edge
    (with what moved it) and the hours over budget. `labels` holds the words: comfort, budget,
    over, free (already filled in)."""
    th = theme
    track = board.track
    radius = max(2, th.s("radius") // 2)
    pygame.draw.rect(surface, th.c("panel"), track, border_radius=radius)
    small = th.s("tiny")
    lh = font(th, small, True).get_linesize()
    # ticks every 4 hours under the track, numbers every 8
    for hour in range(0, board.span + 1, 4):
        x = board.x_of(hour)
        tall = hour % 8 == 0
        pygame.draw.line(surface, th.c("line"), (x, track.bottom), (x, track.bottom + (th.px(10) if tall else th.px(5))),
                         2)
    # beyond the budget: no room (a shade with stripes)
    edge = board.x_of(budget)
    if edge < track.right:
        shut = pygame.Rect(edge, track.top, track.right - edge, track.height)
        pygame.draw.rect(surface, th.c("disabled"), shut)
        for k in range(shut.left - shut.height, shut.right, max(8, th.px(18))):
            a = (max(shut.left, k), shut.bottom - (max(shut.left, k) - k))
            b = (min(shut.right, k + shut.height), shut.top + (k + shut.height - min(shut.right, k + shut.height)))
            pygame.draw.line(surface, th.c("line"), a, b, 2)
    pygame.draw.rect(surface, th.c("line"), track, 2, border_radius=radius)
    draw_marks(surface, theme, board, deck, budget)
    cx = board.x_of(comfort_hours(deck, budget))
    free = budget - used
    if free > 0 and "free" in labels:  # the room left, written in it when it fits
        left, right = board.x_of(used), edge
        f = font(th, th.s("small"), True)
        if f.size(labels["free"])[0] + th.px(16) <= right - left and f.get_linesize() <= track.height:
            draw_text(surface, th, labels["free"], ((left + right) // 2, track.centery), th.s("small"), th.c("muted"),
                      bold=True, anchor="center")
    below = track.bottom + th.px(12)
    items = [(cx, labels["comfort"], "personal"), (edge, labels["budget"], "text")]
    if used > budget:
        items.append((board.x_of(used), labels["over"], "negative"))
    for x, text, colour in place_labels(th, sorted(items, key=lambda i: i[0]), track.left, track.right, small):
        draw_text(surface, th, text, (x, below), small, th.c(colour), bold=True)


def place_labels(th: Theme, items: list[tuple[int, str, str]], left: int, right: int, size: int):
    """Labels on one line under the track, each centred on its mark where it can be; two that would
    touch become one ("budget 32 u · comfortlijn 29 u"), so none ever covers another."""
    f = font(th, size, True)
    space = th.px(16)
    placed: list[list] = []  # [x, text, colour, anchor]
    for anchor, text, colour in items:
        placed.append([0, text, colour, anchor])
        while True:
            for item in placed:
                w = f.size(item[1])[0]
                item[0] = max(left, min(item[3] - w // 2, right - w))
            # push to the right of the one before; merge when that runs off the line
            clash = None
            for i in range(1, len(placed)):
                prev_end = placed[i - 1][0] + f.size(placed[i - 1][1])[0] + space
                if placed[i][0] < prev_end:
                    if prev_end + f.size(placed[i][1])[0] <= right:
                        placed[i][0] = prev_end
                        placed[i][3] = prev_end + f.size(placed[i][1])[0] // 2
                    else:
                        clash = i
                        break
            if clash is None:
                break
            a, b = placed[clash - 1], placed.pop(clash)
            a[1] = f"{a[1]} · {b[1]}"
            a[2] = "text"
    return [(x, text, colour) for x, text, colour, _ in placed]


def draw_marks(surface, theme: Theme, board: Board, deck, budget: int, clip: pygame.Rect | None = None) -> None:
    """The comfort line (dashed) and the budget's edge (solid), over the segments too; `clip` keeps
    them to one segment when only that segment is drawn again."""
    th = theme
    track = board.track
    old = surface.get_clip()
    if clip is not None:
        surface.set_clip(clip.clip(old) if old else clip)
    cx = board.x_of(comfort_hours(deck, budget))
    dash = max(4, th.px(8))
    width = max(3, th.s("border"))
    for y in range(track.top - th.px(6), track.bottom + th.px(6), dash * 2):
        end = min(track.bottom + th.px(6), y + dash)
        pygame.draw.line(surface, th.c("bg"), (cx, y), (cx, end), width + 4)  # a halo: it shows on any band
        pygame.draw.line(surface, th.c("personal"), (cx, y), (cx, end), width)
    edge = board.x_of(budget)
    bw = max(4, th.s("border") * 2)
    pygame.draw.rect(surface, th.c("text"), (edge - bw // 2, track.top - th.px(8), bw, track.height + th.px(16)))
    surface.set_clip(old)


def board_label_height(theme: Theme) -> int:
    """The room the labels under the track take."""
    return theme.px(12) + font(theme, theme.s("tiny"), True).get_linesize()


def draw_recap(surface, theme: Theme, deck, lang: str, players, rect: pygame.Rect, heading: str,
               hours_label) -> None:
    """Every player's week as a small board, one row each: the table sees each other's choices.
    `hours_label(used, budget)` gives the words for a row's hours."""
    th = theme
    gap = th.s("gap")
    small = th.s("small")
    lh = font(th, small, True).get_linesize()
    y = rect.top
    draw_text(surface, th, heading, (rect.left, y), th.s("body"), th.c("text"), bold=True, max_width=rect.width)
    y += font(th, th.s("body"), True).get_linesize() + gap // 2
    rows = max(1, len(players))
    row_h = max(lh * 2, min(th.px(120), (rect.bottom - y) // rows - gap // 2))
    for p in players:
        if y + row_h > rect.bottom:
            break
        used = mix_hours(deck, p.mix)
        hours = hours_label(used, p.budget)
        hw = font(th, small, True).size(hours)[0]
        with shortening_allowed():  # a long name gives way to the hours (the name is on every other screen)
            draw_text(surface, th, p.name, (rect.left, y), small, th.c("text"), bold=True,
                      max_width=max(1, rect.width - hw - gap))
        draw_text(surface, th, hours, (rect.right, y), small, th.c("negative" if used > p.budget else "muted"),
                  bold=True, anchor="topright")
        track = pygame.Rect(rect.left, y + lh, rect.width, row_h - lh - gap // 3)
        board, rects = segments(deck, list(p.mix), p.budget, track, th.px(28))
        pygame.draw.rect(surface, th.c("panel"), track, border_radius=max(2, th.s("radius") // 2))
        edge = board.x_of(p.budget)
        if edge < track.right:
            pygame.draw.rect(surface, th.c("disabled"), (edge, track.top, track.right - edge, track.height))
        for inst, r in zip(p.mix, rects):
            before = mix_hours(deck, p.mix[:p.mix.index(inst)])
            draw_segment(surface, th, deck, lang, inst, r, over=before + deck.card(card_of(inst)).hours > p.budget)
        pygame.draw.rect(surface, th.c("line"), track, 1, border_radius=max(2, th.s("radius") // 2))
        pygame.draw.line(surface, th.c("text"), (edge, track.top - 2), (edge, track.bottom + 2), max(2, th.s("border")))
        y += row_h + gap // 2
