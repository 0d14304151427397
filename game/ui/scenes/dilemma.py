"""A dilemma drawn during a turn: the player picks one of its options before anything else. The
card is shown whole, and each option says beforehand what it does (hours, needs, cards) and what
it would do to the player's fit; no option is chosen for the player."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.actions import Invalid
from ...core.rules import apply
from ...core.scoring import fits
from ...core.state import card_of
from ...export.card_face import card_face
from ...i18n.describe import describe_effect, describe_invalid
from ..card_face import draw_card, face_problems, icon_surface
from ..text import draw_text, font, render, wrap
from ..widgets import headline, mark_default, signed
from .base import Scene


class DilemmaScene(Scene):
    name = "dilemma"
    default_id = None  # no option is chosen for the player: the first Enter shows (and says) option 1
    enter_focuses_first = True

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        face = self.face()
        pad, gap = th.s("pad"), th.s("gap")
        top = pad + th.s("h1") + pad
        bottom = h - pad
        self.card_rect = pygame.Rect(pad * 2, top, min(th.px(520), int((bottom - top) * 0.75), int(w * 0.36)),
                                     bottom - top)
        x = self.card_rect.right + pad * 2
        width = w - x - pad * 2
        lh = font(th, th.s("small"), True).get_linesize()
        self.option_lines = {}
        heights = []
        for i, option in enumerate(face.options):
            lines = self.option_text(i)
            self.option_lines[i] = lines
            heights.append(self.option_height(lines, width))
        total = sum(heights) + gap * (len(heights) - 1)
        y = top + lh + gap
        spare = bottom - y - total
        for i, option in enumerate(face.options):
            hgt = heights[i] + max(0, min(th.px(40), spare // max(1, len(heights))))
            wdg = self.button(f"option:{i}", (x, y, width, hgt), option.label, (lambda i=i: self.choose(i)),
                              kind="option")
            wdg.data["index"] = i
            y += hgt + gap
        mark_default(self)

    def face(self):
        return card_face(self.deck, card_of(self.state.dilemma), self.lang, self.state.offers)

    def option_text(self, i: int) -> list[tuple[str, str, str]]:
        """(icon, text, colour) per consequence of option `i`: its effects in words, then what it does
        to the fit meters of this player (a line each)."""
        face = self.face()
        out = [(line.icon, line.text, "text") for line in face.options[i].effects]
        after = self.fit_after(i)
        if after is not None:
            (p0, s0), (p1, s1), report = after
            names = [p.name for p in self.state.players]
            for entry in report:  # a card that cannot come after all says so beforehand
                if entry.get("kind") == "add" and not entry.get("added") and entry.get("reason") != "make_room":
                    out.append(("alert-triangle", describe_effect(self.deck, entry, self.lang, names), "warning_text"))
            for label, a, b in ((self.t("fit.personal"), p0, p1), (self.t("fit.social"), s0, s1)):
                if round(a) != round(b):
                    colour = "positive" if b > a else "negative"
                    out.append(("chart-line", f"{label}: {round(a)} → {round(b)} ({signed(round(b) - round(a))})",
                                colour))
                else:
                    out.append(("chart-line", self.t("dilemma.fit_same", label=label, value=round(a)), "muted"))
        return out

    def fit_after(self, i: int):
        """The player's fit now and after option `i`, and what the option did (None when it cannot be
        worked out)."""
        s = self.state
        nxt = apply(self.deck, s, act.resolve_dilemma(i))
        if isinstance(nxt, Invalid):
            return None
        me = s.current
        p, q = s.players[me], nxt.players[me]
        return (fits(self.deck, p.mix, p.budget, p.weights, s.needs, s.offers),
                fits(self.deck, q.mix, q.budget, q.weights, nxt.needs, nxt.offers), nxt.effects_report)

    def option_height(self, lines, width: int) -> int:
        th = self.theme
        gap = th.s("gap")
        title = font(th, th.s("body"), True).get_linesize()
        small = font(th, th.s("small")).get_linesize()
        letter = title + gap
        label_lines = len(wrap(th, self.face().options[0].label, th.s("body"), width - letter - gap * 2, True))
        text_w = width - letter - gap * 2 - small
        n = sum(len(wrap(th, text, th.s("small"), text_w)) for _, text, _ in lines)
        return gap * 2 + label_lines * title + n * small + gap // 2

    def choose(self, i: int) -> None:
        result = self.controller.act(act.resolve_dilemma(i))
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)

    def layout_problems(self) -> list[str]:
        """Besides widgets: the card shows everything, and every option's consequences fit its box
        (else the automatic fit lays the screen out smaller)."""
        out = super().layout_problems()
        if face_problems(self.theme, self.deck, self.lang, self.state.dilemma, self.card_rect, self.state.offers):
            out.append("the dilemma card cannot show everything")
        for w in self.widgets:
            if w.kind == "option":
                need = self._option_need(w)
                if need > w.rect.height:
                    out.append(f"{w.id} cannot show its consequences")
        last = max((w.rect.bottom for w in self.widgets), default=0)
        if last > self.size[1]:
            out.append("the options do not fit the window")
        return out

    def _option_need(self, w) -> int:
        th = self.theme
        gap = th.s("gap")
        letter = font(th, th.s("body"), True).get_linesize() + gap
        label = len(wrap(th, w.label, th.s("body"), w.rect.width - letter - gap * 2, True))
        small = font(th, th.s("small")).get_linesize()
        text_w = w.rect.width - letter - gap * 2 - small
        n = sum(len(wrap(th, text, th.s("small"), text_w)) for _, text, _ in self.option_lines[w.data["index"]])
        return gap * 2 + label * font(th, th.s("body"), True).get_linesize() + n * small

    def title(self) -> str:
        if self.state.mode == "solo":
            return self.t("dilemma.title_solo")
        return self.t("dilemma.title", name=self.state.player.name)

    def main_content(self) -> str:
        card = self.deck.card(card_of(self.state.dilemma))
        return ". ".join(x for x in (card.title.get(self.lang), card.text.get(self.lang) if card.text else "") if x)

    def widget_speech(self, w) -> str:
        if w.kind == "option":
            lines = [text for _, text, _ in self.option_lines.get(w.data["index"], [])]
            return ". ".join([w.label, *lines])
        return super().widget_speech(w)

    def draw_widget(self, surface, w) -> None:
        if w.kind != "option":
            super().draw_widget(surface, w)
            return
        th = self.theme
        gap = th.s("gap")
        r = w.rect
        hovered = w.id == self.hover_id
        pygame.draw.rect(surface, th.c("panel_alt" if hovered else "panel"), r, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("accent"), r, th.s("border"), border_radius=th.s("radius"))
        body = th.s("body")
        blh = font(th, body, True).get_linesize()
        letter = self.face().options[w.data["index"]].letter
        centre = (r.left + gap + blh // 2, r.top + gap + blh // 2)
        pygame.draw.circle(surface, th.c("button"), centre, blh // 2)
        surface.blit(render(th, letter, th.s("small"), th.c("button_text"), True),
                     render(th, letter, th.s("small"), th.c("button_text"), True).get_rect(center=centre))
        x = r.left + gap * 2 + blh
        width = r.right - gap - x
        y = r.top + gap
        for line in wrap(th, w.label, body, width, True):
            draw_text(surface, th, line, (x, y), body, th.c("text"), bold=True)
            y += blh
        small = th.s("small")
        slh = font(th, small).get_linesize()
        for icon, text, colour in self.option_lines.get(w.data["index"], []):
            surface.blit(icon_surface(icon, "#%02x%02x%02x" % tuple(th.c("muted"))[:3], max(4, slh - 6)), (x, y + 3))
            for line in wrap(th, text, small, width - slh):
                draw_text(surface, th, line, (x + slh, y), small, th.c(colour))
                y += slh

    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        self.heading(surface, headline(self, self.title()))
        draw_card(surface, th, self.deck, self.lang, self.state.dilemma, self.card_rect, offers=self.state.offers)
        first = min((x.rect.top for x in self.widgets if x.kind == "option"), default=h)
        lh = font(th, th.s("small"), True).get_linesize()
        x = self.card_rect.right + th.s("pad") * 2
        draw_text(surface, th, self.t("dilemma.do"), (x, first - lh - th.s("gap")), th.s("small"), th.c("muted"),
                  bold=True, max_width=w - x - th.s("pad") * 2)
