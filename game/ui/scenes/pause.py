"""The pause menu (Esc): resume, settings, rules with the keyboard shortcuts, back to the title, quit
(the game is autosaved first)."""

from __future__ import annotations

import pygame

from ..text import draw_text
from .base import Scene


class PauseScene(Scene):
    name = "pause"
    overlay = True
    default_id = "resume"

    closes_on_escape = True

    def layout(self) -> None:
        from .rules import RulesScene
        from .settings_scene import SettingsScene

        th = self.theme
        w, h = self.size
        bw, bh, gap = th.px(640), th.s("button_h"), th.s("gap")
        items = [("resume", self.t("pause.resume"), self.host.pop, "primary"),
                 ("settings", self.t("title.settings"), lambda: self.host.push(SettingsScene(self.host)), "alt"),
                 ("rules", self.t("pause.rules_keys"), lambda: self.host.push(RulesScene(self.host)), "alt")]
        if self.controller.session is not None:
            items.append(("title", self.t("pause.to_title"), self.to_title, "alt"))
        items.append(("quit", self.t("title.quit"), self.host.quit, "alt"))
        total = len(items) * bh + (len(items) - 1) * gap
        y = (h - total) // 2 + th.s("h1") // 2
        for wid, label, cb, style in items:
            self.button(wid, ((w - bw) // 2, y, bw, bh), label, cb, style=style)
            y += bh + gap
        self.box = pygame.Rect(0, 0, bw + th.s("pad") * 4, total + th.s("h1") + th.s("pad") * 4)
        self.box.center = (w // 2, h // 2)

    def layout_problems(self) -> list[str]:
        problems = super().layout_problems()
        if not pygame.Rect((0, 0), self.size).contains(self.box):
            problems.append("the menu box is larger than the window")
        return problems

    def to_title(self) -> None:
        self.controller.autosave()
        self.host.to_title(self.t("pause.saved"))

    def draw(self, surface) -> None:
        th = self.theme
        shade = pygame.Surface(self.size, pygame.SRCALPHA)
        shade.fill(th.c("overlay"))
        surface.blit(shade, (0, 0))
        pygame.draw.rect(surface, th.c("panel"), self.box, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("line"), self.box, th.s("border"), border_radius=th.s("radius"))
        draw_text(surface, th, self.t("pause.title"), (self.box.centerx, self.box.top + th.s("pad")), th.s("h1"),
                  th.c("text"), bold=True, anchor="midtop")
        self.draw_widgets(surface)
        self.draw_message(surface)
