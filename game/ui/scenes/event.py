"""The round's event: the card, and one line per effect it had."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.state import card_of
from ...i18n.describe import describe_effect, dimension_name
from ..text import draw_text, draw_wrapped, font, wrap
from ..widgets import ease, headline, mark_default, progress, short_dimension
from .base import Scene

SLIDE_S = 0.3  # the event card slides up into place


class EventScene(Scene):
    name = "event"
    default_id = "next"

    def layout(self) -> None:
        self.button_row([("next", self.t("common.continue"), lambda: self.controller.act(act.next_step()))], right=True)
        mark_default(self)

    def main_content(self) -> str:
        s = self.state
        if not s.event:
            return self.t("event.none")
        card = self.deck.card(card_of(s.event))
        names = [p.name for p in s.players]
        lines = [card.title.get(self.lang), card.text.get(self.lang) if card.text else ""]
        lines += [describe_effect(self.deck, e, self.lang, names) for e in s.effects_report]
        return ". ".join(x for x in lines if x)

    def draw_content(self, surface) -> None:
        th = self.theme
        s = self.state
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        bottom = self.heading(surface, headline(self, self.t("event.title", round=s.round, rounds=s.rounds)))
        draw_text(surface, th, self.t("event.do"), (pad * 2, bottom), th.s("small"), th.c("muted"),
                  max_width=w - pad * 4)
        top = bottom + font(th, th.s("small")).get_linesize() + gap
        buttons_top = h - pad - th.s("button_h")
        panel = pygame.Rect(pad * 2, top, int(w * 0.6), buttons_top - gap - top)
        k = ease(progress(self, f"event-{s.round}", SLIDE_S))
        card_rect = panel.move(0, round((1 - k) * th.px(60)))
        pygame.draw.rect(surface, th.c("panel"), card_rect, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("line"), card_rect, th.s("border"), border_radius=th.s("radius"))
        inner = card_rect.inflate(-pad * 2, -pad * 2)
        clip = surface.get_clip()
        surface.set_clip(card_rect.clip(clip) if clip else card_rect)
        self.draw_card_text(surface, inner)
        surface.set_clip(clip)
        self.draw_needs(surface, pygame.Rect(panel.right + pad * 2, panel.top, w - panel.right - pad * 4, panel.height))

    def draw_card_text(self, surface, inner: pygame.Rect) -> None:
        th = self.theme
        s = self.state
        gap = th.s("gap")
        names = [p.name for p in s.players]
        if not s.event:
            draw_wrapped(surface, th, self.t("event.none"), inner, th.s("body"), th.c("muted"),
                         max_lines=max(1, inner.height // font(th, th.s("body")).get_linesize()))
            return
        card = self.deck.card(card_of(s.event))
        effects = ["→ " + describe_effect(self.deck, e, self.lang, names) for e in s.effects_report]
        if not effects:
            effects = [self.t("event.no_effect")]
        y = inner.top

        def block(text, size, colour, bold, share):
            """Wrapped text with at most `share` of the height that is left."""
            nonlocal y
            lh = font(th, size, bold).get_linesize()
            left = inner.bottom - y
            lines = max(1, int(left * share) // lh) if left >= lh else 0
            if lines:
                y += draw_wrapped(surface, th, text, pygame.Rect(inner.left, y, inner.width, left), size, colour,
                                  bold=bold, max_lines=lines) + gap

        title_size = th.s("h1")
        if len(wrap(th, card.title.get(self.lang), title_size, inner.width, True)) > 2:
            title_size = th.s("h2")
        block(card.title.get(self.lang), title_size, th.c("text"), True, 0.4)
        # the effects matter most for play: room for them is kept before the card's story
        effect_h = sum(len(wrap(th, e, th.s("body"), inner.width, True)) for e in effects) \
            * font(th, th.s("body"), True).get_linesize() + gap * len(effects)
        if card.text:
            left = inner.bottom - y
            share = max(0.0, min(0.7, (left - effect_h) / max(1, left)))
            if share > 0:
                block(card.text.get(self.lang), th.s("body"), th.c("text"), False, share)
        for line in effects:
            colour = th.c("accent") if s.effects_report else th.c("muted")
            block(line, th.s("body"), colour, bool(s.effects_report), 1.0)

    def draw_needs(self, surface, side: pygame.Rect) -> None:
        """Society's needs now, as numbered dots (never colour alone); on one line each when the
        window is short."""
        th = self.theme
        s = self.state
        gap = th.s("gap")
        hsize = th.s("h2")
        y = side.top + draw_wrapped(surface, th, self.t("event.needs"), side, hsize, th.c("text"), bold=True,
                                    max_lines=2) + gap
        dims = list(self.deck.social)
        small, body = th.s("small"), th.s("body")
        two = font(th, small).get_linesize() + font(th, body).get_linesize() + gap // 2
        one = max(font(th, small).get_linesize(), font(th, body).get_linesize()) + gap // 3
        two_lines = two * len(dims) <= side.bottom - y
        for d in dims:
            n = s.needs[d.id]
            dots = "●" * n + "○" * max(0, 5 - n) + f" {n}/5"
            if two_lines:
                draw_text(surface, th, dimension_name(self.deck, d.id, self.lang), (side.left, y), small,
                          th.c("text"), max_width=side.width)
                y += font(th, small).get_linesize()
                draw_text(surface, th, dots, (side.left, y), body, th.c("social"), max_width=side.width)
                y += font(th, body).get_linesize() + gap // 2
            else:
                if y + one > side.bottom:
                    break
                r = draw_text(surface, th, dots, (side.left, y), small, th.c("social"), max_width=side.width)
                draw_text(surface, th, short_dimension(self.deck, d.id, self.lang), (r.right + gap, y), small,
                          th.c("text"), max_width=max(1, side.right - r.right - gap))
                y += one
