"""Reflect: the round's prompt; at a table a discussion question with a timer, solo a typed answer."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...i18n.describe import describe_invalid
from ..text import draw_text, draw_wrapped, font, wrap
from ..week_board import draw_recap
from ..widgets import headline, mark_default
from .base import Scene


class ReflectScene(Scene):
    name = "reflect"
    default_id = "next"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.remaining = float(host.controller.timer_seconds)
        self.running = False
        self.answer = ""
        self._typed = False

    @property
    def solo(self) -> bool:
        return self.state.mode == "solo"

    @property
    def text_target(self) -> str | None:  # type: ignore[override]
        """Solo, typing goes into the answer box without clicking it first."""
        return "answer" if self.solo else None

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        specs = []
        if self.solo:
            fh = th.s("button_h")
            self.button("answer", (pad * 2, int(h * 0.58), w - pad * 4, fh), "", None, kind="field",
                        text=self.answer, placeholder=self.t("reflect.placeholder"), limit=200)
        elif self.controller.timer_seconds:
            specs.append(("timer", self.t("reflect.pause" if self.running else "reflect.start_timer"),
                          self.toggle_timer, True, "alt"))
        specs.append(("next", self.t("common.continue"), self.next, True, "primary"))
        self.button_row(specs, right=True)
        mark_default(self)

    def prompt_rect(self, heading_bottom: int) -> pygame.Rect:
        """Where the prompt goes: under the heading, above the hint of the answer box (solo) or the
        discussion hint (table)."""
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        bottom = int(h * 0.58) - th.s("small") - pad // 2 - th.s("gap") if self.solo else int(h * 0.6) - th.s("gap")
        top = heading_bottom + pad * 2
        width = w - pad * 4 if self.solo else self.recap_rect().left - pad * 4
        return pygame.Rect(pad * 2, top, width, max(0, bottom - top))

    def recap_rect(self) -> pygame.Rect:
        """At a table: the right-hand column where every player's week is shown."""
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        top = pad + font(th, th.s("h1"), True).get_linesize() + pad
        left = int(w * 0.56)
        return pygame.Rect(left, top, w - left - pad * 2, h - pad * 2 - th.s("button_h") - top)

    def layout_problems(self) -> list[str]:
        """Besides widgets: the whole prompt fits between the heading and the hint below it."""
        out = super().layout_problems()
        th = self.theme
        s = self.state
        if s.prompt:
            card = self.deck.card(s.prompt)
            text = card.text.get(self.lang) if card.text else card.title.get(self.lang)
            heading = th.s("pad") + font(th, th.s("h1"), True).get_linesize()
            rect = self.prompt_rect(heading)
            lines = wrap(th, text, th.s("h1"), rect.width, True)
            if len(lines) * font(th, th.s("h1"), True).get_linesize() > rect.height:
                out.append("the prompt does not fit above the answer")
        return out

    def on_field_change(self, w) -> None:
        self.answer = w.data.get("text", "")

    def toggle_timer(self) -> None:
        if self.remaining <= 0:
            self.remaining = float(self.controller.timer_seconds)
        self.running = not self.running
        self.relayout()

    def wants_ticks(self) -> bool:
        return self.running

    def update(self, dt: float) -> None:
        if self.running:
            before = int(self.remaining)
            self.remaining = max(0.0, self.remaining - dt)
            if self.remaining <= 0:
                self.running = False
                self.relayout()
            if int(self.remaining) != before:
                self.dirty = True

    def next(self) -> None:
        if self.solo and self.answer.strip():
            result = self.controller.act(act.answer(self.answer))
            if result is not None:
                self.message = describe_invalid(self.deck, result, self.lang)
                return
        result = self.controller.act(act.next_step())
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)

    def main_content(self) -> str:
        s = self.state
        if not s.prompt:
            return ""
        card = self.deck.card(s.prompt)
        return card.text.get(self.lang) if card.text else card.title.get(self.lang)

    def draw_content(self, surface) -> None:
        th = self.theme
        s = self.state
        w, h = self.size
        pad = th.s("pad")
        key = "reflect.title_solo" if self.solo else "reflect.title_table"
        bottom = self.heading(surface, headline(self, self.t(key, round=s.round, rounds=s.rounds)))
        if s.prompt:
            card = self.deck.card(s.prompt)
            comp = self.t(f"competence.{card.competence}") if card.competence else ""
            if comp:
                draw_text(surface, th, comp, (pad * 2, bottom + pad // 2), th.s("small"), th.c("muted"), bold=True)
            r = self.prompt_rect(bottom)
            text = card.text.get(self.lang) if card.text else card.title.get(self.lang)
            lh = font(th, th.s("h1"), True).get_linesize()
            draw_wrapped(surface, th, text, r, th.s("h1"), th.c("text"), bold=True, max_lines=max(1, r.height // lh))
        else:
            r = pygame.Rect(pad * 2, bottom + pad * 2, w - pad * 4, h // 3)
            draw_wrapped(surface, th, self.t("reflect.none"), r, th.s("h2"), th.c("text"))
        if not self.solo:
            hint = self.t("reflect.discuss")
            left_w = self.recap_rect().left - pad * 4
            draw_wrapped(surface, th, hint, pygame.Rect(pad * 2, int(h * 0.6), left_w, th.s("body") * 3),
                         th.s("body"), th.c("muted"))
            draw_recap(surface, th, self.deck, self.lang, s.players, self.recap_rect(), self.t("recap.title"),
                       lambda used, budget: self.t("recap.hours", used=used, budget=budget))
            if self.controller.timer_seconds:
                m, sec = divmod(int(round(self.remaining + 0.49)), 60)
                draw_text(surface, th, f"{m}:{sec:02d}", ((pad * 2 + self.recap_rect().left) // 2, int(h * 0.72)),
                          th.s("title"),
                          th.c("negative") if self.remaining <= 0 else th.c("accent"), bold=True, anchor="midtop")
        else:
            draw_text(surface, th, self.t("reflect.optional"), (pad * 2, int(h * 0.58) - th.s("small") - pad // 2),
                      th.s("small"), th.c("muted"))
