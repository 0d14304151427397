"""A short how-to-play text, scrolling."""

from __future__ import annotations

import pygame

from .base import Scene
from .doc import Doc


class RulesScene(Scene):
    name = "rules"
    default_id = "back"

    def on_escape(self) -> bool:
        self.app.pop()
        return True

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        top = pad + th.s("h1") + th.s("gap")
        self.doc_rect = pygame.Rect(pad * 2, top, min(w - pad * 5, th.px(1500)), h - top - pad * 3 - th.s("button_h"))
        self.scroll_rect = self.doc_rect
        self.doc = Doc(th)
        for i in range(1, 9):
            key = f"rules.{i}"
            self.doc.p(self.t(key)).gap()
        self.scroll_max = max(0, self.doc.height(self.doc_rect.width) - self.doc_rect.height)
        self.button_row([("back", self.t("common.back"), self.app.pop)], right=True)

    def draw_content(self, surface) -> None:
        self.heading(surface, self.t("rules.title"))
        self.doc.draw(surface, self.doc_rect, self.scroll)
