"""Short notices over any screen when something happens to someone else's week: a boost given,
an offer taken or turned down ("Sam gaf Lotte een boost"). A notice slides in at the top right, stays a
few seconds and goes; with reduced motion it appears at once and stays until the screen changes."""

from __future__ import annotations

import pygame

from ..core.state import card_of
from ..i18n import t
from ..i18n.describe import card_title
from .card_face import icon_surface
from .text import draw_text, font, wrap

SLIDE_S = 0.25
SHOW_S = 4.0

_seen: dict = {}  # id(session) -> boosts counted per player
_shown: list[dict] = []  # {"text", "start"}
_generation = [0]  # changes whenever what the toasts cover changes: a screen then draws in full


def generation() -> int:
    return _generation[0]


def _bump() -> None:
    _generation[0] += 1


def boost_texts(deck, lang: str, state, before: list[int]) -> list[str]:
    """The notices for every boost recorded since the counts in `before` (one per player)."""
    out = []
    names = [p.name for p in state.players]
    for i, p in enumerate(state.players):
        for record in p.boosts[before[i] if i < len(before) else 0:]:
            card = card_title(deck, card_of(record["card"]), lang)
            giver = names[record["giver"]] if record.get("giver") is not None else ""
            kind = record.get("kind")
            if kind == "advice":
                key = "toast.advice_yes" if record.get("accepted") else "toast.advice_no"
            elif kind == "offer":
                key = "toast.offer_yes" if record.get("accepted") else "toast.offer_no"
            else:
                key = "toast.named"
            out.append(t(lang, key, giver=giver, to=p.name, card=card))
    return out


def notice(host) -> None:
    """Compare the game's boosts with what was seen before and add a notice for each new one."""
    session = getattr(host.controller, "session", None)
    if session is None:
        return
    state = session.state
    counts = [len(p.boosts) for p in state.players]
    before = _seen.get(id(session))
    if before is None:
        _shown.clear()  # another game: its notices are not this one's
    _seen.clear()
    _seen[id(session)] = counts
    if before is None or len(before) != len(counts) or any(b > c for b, c in zip(before, counts)):
        return  # a new game, or an undo: nothing to tell
    for text in boost_texts(session.deck, host.lang, state, before):
        _shown.append({"text": text, "start": host.clock})
        _bump()
        say = getattr(host, "say", None)
        if callable(say):
            say(text)


def due(clock: float) -> bool:
    """A notice has had its time: the window draws once more to take it away (no frames in between)."""
    return any(not 0 <= clock - item["start"] < SHOW_S for item in _shown)


def draw(surface, host) -> None:
    """The live notices, newest at the top (call after the screen is drawn)."""
    notice(host)
    if not _shown:
        return
    motion = host.motion_enabled
    alive = []
    for item in _shown:
        if not 0 <= host.clock - item["start"] < SHOW_S:
            continue  # had its time (or belongs to another window's clock)
        alive.append(item)
    if len(alive) != len(_shown):
        _shown[:] = alive
        _bump()  # what a notice covered is drawn in full
    session = getattr(host.controller, "session", None)
    if session is not None and session.state.phase == "summary":
        return  # the game is over: the summary holds every boost, and a notice would cover its chart
    th = host.theme
    w, _ = host.size
    pad, gap = th.s("pad"), th.s("gap")
    size = th.s("body")
    lh = font(th, size, True).get_linesize()
    # One notice at a time, the newest, and not wider than it needs to be: a table that boosts
    # quickly (or a demo) would otherwise stack notices over the screen's heading.
    width = min(w - pad * 4, max(int(w * 0.46), th.px(560)), th.px(820))
    y = pad // 2
    if getattr(host, "room_badge", ""):  # under the room's header, which hangs in the same corner
        y += max(th.s("pad"), th.px(30)) + gap // 2
    for item in alive[-1:]:
        lines = wrap(th, item["text"], size, width - lh - gap * 3, True)
        # at the top right: the heading at the left says whose turn it is, and stays readable
        box = pygame.Rect(w - width - pad // 2, y, width, len(lines) * lh + gap * 2)
        k = min(1.0, (host.clock - item["start"]) / SLIDE_S) if motion else 1.0
        if k < 1.0:
            box.y -= round((1 - k) * (box.height + y))
            _bump()  # the screen under a moving notice is drawn in full
            host.request_frame()
        pygame.draw.rect(surface, th.c("panel"), box, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("accent"), box, th.s("border"), border_radius=th.s("radius"))
        colour = th.c("accent")
        surface.blit(icon_surface("rocket", "#%02x%02x%02x" % (colour.r, colour.g, colour.b), lh),
                     (box.left + gap, box.top + gap))
        for i, line in enumerate(lines):
            draw_text(surface, th, line, (box.left + gap * 2 + lh, box.top + gap + i * lh), size, th.c("text"),
                      bold=True)
        y = box.bottom + gap // 2


def reset() -> None:
    _seen.clear()
    _shown.clear()
    _bump()
