"""The summary: both fits on two axes with the deck's quadrants, details per player, the table's
coverage of society's needs, exports, and the line that this is a mirror, not a test."""

from __future__ import annotations

import pygame

from ...core.scoring import PERSONAL_HIGH, SOCIAL_HIGH
from ...i18n.describe import card_title, describe_next_step, dimension_name, quadrant_label, requirement
from ..text import draw_text, draw_wrapped, font, render
from ..widgets import draw_marker
from .base import Scene
from .doc import Doc


class SummaryScene(Scene):
    name = "summary"
    default_id = "new"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.summary = self.session.summary()
        self.player = 0
        self._qr = {}

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        top = pad + th.s("h1") + font(th, th.s("body"), True).get_linesize() + gap
        bottom = h - pad * 2 - th.s("button_h")
        self.chart_size = min(int(w * 0.42), bottom - top)
        self.chart = pygame.Rect(pad * 2, top, self.chart_size, self.chart_size)
        rx = self.chart.right + pad * 2
        y = top
        if len(self.summary.players) > 1:
            f = font(th, th.s("body"), True)
            bh = int(th.s("button_h") * 0.8)
            x = rx
            for i, p in enumerate(self.summary.players):
                bw = max(th.px(120), f.size("✓ " + p.name)[0] + pad)
                if x + bw > w - pad:
                    break
                self.button(f"player:{i}", (x, y, bw, bh), p.name, (lambda i=i: self.pick(i)),
                            kind="chip").selected = i == self.player
                x += bw + gap
            y += bh + gap
        self.doc_rect = pygame.Rect(rx, y, w - rx - pad * 2, bottom - y)
        self.qr_rect = None
        if self.qr():
            side = min(th.px(260), self.doc_rect.width // 3)
            self.qr_rect = pygame.Rect(w - pad * 2 - side, y, side, side)
            self.doc_rect.width -= side + pad
        self.scroll_rect = self.doc_rect
        self.doc = self.build_doc()
        self.scroll_max = max(0, self.doc.height(self.doc_rect.width) - self.doc_rect.height)
        self.button_row([
            ("how", self.t("summary.how"), self.explain, True, "alt"),
            ("pdf", self.t("summary.pdf"), lambda: self.export("pdf"), True, "alt"),
            ("png", self.t("summary.png"), lambda: self.export("png"), True, "alt"),
            ("folder", self.t("summary.folder"), self.folder, True, "alt"),
            ("quit", self.t("title.quit"), self.app.quit, True, "alt"),
            ("new", self.t("summary.new"), self.new_game),
        ])

    def pick(self, i: int) -> None:
        self.player = i
        self.scroll = 0
        self.relayout()

    def explain(self) -> None:
        from .explain import ExplainScene

        self.app.push(ExplainScene(self.app, self.summary, self.player))

    def export(self, kind: str) -> None:
        self.message = self.app.export(kind)

    def folder(self) -> None:
        self.message = self.app.open_results_folder()

    def new_game(self) -> None:
        from .setup import SetupScene

        self.app.to_title()
        self.app.push(SetupScene(self.app))

    def on_escape(self) -> bool:
        if self.message:
            self.message = ""
            self.dirty = True
            return True
        return False

    def on_background_click(self, pos) -> None:
        if self.message:
            self.message = ""

    # ----------------------------------------------------------------- content
    def build_doc(self) -> Doc:
        deck, lang, th = self.deck, self.lang, self.theme
        p = self.summary.players[self.player]
        d = Doc(th)
        d.h(f"{p.name}: {quadrant_label(deck, p.quadrant, lang)}")
        d.p(self.t("summary.scores", personal=round(p.personal_fit), social=round(p.social_fit)), bold=True)
        d.p(self.t("summary.next_step") + " " + describe_next_step(deck, p.next_step, lang), colour="accent")
        d.gap().h(self.t("summary.mix", hours=p.hours, budget=p.budget))
        for cid, hours in p.mix:
            d.p(f"• {card_title(deck, cid, lang)} — {self.t('card.hours', hours=hours)}")
        if not p.mix:
            d.p(self.t("summary.empty_mix"), colour="muted")
        d.gap().h(self.t("summary.personal_dims"))
        for dim, value in p.personal_dimensions:
            weight = p.weights.get(dim, 2)
            d.bar(dimension_name(deck, dim, lang), value, 100, "personal",
                  f"{round(value)}/100 · {self.t(f'values.pile{weight}')}")
        d.gap().h(self.t("summary.social_dims"))
        for dim, contribution, need in p.social_dimensions:
            d.bar(dimension_name(deck, dim, lang), contribution, 3, "social",
                  self.t("summary.contribution", value=f"{contribution:.2f}", need=need))
        d.gap().h(self.t("summary.combos"))
        combos = {c.id: c for c in deck.combos}
        for cid in p.combos:
            c = combos.get(cid)
            d.p("★ " + (c.title.get(lang) if c else cid))
        for cid, missing in p.near_combos:
            c = combos.get(cid)
            d.p("☆ " + self.t("summary.near", combo=c.title.get(lang) if c else cid,
                              missing=requirement(deck, missing, lang)), colour="muted")
        if not p.combos and not p.near_combos:
            d.p(self.t("summary.no_combos"), colour="muted")
        if p.boosts:
            d.gap().h(self.t("summary.boosts"))
            for b in p.boosts:
                giver = b.get("giver") or self.t("summary.advisor")
                title = card_title(deck, b["card"].split("#")[0], lang)
                state = {True: "summary.accepted", False: "summary.declined", None: "summary.named"}[b.get("accepted")]
                d.p(f"• {self.t(state, giver=giver, card=title)}")
        if p.answers:
            d.gap().h(self.t("summary.answers"))
            for a in p.answers:
                d.p(f"“{a['text']}”")
        if self.summary.mode == "table":
            t = self.summary.table
            d.gap().h(self.t("summary.table"))
            names = lambda ids: ", ".join(dimension_name(deck, x, lang) for x in ids) or "—"
            d.p("✔ " + self.t("summary.covered", dims=names(t.covered)))
            d.p("◐ " + self.t("summary.underserved", dims=names(t.underserved)))
            d.p("✘ " + self.t("summary.uncovered", dims=names(t.uncovered)), bold=bool(t.uncovered))
        return d

    def qr(self):
        if self.player in self._qr:
            return self._qr[self.player]
        modules = None
        try:
            from ...export import qr_modules, qr_text

            modules = qr_modules(qr_text(self.deck, self.summary, self.player, self.lang))
        except Exception:  # the export package may still be missing: the summary works without a QR
            modules = None
        self._qr[self.player] = modules
        return modules

    # ----------------------------------------------------------------- drawing
    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        title = self.t("summary.title_table") if self.summary.mode == "table" else self.t("summary.title")
        bottom = self.heading(surface, title)
        draw_text(surface, th, self.t("summary.mirror"), (pad * 2, bottom), th.s("body"), th.c("accent"), bold=True)
        self.draw_chart(surface)
        self.doc.draw(surface, self.doc_rect, self.scroll)

    def draw_chart(self, surface) -> None:
        th = self.theme
        deck, lang = self.deck, self.lang
        r = self.chart
        small = th.s("small")
        lh = font(th, small).get_linesize()
        plot = pygame.Rect(r.left + lh + th.px(8), r.top, r.width - lh - th.px(8), r.height - lh - th.px(8))
        pygame.draw.rect(surface, th.c("chart_bg"), plot)
        qx = plot.left + int(plot.width * PERSONAL_HIGH / 100)
        qy = plot.bottom - int(plot.height * SOCIAL_HIGH / 100)
        hh = pygame.Rect(qx, plot.top, plot.right - qx, qy - plot.top)
        pygame.draw.rect(surface, th.c("quadrant"), hh)
        pygame.draw.line(surface, th.c("line"), (qx, plot.top), (qx, plot.bottom), 2)
        pygame.draw.line(surface, th.c("line"), (plot.left, qy), (plot.right, qy), 2)
        pygame.draw.rect(surface, th.c("text"), plot, 2)
        tiny = th.s("tiny")
        quads = {"low_high": pygame.Rect(plot.left, plot.top, qx - plot.left, qy - plot.top),
                 "high_high": pygame.Rect(qx, plot.top, plot.right - qx, qy - plot.top),
                 "low_low": pygame.Rect(plot.left, qy, qx - plot.left, plot.bottom - qy),
                 "high_low": pygame.Rect(qx, qy, plot.right - qx, plot.bottom - qy)}
        for q, qr in quads.items():
            draw_wrapped(surface, th, quadrant_label(deck, q, lang), qr.inflate(-th.px(16), -th.px(16)), tiny,
                         th.c("muted"), bold=True, max_lines=3)
        # axes labels
        draw_text(surface, th, self.t("fit.personal_axis"), (plot.centerx, plot.bottom + th.px(4)), small,
                  th.c("personal"), bold=True, anchor="midtop")
        label = render(th, self.t("fit.social_axis"), small, th.c("social"), True)
        rot = pygame.transform.rotate(label, 90)
        surface.blit(rot, rot.get_rect(midright=(plot.left - th.px(4), plot.centery)))
        # players
        radius = max(8, th.px(18))
        for i, p in enumerate(self.summary.players):
            x = plot.left + int(plot.width * p.personal_fit / 100)
            y = plot.bottom - int(plot.height * p.social_fit / 100)
            colour = th.palette[i % len(th.palette)]
            shape = th.markers[i % len(th.markers)]
            draw_marker(surface, shape, (x, y), radius + (4 if i == self.player else 0), colour, th.c("text"))
            text = f"{p.name} ({round(p.personal_fit)}, {round(p.social_fit)})"
            tr = render(th, text, small, th.c("text"), True)
            pos = tr.get_rect(midleft=(x + radius + th.px(6), y))
            if pos.right > plot.right:
                pos.midright = (x - radius - th.px(6), y)
            pos.clamp_ip(plot)
            bg = pos.inflate(th.px(6), 0)
            pygame.draw.rect(surface, th.c("chart_bg"), bg)
            surface.blit(tr, pos)
        modules = self.qr()
        if modules and self.qr_rect:
            n = len(modules)
            cell = max(1, self.qr_rect.width // (n + 8))
            box = pygame.Rect(0, 0, cell * (n + 8), cell * (n + 8))
            box.topleft = self.qr_rect.topleft
            pygame.draw.rect(surface, (255, 255, 255), box)  # a QR code needs dark on light
            for yy, row in enumerate(modules):
                for xx, on in enumerate(row):
                    if on:
                        pygame.draw.rect(surface, (0, 0, 0), (box.left + (xx + 4) * cell, box.top + (yy + 4) * cell, cell, cell))
            draw_wrapped(surface, th, self.t("summary.qr"), pygame.Rect(box.left, box.bottom + th.px(4), box.width, lh * 3),
                         th.s("tiny"), th.c("muted"), max_lines=3)
