"""The round's event: the card, and one line per effect it had."""

from __future__ import annotations

import pygame

from ...core.state import card_of
from ...i18n.describe import describe_effect, dimension_name
from ..text import draw_text, draw_wrapped, font, text_height
from .base import Scene


class EventScene(Scene):
    name = "event"
    default_id = "next"

    def layout(self) -> None:
        from ...core import actions as act

        self.button_row([("next", self.t("common.continue"), lambda: self.app.act(act.next_step()))], right=True)

    def draw_content(self, surface) -> None:
        th = self.theme
        s = self.state
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        bottom = self.heading(surface, self.t("event.title", round=s.round, rounds=s.rounds))
        panel = pygame.Rect(pad * 2, bottom + gap * 2, int(w * 0.6), h - bottom - pad * 4 - th.s("button_h"))
        pygame.draw.rect(surface, th.c("panel"), panel, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("line"), panel, th.s("border"), border_radius=th.s("radius"))
        inner = panel.inflate(-pad * 2, -pad * 2)
        y = inner.top
        names = [p.name for p in s.players]
        if s.event:
            card = self.deck.card(card_of(s.event))
            y += draw_wrapped(surface, th, card.title.get(self.lang), pygame.Rect(inner.left, y, inner.width, 9999),
                              th.s("h1"), th.c("text"), bold=True) + gap
            if card.text:
                y += draw_wrapped(surface, th, card.text.get(self.lang), pygame.Rect(inner.left, y, inner.width, 9999),
                                  th.s("body"), th.c("text")) + gap * 2
            for entry in s.effects_report:
                line = "→ " + describe_effect(self.deck, entry, self.lang, names)
                y += draw_wrapped(surface, th, line, pygame.Rect(inner.left, y, inner.width, 9999), th.s("body"),
                                  th.c("accent"), bold=True) + gap // 2
            if not s.effects_report:
                draw_wrapped(surface, th, self.t("event.no_effect"), pygame.Rect(inner.left, y, inner.width, 9999),
                             th.s("body"), th.c("muted"))
        else:
            draw_wrapped(surface, th, self.t("event.none"), inner, th.s("body"), th.c("muted"))
        # society's needs now, as numbered dots (never colour alone)
        side = pygame.Rect(panel.right + pad * 2, panel.top, w - panel.right - pad * 4, panel.height)
        y = side.top + draw_wrapped(surface, th, self.t("event.needs"), pygame.Rect(side.left, side.top, side.width, 9999),
                                    th.s("h2"), th.c("text"), bold=True) + gap
        for d in self.deck.social:
            n = s.needs[d.id]
            draw_text(surface, th, dimension_name(self.deck, d.id, self.lang), (side.left, y), th.s("small"), th.c("text"))
            y += font(th, th.s("small")).get_linesize()
            draw_text(surface, th, "●" * n + "○" * (5 - n) + f"  {n}/5", (side.left, y), th.s("body"), th.c("social"))
            y += font(th, th.s("body")).get_linesize() + gap // 2
