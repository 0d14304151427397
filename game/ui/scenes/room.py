"""Making room: a card a dilemma brought does not fit the week; the player picks what leaves for it,
or keeps the week as it is. The cheapest way to make room is chosen beforehand and shown."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.piles import week_hours
from ...core.state import card_of
from ...i18n.describe import card_title, describe_effect, describe_invalid
from ..text import draw_text, draw_wrapped, font
from ..card_face import draw_card, face_columns, face_problems, row_look
from ..widgets import headline, mark_default
from .base import Scene


def cheapest_room(deck, mix: list[str], card_hours: int, budget: int) -> list[str]:
    """The one card whose leaving makes room with the fewest hours lost; else the fewest cards,
    biggest first (what a player would most likely choose; they see it and may change it)."""
    over = week_hours(deck, mix) + card_hours - budget
    singles = sorted((deck.card(card_of(c)).hours, c) for c in mix if deck.card(card_of(c)).hours >= over)
    if singles:
        return [singles[0][1]]
    chosen: list[str] = []
    for c in sorted(mix, key=lambda c: -deck.card(card_of(c)).hours):
        if over <= 0:
            break
        chosen.append(c)
        over -= deck.card(card_of(c)).hours
    return chosen


class RoomScene(Scene):
    name = "room"
    default_id = "make"

    def enter(self) -> None:
        request = self.state.room_request
        player = self.state.players[request["player"]]
        card = self.deck.card(card_of(request["card"]))
        self.out = cheapest_room(self.deck, list(player.mix), card.hours, player.budget)
        super().enter()

    @property
    def request(self) -> dict:
        return self.state.room_request

    def _short(self) -> int:
        """Hours still too many with the chosen cards out (0 or less: it fits)."""
        player = self.state.players[self.request["player"]]
        rest = [c for c in player.mix if c not in self.out]
        return week_hours(self.deck, rest) + self.deck.card(card_of(self.request["card"])).hours - player.budget

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap, bh = th.s("pad"), th.s("gap"), th.s("button_h")
        player = self.state.players[self.request["player"]]
        body = font(th, th.s("body")).get_linesize()
        top = pad + th.s("h1") + pad + body * 4 + gap * 2  # under the heading, the situation and the status
        bottom = h - pad - bh - gap * 2
        label_h = font(th, th.s("small"), True).get_linesize()
        row_h = bottom - top - label_h * 2
        cg = max(4, gap // 2)
        # the card that comes in stands apart on the left; the week's cards to choose from beside it
        self.incoming = pygame.Rect(pad * 2, top + label_h, 0, row_h)
        n = len(player.mix) + 1
        cw = min(th.px(320), (w - pad * 4 - gap * 3 - cg * (n - 1)) // n)
        self.incoming.width = cw
        self.label_y = top
        x = self.incoming.right + gap * 3
        self.week_x = x
        self.look = row_look(th, self.deck, self.lang, [self.request["card"], *player.mix], (cw, row_h),
                             self.state.offers)
        for inst in player.mix:
            card = self.deck.card(card_of(inst))
            label = self.t("room.card", card=card.title.get(self.lang), hours=card.hours)
            chip = self.button(f"out:{inst}", (x, top + label_h, cw, row_h), label, (lambda i=inst: self.toggle(i)),
                               kind="card")
            chip.selected = inst in self.out
            chip.data["inst"] = inst
            x += cw + cg
        self.button_row([("keep", self.t("room.keep"), self.keep, True, "alt"),
                         ("make", self.t("room.make"), self.make, self._short() <= 0)], right=True)
        mark_default(self)

    def layout_problems(self) -> list[str]:
        out = super().layout_problems()
        rects = [(self.request["card"], self.incoming)] + [(w.data["inst"], w.rect) for w in self.widgets
                                                           if w.kind == "card"]
        for inst, rect in rects:
            if face_problems(self.theme, self.deck, self.lang, inst, rect, self.state.offers):
                out.append(f"{inst} cannot show everything on its face")
        return out

    def widget_speech(self, w) -> str:
        text = super().widget_speech(w)
        if w.kind == "card" and w.selected:
            text += ", " + self.t("room.leaves")
        return text

    def draw_widget(self, surface, w) -> None:
        if w.kind == "card":
            richest, band = self.look
            draw_card(surface, self.theme, self.deck, self.lang, w.data["inst"], w.rect, selected=w.selected,
                      hovered=w.id == self.hover_id, dim=w.selected, fit="no" if w.selected else None,
                      offers=self.state.offers, richest=richest, art_band=band)
        else:
            super().draw_widget(surface, w)

    def toggle(self, inst: str) -> None:
        self.out = [c for c in self.out if c != inst] if inst in self.out else self.out + [inst]
        self.focus_id, self._focus_moved = f"out:{inst}", True
        self.relayout()

    def make(self) -> None:
        result = self.controller.act(act.make_room(*self.out))
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)

    def keep(self) -> None:
        result = self.controller.act(act.keep_week())
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)

    def main_content(self) -> str:
        return ". ".join(x.rstrip(".") for x in (self._situation(), self._status()) if x)

    def _situation(self) -> str:
        names = [p.name for p in self.state.players]
        report = next((e for e in self.state.effects_report if e.get("reason") == "make_room"), None)
        if report is None:
            return ""
        return describe_effect(self.deck, report, self.lang, names)

    def _status(self) -> str:
        short = self._short()
        title = card_title(self.deck, card_of(self.request["card"]), self.lang)
        if short > 0:
            return self.t("room.short", hours=short)
        return self.t("room.fits", card=title)

    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        title = card_title(self.deck, card_of(self.request["card"]), self.lang)
        bottom = self.heading(surface, headline(self, self.t("room.title", card=title)))
        body = font(th, th.s("body")).get_linesize()
        first = self.label_y - th.s("gap")
        r = pygame.Rect(pad * 2, bottom + pad, w - pad * 4, max(body, first - bottom - pad * 2))
        used = draw_wrapped(surface, th, self._situation(), r, th.s("body"), th.c("text"),
                            max_lines=max(1, (r.height - body) // body))
        colour = th.c("text") if self._short() <= 0 else th.c("warning_text")
        draw_wrapped(surface, th, self._status(), pygame.Rect(r.x, r.y + used + th.s("gap"), r.width, body * 2),
                     th.s("body"), colour, bold=True, max_lines=2)
        small = th.s("small")
        draw_text(surface, th, self.t("room.incoming"), (self.incoming.left, self.label_y), small, th.c("muted"),
                  bold=True, max_width=self.incoming.width + th.s("gap"))
        draw_text(surface, th, self.t("room.your_week"), (self.week_x, self.label_y), small, th.c("muted"), bold=True,
                  max_width=max(1, w - self.week_x - pad * 2))
        for wdg in self.widgets:
            if wdg.kind == "card" and wdg.selected:
                draw_text(surface, th, "✕ " + self.t("room.leaves"), (wdg.rect.centerx, wdg.rect.bottom + th.px(4)),
                          small, th.c("negative"), bold=True, anchor="midtop", max_width=wdg.rect.width)
        richest, band = self.look
        draw_card(surface, th, self.deck, self.lang, self.request["card"], self.incoming, selected=True,
                  offers=self.state.offers, richest=richest, art_band=band)
