"""Between players at a table: "Geef de laptop aan Sam", so nobody sees another player's hand."""

from __future__ import annotations

import pygame

from ..text import draw_text, draw_wrapped
from ..widgets import mark_default
from .base import Scene


class HandoverScene(Scene):
    name = "handover"
    default_id = "ready"

    def __init__(self, host) -> None:
        super().__init__(host)
        route = host.controller.route()
        self.player = route.handover if route.handover is not None else self.state.current
        self.key = route.key

    @property
    def who(self) -> str:
        return self.state.players[self.player].name

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        bw = th.px(760)
        self.button("ready", ((w - bw) // 2, int(h * 0.62), bw, th.s("button_h")),
                    self.t("handover.ready", name=self.who), lambda: self.controller.confirm_handover(self.key))
        mark_default(self)

    def main_content(self) -> str:
        return self.t("handover.give", name=self.who) + ". " + self.t(f"handover.why.{self.key[0]}")

    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        draw_text(surface, th, self.t("handover.give", name=self.who), (w // 2, int(h * 0.25)), th.s("title"),
                  th.c("accent"), bold=True, anchor="midtop", max_width=w - th.s("pad") * 4)
        why = self.t(f"handover.why.{self.key[0]}")
        r = pygame.Rect(w // 6, int(h * 0.25) + th.s("title") + th.s("pad"), w * 2 // 3, th.s("h2") * 3)
        draw_wrapped(surface, th, why, r, th.s("h2"), th.c("text"), align="center")
