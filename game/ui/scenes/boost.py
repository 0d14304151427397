"""The boost: at a table, give another player a boost (name a card of theirs or offer a market card)
and let them accept or decline; solo, the advisor's offer to accept or decline."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.scoring import comfort_hours, fits, mix_hours
from ...core.state import card_of
from ...i18n.describe import card_title, describe_invalid
from ..text import draw_text, draw_wrapped, font
from ..card_face import draw_card, face_min_height, face_problems, row_look
from ..week_board import board_label_height, draw_board, draw_marks, draw_segment, segments
from ..widgets import chip_row, draw_meter, headline, mark_default
from .base import Scene


class BoostScene(Scene):
    name = "boost"

    def __init__(self, host) -> None:
        super().__init__(host)
        s = self.state
        self.target = (s.current + 1) % len(s.players) if s.mode == "table" else 0
        self.sel: tuple[str, str] | None = None  # (zone, instance)

    @property
    def pending(self):
        return self.state.boost_pending

    @property
    def giving(self) -> bool:
        return self.state.mode == "table" and not self.pending

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        s = self.state
        pad, gap = th.s("pad"), th.s("gap")
        if self.giving:
            # Enter never skips unseen: it presses "give" once a card is chosen; before that the
            # first Enter brings the focus to the first card (see on_enter)
            self.default_id = "give" if self.sel else None
            top = pad + th.s("h1") + th.s("body") + gap * 2
            bh = int(th.s("button_h") * 0.85)
            items = [(f"to:{i}", p.name, i) for i, p in enumerate(s.players) if i != s.current]
            end = chip_row(self, items, pad * 2, top, w - pad * 2, bh, self.target, self.pick_target)
            y = end + gap
            label_h = font(th, th.s("body"), True).get_linesize()
            rows_h = h - y - pad * 3 - th.s("button_h")
            row_h = (rows_h - 2 * label_h - gap) // 2
            self.rows, self.looks = {}, {}
            target = s.players[self.target]
            cg = max(4, gap // 2)
            # side by side when every card fits at the full height (a hand of cards), else two rows
            both = len(target.mix) + len(s.market)
            tall = 2 * row_h + label_h + gap
            gap_between = pad
            cw_side = min(th.px(300), (w - pad * 2 - gap_between - cg * max(0, both - 2)) // max(2, both))
            their_label = font(th, th.s("body"), True).size(self.t("boost.their_mix", name=target.name))[0]
            def group(n: int) -> int:
                return max(1, n) * (cw_side + cg) - cg

            side = cw_side >= th.px(150) and pad * 2 + gap_between + max(their_label, group(len(target.mix))) + \
                group(len(s.market)) <= w and all(
                face_min_height(th, self.deck, self.lang, c, cw_side, s.offers) <= tall
                for c in target.mix + s.market)
            sizes = self.row_sizes(target.mix, s.market, w - pad * 2, cg, 2 * row_h)
            x = pad
            for zone, cards in (("theirs", target.mix), ("market", s.market)):
                if side:
                    self.rows[zone] = (x, y)
                    cw, zone_h, top = cw_side, tall, y + label_h
                else:
                    self.rows[zone] = (pad, y)
                    cw, zone_h = sizes[zone]
                    top = y + label_h
                self.looks[zone] = row_look(th, self.deck, self.lang, cards, (cw, zone_h), s.offers) if cards \
                    else ("art", None)
                left = x if side else pad
                for i, inst in enumerate(cards):
                    wdg = self.button(f"{zone}:{inst}", (left + i * (cw + cg), top, cw, zone_h),
                                      card_title(self.deck, card_of(inst), self.lang),
                                      (lambda z=zone, c=inst: self.pick(z, c)), kind="card")
                    wdg.selected = self.sel == (zone, inst)
                    wdg.data["inst"], wdg.data["zone"] = inst, zone
                if side:
                    label_w = font(th, th.s("body"), True).size(self.t("boost.their_mix", name=target.name))[0]
                    x += max(max(1, len(cards)) * (cw + cg) - cg, label_w) + gap_between
                else:
                    y = top + zone_h + gap
            label = self.t("boost.name_card") if not self.sel or self.sel[0] == "theirs" else self.t("boost.offer_card")
            self.button_row([("skip", self.t("boost.skip"), self.skip, True, "alt"),
                             ("give", label, self.give, bool(self.sel), "primary")], right=True)
            give = self.widget("give")
            assert give is not None  # button_row has just made it
            give.data["why"] = self.t("boost.pick_card")
        elif self.pending:
            self.default_id = "accept"
            self.button_row([("decline", self.t("boost.decline"), lambda: self._do(act.decline_boost()), True, "alt"),
                             ("accept", self.t("boost.accept"), lambda: self._do(act.accept_boost()))], right=True)
        else:
            self.default_id = "skip"
            self.button_row([("skip", self.t("common.continue"), self.skip)], right=True)
        mark_default(self)

    def row_sizes(self, theirs: list[str], market: list[str], width: int, cg: int, both_h: int) -> dict:
        """(card width, row height) per row: every card in reach on one row, the two rows sharing
        `both_h` as their cards need it (a card with a long note takes what the other row does not
        need); when even that is too little, halves (and the automatic fit shrinks the screen)."""
        th = self.theme
        offers = self.state.offers

        def cw_for(n: int, widest: int) -> int:
            return min(th.px(widest), (width - cg * (n - 1)) // max(1, n))

        def need(cards: list[str], widest: int) -> int:
            cw = cw_for(max(len(cards), 4), widest)
            return max((face_min_height(th, self.deck, self.lang, c, cw, offers) for c in cards), default=0)

        for widest in (300, 440):  # wider cards need less height
            a, b = need(theirs, widest), need(market, widest)
            if a + b <= both_h:
                break
        ha = a + (both_h - a - b) // 2 if a + b <= both_h else both_h // 2
        return {"theirs": (cw_for(max(len(theirs), 4), widest), ha),
                "market": (cw_for(max(len(market), 4), widest), both_h - ha)}

    def layout_problems(self) -> list[str]:
        out = super().layout_problems()
        for w in self.widgets:
            if w.kind == "card" and face_problems(self.theme, self.deck, self.lang, w.data["inst"], w.rect,
                                                  self.state.offers):
                out.append(f"{w.id} cannot show everything on its face")
        return out

    def on_enter(self) -> None:
        """Giving a boost: the first Enter focuses the first card, Space or Enter chooses the
        focused card, and Enter on the chosen card gives the boost."""
        w = self.focused()
        if self.giving and w is None:
            first = next((x for x in self.focus_order() if x.kind == "card"), None)
            if first is not None:
                self.focus_id, self._focus_moved = first.id, True
                self.speak_focus()
                self.dirty = True
                return
        if self.giving and w is not None and w.kind == "card" and w.selected:
            give = self.widget("give")
            if give is not None and give.enabled:
                self.activate(give)
                return
        super().on_enter()

    def pick_target(self, i: int) -> None:
        self.target = i
        self.sel = None
        self.relayout()

    def pick(self, zone: str, inst: str) -> None:
        self.sel = None if self.sel == (zone, inst) else (zone, inst)
        self.relayout()

    def _do(self, action) -> None:
        result = self.controller.act(action)
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)
        else:
            self.sel = None

    def skip(self) -> None:
        self._do(act.pass_turn())

    def give(self) -> None:
        if self.sel:
            zone, inst = self.sel
            self._do(act.give_boost(self.target, inst, offer=zone == "market"))

    def main_content(self) -> str:
        pending = self.pending
        if not pending:
            return ""
        title = card_title(self.deck, card_of(pending["card"]), self.lang)
        if pending.get("out"):
            return self.t("boost.swap_line", card=title, out=card_title(self.deck, card_of(pending["out"]), self.lang))
        return self.t("boost.add_line", card=title)

    def draw_widget(self, surface, w) -> None:
        if w.kind == "card":
            richest, band = self.looks.get(w.data["zone"], ("art", None))
            draw_card(surface, self.theme, self.deck, self.lang, w.data["inst"], w.rect, selected=w.selected,
                      hovered=w.id == self.hover_id, offers=self.state.offers, richest=richest, art_band=band)
        else:
            super().draw_widget(surface, w)

    def draw_week(self, surface, top: int, player=None, mix: list[str] | None = None, left: int | None = None,
                  meters: bool = True, heading: str = "turn.mix") -> None:
        """A week as a board (and both meters): the solo boost without advice is not empty, and an
        offer shows the week it would make."""
        th = self.theme
        s = self.state
        p = player or s.player
        mix = list(p.mix) if mix is None else mix
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        x = pad * 2 if left is None else left
        body = font(th, th.s("body"), True).get_linesize()
        used = mix_hours(self.deck, mix)
        bottom = h - pad * 2 - th.s("button_h")
        track_h = min(th.px(96), max(th.min_hit(), (bottom - top) // 4))
        if top + body + track_h + board_label_height(th) + gap > bottom:
            return
        draw_text(surface, th, self.t(heading, used=used, budget=p.budget), (x, top), th.s("body"),
                  th.c("text"), bold=True, max_width=w - pad * 2 - x)
        track = pygame.Rect(x, top + body + gap, w - pad * 2 - x, track_h)
        board, rects = segments(self.deck, mix, p.budget, track, th.min_hit())
        labels = {"budget": self.t("board.budget", hours=p.budget), "over": self.t("board.over", hours=used - p.budget),
                  "free": self.t("board.free", hours=p.budget - used),
                  "comfort": self.t("board.comfort", hours=round(comfort_hours(self.deck, p.budget)))}
        draw_board(surface, th, board, self.deck, budget=p.budget, used=used, story=[], labels=labels)
        for inst, rect in zip(mix, rects):
            draw_segment(surface, th, self.deck, self.lang, inst, rect,
                         over=mix_hours(self.deck, mix[:mix.index(inst) + 1]) > p.budget)
        draw_marks(surface, th, board, self.deck, p.budget)
        if not meters:
            return
        y = track.bottom + board_label_height(th) + pad
        mh = th.s("meter_h") + font(th, th.s("small"), True).get_linesize()
        pf, sf = fits(self.deck, p.mix, p.budget, p.weights, s.needs, s.offers)
        mw = (w - pad * 6) // 2
        if y + mh <= bottom:
            draw_meter(surface, th, pygame.Rect(pad * 2, y, mw, mh), self.t("fit.personal"), pf, None, "personal")
            draw_meter(surface, th, pygame.Rect(pad * 4 + mw, y, mw, mh), self.t("fit.social"), sf, None, "social")

    def draw_content(self, surface) -> None:
        th = self.theme
        s = self.state
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        if self.giving:
            bottom = self.heading(surface, headline(self, self.t("boost.give_title", name=s.player.name)))
            draw_text(surface, th, self.t("boost.give_hint"), (pad * 2, bottom + gap // 2), th.s("small"), th.c("muted"),
                      max_width=w - pad * 4)
            target = s.players[self.target].name
            draw_text(surface, th, self.t("boost.their_mix", name=target), self.rows["theirs"], th.s("body"),
                      th.c("text"), bold=True, max_width=w - pad * 2)
            draw_text(surface, th, self.t("boost.market"), self.rows["market"], th.s("body"), th.c("text"), bold=True)
            return
        pending = self.pending
        if not pending:
            bottom = self.heading(surface, headline(self, self.t("boost.solo_title")))
            r = pygame.Rect(pad * 2, bottom + pad, w - pad * 4, h // 2)
            used = draw_wrapped(surface, th, self.t("boost.no_advice"), r, th.s("h2"), th.c("text"), max_lines=3)
            self.draw_week(surface, r.top + used + pad * 2)
            return
        to = s.players[pending["to"]]
        if pending["kind"] == "advice":
            title = self.t("boost.advice_title")
        else:
            title = self.t("boost.offer_title", name=to.name, giver=s.players[pending["giver"]].name)
        bottom = self.heading(surface, headline(self, title))
        draw_text(surface, th, self.t("boost.do_answer"), (pad * 2, bottom), th.s("small"), th.c("muted"),
                  max_width=w - pad * 4)
        bottom += font(th, th.s("small")).get_linesize()
        card_title_ = card_title(self.deck, card_of(pending["card"]), self.lang)
        if pending["out"]:
            line = self.t("boost.swap_line", card=card_title_, out=card_title(self.deck, card_of(pending["out"]), self.lang))
        else:
            line = self.t("boost.add_line", card=card_title_)
        r = pygame.Rect(pad * 2, bottom + gap, w - pad * 4, th.s("h2") * 3)
        used = draw_wrapped(surface, th, line, r, th.s("h2"), th.c("text"), max_lines=2)
        y = r.top + used + gap * 2
        card_h = h - y - pad * 3 - th.s("button_h")
        cw = min(int(card_h * 0.75), w // 3)
        draw_card(surface, th, self.deck, self.lang, pending["card"], pygame.Rect(pad * 2, y, cw, card_h), selected=True,
                  offers=s.offers)
        mix = [c for c in to.mix if c != pending["out"]] + [pending["card"]]
        p0, s0 = fits(self.deck, to.mix, to.budget, to.weights, s.needs, s.offers)
        p1, s1 = fits(self.deck, mix, to.budget, to.weights, s.needs, s.offers)
        mx = pad * 4 + cw
        mw = w - mx - pad * 2
        mh = th.s("meter_h") + font(th, th.s("small"), True).get_linesize()
        draw_meter(surface, th, pygame.Rect(mx, y, mw, mh), self.t("fit.personal"), p0, p1, "personal")
        draw_meter(surface, th, pygame.Rect(mx, y + mh + gap * 2, mw, mh), self.t("fit.social"), s0, s1, "social")
        self.draw_week(surface, y + 2 * mh + gap * 5, player=to, mix=mix, left=mx, meters=False,
                       heading="boost.week_after")
