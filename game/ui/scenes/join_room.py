"""Joining the room from the setup screen: the hubs found on the network, or an address and the
room code typed in; the hub is asked before the table is linked, in a thread, so the screen never
waits on the network."""

from __future__ import annotations

import threading
from typing import Any, Callable

import pygame

from ..text import draw_text, draw_wrapped, font, text_height
from ..widgets import headline, mark_default
from .base import Scene


class Background:
    """One call in a thread; `done` and `value` are read by the scene's frames."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.done = False
        self.value: Any = None

        def run() -> None:
            try:
                self.value = work()
            except Exception:  # the network may fail in any way: the scene says "not found"
                self.value = None
            self.done = True

        self.thread = threading.Thread(target=run, name="join-room", daemon=True)
        self.thread.start()


def _find() -> list:
    from ...room.discovery import find_rooms

    return find_rooms()


def _probe(url: str, code: str) -> str:
    from ...room.client import probe_room

    return probe_room(url, code)


class JoinRoomScene(Scene):
    """The facilitator's room: pick a hub found on the network (or type its address) and the code
    from the wall; "Verbinden" asks the hub and links the table only when the hub accepts the code."""

    name = "join_room"
    default_id = "connect"
    closes_on_escape = True

    # what the scene calls, in a thread (tests give their own)
    finder: Callable[[], list] = staticmethod(_find)
    prober: Callable[[str, str], str] = staticmethod(_probe)

    def __init__(self, host, rooms: list | None = None) -> None:
        super().__init__(host)
        self.rooms: list | None = rooms  # None while searching
        self.search: Background | None = None
        self.probe: Background | None = None
        self.probing: tuple[str, str, str] | None = None  # (url, code, name) being asked
        self.address = ""
        self.code = ""
        self.picked_name = ""
        if rooms is None:
            self.start_search()

    def start_search(self) -> None:
        self.rooms = None
        self.search = Background(type(self).finder)

    # ----------------------------------------------------------------- frames
    def wants_ticks(self) -> bool:
        return bool((self.search and not self.search.done) or (self.probe and not self.probe.done))

    def update(self, dt: float) -> None:
        if self.search is not None and self.search.done:
            self.rooms = list(self.search.value or [])
            self.search = None
            self.relayout()
            if self.rooms:
                self.host.say(self.t("join.found", count=len(self.rooms)))
        if self.probe is not None and self.probe.done:
            answer, (url, code, name) = self.probe.value or "unreachable", self.probing or ("", "", "")
            self.probe, self.probing = None, None
            if answer == "ok":
                self.controller.join_room(url, code, name)
                self.host.pop()
                setup = self.host.top
                setup._focus_moved = False  # the focus goes back to the setup's own default ("Start")
                setup.relayout()  # the setup shows "Verbonden met zaal …" beside its buttons
                self.host.say(self.t("join.connected", room=self.controller.room_name))
                return
            self.message = self.t(f"join.{answer}" if answer in ("wrong_code", "bad_address") else "join.unreachable",
                                  address=url)
            self.host.say(self.message)
            self.relayout()

    # ----------------------------------------------------------------- choices
    def pick(self, i: int) -> None:
        room = (self.rooms or [])[i]
        self.address = room.url
        self.picked_name = room.name
        self.focus_id = "code"  # next: the code from the wall
        self._focus_moved = True
        self.relayout()
        self.speak_focus()

    def on_field_change(self, w) -> None:
        if w.id == "address":
            self.address = w.data.get("text", "")
            self.picked_name = ""
        elif w.id == "code":
            self.code = w.data.get("text", "")

    def connect(self) -> None:
        url, code = self.address.strip(), self.code.strip()
        if not url:
            self.message = self.t("join.need_address")
            return
        if not code:
            self.message = self.t("join.need_code")
            return
        if self.probe is not None:
            return
        self.message = self.t("join.asking", address=url)
        self.probing = (url, code, self.picked_name)
        prober = type(self).prober
        self.probe = Background(lambda: prober(url, code))
        self.host.request_frame()

    def disconnect(self) -> None:
        self.controller.leave_room()
        self.message = self.t("join.left")
        self.relayout()

    # ----------------------------------------------------------------- layout
    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        bh = int(th.s("button_h") * 0.85)
        x0 = pad * 2
        # the form on the left; how it works beside it, in a panel, when the window is wide enough
        self.steps_rect: pygame.Rect | None = None
        width = w - pad * 4
        if w >= th.px(1500):
            form_w = int(width * 0.6)
            self.steps_rect = pygame.Rect(x0 + form_w + pad * 2, pad + th.s("h1") + gap,
                                          width - form_w - pad * 2, 0)
            width = form_w
        self.form_width = width
        top = pad + th.s("h1") + gap + text_height(th, self.t("join.intro"), th.s("small"), width) + gap
        self.list_label_y = top
        y = top + font(th, th.s("body"), True).get_linesize() + gap // 2
        self.list_note: tuple[str, int] | None = None
        chip_w = min(width, th.px(620))
        shown = (self.rooms or [])[:4]  # a room rarely holds more than one hub; the rest: type the address
        if self.rooms is None:
            self.list_note = (self.t("join.searching"), y)
            y += font(th, th.s("body")).get_linesize() + gap
        elif not shown:
            self.list_note = (self.t("join.none_found"), y)
            y += font(th, th.s("body")).get_linesize() + gap
        cols = max(1, min(2, width // (chip_w + gap)))
        for i, room in enumerate(shown):
            col, row = i % cols, i // cols
            self.button(f"found:{i}", (x0 + col * (chip_w + gap), y + row * (bh + gap), chip_w, bh),
                        f"{room.name} · {room.host}", (lambda i=i: self.pick(i)),
                        kind="chip").selected = room.url == self.address.strip()
        if shown:
            y += ((len(shown) + cols - 1) // cols) * (bh + gap)
        self.button("search", (x0, y, min(width, th.px(420)), bh), self.t("join.search_again"), self.start_search,
                    enabled=self.rooms is not None, style="alt", why=self.t("join.searching"))
        y += bh + gap * 2
        label_w = min(th.px(360), width // 3)
        field_x = x0 + label_w + gap
        self.labels = [("join.address", y)]
        self.button("address", (field_x, y, min(width - label_w - gap, th.px(900)), bh), "", None, kind="field",
                    text=self.address, placeholder=self.t("join.address_hint"), limit=80)
        y += bh + gap
        self.labels.append(("join.code", y))
        self.button("code", (field_x, y, min(width - label_w - gap, th.px(420)), bh), "", None, kind="field",
                    text=self.code, placeholder=self.t("join.code_hint"), limit=12)
        self.label_w = label_w
        if self.steps_rect is not None:
            self.steps_rect.height = min(h - pad * 3 - th.s("button_h") - self.steps_rect.top,
                                         self.steps_height(self.steps_rect.width))
        specs: list[tuple] = [("back", self.t("common.back"), self.host.pop, True, "alt")]
        if self.controller.room is not None:
            specs.append(("leave", self.t("join.leave"), self.disconnect, True, "alt"))
        specs.append(("connect", self.t("join.connect"), self.connect, self.probe is None))
        self.button_row(specs, right=True)
        mark_default(self)

    STEPS = (("presentation", "join.step_hub"), ("wifi", "join.step_network"), ("key", "join.step_code"),
             ("shield-lock", "join.step_private"))

    def steps_height(self, width: int) -> int:
        th = self.theme
        pad, gap = th.s("pad"), th.s("gap")
        icon = th.px(56)
        text_w = width - 2 * pad - icon - gap
        height = pad + font(th, th.s("h2"), True).get_linesize() + gap
        for _, key in self.STEPS:
            height += max(icon, text_height(th, self.t(key), th.s("small"), text_w)) + gap
        return height + pad

    def draw_steps(self, surface) -> None:
        """How joining works, step by step with an icon each, in a panel beside the form."""
        from ..card_face import icon_surface

        r = self.steps_rect
        if r is None:
            return
        th = self.theme
        pad, gap = th.s("pad"), th.s("gap")
        pygame.draw.rect(surface, th.c("panel"), r, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("line"), r, th.s("border"), border_radius=th.s("radius"))
        y = r.top + pad
        draw_text(surface, th, self.t("join.how"), (r.left + pad, y), th.s("h2"), th.c("text"), bold=True,
                  max_width=r.width - 2 * pad)
        y += font(th, th.s("h2"), True).get_linesize() + gap
        icon = th.px(56)
        text_w = r.width - 2 * pad - icon - gap
        ink = "#{:02X}{:02X}{:02X}".format(*th.c("accent_text")[:3])
        for name, key in self.STEPS:
            text = self.t(key)
            th_h = max(icon, text_height(th, text, th.s("small"), text_w))
            if y + th_h > r.bottom - pad // 2:
                break
            disc = pygame.Rect(r.left + pad, y, icon, icon)
            pygame.draw.ellipse(surface, th.c("accent"), disc)
            picture = icon_surface(name, ink, int(icon * 0.6))
            surface.blit(picture, picture.get_rect(center=disc.center))
            draw_wrapped(surface, th, text, pygame.Rect(disc.right + gap, y, text_w, th_h), th.s("small"),
                         th.c("text"))
            y += th_h + gap

    def main_content(self) -> str:
        return self.t("join.intro")

    def draw_content(self, surface) -> None:
        th = self.theme
        w, _ = self.size
        pad, gap = th.s("pad"), th.s("gap")
        from .title import draw_theme_band

        draw_theme_band(surface, th)
        bottom = self.heading(surface, headline(self, self.t("join.title")))
        width = self.form_width
        self.draw_steps(surface)
        draw_wrapped(surface, th, self.t("join.intro"),
                     pygame.Rect(pad * 2, bottom, width, self.list_label_y - bottom), th.s("small"), th.c("muted"))
        draw_text(surface, th, self.t("join.found_label"), (pad * 2, self.list_label_y), th.s("body"), th.c("text"),
                  bold=True, max_width=width)
        if self.list_note:
            text, y = self.list_note
            draw_text(surface, th, text, (pad * 2, y), th.s("body"), th.c("muted"), max_width=width)
        bh = int(th.s("button_h") * 0.85)
        for key, y in self.labels:
            draw_text(surface, th, self.t(key), (pad * 2, y + bh // 2), th.s("body"), th.c("text"), bold=True,
                      anchor="midleft", max_width=self.label_w)
        code = self.widget("code")
        if self.controller.room is not None and code is not None:
            note = self.t("join.now", room=self.controller.room_name)
            draw_text(surface, th, note, (pad * 2, code.rect.bottom + gap), th.s("small"),
                      th.c("positive"), bold=True, max_width=width)
