"""The title screen: new game, continue the autosaved game, settings, quit."""

from __future__ import annotations

import pygame

from ..decks import preload
from ..text import draw_text, draw_wrapped, text_height
from ..widgets import mark_default
from .base import Scene


class TitleScene(Scene):
    name = "title"
    default_id = "new"

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        bw, bh, gap = th.px(640), th.s("button_h"), th.s("gap")
        x = (w - bw) // 2
        top = int(h * 0.12) + th.s("title") + th.s("gap") * 2
        tagline_h = text_height(th, self.t("title.tagline"), th.s("h2"), w * 2 // 3)
        self.tagline_rect = pygame.Rect(w // 6, top, w * 2 // 3, tagline_h)
        y = max(int(h * 0.42), self.tagline_rect.bottom + gap * 2)  # the buttons never cover the tagline
        from .setup import SetupScene
        from .settings_scene import SettingsScene

        self.button("new", (x, y, bw, bh), self.t("title.new"), lambda: self.host.push(SetupScene(self.host)))
        y += bh + gap
        self.button("continue", (x, y, bw, bh), self.t("title.continue"), self.host.resume,
                    enabled=self.controller.has_autosave(), style="alt", why=self.t("title.save_missing"))
        y += bh + gap
        if self.controller.backup_offered:
            self.button("backup", (x, y, bw, bh), self.t("title.backup"), lambda: self.host.resume(from_backup=True),
                        style="alt")
            y += bh + gap
        self.button("settings", (x, y, bw, bh), self.t("title.settings"),
                    lambda: self.host.push(SettingsScene(self.host)), style="alt")
        y += bh + gap
        self.button("quit", (x, y, bw, bh), self.t("title.quit"), self.host.quit, style="alt")
        mark_default(self)

    _shown = False

    def update(self, dt: float) -> None:
        if self._shown:
            preload(self.controller)  # the decks load while the player reads the title (once per run)

    def draw(self, surface) -> None:
        super().draw(surface)
        if not self._shown:  # start reading the decks on the next frame: the title shows first
            self._shown = True
            self.host.request_frame()

    def main_content(self) -> str:
        return self.t("title.tagline")

    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        draw_text(surface, th, self.t("app.title"), (w // 2, int(h * 0.12)), th.s("title"), th.c("accent"),
                  bold=True, anchor="midtop")
        draw_wrapped(surface, th, self.t("title.tagline"), self.tagline_rect, th.s("h2"), th.c("text"),
                     align="center")
        if self.controller.title_notice:
            r = pygame.Rect(w // 8, h - th.s("pad") - th.s("body") * 3, w * 3 // 4, th.s("body") * 3)
            draw_wrapped(surface, th, self.controller.title_notice, r, th.s("body"), th.c("warning_text"), bold=True,
                         align="center")
