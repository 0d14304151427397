"""The round's event: the card, and one line per effect it had."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.state import card_of
from ...i18n.describe import describe_effect, dimension_name
from ..text import draw_text, draw_wrapped, font, wrap
from ..card_face import draw_card, face_problems, icon_surface
from ..widgets import ease, headline, mark_default, progress, short_dimension
from ...export.card_face import theme_band
from .base import Scene

SLIDE_S = 0.3  # the event card slides up into place


class EventScene(Scene):
    name = "event"
    default_id = "next"

    def main_content(self) -> str:
        s = self.state
        if not s.event:
            return self.t("event.none")
        card = self.deck.card(card_of(s.event))
        names = [p.name for p in s.players]
        lines = [card.title.get(self.lang), card.text.get(self.lang) if card.text else ""]
        lines += [describe_effect(self.deck, e, self.lang, names) for e in s.effects_report]
        return ". ".join(x for x in lines if x)

    def layout(self) -> None:
        self.button_row([("next", self.t("common.continue"), lambda: self.controller.act(act.next_step()))], right=True)
        mark_default(self)
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        top = pad + th.s("h1") + pad + font(th, th.s("small")).get_linesize() + gap
        buttons_top = h - pad - th.s("button_h")
        height = buttons_top - gap - top
        self.card_rect = pygame.Rect(pad * 2, top, min(th.px(560), int(height * 0.78), int(w * 0.42)), height)
        self.side = pygame.Rect(self.card_rect.right + pad * 2, top, w - self.card_rect.right - pad * 4, height)

    def layout_problems(self) -> list[str]:
        out = super().layout_problems()
        if self.state.event and face_problems(self.theme, self.deck, self.lang, self.state.event, self.card_rect,
                                              self.state.offers):
            out.append("the event card cannot show everything")
        return out

    def changed_needs(self) -> dict[str, int]:
        """The themes this event changed, by how much (an arrow and a name each on the screen)."""
        moved: dict[str, int] = {}
        for entry in self.state.effects_report:
            if entry.get("kind") == "need":
                for dim, delta in entry.get("changes", {}).items():
                    if delta:
                        moved[dim] = moved.get(dim, 0) + delta
        return moved

    def draw_content(self, surface) -> None:
        th = self.theme
        s = self.state
        w, h = self.size
        pad = th.s("pad")
        bottom = self.heading(surface, headline(self, self.t("event.title", round=s.round, rounds=s.rounds)))
        draw_text(surface, th, self.t("event.do"), (pad * 2, bottom), th.s("small"), th.c("muted"),
                  max_width=w - pad * 4)
        k = ease(progress(self, f"event-{s.round}", SLIDE_S))
        card_rect = self.card_rect.move(0, round((1 - k) * th.px(60)))
        if s.event:
            draw_card(surface, th, self.deck, self.lang, s.event, card_rect, offers=s.offers)
        else:
            pygame.draw.rect(surface, th.c("panel"), card_rect, border_radius=th.s("radius"))
            pygame.draw.rect(surface, th.c("line"), card_rect, th.s("border"), border_radius=th.s("radius"))
            self.draw_card_text(surface, card_rect.inflate(-pad * 2, -pad * 2))
        self.draw_needs(surface, self.side)

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
        """Society's needs now, as numbered dots (never colour alone), each with its theme's icon; a
        need the event changed is marked with an arrow, the change and its name in bold."""
        th = self.theme
        s = self.state
        gap = th.s("gap")
        hsize = th.s("h2")
        y = side.top + draw_wrapped(surface, th, self.t("event.needs"), side, hsize, th.c("text"), bold=True,
                                    max_lines=2) + gap
        dims = list(self.deck.social)
        moved = self.changed_needs()
        small, body = th.s("small"), th.s("body")
        icon = font(th, body).get_linesize()
        row = max(icon, font(th, small, True).get_linesize() + font(th, body).get_linesize()) + gap // 2
        two_lines = row * len(dims) <= side.bottom - y
        if not two_lines:
            row = max(icon, font(th, small).get_linesize()) + gap // 3
        for d in dims:
            if y + row > side.bottom:
                break
            n = s.needs[d.id]
            delta = moved.get(d.id, 0)
            band = theme_band(self.deck, d.id, self.lang)
            if delta:
                pygame.draw.rect(surface, th.c("panel"), pygame.Rect(side.left - gap // 2, y - gap // 4,
                                                                     side.width + gap, row), border_radius=gap // 2)
                pygame.draw.rect(surface, th.c("accent"), pygame.Rect(side.left - gap // 2, y - gap // 4,
                                                                      side.width + gap, row), 2, border_radius=gap // 2)
            size = min(icon, row - gap // 2)
            pygame.draw.circle(surface, pygame.Color(band.fill), (side.left + size // 2, y + size // 2), size // 2)
            surface.blit(icon_surface(band.icon, band.ink, max(4, int(size * 0.7))),
                         (side.left + size // 2 - int(size * 0.35), y + size // 2 - int(size * 0.35)))
            x = side.left + size + gap
            dots = "●" * n + "○" * max(0, 5 - n) + f" {n}/5"
            arrow = ""
            if delta:
                arrow = ("▲ " if delta > 0 else "▼ ") + self.t("event.need_up" if delta > 0 else "event.need_down",
                                                              n=abs(delta))
            name = dimension_name(self.deck, d.id, self.lang) if two_lines else short_dimension(self.deck, d.id,
                                                                                                 self.lang)
            if two_lines:
                draw_text(surface, th, name, (x, y), small, th.c("text"), bold=bool(delta), max_width=side.right - x)
                r = draw_text(surface, th, dots, (x, y + font(th, small, True).get_linesize()), body, th.c("social"),
                              max_width=side.right - x)
                if arrow:
                    draw_text(surface, th, arrow, (r.right + gap, r.centery), small,
                              th.c("positive" if delta > 0 else "negative"), bold=True, anchor="midleft",
                              max_width=max(1, side.right - r.right - gap))
            else:
                r = draw_text(surface, th, dots, (x, y), small, th.c("social"), max_width=side.right - x)
                label = f"{arrow}  {name}" if arrow else name
                draw_text(surface, th, label, (r.right + gap, y), small, th.c("text"), bold=bool(delta),
                          max_width=max(1, side.right - r.right - gap))
            y += row
        # what else the event did (hours, offers, cards), each line only when it fits whole
        names = [p.name for p in s.players]
        y += gap
        lh = font(th, small, True).get_linesize()
        for entry in s.effects_report:
            if entry.get("kind") == "need":
                continue
            text = "→ " + describe_effect(self.deck, entry, self.lang, names)
            lines = len(wrap(th, text, small, side.width, True))
            if y + lines * lh > side.bottom:
                break
            y += draw_wrapped(surface, th, text, pygame.Rect(side.left, y, side.width, lines * lh), small,
                              th.c("accent"), bold=True, max_lines=lines) + gap // 2
