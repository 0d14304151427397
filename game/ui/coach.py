"""The guided first round: a few marks on the first turn of a player's first game, each pointing at a
part of the screen (the hand, the week, the meters, the buttons) with one sentence about it.

The coach never takes a key: every key goes to the game, and each input the game gets moves the coach
on to its next mark (it follows along). Only a click or tap on the coach's own box ("Volgende",
"Overslaan") goes to the coach. It is shown once: when it ends, is skipped, or the first turn ends,
the settings remember it (`coached`). The window draws it over the turn screen (game/ui/window.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..i18n import t
from .text import draw_wrapped, font, text_height
from .widgets import Widget, draw_button

STEPS = ("hand", "week", "meters", "buttons")


def _union(rects: list[pygame.Rect]) -> pygame.Rect | None:
    if not rects:
        return None
    out = rects[0].copy()
    for r in rects[1:]:
        out.union_ip(r)
    return out


def targets(scene) -> dict[str, pygame.Rect]:
    """Where each mark points on `scene` (a turn screen): the parts it can find, by their widgets."""
    found: dict[str, pygame.Rect] = {}
    rows = getattr(scene, "rows", {}) or {}
    empty = getattr(scene, "empty", {}) or {}
    for step, zone in (("hand", "hand"), ("week", "mix")):
        rects = [w.rect for w in scene.widgets if w.kind == "card" and w.data.get("zone") == zone]
        for extra in (rows.get(zone), empty.get(zone)):
            if isinstance(extra, pygame.Rect):
                rects.append(extra)
        area = _union(rects)
        if area is not None:
            found[step] = area
    panel = getattr(scene, "panel", None)
    if isinstance(panel, pygame.Rect):
        height = scene.panel_min_height() if hasattr(scene, "panel_min_height") else panel.height // 3
        found["meters"] = pygame.Rect(panel.left, panel.top, panel.width, min(panel.height, height))
        buttons = [w.rect for w in scene.widgets if w.kind == "button" and panel.contains(w.rect)]
        area = _union(buttons)
        if area is not None:
            found["buttons"] = area
    return found


@dataclass
class CoachBox:
    rect: pygame.Rect
    target: pygame.Rect
    next_button: Widget
    skip_button: Widget


class Coach:
    """The marks of the first round for one window. `active` while a mark is shown."""

    def __init__(self, window) -> None:
        self.window = window
        self.step = 0
        self.active = False
        self.done = bool(getattr(window.controller.settings, "coached", False))
        self.route_key: tuple | None = None
        self.box: CoachBox | None = None

    # ----------------------------------------------------------------- when
    def check(self) -> bool:
        """Start on the first turn of a first game, stop when that turn is over. True when what is
        shown changed (the window then draws the whole screen again)."""
        stack = self.window.stack
        base = stack[0] if stack else None
        if self.active:
            # a menu or the rules laid over the turn, or a dilemma drawn in it: the same turn goes on
            if base is None or base.route_key is None or base.route_key[0] != self.route_key:
                self.finish()
                return True
            return False
        if self.done or not self.window.coach_possible or base is None or base.name != "turn" \
                or base.route_key is None:
            return False
        session = self.window.controller.session
        state = session.state if session is not None else None
        if state is None or state.round != 1 or state.turns_done != 0:
            return False
        self.active, self.step, self.route_key = True, 0, base.route_key[0]
        self.window.say(self.text())
        return True

    def showing(self) -> bool:
        """Drawn only over the turn itself (not under a menu or over a dilemma)."""
        stack = self.window.stack
        return self.active and len(stack) == 1 and stack[0].name == "turn"

    def steps(self) -> list[str]:
        scene = self.window.stack[0] if self.window.stack else None
        found = targets(scene) if scene is not None and scene.name == "turn" else {}
        return [s for s in STEPS if s in found]

    def text(self) -> str:
        steps = self.steps()
        if not steps:
            return ""
        return t(self.window.lang, f"coach.{steps[min(self.step, len(steps) - 1)]}")

    # ----------------------------------------------------------------- input
    def game_input(self) -> bool:
        """The game got a key, click or tap: the coach moves on with it. True when it changed."""
        if not self.showing():
            return False
        self.next()
        return True

    def click(self, pos) -> bool:
        """A click or tap: True when it was on the coach's box (the game does not get it)."""
        if not self.showing() or self.box is None or not self.box.rect.collidepoint(pos):
            return False
        if self.box.skip_button.rect.collidepoint(pos):
            self.finish()
        elif self.box.next_button.rect.collidepoint(pos):
            self.next()
        return True

    def next(self) -> None:
        self.step += 1
        if self.step >= len(self.steps()):
            self.finish()
        else:
            self.window.say(self.text())

    def finish(self) -> None:
        """Skipped, seen to the end, or the first turn is over: never again (remembered)."""
        was = self.active
        self.active, self.box = False, None
        if not self.done:
            self.done = True
            self.window.controller.change_setting("coached", True)
        if was:
            self.window.repaint_all()  # the turn paints only what changed: the box's pixels must go

    # ----------------------------------------------------------------- drawing
    def layout(self, scene) -> CoachBox | None:
        steps = self.steps()
        if not self.active or not steps:
            return None
        th = self.window.theme
        w, h = self.window.size
        pad, gap = th.s("pad"), th.s("gap")
        target = targets(scene)[steps[min(self.step, len(steps) - 1)]]
        width = min(th.px(760), w - 2 * pad)
        text_w = width - 2 * pad
        body = self.text()
        count = t(self.window.lang, "coach.count", n=self.step + 1, total=len(steps))
        bh = max(th.min_hit(), int(th.s("button_h") * 0.75))
        height = (font(th, th.s("small"), True).get_linesize() + text_height(th, body, th.s("body"), text_w)
                  + gap * 3 + bh + pad)
        box = pygame.Rect(0, 0, width, height)
        # beside the target where there is room: below, above, then over its far side
        for place in ("below", "above", "inside"):
            if place == "below":
                box.midtop = (target.centerx, target.bottom + gap * 2)
            elif place == "above":
                box.midbottom = (target.centerx, target.top - gap * 2)
            else:
                box.center = target.center
            box.clamp_ip(pygame.Rect(0, 0, w, h).inflate(-pad, -pad))
            if place == "inside" or not box.colliderect(target):
                break
        last = self.step + 1 >= len(steps)
        label_next = t(self.window.lang, "coach.done" if last else "coach.next")
        label_skip = t(self.window.lang, "coach.skip")
        f = font(th, th.s("body"), True)
        nw = max(th.px(160), f.size(label_next)[0] + 2 * pad)
        sw = max(th.px(160), f.size(label_skip)[0] + 2 * pad)
        y = box.bottom - pad // 2 - bh
        nxt = Widget("coach:next", pygame.Rect(box.right - pad - nw, y, nw, bh), label_next, None, True, "button",
                     "primary", {})
        skip = Widget("coach:skip", pygame.Rect(nxt.rect.left - gap - sw, y, sw, bh), label_skip, None, True,
                      "button", "alt", {})
        self.box = CoachBox(box, target, nxt, skip)
        return self.box

    def draw(self, surface) -> None:
        scene = self.window.top
        box = self.layout(scene)
        if box is None:
            return
        th = self.window.theme
        pad, gap = th.s("pad"), th.s("gap")
        ring = box.target.inflate(gap, gap)
        pygame.draw.rect(surface, th.c("selected"), ring, max(3, th.px(6)), border_radius=th.s("radius"))
        # a line from the box to what it is about
        start = (box.rect.centerx, box.rect.top if box.rect.top >= ring.bottom else box.rect.bottom)
        end = (max(ring.left, min(ring.right, start[0])), ring.bottom if start[1] >= ring.bottom else ring.top)
        if not box.rect.colliderect(ring):
            pygame.draw.line(surface, th.c("selected"), start, end, max(3, th.px(5)))
        pygame.draw.rect(surface, th.c("panel"), box.rect, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("selected"), box.rect, max(3, th.px(5)), border_radius=th.s("radius"))
        steps = self.steps()
        count = t(self.window.lang, "coach.count", n=self.step + 1, total=len(steps))
        inner = box.rect.inflate(-2 * pad, -pad)
        small = th.s("small")
        draw_wrapped(surface, th, count, pygame.Rect(inner.left, inner.top, inner.width, inner.height), small,
                     th.c("muted"), bold=True, max_lines=1)
        top = inner.top + font(th, small, True).get_linesize() + gap // 2
        draw_wrapped(surface, th, self.text(), pygame.Rect(inner.left, top, inner.width, box.next_button.rect.top - top),
                     th.s("body"), th.c("text"))
        draw_button(surface, th, box.next_button)
        draw_button(surface, th, box.skip_button)
