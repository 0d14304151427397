"""Calm error screens: something went wrong (the game was saved), and a deck with problems."""

from __future__ import annotations

import pygame

from ..text import draw_wrapped
from ..widgets import headline, mark_default
from .base import Scene
from .doc import Doc


class ErrorScene(Scene):
    name = "error"
    default_id = "title"

    def __init__(self, host, detail: str = "") -> None:
        super().__init__(host)
        self.detail = detail

    def layout(self) -> None:
        self.button_row([("quit", self.t("title.quit"), self.host.quit, True, "alt"),
                         ("title", self.t("error.to_title"), self.host.to_title)], right=True)
        mark_default(self)

    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        bottom = self.heading(surface, headline(self, self.t("error.title")))
        r = pygame.Rect(pad * 2, bottom + pad, w - pad * 4, h // 2)
        used = draw_wrapped(surface, th, self.t("error.text", folder=str(self.controller.data_dir)), r, th.s("h2"), th.c("text"))
        if self.detail:
            r2 = pygame.Rect(pad * 2, r.top + used + pad, w - pad * 4, th.s("small") * 4)
            draw_wrapped(surface, th, self.detail, r2, th.s("small"), th.c("muted"), max_lines=3)


class DeckProblemsScene(Scene):
    """The deck checker's messages, scrolling; Back returns to the setup."""

    name = "deck_problems"
    default_id = "back"

    def __init__(self, host, problems) -> None:
        super().__init__(host)
        self.problems = list(problems)

    closes_on_escape = True

    def layout(self) -> None:
        th = self.theme
        self.doc_rect = self.doc_area()
        self.scroll_rect = self.doc_rect
        self.doc = Doc(th)
        errors = [p for p in self.problems if getattr(p, "severity", "error") == "error"]
        from ...content import format_problem  # the content package loads the deck checker
        from ...content.messages import word

        self.doc.p(word(self.lang, "screen_intro", n=len(errors) or len(self.problems)), bold=True).gap()
        for p in self.problems:  # the checker's lines in the player's language
            self.doc.p(format_problem(p, self.lang), colour="negative" if p in errors else "muted")
        self.scroll_max = max(0, self.doc.height(self.doc_rect.width) - self.doc_rect.height)
        self.button_row([("back", self.t("common.back"), self.host.pop)], right=True)
        mark_default(self)

    def draw_content(self, surface) -> None:
        self.heading(surface, headline(self, self.t("deck_problems.title")))
        self.doc.draw(surface, self.doc_rect, self.scroll)
