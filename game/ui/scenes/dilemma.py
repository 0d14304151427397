"""A dilemma drawn during a turn: the player picks one of its options before anything else."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.state import card_of
from ...i18n.describe import describe_invalid
from ..text import draw_text, draw_wrapped, font, wrap
from ..widgets import headline, mark_default
from .base import Scene


class DilemmaScene(Scene):
    name = "dilemma"
    default_id = None  # no option is chosen for the player: the first Enter shows (and says) option 1
    enter_focuses_first = True

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        card = self.deck.card(card_of(self.state.dilemma))
        n = len(card.options)
        pad, gap = th.s("pad"), th.s("gap")
        bh = th.s("button_h")
        bw = min(th.px(1300), w - pad * 4)
        y = h - pad - n * (bh + gap)
        for i, option in enumerate(card.options):
            self.button(f"option:{i}", ((w - bw) // 2, y, bw, bh), option.label.get(self.lang),
                        (lambda i=i: self.choose(i)))
            y += bh + gap
        mark_default(self)

    def choose(self, i: int) -> None:
        result = self.controller.act(act.resolve_dilemma(i))
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)

    def layout_problems(self) -> list[str]:
        """Besides widgets: the card's title, its whole text and the instruction must fit above the
        options (else the automatic fit lays the screen out smaller)."""
        out = super().layout_problems()
        th = self.theme
        w, _ = self.size
        pad = th.s("pad")
        card = self.deck.card(card_of(self.state.dilemma))
        width = w - pad * 4
        need = pad + font(th, th.s("h1"), True).get_linesize() + pad
        need += min(2, len(wrap(th, card.title.get(self.lang), th.s("h1"), width, True))) * \
            font(th, th.s("h1"), True).get_linesize() + pad
        if card.text:
            need += len(wrap(th, card.text.get(self.lang), th.s("body"), width)) * font(th, th.s("body")).get_linesize()
        need += font(th, th.s("small"), True).get_linesize() + th.s("gap") * 2
        first = min((x.rect.top for x in self.widgets), default=self.size[1])
        if need > first:
            out.append("the dilemma's text does not fit above its options")
        return out

    def title(self) -> str:
        if self.state.mode == "solo":
            return self.t("dilemma.title_solo")
        return self.t("dilemma.title", name=self.state.player.name)

    def main_content(self) -> str:
        card = self.deck.card(card_of(self.state.dilemma))
        return ". ".join(x for x in (card.title.get(self.lang), card.text.get(self.lang) if card.text else "") if x)

    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        card = self.deck.card(card_of(self.state.dilemma))
        bottom = self.heading(surface, headline(self, self.title()))
        pad = th.s("pad")
        r = pygame.Rect(pad * 2, bottom + pad, w - pad * 4, th.s("h1") * 3)
        used = draw_wrapped(surface, th, card.title.get(self.lang), r, th.s("h1"), th.c("text"), bold=True, max_lines=2)
        first = min((x.rect.top for x in self.widgets), default=h) - th.s("gap")
        lh = font(th, th.s("small"), True).get_linesize()
        y = r.top + used + pad
        if card.text:
            r2 = pygame.Rect(pad * 2, y, w - pad * 4, max(0, first - lh - y - th.s("gap")))
            body_lh = font(th, th.s("body")).get_linesize()
            if r2.height >= body_lh:
                draw_wrapped(surface, th, card.text.get(self.lang), r2, th.s("body"), th.c("text"),
                             max_lines=r2.height // body_lh)
        draw_text(surface, th, self.t("dilemma.do"), ((w - min(th.px(1300), w - pad * 4)) // 2, first - lh),
                  th.s("small"), th.c("muted"), bold=True, max_width=w - pad * 4)
