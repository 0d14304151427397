"""A player's turn: hand, shared market, the week (mix) with hours, live fit meters with a preview."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.scoring import fits, mix_hours
from ...core.state import card_of
from ...i18n.describe import card_title, describe_invalid
from ..text import draw_text, draw_wrapped, font
from ..widgets import card_value_lines, draw_card, draw_meter
from .base import Scene


class TurnScene(Scene):
    name = "turn"
    default_id = "end"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.sel_mix: str | None = None
        self.sel_take: str | None = None

    # ----------------------------------------------------------------- layout
    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        s = self.state
        p = s.player
        pad, gap = th.s("pad"), th.s("gap")
        if self.sel_mix not in p.mix:
            self.sel_mix = None
        if self.sel_take not in p.hand and self.sel_take not in s.market:
            self.sel_take = None
        top = pad + th.s("h1") + gap
        left_w = int(w * 0.68)
        label_h = font(th, th.s("body"), True).get_linesize() + th.s("bar_h") // 2
        area_h = h - top - pad
        row_h = (area_h - 3 * label_h - 2 * gap) // 3
        self.rows = {}
        y = top
        for zone, cards in (("mix", p.mix), ("hand", p.hand), ("market", s.market)):
            self.rows[zone] = pygame.Rect(pad, y, left_w - pad, label_h)
            y += label_h
            n = max(len(cards), 5)
            cg = max(4, gap // 2)
            cw = min(int(row_h * 1.0), (left_w - pad - cg * (n - 1)) // n)
            for i, inst in enumerate(cards):
                rect = pygame.Rect(pad + i * (cw + cg), y, cw, row_h)
                wdg = self.button(f"{zone}:{inst}", rect, card_title(self.deck, card_of(inst), self.lang),
                                  (lambda z=zone, c=inst: self.pick(z, c)), kind="card")
                wdg.selected = inst in (self.sel_mix, self.sel_take)
                wdg.data["zone"], wdg.data["inst"] = zone, inst
            if not cards:
                self.rows[zone + "_empty"] = pygame.Rect(pad, y, left_w - pad, row_h)
            y += row_h + gap
        # right panel
        rx = left_w + pad
        rw = w - rx - pad
        self.panel = pygame.Rect(rx, top, rw, h - top - pad)
        bh = th.s("button_h")
        half = (rw - gap) // 2
        by = h - pad - bh
        self.button("end", (rx, by, rw, bh), self.t("turn.end"), self.end_turn)
        by -= bh + gap
        self.button("drop", (rx, by, half, bh), self.t("turn.drop"), self.drop, enabled=bool(self.sel_mix),
                    style="alt", why=self.t("turn.pick_mix"))
        self.button("undo", (rx + half + gap, by, half, bh), self.t("turn.undo"), self.on_undo,
                    enabled=self.session.can_undo, style="alt", why=self.t("invalid.nothing_to_undo"))
        by -= bh + gap
        self.button("play", (rx, by, half, bh), self.t("turn.play"), self.play, enabled=bool(self.sel_take),
                    why=self.t("turn.pick_card"))
        self.button("swap", (rx + half + gap, by, half, bh), self.t("turn.swap"), self.swap,
                    enabled=bool(self.sel_take and self.sel_mix), why=self.t("turn.pick_both"))
        self.buttons_top = by

    # ----------------------------------------------------------------- actions
    def pick(self, zone: str, inst: str) -> None:
        if zone == "mix":
            self.sel_mix = None if self.sel_mix == inst else inst
        else:
            self.sel_take = None if self.sel_take == inst else inst
        self.relayout()

    def _do(self, action: dict) -> None:
        result = self.app.act(action)
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)
            self.relayout()
            return
        self.sel_mix = self.sel_take = None
        self.message = ""
        if self.app.stack and self.app.stack[0] is self:
            self._focus_moved = False
            self.relayout()

    def play(self) -> None:
        if self.sel_take:
            self._do(act.play(self.sel_take))

    def swap(self) -> None:
        if self.sel_take and self.sel_mix:
            self._do(act.swap(self.sel_mix, self.sel_take))

    def drop(self) -> None:
        if self.sel_mix:
            self._do(act.drop(self.sel_mix))

    def end_turn(self) -> None:
        self._do(act.pass_turn())

    def on_undo(self) -> None:
        result = self.app.undo()
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)
        else:
            self.sel_mix = self.sel_take = None
        self.dirty = True

    def rect_for(self, action):
        if not action:
            return super().rect_for(action)
        kind = action["type"]

        def r(zone, inst):
            wdg = self.widget(f"{zone}:{inst}")
            return wdg.rect if wdg else None

        def zone_of(inst):
            return "hand" if inst in self.state.player.hand else "market"

        if kind == "play":
            if self.sel_mix:
                return r("mix", self.sel_mix)
            if self.sel_take != action["card"]:
                return r(zone_of(action["card"]), action["card"])
            return self.widget("play").rect
        if kind == "swap":
            if self.sel_mix != action["out"]:
                return r("mix", action["out"])
            if self.sel_take != action["card"]:
                return r(zone_of(action["card"]), action["card"])
            return self.widget("swap").rect
        if kind == "drop":
            if self.sel_take:
                return r(zone_of(self.sel_take), self.sel_take)
            if self.sel_mix != action["card"]:
                return r("mix", action["card"])
            return self.widget("drop").rect
        return self.widget("end").rect

    # ----------------------------------------------------------------- preview
    def preview(self):
        """(description, mix after) for the card under the pointer or focus, or the selection."""
        p = self.state.player
        target = None
        for wid in (self.hover_id, self.focus_id):
            wdg = self.widget(wid) if wid else None
            if wdg is not None and wdg.kind == "card":
                target = (wdg.data["zone"], wdg.data["inst"])
                break
        take, out = self.sel_take, self.sel_mix
        if target:
            zone, inst = target
            if zone == "mix":
                out = inst
                take = self.sel_take
            else:
                take = inst
        if take and out:
            mix = [c for c in p.mix if c != out] + [take]
            text = self.t("turn.preview_swap", card=self._title(take), out=self._title(out))
        elif take:
            mix = p.mix + [take]
            text = self.t("turn.preview_play", card=self._title(take))
        elif out:
            mix = [c for c in p.mix if c != out]
            text = self.t("turn.preview_drop", card=self._title(out))
        else:
            return None
        hours = mix_hours(self.deck, mix)
        if hours > p.budget:
            text += " " + self.t("turn.preview_too_full", over=hours - p.budget)
        return text, mix

    def _title(self, inst: str) -> str:
        return card_title(self.deck, card_of(inst), self.lang)

    def on_focus_change(self) -> None:
        self.dirty = True

    # ----------------------------------------------------------------- drawing
    def draw_widget(self, surface, w) -> None:
        if w.kind == "card":
            inst = w.data["inst"]
            dim = False
            if w.data["zone"] != "mix":
                p = self.state.player
                if self.sel_mix:
                    free = p.budget - mix_hours(self.deck, [c for c in p.mix if c != self.sel_mix])
                else:  # a swap could still make room: only a card that fits no way is marked
                    biggest = max((self.deck.card(card_of(c)).hours for c in p.mix), default=0)
                    free = p.budget - mix_hours(self.deck, p.mix) + biggest
                dim = self.deck.card(card_of(inst)).hours > free
            draw_card(surface, self.theme, self.deck, self.lang, inst, w.rect, selected=w.selected,
                      hovered=w.id == self.hover_id, dim=dim)
        else:
            super().draw_widget(surface, w)

    def draw_content(self, surface) -> None:
        th = self.theme
        s = self.state
        p = s.player
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        title = self.t("turn.title", name=p.name, round=s.round, rounds=s.rounds)
        self.heading(surface, title)
        draw_text(surface, th, self.t("turn.actions_left", n=s.actions_left), (w - pad, pad + th.s("h1") // 2),
                  th.s("h2"), th.c("accent"), bold=True, anchor="midright")
        used = mix_hours(self.deck, p.mix)
        labels = {"mix": self.t("turn.mix", used=used, budget=p.budget),
                  "hand": self.t("turn.hand"), "market": self.t("turn.market")}
        for zone in ("mix", "hand", "market"):
            r = self.rows[zone]
            draw_text(surface, th, labels[zone], r.topleft, th.s("body"), th.c("text"), bold=True)
            if zone + "_empty" in self.rows:
                er = self.rows[zone + "_empty"]
                pygame.draw.rect(surface, th.c("line"), er.inflate(-2, -2), 2, border_radius=th.s("radius"))
                draw_wrapped(surface, th, self.t(f"turn.empty_{zone}"), er.inflate(-pad * 2, -pad * 2),
                             th.s("body"), th.c("muted"))
        # hours bar beside the week's label
        r = self.rows["mix"]
        label_w = font(th, th.s("body"), True).size(labels["mix"])[0]
        bar = pygame.Rect(r.left + label_w + gap * 2, r.top + th.px(6), max(10, r.width - label_w - gap * 3), th.s("bar_h"))
        pygame.draw.rect(surface, th.c("meter_bg"), bar, border_radius=bar.height // 3)
        fill = bar.copy()
        fill.width = int(bar.width * min(1.0, used / max(1, p.budget)))
        over = used > p.budget
        pygame.draw.rect(surface, th.c("negative" if over else "accent"), fill, border_radius=bar.height // 3)
        pygame.draw.rect(surface, th.c("line"), bar, 1, border_radius=bar.height // 3)
        # meters with preview
        panel = self.panel
        pf, sf = fits(self.deck, p.mix, p.budget, p.weights, s.needs, s.offers)
        prev = self.preview()
        pp = ps = None
        if prev:
            pp, ps = fits(self.deck, prev[1], p.budget, p.weights, s.needs, s.offers)
        mh = th.s("meter_h") + font(th, th.s("small"), True).get_linesize()
        draw_meter(surface, th, pygame.Rect(panel.left, panel.top, panel.width, mh), self.t("fit.personal"), pf, pp, "personal")
        y = panel.top + mh + gap
        draw_meter(surface, th, pygame.Rect(panel.left, y, panel.width, mh), self.t("fit.social"), sf, ps, "social")
        y += mh + gap
        bottom = self.buttons_top - gap
        if over:
            text = self.t("invalid.overfull", over=used - p.budget) + " " + self.t("turn.overfull_free")
            y += draw_wrapped(surface, th, text, pygame.Rect(panel.left, y, panel.width, bottom - y), th.s("small"),
                              th.c("negative"), bold=True) + gap
        if self.message:
            y += draw_wrapped(surface, th, "⚠ " + self.message, pygame.Rect(panel.left, y, panel.width, bottom - y),
                              th.s("small"), th.c("warning_text"), bold=True) + gap
        if prev:
            y += draw_wrapped(surface, th, prev[0], pygame.Rect(panel.left, y, panel.width, bottom - y),
                              th.s("small"), th.c("text"), bold=True) + gap // 2
        focus = None
        for wid in (self.hover_id, self.focus_id):
            wdg = self.widget(wid) if wid else None
            if wdg is not None and wdg.kind == "card":
                focus = wdg.data["inst"]
                break
        if focus:
            card = self.deck.card(card_of(focus))
            lh = font(th, th.s("small")).get_linesize()
            values = card_value_lines(self.deck, card, self.lang)
            col_w = panel.width // 2
            for i, (text, colour) in enumerate(values):
                if y + lh * (i // 2 + 1) > bottom:
                    break
                f = font(th, th.s("small"))
                while f.size(text)[0] > col_w - th.px(8) and len(text) > 2:
                    text = text[:-2] + "…"
                draw_text(surface, th, text, (panel.left + (i % 2) * col_w, y + (i // 2) * lh), th.s("small"), th.c(colour))
            y += lh * ((len(values) + 1) // 2) + gap // 2
            if card.text and bottom - y > lh:
                draw_wrapped(surface, th, card.text.get(self.lang), pygame.Rect(panel.left, y, panel.width, bottom - y),
                             th.s("small"), th.c("muted"), max_lines=max(1, (bottom - y) // lh))
        elif not prev and bottom - y > th.s("small") * 2:
            lh = font(th, th.s("small")).get_linesize()
            draw_wrapped(surface, th, self.t("turn.help"), pygame.Rect(panel.left, y, panel.width, bottom - y),
                         th.s("small"), th.c("muted"), max_lines=max(1, (bottom - y) // lh))

    def draw_message(self, surface) -> None:
        pass  # shown in the side panel
