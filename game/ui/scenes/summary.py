"""The summary: both fits on two axes with the deck's quadrants, details per player, the table's
coverage of society's needs, exports, and the line that this is a mirror, not a test."""

from __future__ import annotations

import pygame

from ...core import scoring
from ...export.formats import offered
from ...i18n.describe import card_title, describe_next_step, dimension_name, quadrant_label, requirement
from ...i18n.numbers import number
from ...export.words import answer_lines
from ...i18n.reading import balance_line, next_step_out, reading
from ..text import draw_text, draw_wrapped, ellipsize, font, render
from ..widgets import chip_row, draw_marker, fit_title, fitting_label, headline, mark_default
from .base import Scene
from .doc import Doc

TABLE = -1  # the "Tafel" tab
_qr_made: dict = {}  # (summary id, player, language) -> (summary, QR modules): made once per summary


def export_formats() -> list:
    """The export buttons, from the registry in game.export.formats."""
    return offered()
MARKER_GLYPHS = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆", "star": "★", "cross": "✚"}


class SummaryScene(Scene):
    name = "summary"
    # Enter opens the explanation (Esc comes back): never "Nieuw spel", which leaves this summary
    default_id = "how"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.summary = self.session.summary()
        # at a table the shared view comes first: what the table covers together (-1)
        self.player = TABLE if self.summary.mode == "table" else 0
        self._qr: dict[int, list | None] = {}
        # in a room: the result's take-home page at the hub, which the QR then leads to
        self.room_link = self.controller.share_with_room() if self.controller.room is not None else ""

    @property
    def share_choice(self):
        from ...room.sharing import ANONYMOUS

        return self.controller.room_share or ANONYMOUS

    def toggle_share(self, what: str) -> None:
        """A share chip: what the room gets changes at once (the hub replaces the earlier result)."""
        from dataclasses import replace

        choice = replace(self.share_choice, **{what: not getattr(self.share_choice, what)})
        self.room_link = self.controller.share_with_room(choice)
        self._qr = {}
        self.relayout()
        self.host.say(" ".join(self.shared_lines()))

    _room_waiting: bool | None = None
    _room_looked = -1.0

    def room_waiting(self) -> bool:
        room = self.controller.room
        return bool(room is not None and room.waiting())

    def wants_ticks(self) -> bool:
        return bool(self._room_waiting)  # until the hub has the result: the line "gaat naar de zaal" goes

    def update(self, dt: float) -> None:
        if not self.room_link or 0 <= self.host.clock - self._room_looked < 0.5:
            return
        self._room_looked = self.host.clock
        waiting = self.room_waiting()
        if waiting != self._room_waiting:
            self._room_waiting = waiting
            self.relayout()

    def shared_lines(self) -> list[str]:
        from ...room.sharing import shared_lines

        return shared_lines(self.lang, self.share_choice)

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        top = pad + th.s("h1") + font(th, th.s("body"), True).get_linesize() + gap
        rows = self.button_rows(self.button_specs())
        bottom = h - pad * 2 - th.s("button_h") * rows - gap * (rows - 1)
        chip_h = max(th.s("min_hit"), int(th.s("button_h") * 0.8))
        share_h = 2 * chip_h + 2 * gap if self.room_link else 0  # the share chips under the chart
        self.chart_size = min(int(w * 0.42), bottom - top - share_h)
        self.chart = pygame.Rect(pad * 2, top, self.chart_size, self.chart_size)
        if self.room_link:
            y0 = self.chart.bottom + gap
            chip_w = max(self.chart_size, min(int(w * 0.42), th.px(640)))
            for i, what in enumerate(("initials", "answers")):
                self.button(f"share:{what}", (pad * 2, y0 + i * (chip_h + gap), chip_w, chip_h),
                            self.t(f"share.{what}"), (lambda what=what: self.toggle_share(what)),
                            kind="chip").selected = getattr(self.share_choice, what)
        rx = self.chart.right + pad * 2
        y = top
        if self.summary.mode == "table":
            tabs = [(TABLE, self.t("summary.table_tab"))] + [(i, p.name) for i, p in enumerate(self.summary.players)]
            bh = max(th.s("min_hit"), int(th.s("button_h") * 0.8))
            items = [("table" if i == TABLE else f"player:{i}", label, i) for i, label in tabs]
            y = chip_row(self, items, rx, y, w - pad * 2, bh, self.player, self.pick, most=th.px(360)) - bh
            y += bh + gap
        self.doc_rect = pygame.Rect(rx, y, w - rx - pad * 2, bottom - y)
        self.qr_rect = None
        if self.player != TABLE and self.qr():
            side = min(th.px(260), self.doc_rect.width // 3)
            self.qr_rect = pygame.Rect(w - pad * 2 - side, y, side, side)
            self.doc_rect.width -= side + pad
        self.scroll_rect = self.doc_rect
        self.doc = self.build_doc()
        self.scroll_max = max(0, self.doc.height(self.doc_rect.width) - self.doc_rect.height)
        specs = self.button_specs()
        if self.button_rows(specs) == 1:
            self.button_row(specs)
        else:  # two rows rather than labels cut short (a big UI scale in a small window)
            bh = th.s("button_h")
            self.button_row(specs[:4], y=h - pad - 2 * bh - gap)
            self.button_row(specs[4:], right=True)
        mark_default(self)

    def button_specs(self) -> list[tuple]:
        return [
            ("how", self.t("summary.how"), self.explain),
            *[(fmt.name, self.t(fmt.label_key), (lambda name=fmt.name: self.export(name)), True, "alt")
              for fmt in export_formats()],
            ("folder", self.t("summary.folder_short"), self.folder, True, "alt"),
            ("quit", self.t("title.quit"), self.host.quit, True, "alt"),
            ("new", self.t("summary.new"), self.new_game, True, "alt"),
        ]

    def button_rows(self, specs) -> int:
        """1 when every button fits one row with its whole label, else 2."""
        th = self.theme
        pad, gap = th.s("pad"), th.s("gap")
        f = font(th, th.s("body"), True)
        total = sum(max(th.s("button_min_w"), f.size(x[1])[0] + 2 * pad) for x in specs) + gap * (len(specs) - 1)
        return 1 if total <= self.size[0] - 2 * pad else 2

    def pick(self, i: int) -> None:
        self.player = i
        self.scroll = 0
        self.relayout()

    def explain(self) -> None:
        from .explain import ExplainScene

        self.host.push(ExplainScene(self.host, self.summary, max(0, self.player)))

    def export(self, name: str) -> None:
        """Write one format; the message names the files, and the focus goes to "Map openen"."""
        outcome = self.controller.export(name)
        self.message = outcome.message
        if outcome.ok and self.widget("folder") is not None:
            self.focus_id = "folder"
            self._focus_moved = True

    def folder(self) -> None:
        self.message = self.controller.open_results_folder()

    def new_game(self) -> None:
        from .setup import SetupScene

        self.host.to_title()
        self.host.push(SetupScene(self.host))

    def on_escape(self) -> bool:
        if self.message:
            self.message = ""
            self.dirty = True
            return True
        return False

    def on_background_click(self, pos) -> None:
        if self.message:
            self.message = ""

    def main_content(self) -> str:
        """The mirror line and, for one player, what their place on the chart says."""
        if self.player == TABLE:
            return self.t("summary.mirror")
        p = self.summary.players[self.player]
        return self.t("summary.mirror") + " " + reading(self.deck, p, self.lang)

    # ----------------------------------------------------------------- content
    def build_table_doc(self, d: Doc | None = None) -> Doc:
        """The table together: each need of society, how much the table's weeks bring to it and
        who brings it; then what is covered, a little, and by nobody; then every player."""
        deck, lang, th = self.deck, self.lang, self.theme
        t = self.summary.table
        d = d or Doc(th)
        d.h(self.t("summary.table"))
        d.p(self.t("summary.table_intro"), colour="muted")
        names = lambda ids: ", ".join(dimension_name(deck, x, lang) for x in ids) or "—"
        d.p("✘ " + self.t("summary.uncovered", dims=names(t.uncovered)), bold=True,
            colour="negative" if t.uncovered else "text")
        d.p("◐ " + self.t("summary.underserved", dims=names(t.underserved)))
        d.p("✔ " + self.t("summary.covered", dims=names(t.covered)))
        d.gap()
        top = max([3.0] + [value for _, value, _ in t.coverage])
        for dim, value, need in t.coverage:
            mark = "✔" if dim in t.covered else ("◐" if dim in t.underserved else "✘")
            name = dimension_name(deck, dim, lang)
            d.bar(f"{mark} " + self.t("summary.need_line", dim=name, value=number(value, lang, 2), need=need), value, top,
                  "social")
            givers = [p.name for p in self.summary.players
                      if any(x == dim and c > 0 for x, c, _ in p.social_dimensions)]
            if givers:
                d.p(self.t("summary.served_by", names=", ".join(givers)), colour="muted", size="small")
            else:
                d.p(self.t("summary.served_by_nobody"), colour="negative", bold=True, size="small")
            d.gap()
        d.gap().h(self.t("summary.players"))
        for i, p in enumerate(self.summary.players):
            glyph = MARKER_GLYPHS.get(th.markers[i % len(th.markers)], "●")
            d.p(f"{glyph} {p.name}: " + self.t("summary.scores", personal=number(p.personal_fit, lang),
                                               social=number(p.social_fit, lang))
                + f" · {quadrant_label(deck, p.quadrant, lang)}")
        d.p(self.t("summary.pick_tab"), colour="muted")
        return d

    def room_doc(self, d: Doc) -> None:
        """What the room gets, in words, above the rest (the players see it before they choose)."""
        if not self.room_link:
            return
        d.h(self.t("share.title"))
        for line in self.shared_lines():
            d.p("• " + line, size="small")
        if self._room_waiting:
            d.p(self.t("share.sending"), colour="muted", size="small")
        d.gap()

    def build_doc(self) -> Doc:
        if self.player == TABLE:
            d = Doc(self.theme)
            self.room_doc(d)
            return self.build_table_doc(d)
        deck, lang, th = self.deck, self.lang, self.theme
        p = self.summary.players[self.player]
        d = Doc(th)
        self.room_doc(d)
        d.h(f"{p.name}: {quadrant_label(deck, p.quadrant, lang)}")
        d.p(self.t("summary.scores", personal=self.num(p.personal_fit), social=self.num(p.social_fit)), bold=True)
        d.p(reading(deck, p, lang))
        d.p(self.t("summary.lines", personal=self.num(scoring.PERSONAL_HIGH), social=self.num(scoring.SOCIAL_HIGH)),
            colour="muted", size="small")
        step = self.t("summary.next_step") + " " + describe_next_step(deck, p.next_step, lang)
        out = next_step_out(deck, p, lang)
        d.p(step + (" " + out if out else ""), colour="accent")
        d.gap().h(self.t("summary.mix", hours=p.hours, budget=p.budget))
        for cid, hours in p.mix:
            d.p(f"• {card_title(deck, cid, lang)} — {self.t('card.hours', hours=hours)}")
        if not p.mix:
            d.p(self.t("summary.empty_mix"), colour="muted")
        balance = balance_line(p, lang)
        if balance:
            d.p(balance, colour="negative" if (p.balance or {}).get("over", 0) > 0 else "muted", size="small")
        d.gap().h(self.t("summary.personal_dims"))
        for dim, value in p.personal_dimensions:
            weight = p.weights.get(dim, 2)
            d.bar(dimension_name(deck, dim, lang), value, 100, "personal",
                  f"{self.num(value)}/100 · {self.t(f'values.pile{weight}')}")
        d.gap().h(self.t("summary.social_dims"))
        self.theme_rows(d, p)
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
        answers = answer_lines(deck, p, lang)  # the same rows as the handout's
        if answers:
            d.gap().h(self.t("summary.answers"))
            for question, text in answers:
                if question:
                    d.p(self.t("summary.question", question=question), colour="muted", size="small")
                d.p(f"“{text}”")
        return d

    def num(self, value: float, decimals: int = 0) -> str:
        return number(value, self.lang, decimals)

    def theme_rows(self, d: Doc, p) -> None:
        """Social fit per theme: how needed, how much served, its points; the themes at zero in one
        line; the sum that is the score (a high score with themes at zero then makes sense)."""
        deck, lang = self.deck, self.lang
        if not p.social_themes:  # a summary from before model v2: what each theme got
            for dim, contribution, need in p.social_dimensions:
                d.bar(dimension_name(deck, dim, lang), contribution, 3, "social",
                      self.t("summary.contribution", value=self.num(contribution, 2), need=need))
            return
        d.p(self.t("summary.themes_intro"), colour="muted", size="small")
        served = [row for row in p.social_themes if row[2] > 0]
        for theme, _, share, need, points in sorted(served, key=lambda row: -row[4]):
            d.bar(dimension_name(deck, theme, lang), share, 1.0, "social",
                  self.t("summary.theme_line", served=self.num(share * 100), need=need, points=self.num(points, 1)))
        zero = [dimension_name(deck, row[0], lang) for row in p.social_themes if row[2] <= 0]
        if zero:
            d.p(self.t("summary.themes_zero", themes=", ".join(zero)), size="small")
        total = sum(row[4] for row in p.social_themes)
        key = "summary.themes_capped" if total > p.social_fit + 0.5 else "summary.themes_total"
        d.p(self.t(key, sum=self.num(total, 1), total=self.num(p.social_fit)), colour="social", bold=True)

    def qr(self):
        if self.player == TABLE:
            return None
        if self.player in self._qr:
            return self._qr[self.player]
        if self.room_link:  # in a room the QR leads to the result's own page at the hub
            try:
                from ...export import qr_modules

                self._qr[self.player] = qr_modules(self.room_link)
            except Exception:
                self._qr[self.player] = None
            return self._qr[self.player]
        known = _qr_made.get((id(self.summary), self.player, self.lang))
        if known is not None and known[0] is self.summary:  # the same summary shown again
            self._qr[self.player] = known[1]
            return known[1]
        modules = None
        try:
            from ...export import qr_modules, qr_text

            modules = qr_modules(qr_text(self.deck, self.summary, self.player, self.lang))
        except Exception:  # the export package may still be missing: the summary works without a QR
            modules = None
        self._qr[self.player] = modules
        if len(_qr_made) > 32:
            _qr_made.clear()
        _qr_made[(id(self.summary), self.player, self.lang)] = (self.summary, modules)
        return modules

    # ----------------------------------------------------------------- drawing
    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        title = self.t("summary.title_table") if self.summary.mode == "table" else self.t("summary.title")
        bottom = self.heading(surface, headline(self, title))
        draw_text(surface, th, self.t("summary.mirror"), (pad * 2, bottom), th.s("body"), th.c("accent"), bold=True,
                  max_width=w - pad * 4)
        self.draw_chart(surface)
        self.doc.draw(surface, self.doc_rect, self.scroll)

    def draw_line_labels(self, surface, plot: pygame.Rect, qx: int, qy: int,
                         taken: list[pygame.Rect]) -> list[pygame.Rect]:
        """The quadrant lines' values (the model's, from game.core.scoring) on the lines themselves,
        where players seldom land and no quadrant label is: the vertical line's at its foot (else its
        top, else halfway), the horizontal line's at its left end (else its right end)."""
        th = self.theme
        size = th.s("tiny")
        inset = th.px(8)
        self.line_labels: list[tuple[str, pygame.Rect]] = []
        for value, vertical in ((scoring.PERSONAL_HIGH, True), (scoring.SOCIAL_HIGH, False)):
            text = number(value, self.lang)
            surf = render(th, text, size, th.c("text"), True)
            box = surf.get_rect().inflate(th.px(14), th.px(6))
            if vertical:
                spots = [{"midbottom": (qx, plot.bottom - inset)}, {"midtop": (qx, plot.top + inset)},
                         {"center": (qx, (qy + plot.bottom) // 2)}, {"center": (qx, (plot.top + qy) // 2)}]
            else:
                spots = [{"midleft": (plot.left + inset, qy)}, {"midright": (plot.right - inset, qy)},
                         {"center": ((plot.left + qx) // 2, qy)}]
            for spot in spots:
                box = surf.get_rect().inflate(th.px(14), th.px(6))
                for anchor, pos in spot.items():
                    setattr(box, anchor, pos)
                if not any(box.colliderect(r) for r in taken):
                    break
            pygame.draw.rect(surface, th.c("chart_bg"), box, border_radius=box.height // 2)
            pygame.draw.rect(surface, th.c("line"), box, 2, border_radius=box.height // 2)
            surface.blit(surf, surf.get_rect(center=box.center))
            self.line_labels.append((text, box))
            taken.append(box)
        return [box for _, box in self.line_labels]

    def draw_chart(self, surface) -> None:
        th = self.theme
        deck, lang = self.deck, self.lang
        r = self.chart
        small = th.s("small")
        lh = font(th, small).get_linesize()
        plot = pygame.Rect(r.left + lh + th.px(8), r.top, r.width - lh - th.px(8), r.height - lh - th.px(8))
        pygame.draw.rect(surface, th.c("chart_bg"), plot)
        qx = plot.left + int(plot.width * scoring.PERSONAL_HIGH / 100)
        qy = plot.bottom - int(plot.height * scoring.SOCIAL_HIGH / 100)
        hh = pygame.Rect(qx, plot.top, plot.right - qx, qy - plot.top)
        pygame.draw.rect(surface, th.c("quadrant"), hh)
        pygame.draw.line(surface, th.c("line"), (qx, plot.top), (qx, plot.bottom), 2)
        pygame.draw.line(surface, th.c("line"), (plot.left, qy), (plot.right, qy), 2)
        pygame.draw.rect(surface, th.c("text"), plot, 2)
        quads = {"low_high": pygame.Rect(plot.left, plot.top, qx - plot.left, qy - plot.top),
                 "high_high": pygame.Rect(qx, plot.top, plot.right - qx, qy - plot.top),
                 "low_low": pygame.Rect(plot.left, qy, qx - plot.left, plot.bottom - qy),
                 "high_low": pygame.Rect(qx, qy, plot.right - qx, plot.bottom - qy)}
        occupied: list[pygame.Rect] = []
        # each quadrant's label in its outer corner, where players rarely land
        for q, qr in quads.items():
            inner = qr.inflate(-th.px(16), -th.px(16))
            if inner.width < th.px(20) or inner.height < th.px(20):
                continue
            size, lines = fit_title(th, quadrant_label(deck, q, lang), inner.width, max_lines=2, big="tiny",
                                    small="tiny")
            lh = font(th, size, True).get_linesize()
            y = inner.top if q.endswith("_high") else inner.bottom - lh * len(lines)
            for line in lines:
                surf = render(th, line, size, th.c("muted"), True)
                rect = surf.get_rect(topleft=(inner.left, y)) if q.startswith("low") else \
                    surf.get_rect(topright=(inner.right, y))
                surface.blit(surf, rect)
                occupied.append(rect)
                y += lh
        occupied += self.draw_line_labels(surface, plot, qx, qy, list(occupied))
        # axes labels
        axis = self.t("fit.personal_axis")
        text, size = fitting_label(th, axis.lstrip("→ "), plot.width, prefix="→ " if axis.startswith("→") else "")
        draw_text(surface, th, text, (plot.centerx, plot.bottom + th.px(4)), size,
                  th.c("personal"), bold=True, anchor="midtop", max_width=plot.width)
        axis = self.t("fit.social_axis")
        text, size = fitting_label(th, axis.lstrip("→ "), plot.height, prefix="→ " if axis.startswith("→") else "")
        label = render(th, ellipsize(th, text, size, plot.height, True), size, th.c("social"), True)
        rot = pygame.transform.rotate(label, 90)
        surface.blit(rot, rot.get_rect(midright=(plot.left - th.px(4), plot.centery)))
        # players: a marker (shape and colour) each, the chosen one bigger and drawn last
        radius = max(8, th.px(18))
        order = [i for i in range(len(self.summary.players)) if i != self.player]
        if 0 <= self.player < len(self.summary.players):
            order.append(self.player)
        spots = {}
        for i in order:
            p = self.summary.players[i]
            x = plot.left + int(plot.width * p.personal_fit / 100)
            y = plot.bottom - int(plot.height * p.social_fit / 100)
            r = radius + (4 if i == self.player else 0)
            spots[i] = (x, y, r)
            occupied.append(pygame.Rect(x - r, y - r, 2 * r, 2 * r))
        for i in order:
            x, y, r = spots[i]
            draw_marker(surface, th.markers[i % len(th.markers)], (x, y), r,
                        th.palette[i % len(th.palette)], th.c("text"))
        # names beside the markers where there is room; the tabs and the table page list them all
        solo = len(self.summary.players) == 1
        for i in reversed(order):
            p = self.summary.players[i]
            x, y, r = spots[i]
            text = f"{p.name} ({number(p.personal_fit, lang)}; {number(p.social_fit, lang)})" if solo else p.name
            text = ellipsize(th, text, small, plot.width // 2, True)
            tr = render(th, text, small, th.c("text"), True)
            gap = th.px(6)
            own = pygame.Rect(x - r, y - r, 2 * r, 2 * r)
            for spot in ({"midleft": (x + r + gap, y)}, {"midright": (x - r - gap, y)},
                         {"midbottom": (x, y - r - gap)}, {"midtop": (x, y + r + gap)}):
                pos = tr.get_rect(**spot)
                pos.clamp_ip(plot.inflate(-4, -4))
                box = pos.inflate(th.px(6), 0)
                if box.colliderect(own) or any(box.colliderect(o) for o in occupied if o != own):
                    continue
                pygame.draw.rect(surface, th.c("chart_bg"), box)
                surface.blit(tr, pos)
                occupied.append(box)
                break
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
            caption = pygame.Rect(self.qr_rect.left, box.bottom + th.px(4), self.qr_rect.width,
                                  self.doc_rect.bottom - box.bottom - th.px(4))
            draw_wrapped(surface, th, self.t("share.qr" if self.room_link else "summary.qr"), caption, th.s("tiny"),
                         th.c("muted"))
