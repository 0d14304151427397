"""The title screen: new game, continue the autosaved game, settings, quit."""

from __future__ import annotations

import pygame

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

        self.button("new", (x, y, bw, bh), self.t("title.new"), lambda: self.app.push(SetupScene(self.app)))
        y += bh + gap
        self.button("continue", (x, y, bw, bh), self.t("title.continue"), self.app.resume,
                    enabled=self.app.has_autosave(), style="alt", why=self.t("title.save_missing"))
        y += bh + gap
        if self.app.backup_offered:
            self.button("backup", (x, y, bw, bh), self.t("title.backup"), lambda: self.app.resume(from_backup=True),
                        style="alt")
            y += bh + gap
        self.button("settings", (x, y, bw, bh), self.t("title.settings"),
                    lambda: self.app.push(SettingsScene(self.app)), style="alt")
        y += bh + gap
        self.button("quit", (x, y, bw, bh), self.t("title.quit"), self.app.quit, style="alt")
        mark_default(self)

    def rect_for(self, action):
        """Bots told to continue press "Doorgaan", or "Vorige versie laden" once the autosave
        turned out damaged; otherwise (and after a failed resume) "Nieuw spel"."""
        wants_resume = getattr(self.app.args, "resume", False) and self.app.has_autosave()
        if self.app.backup_offered:
            choice = "backup"
        elif wants_resume and not self.app.title_notice:
            choice = "continue"
        else:
            choice = "new"
        button = self.widget(choice)
        return button.rect if button is not None and button.enabled else super().rect_for(action)

    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        draw_text(surface, th, self.t("app.title"), (w // 2, int(h * 0.12)), th.s("title"), th.c("accent"),
                  bold=True, anchor="midtop")
        draw_wrapped(surface, th, self.t("title.tagline"), self.tagline_rect, th.s("h2"), th.c("text"),
                     align="center")
        if self.app.title_notice:
            r = pygame.Rect(w // 8, h - th.s("pad") - th.s("body") * 3, w * 3 // 4, th.s("body") * 3)
            draw_wrapped(surface, th, self.app.title_notice, r, th.s("body"), th.c("warning_text"), bold=True,
                         align="center")
