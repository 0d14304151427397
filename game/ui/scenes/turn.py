"""A player's turn: hand, shared market, the week (mix) with hours, live fit meters with a preview."""

from __future__ import annotations

import pygame

from ...core import actions as act
from ...core.scoring import comfort_hours, fits, mix_hours
from ...core.state import card_of
from ...i18n.describe import card_title, describe_invalid
from ..text import draw_text, draw_wrapped, font, shortening_allowed, wrap
from ..card_face import draw_card, face_columns, face_min_height, face_problems, row_look
from .. import toasts
from ..week_board import board_label_height, budget_story, draw_board, draw_marks, draw_segment, segments
from ..widgets import blend, card_value_lines, draw_meter, ease, mark_default, progress, signed
from .base import Scene

ZONES = ("mix", "hand", "market")
# One window-sized layer, shared by every turn screen and painted by the one shown: allocating a
# new full-screen surface per turn screen made the game's memory grow by tens of megabytes.
_layer: dict = {}


def _shared_layer(surface: pygame.Surface) -> pygame.Surface:
    layer = _layer.get("surface")
    if layer is None or layer.get_size() != surface.get_size():
        layer = _layer["surface"] = pygame.Surface(surface.get_size()).convert(surface)
        _layer.pop("key", None)
    return layer


def forget_layer() -> None:
    _layer.clear()
MOVE_S = 0.25  # a played card glides into the week
METER_S = 0.3  # the meters ease to their new value


class TurnScene(Scene):
    name = "turn"
    default_id: str | None = "end"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.sel_mix: str | None = None
        self.sel_take: str | None = None
        self.pages = {zone: 0 for zone in ZONES}
        self.per_page = {zone: 1 for zone in ZONES}
        self._moved: tuple[str, pygame.Rect, int] | None = None  # (card, where it came from, animation no.)
        self._meter_from: tuple[float, float] | None = None
        self._anim_no = 0
        self._suggested_for: object = None  # the game state a card to drop was suggested in
        self._focus_next: str | None = None  # the suggested card takes the focus after the layout
        # Everything but the side panel, the card under the pointer and the focus ring, painted
        # once per layout (a move, a selection, a page, a new window or scale): a frame that only
        # follows the pointer blits it and draws the panel's preview on top.
        self._static: pygame.Surface | None = None
        self._panel_bg: tuple[pygame.Rect, pygame.Surface] | None = None
        self._drawn: tuple | None = None  # (frame number, layer shown) of this scene's last frame
        self._marks: list[pygame.Rect] = []  # where its last frame drew the pointed card and the ring
        self._layout_no = 0

    # ----------------------------------------------------------------- layout
    def zone_cards(self, zone: str) -> list[str]:
        s = self.state
        return {"mix": s.player.mix, "hand": s.player.hand, "market": s.market}[zone]

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
        self.suggest_drop()
        top = pad + th.s("h1") + gap
        left_w = int(w * 0.70)
        zone_w = left_w - pad
        label_h = font(th, th.s("body"), True).get_linesize() + th.s("bar_h") // 2
        avail = h - top - pad - 3 * label_h - 2 * gap
        # the week is a board (an hours track); hand and market show whole card faces
        track_h = max(th.min_hit(), min(th.px(96), int(avail * 0.16)))
        board_h = track_h + board_label_height(th) + th.px(8)
        row_h = (avail - board_h) // 2
        heights = {"mix": board_h, "hand": row_h, "market": row_h}
        cg = max(4, gap // 2)
        columns = self.shared_rows(zone_w, cg, 2 * row_h)
        if columns is not None:  # the whole hand on one page: the rows share the height as their cards need
            heights["hand"], heights["market"] = columns["hand"][2], columns["market"][2]
        self.rows, self.empty, self.looks = {}, {}, {}
        self.page_marks: dict[str, tuple[int, int, int]] = {}  # zone -> (page, pages, right edge of its label)
        y = top
        for zone in ZONES:
            cards = self.zone_cards(zone)
            self.rows[zone] = pygame.Rect(pad, y, zone_w, label_h)
            y += label_h
            if zone == "mix":
                self.layout_board(pygame.Rect(pad, y, zone_w, track_h))
                if not cards:
                    self.empty[zone] = pygame.Rect(pad, y, zone_w, track_h)
                y += heights[zone] + gap
                continue
            if columns is not None:
                per_page, cw = columns[zone][0], columns[zone][1]
            else:
                per_page, cw = self.card_columns(s.player.hand + s.market, zone_w, cg, row_h)
            pages = max(1, -(-len(cards) // per_page))
            self.per_page[zone] = per_page
            self.pages[zone] = max(0, min(self.pages[zone], pages - 1))
            start = self.pages[zone] * per_page
            shown = cards[start:start + per_page]
            self.looks[zone] = row_look(th, self.deck, self.lang, shown, (cw, heights[zone]), s.offers) if shown \
                else ("art", None)
            for i, inst in enumerate(shown):
                rect = pygame.Rect(pad + i * (cw + cg), y, cw, heights[zone])
                wdg = self.button(f"{zone}:{inst}", rect, card_title(self.deck, card_of(inst), self.lang),
                                  (lambda z=zone, c=inst: self.pick(z, c)), kind="card")
                wdg.selected = inst in (self.sel_mix, self.sel_take)
                wdg.data["zone"], wdg.data["inst"] = zone, inst
            if pages > 1:
                bw = th.px(70)
                bh = label_h - th.px(4)
                right = pad + zone_w
                self.button(f"page:{zone}:1", (right - bw, y - label_h, bw, bh), "▶",
                            (lambda z=zone: self.turn_page(z, 1)), enabled=self.pages[zone] < pages - 1,
                            style="alt", why=self.t("turn.page", page=self.pages[zone] + 1, pages=pages))
                self.button(f"page:{zone}:-1", (right - 2 * bw - cg, y - label_h, bw, bh), "◀",
                            (lambda z=zone: self.turn_page(z, -1)), enabled=self.pages[zone] > 0,
                            style="alt", why=self.t("turn.page", page=self.pages[zone] + 1, pages=pages))
                self.page_marks[zone] = (self.pages[zone] + 1, pages, right - 2 * bw - cg * 2)
            if not cards:
                self.empty[zone] = pygame.Rect(pad, y, zone_w, heights[zone])
            y += heights[zone] + gap
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
        # Enter does the obvious next thing: swap or play a chosen card, drop a chosen week card,
        # else end the turn
        # while the week is too full, "Beurt klaar" is never what Enter presses (with nothing
        # chosen, Enter brings the focus to the first card)
        self.default_id = None if self._overfull() else "end"
        self.enter_focuses_first = self._overfull()
        if s.actions_left > 0 or self._overfull():
            if self.sel_take and self.sel_mix:
                self.default_id = "swap"
            elif self.sel_take:
                self.default_id = "play"
            elif self.sel_mix:
                self.default_id = "drop"
        mark_default(self)

    def panel_min_height(self) -> int:
        """The side panel's must-haves above its buttons: the instruction line and both meters."""
        th = self.theme
        gap = th.s("gap")
        meter = th.s("meter_h") + font(th, th.s("small"), True).get_linesize()
        return font(th, th.s("body"), True).get_linesize() + gap * 2 + 2 * (meter + gap)

    def layout_board(self, track: pygame.Rect) -> None:
        """The week's cards as segments of the hours track, each as long as its hours."""
        p = self.state.player
        self.per_page["mix"] = max(1, len(p.mix))
        self.pages["mix"] = 0
        self.board, rects = segments(self.deck, p.mix, p.budget, track, self.theme.min_hit())
        for inst, rect in zip(p.mix, rects):
            wdg = self.button(f"mix:{inst}", rect, card_title(self.deck, card_of(inst), self.lang),
                              (lambda c=inst: self.pick("mix", c)), kind="card")
            wdg.selected = inst == self.sel_mix
            wdg.data["zone"], wdg.data["inst"] = "mix", inst

    def shared_rows(self, zone_w: int, cg: int, both_h: int) -> dict[str, tuple[int, int, int]] | None:
        """Per row (cards per page, card width, height) when the whole hand fits on one page and the
        market on as few pages as can be, the two rows sharing `both_h` as their cards need (a card
        with a long note takes height the other row does not need); None when the hand cannot."""
        th = self.theme
        s = self.state
        hand, market = s.player.hand, s.market

        def width(n: int) -> int:
            return min(th.px(300), (zone_w - cg * (n - 1)) // n)

        def need(cards: list[str], cw: int) -> int:
            return max((face_min_height(th, self.deck, self.lang, c, cw, s.offers) for c in cards), default=0)

        n_hand = max(1, len(hand), min(len(market), 5))
        if width(n_hand) < th.px(170):
            return None
        a = need(hand, width(n_hand))
        for n_market in range(max(1, len(market)), 0, -1):
            if width(n_market) < th.px(170):
                continue
            b = need(market, width(n_market))
            if a + b <= both_h:
                spare = both_h - a - b
                return {"hand": (n_hand, width(n_hand), a + spare // 2),
                        "market": (n_market, width(n_market), both_h - a - spare // 2)}
        # The market's tallest cards (a long note when played) leave no room: the hand still shows
        # every card, since choosing among cards one cannot see loses the turn's point; the market
        # takes the height that is left and pages, its cards wider and lower where they must be.
        market_h = both_h - a
        widest = max(th.px(300), int(market_h * 2.4))
        for n_market in range(max(1, len(market)), 0, -1) if market_h > 0 else ():
            cw = min((zone_w - cg * (n_market - 1)) // n_market, widest)
            if cw >= th.px(170) and need(market, cw) <= market_h:
                return {"hand": (n_hand, width(n_hand), a), "market": (n_market, cw, market_h)}
        return None

    def card_columns(self, cards: list[str], zone_w: int, cg: int, row_h: int) -> tuple[int, int]:
        return face_columns(self.theme, self.deck, self.lang, cards, zone_w, cg, row_h, self.state.offers)

    def _overfull(self) -> bool:
        p = self.state.player
        return mix_hours(self.deck, p.mix) > p.budget

    def suggest_drop(self) -> None:
        """A week too full (an event can do that): choose the card of the week whose leaving makes
        it fit and keeps the best fit (else the biggest card), once per game position, so that Enter
        drops it and the voice says which. The player may choose another card."""
        s = self.state
        p = s.player
        if not self._overfull() or self._suggested_for is s or self.sel_mix or self.sel_take:
            return
        self._suggested_for = s  # once per position (an undo brings a new one): the player may un-choose it
        best, best_score = None, None
        for inst in p.mix:
            rest = [c for c in p.mix if c != inst]
            fits_now = mix_hours(self.deck, rest) <= p.budget
            pf, sf = fits(self.deck, rest, p.budget, p.weights, s.needs, s.offers) if fits_now else (0, 0)
            score = (fits_now, pf + sf if fits_now else self.deck.card(card_of(inst)).hours)
            if best_score is None or score > best_score:
                best, best_score = inst, score
        if best is None:
            return
        self.sel_mix = best
        self.pages["mix"] = p.mix.index(best) // max(1, self.per_page["mix"])
        self._focus_next = f"mix:{best}"

    def fit_mark(self, inst: str) -> str:
        """'fits', 'swap' (fits when a card of the week leaves) or 'no', for a hand or market card."""
        p = self.state.player
        hours = self.deck.card(card_of(inst)).hours
        free = p.budget - mix_hours(self.deck, p.mix)
        if hours <= free:
            return "fits"
        if any(self.deck.card(card_of(c)).hours >= hours - free for c in p.mix):
            return "swap"
        return "no"

    # ----------------------------------------------------------------- actions
    def turn_page(self, zone: str, step: int) -> None:
        self.pages[zone] += step
        self.relayout()

    def pick(self, zone: str, inst: str) -> None:
        if zone == "mix":
            self.sel_mix = None if self.sel_mix == inst else inst
        else:
            self.sel_take = None if self.sel_take == inst else inst
        self.relayout()

    def on_enter(self) -> None:
        """Space chooses the focused card; Enter on a chosen card does the default (Play, Swap…)."""
        w = self.focused()
        if w is not None and w.kind == "card" and w.selected:
            d = self.widget(self.default_id) if self.default_id else None
            if d is not None and d.enabled:
                self.activate(d)
                return
        super().on_enter()

    def _do(self, action: act.Action) -> None:
        p = self.state.player
        before = fits(self.deck, p.mix, p.budget, p.weights, self.state.needs, self.state.offers)
        card = action.card if isinstance(action, (act.Play, act.Swap)) else None
        origin = None
        if card:
            for zone in ("hand", "market"):
                wdg = self.widget(f"{zone}:{card}")
                if wdg is not None:
                    origin = wdg.rect.copy()
        result = self.controller.act(action)
        if result is not None:
            self.message = describe_invalid(self.deck, result, self.lang)
            self.relayout()
            return
        self._anim_no += 1
        self._meter_from = before
        self._moved = (card, origin, self._anim_no) if card and origin else None
        self.sel_mix = self.sel_take = None
        self.message = ""
        if self.host.is_base(self):
            self._focus_moved = False
            if card and card in self.state.player.mix:  # show the page of the week where it landed
                self.pages["mix"] = self.state.player.mix.index(card) // max(1, self.per_page["mix"])
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
        """Ctrl+Z or "Terugdraaien": the last move of this turn is taken back, and what was chosen
        with it (the screen shown after it may choose again: a week too full again)."""
        chosen = (self.sel_mix, self.sel_take)
        self.sel_mix = self.sel_take = None
        result = self.controller.undo()
        if result is not None:
            self.sel_mix, self.sel_take = chosen
            self.message = describe_invalid(self.deck, result, self.lang)
        else:
            self._moved = self._meter_from = None
        self.dirty = True

    def leave(self) -> None:
        self._static = None

    def relayout(self) -> None:
        self._layout_no += 1
        super().relayout()
        if self._focus_next and self.widget(self._focus_next) is not None:
            self.focus_id, self._focus_moved = self._focus_next, True
        self._focus_next = None

    def main_content(self) -> str:
        """What the voice says first: what to do (or the actions left), then the week on its board."""
        p = self.state.player
        first = self.instruction() if self._overfull() else self.t("turn.actions_left", n=self.state.actions_left)
        week = self.t("turn.mix", used=mix_hours(self.deck, p.mix), budget=p.budget)
        board = self.budget_label(budget_story(self.session, self.state.current))
        comfort = self.t("board.comfort", hours=round(comfort_hours(self.deck, p.budget)))
        return ". ".join((first.rstrip("."), week, f"{board}, {comfort}"))

    # ----------------------------------------------------------------- preview
    def target(self):
        for wid in (self.hover_id, self.focus_id):
            wdg = self.widget(wid) if wid else None
            if wdg is not None and wdg.kind == "card":
                return wdg.data["zone"], wdg.data["inst"]
        return None

    def preview(self):
        """(description, mix after) for the card under the pointer or focus, or the selection."""
        p = self.state.player
        target = self.target()
        take, out = self.sel_take, self.sel_mix
        if target:
            zone, inst = target
            if zone == "mix":
                out = inst
                take = self.sel_take
            else:
                take = inst
        if take and not out and self.fit_mark(take) != "fits":
            return self.why_no_fit(take), None
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

    def why_no_fit(self, inst: str) -> str:
        """Why a card does not fit the week, and what would make room."""
        p = self.state.player
        hours = self.deck.card(card_of(inst)).hours
        free = p.budget - mix_hours(self.deck, p.mix)
        text = self.t("turn.no_fit_why", hours=hours, free=max(0, free))
        need = hours - free
        room = [c for c in p.mix if self.deck.card(card_of(c)).hours >= need]
        if room:
            out = min(room, key=lambda c: self.deck.card(card_of(c)).hours)
            return text + " " + self.t("turn.no_fit_swap", need=need, out=self._title(out))
        return text + " " + self.t("turn.no_fit_never")

    def widget_speech(self, w) -> str:
        """A hand or market card that does not fit says why (and what would make room), not a score."""
        text = super().widget_speech(w)
        if w.kind == "card" and w.data.get("zone") in ("hand", "market") and self.fit_mark(w.data["inst"]) != "fits":
            text += ". " + self.why_no_fit(w.data["inst"])
        return text

    def _title(self, inst: str) -> str:
        return card_title(self.deck, card_of(inst), self.lang)

    def on_focus_change(self) -> None:
        self.dirty = True

    def instruction(self) -> str:
        """One line: what to do now."""
        s = self.state
        if self._overfull():
            if self.sel_mix and not self.sel_take:
                return self.t("turn.do_overfull_suggest", card=self._title(self.sel_mix))
            return self.t("turn.do_overfull")
        if s.actions_left <= 0:
            return self.t("turn.do_end")
        if self.sel_take and self.sel_mix:
            return self.t("turn.do_swap")
        if self.sel_take:
            return self.t("turn.do_play")
        if self.sel_mix:
            return self.t("turn.do_drop")
        return self.t("turn.do_pick")

    def _progress(self, key: str, duration: float) -> float:
        return progress(self, key, duration)

    # ----------------------------------------------------------------- drawing
    def draw_widget(self, surface, w) -> None:
        if w.kind == "card":
            inst = w.data["inst"]
            rect = w.rect
            moved = self._moved
            if moved and w.data["zone"] == "mix" and moved[0] == inst:
                k = ease(self._progress(f"turn-move-{moved[2]}", MOVE_S))
                src = moved[1]
                rect = pygame.Rect(round(blend(src.x, w.rect.x, k)), round(blend(src.y, w.rect.y, k)),
                                   round(blend(src.w, w.rect.w, k)), round(blend(src.h, w.rect.h, k)))
            if w.data["zone"] == "mix":
                p = self.state.player
                before = mix_hours(self.deck, p.mix[:p.mix.index(inst)]) if inst in p.mix else 0
                over = before + self.deck.card(card_of(inst)).hours > p.budget
                # a played card glides from the hand into its place on the track
                draw_segment(surface, self.theme, self.deck, self.lang, inst, rect, selected=w.selected,
                             hovered=w.id == self.hover_id, over=over)
                if rect == w.rect:
                    draw_marks(surface, self.theme, self.board, self.deck, p.budget, clip=rect)
                return
            richest, band = self.looks.get(w.data["zone"], ("art", None))
            draw_card(surface, self.theme, self.deck, self.lang, inst, rect, selected=w.selected,
                      hovered=w.id == self.hover_id, fit=self.fit_mark(inst), offers=self.state.offers,
                      richest=richest, art_band=band)
        else:
            super().draw_widget(surface, w)

    def layout_problems(self) -> list[str]:
        """Besides widgets that collide: meters without room and text that would be cut. A large UI
        scale in a small window then shrinks this screen (automatic fit) instead of hiding things."""
        out = super().layout_problems()
        th = self.theme
        if self.panel.top + self.panel_min_height() > self.buttons_top - th.s("gap"):
            out.append("the meters do not fit above the turn buttons")
        for w in self.widgets:
            if w.kind == "card" and w.data.get("zone") in ("hand", "market"):
                if face_problems(th, self.deck, self.lang, w.data["inst"], w.rect, self.state.offers):
                    out.append(f"{w.id} cannot show everything on its face")
        actions = self.t("turn.actions_left", n=self.state.actions_left)
        if font(th, th.s("h2"), True).size(actions)[0] > self.panel.width:
            out.append("the actions counter is cut")
        week = self.t("turn.mix", used=self.deck.hours_per_week, budget=self.deck.hours_per_week)
        if font(th, th.s("body"), True).size(week)[0] > self.rows["mix"].width // 2:
            out.append("the week's heading is cut")
        return out

    def draw_content(self, surface) -> None:
        th = self.theme
        s = self.state
        p = s.player
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        actions = self.t("turn.actions_left", n=s.actions_left)
        aw = font(th, th.s("h2"), True).size(actions)[0]
        draw_text(surface, th, actions, (w - pad, pad + th.s("h1") // 2), th.s("h2"), th.c("accent"), bold=True,
                  anchor="midright", max_width=self.panel.width)
        title = self.t("turn.title", name=p.name, round=s.round, rounds=s.rounds)
        self.heading_text = title
        draw_text(surface, th, title, (pad * 2, pad), th.s("h1"), th.c("text"), bold=True,
                  max_width=max(1, w - pad * 4 - min(aw, self.panel.width)))
        used = mix_hours(self.deck, p.mix)
        labels = {"mix": self.t("turn.mix", used=used, budget=p.budget),
                  "hand": self.t("turn.hand"), "market": self.t("turn.market")}
        for zone in ZONES:
            r = self.rows[zone]
            right = self.page_marks[zone][2] if zone in self.page_marks else r.right
            label_rect = draw_text(surface, th, labels[zone], r.topleft, th.s("body"), th.c("text"), bold=True,
                                   max_width=max(1, right - r.left))
            if zone in self.page_marks:
                page, pages, x = self.page_marks[zone]
                draw_text(surface, th, f"{page}/{pages}", (x, r.top + label_rect.height // 2), th.s("small"),
                          th.c("muted"), bold=True, anchor="midright")
            if zone in self.empty and zone != "mix":
                er = self.empty[zone]
                pygame.draw.rect(surface, th.c("line"), er.inflate(-2, -2), 2, border_radius=th.s("radius"))
                inner = er.inflate(-pad * 2, -gap * 2)
                lh = font(th, th.s("body")).get_linesize()
                draw_wrapped(surface, th, self.t(f"turn.empty_{zone}"), inner, th.s("body"), th.c("muted"),
                             max_lines=max(1, inner.height // lh))
        over = used > p.budget
        self.draw_week_board(surface, used)
        if "mix" in self.empty:
            er = self.empty["mix"].inflate(-pad, -th.px(6))
            size = th.s("small")
            draw_wrapped(surface, th, self.t("turn.empty_mix"), er, size, th.c("muted"),
                         max_lines=max(1, er.height // font(th, size).get_linesize()))
        if self._with_panel:
            self.draw_panel(surface, over, used)

    _with_panel = True

    def draw_week_board(self, surface, used: int) -> None:
        p = self.state.player
        story = budget_story(self.session, self.state.current)
        labels = {"budget": self.budget_label(story), "over": self.t("board.over", hours=used - p.budget),
                  "free": self.t("board.free", hours=p.budget - used),
                  "comfort": self.t("board.comfort",
                                    hours=round(comfort_hours(self.deck, p.budget)))}
        draw_board(surface, self.theme, self.board, self.deck, budget=p.budget, used=used, story=story,
                   labels=labels)

    def budget_label(self, story: list[tuple[int, str]]) -> str:
        """"40 u", or with what moved the budget: "28 u · −12 u door Burn-out"."""
        p = self.state.player
        text = self.t("board.budget", hours=p.budget)
        moved = [(d, src) for d, src in story if d]
        if moved and p.budget != self.deck.hours_per_week:
            delta, source = moved[-1]
            why = self.t("board.moved_by", hours=signed(delta), source=source) if source else signed(delta)
            text += " · " + why
        return text

    def _animating(self) -> bool:
        """A played card still gliding into the week, or the meters still easing."""
        if not self.host.motion_enabled:
            return False
        now, n = self.host.clock, self._anim_no
        for key, duration in ((f"turn-move-{n}", MOVE_S), (f"turn-meters-{n}", METER_S)):
            start = self._animations.get(key)
            if start is None and ((key.startswith("turn-move") and self._moved) or
                                  (key.startswith("turn-meters") and self._meter_from is not None)):
                return True  # not started yet: its first frame is still to come
            if start is not None and start > self._skip_before and now - start < duration:
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """On the window: one layer holds what does not follow the pointer, with the side panel
        for the card pointed at painted into it when that card changes; each frame blits it and
        draws the card under the pointer and the focus ring. Anywhere else (a screenshot, the
        layout audit) and while something moves: everything, directly."""
        if surface is not pygame.display.get_surface():
            super().draw(surface)
            return
        if self._animating():
            self._static = None
            super().draw(surface)
            return
        key = (id(self), surface.get_size(), self._layout_no, self.notes(), self.theme.unit, self.theme.projector,
               self.theme.high_contrast, self.theme.fit)
        if self._static is None or self._panel_bg is None or _layer.get("key") != key:
            static = _shared_layer(surface)
            hover, self.hover_id = self.hover_id, None
            focus, self.focus_id = self.focus_id, None
            self._with_panel = False
            try:
                super().draw(static)
            finally:
                self._with_panel = True
                self.hover_id, self.focus_id = hover, focus
            area = self.panel_area().clip(static.get_rect())
            self._panel_bg = (area, static.subsurface(area).copy())
            self._static = static
            _layer["key"], _layer["panel"] = key, None
        panel_key = (key, self.target(), self.message)
        if _layer.get("panel") != panel_key:
            area, background = self._panel_bg
            self._static.blit(background, area)
            p = self.state.player
            used = mix_hours(self.deck, p.mix)
            self.draw_panel(self._static, used > p.budget, used)
            _layer["panel"] = panel_key
        hovered = self.widget(self.hover_id) if self.hover_id else None
        focused = self.focused()
        marks = [r for r in (hovered.rect if hovered else None, self._ring_rect(focused)) if r is not None]
        shown = (_layer.get("key"), _layer.get("panel"), id(surface), toasts.generation())
        if self._drawn == (self.host.frame_no - 1, shown) and self.host.top is self and self.host.is_base(self):
            # the window still shows this layer: only where the pointer and the focus were and are
            for rect in self._marks + marks:
                surface.blit(self._static, rect, area=rect)
        else:
            surface.blit(self._static, (0, 0))
        if hovered is not None:
            self.draw_widget(surface, hovered)
        if focused is not None:
            self.draw_focus_ring(surface, focused.rect)
        self._drawn, self._marks = (self.host.frame_no, shown), marks

    def _ring_rect(self, w) -> pygame.Rect | None:
        """Everything the focus ring around `w` paints (see Scene.draw_focus_ring)."""
        if w is None:
            return None
        width = self.theme.s("focus_width")
        grow = width * 3 + 2 * max(1, width // 3) + 4
        return w.rect.inflate(grow, grow)

    def panel_area(self) -> pygame.Rect:
        """What draw_panel paints: the side panel above its buttons."""
        return pygame.Rect(self.panel.left, self.panel.top, self.panel.width,
                           max(0, self.buttons_top - self.panel.top))

    def draw_panel(self, surface, over: bool, used: int) -> None:
        th = self.theme
        s = self.state
        p = s.player
        gap = th.s("gap")
        panel = self.panel
        bottom = self.buttons_top - gap
        # what to do now, in one line
        size = th.s("body")
        lh = font(th, size, True).get_linesize()
        text_w = panel.width - gap * 2
        extra = (bottom - panel.top - self.panel_min_height()) // lh - 2  # lines left for the rest
        lines = wrap(th, self.instruction(), size, text_w, True)[:max(1, min(4, 1 + extra))]
        box = pygame.Rect(panel.left, panel.top, panel.width, len(lines) * lh + gap)
        pygame.draw.rect(surface, th.c("panel"), box, border_radius=th.s("radius") // 2)
        pygame.draw.rect(surface, th.c("accent"), box, th.s("border"), border_radius=th.s("radius") // 2)
        draw_wrapped(surface, th, self.instruction(), box.inflate(-gap * 2, -gap), size, th.c("accent"), bold=True,
                     max_lines=len(lines))
        y = box.bottom + gap
        # meters with preview, easing to a new value after a move
        pf, sf = fits(self.deck, p.mix, p.budget, p.weights, s.needs, s.offers)
        if self._meter_from is not None:
            k = ease(self._progress(f"turn-meters-{self._anim_no}", METER_S))
            pf, sf = blend(self._meter_from[0], pf, k), blend(self._meter_from[1], sf, k)
        prev = self.preview()
        pp = ps = None
        if prev and prev[1] is not None:
            pp, ps = fits(self.deck, prev[1], p.budget, p.weights, s.needs, s.offers)
        mh = th.s("meter_h") + font(th, th.s("small"), True).get_linesize()
        for label, value, pre, colour in ((self.t("fit.personal"), pf, pp, "personal"),
                                          (self.t("fit.social"), sf, ps, "social")):
            if y + mh <= bottom:
                draw_meter(surface, th, pygame.Rect(panel.left, y, panel.width, mh), label, value, pre, colour)
                y += mh + gap
        small = th.s("small")
        slh = font(th, small).get_linesize()

        def para(text, colour, bold=True, lines=2):
            nonlocal y
            room = max(0, (bottom - y) // slh)
            if room:
                y += draw_wrapped(surface, th, text, pygame.Rect(panel.left, y, panel.width, bottom - y), small,
                                  th.c(colour), bold=bold, max_lines=min(lines, room)) + gap // 2

        if over:
            para(self.t("invalid.overfull", over=used - p.budget) + " " + self.t("turn.overfull_free"), "negative",
                 lines=4)
        if self.message:
            para("⚠ " + self.message, "warning_text", lines=3)
        if prev:
            para(prev[0], "text", lines=4)
        target = self.target()
        if target:
            with shortening_allowed():  # the details show what room is left; the card's own text is optional
                self.draw_card_details(surface, target[1], pygame.Rect(panel.left, y, panel.width, bottom - y))
        elif not prev and bottom - y > slh * 2:
            draw_wrapped(surface, th, self.t("turn.help"), pygame.Rect(panel.left, y, panel.width, bottom - y),
                         small, th.c("muted"), max_lines=max(1, (bottom - y) // slh))

    def draw_card_details(self, surface, inst: str, rect: pygame.Rect) -> None:
        """The focused card in full: title, type and hours, every value by its full name, its text."""
        th = self.theme
        card = self.deck.card(card_of(inst))
        small = th.s("small")
        lh = font(th, small).get_linesize()
        blh = font(th, small, True).get_linesize()
        if rect.height < blh:
            return
        y = rect.top
        pygame.draw.line(surface, th.c("line"), (rect.left, y), (rect.right, y), 1)
        y += th.px(6)
        kind = self.t(f"card.type.{card.type}") if card.type in ("role", "task") else card.type
        head = f"{card.title.get(self.lang)} · {kind} · {self.t('card.hours', hours=card.hours)}"
        title_lines = min(2, max(1, (rect.bottom - y) // blh))
        y += draw_wrapped(surface, th, head, pygame.Rect(rect.left, y, rect.width, rect.bottom - y), small,
                          th.c("text"), bold=True, max_lines=title_lines)
        room = max(0, (rect.bottom - y) // lh)
        values = card_value_lines(self.deck, card, self.lang)
        cols = 1
        if len(values) + (1 if card.requires else 0) > room:  # two columns with the short labels
            short = card_value_lines(self.deck, card, self.lang, short=True)
            f = font(th, small)
            if all(f.size(text)[0] <= rect.width // 2 - th.px(8) for text, _ in short):
                values, cols = short, 2  # (never a value shortened with "…": else one column, as room allows)
        if card.requires:
            values.insert(0, (self.t("card.requires", tags=", ".join(card.requires)), "muted"))
        col_w = rect.width // cols
        per_col = -(-len(values) // cols) if values else 0
        for i, (text, colour) in enumerate(values):
            row, col = (i % per_col, i // per_col) if per_col else (0, 0)
            if row >= room:
                continue
            draw_text(surface, th, text, (rect.left + col * col_w, y + row * lh), small, th.c(colour),
                      max_width=col_w - th.px(8))
        y += lh * min(per_col, room) + th.px(6)
        if card.text and rect.bottom - y >= lh:
            draw_wrapped(surface, th, card.text.get(self.lang), pygame.Rect(rect.left, y, rect.width, rect.bottom - y),
                         small, th.c("muted"), max_lines=max(1, (rect.bottom - y) // lh))

    def draw_message(self, surface) -> None:
        pass  # shown in the side panel
