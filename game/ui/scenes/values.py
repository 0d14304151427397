"""Values sort: each personal dimension onto a pile (very important 3, important 2, less important 1)."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.state import DEFAULT_WEIGHT
from ...i18n.describe import describe_invalid
from ..text import draw_text, draw_wrapped, font, wrap
from ..widgets import headline, mark_default
from .base import Scene

PILES = (3, 2, 1)


class ValuesScene(Scene):
    name = "values"
    default_id = "confirm"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.player = self.state.current
        self.weights = {d: DEFAULT_WEIGHT for d in self.deck.personal_ids}

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        top = pad + th.s("h1") + th.s("body") + gap * 2
        bottom = h - pad * 2 - th.s("button_h")
        dims = self.deck.personal
        row_h = (bottom - top) // max(1, len(dims))
        chip_h = max(th.px(56), min(th.s("button_h"), row_h - gap))
        # the chips as wide as their longest label, the questions get the rest (at least 48 %)
        f = font(th, th.s("body"), True)
        label_w = max(f.size("✓ " + self.t(f"values.pile{pile}"))[0] for pile in PILES) + pad
        chips_x = max(int(w * 0.48), w - pad * 2 - 3 * label_w - gap * 2)
        chip_w = (w - chips_x - pad * 2 - gap * 2) // 3
        self.rows = []
        for i, d in enumerate(dims):
            y = top + i * row_h
            self.rows.append((d, pygame.Rect(pad * 2, y, chips_x - pad * 3, row_h)))
            for j, pile in enumerate(PILES):
                b = self.button(f"{d.id}:{pile}", (chips_x + j * (chip_w + gap), y + (row_h - chip_h) // 2, chip_w, chip_h),
                                self.t(f"values.pile{pile}"), (lambda d=d.id, p=pile: self.pick(d, p)), kind="chip")
                b.selected = self.weights[d.id] == pile
        self.button_row([("confirm", self.t("values.confirm"), self.confirm)], right=True)
        mark_default(self)

    def pick(self, dim: str, pile: int) -> None:
        self.weights[dim] = pile
        self.relayout()

    def confirm(self) -> None:
        result = self.controller.act(act.choose_values(self.weights))
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)

    def main_content(self) -> str:
        return self.t("values.hint")

    def draw_content(self, surface) -> None:
        th = self.theme
        name = self.state.players[self.player].name
        title = self.t("values.title_table", name=name) if self.state.mode == "table" else self.t("values.title")
        bottom = self.heading(surface, headline(self, title))
        draw_text(surface, th, self.t("values.hint"), (th.s("pad") * 2, bottom + th.s("gap") // 2), th.s("small"),
                  th.c("muted"))
        for d, rect in self.rows:
            lh = font(th, th.s("body"), True).get_linesize()
            draw_text(surface, th, d.name.get(self.lang), rect.topleft, th.s("body"), th.c("text"), bold=True)
            if d.question:
                r = pygame.Rect(rect.left, rect.top + lh, rect.width, rect.height - lh)
                size = self.question_size(d, r)
                draw_wrapped(surface, th, d.question.get(self.lang), r, size, th.c("muted"),
                             max_lines=max(1, r.height // font(th, size).get_linesize()))

    def question_size(self, d, rect: pygame.Rect) -> int:
        """The small text size, or the tiny one when the whole question does not fit its row."""
        th = self.theme
        for size in (th.s("small"), th.s("tiny")):
            lines = wrap(th, d.question.get(self.lang), size, rect.width)
            if len(lines) * font(th, size).get_linesize() <= rect.height:
                return size
        return th.s("tiny")

    def layout_problems(self) -> list[str]:
        """Besides widgets: a question that does not fit its row even in the tiny size."""
        out = super().layout_problems()
        th = self.theme
        lh = font(th, th.s("body"), True).get_linesize()
        for d, rect in self.rows:
            if not d.question:
                continue
            r = pygame.Rect(rect.left, rect.top + lh, rect.width, rect.height - lh)
            size = self.question_size(d, r)
            if len(wrap(th, d.question.get(self.lang), size, r.width)) * font(th, size).get_linesize() > r.height:
                out.append(f"the question of {d.id} does not fit its row")
        return out
