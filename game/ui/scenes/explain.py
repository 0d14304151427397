"""“Hoe is dit berekend?”: every part of both scores, grouped by card, adding up to the total."""

from __future__ import annotations

from collections import OrderedDict


from ...core import scoring
from ...i18n.describe import card_title, dimension_name
from ...i18n.numbers import number, signed
from ..widgets import headline, mark_default
from .base import Scene
from .doc import Doc


def group_parts(parts) -> "OrderedDict[tuple[str, str | None], list]":
    groups: OrderedDict = OrderedDict()
    for part in parts:
        groups.setdefault((part.source, part.ref), []).append(part)
    return groups


class ExplainScene(Scene):
    name = "explain"
    default_id = "back"

    def __init__(self, host, summary, player: int) -> None:
        super().__init__(host)
        self.summary = summary
        self.player = player

    closes_on_escape = True

    def layout(self) -> None:
        self.doc_rect = self.doc_area(max_width=self.theme.px(1500))  # lines short enough to read
        self.scroll_rect = self.doc_rect
        self.doc = self.build_doc()
        self.scroll_max = max(0, self.doc.height(self.doc_rect.width) - self.doc_rect.height)
        self.button_row([("back", self.t("common.back"), self.host.pop)], right=True)
        mark_default(self)

    def _source(self, source: str, ref) -> str:
        deck, lang = self.deck, self.lang
        if source == "card":
            return self.t("explain.card", card=card_title(deck, ref, lang))
        if source == "combo":
            combo = next((c for c in deck.combos if c.id == ref), None)
            return self.t("explain.combo", combo=combo.title.get(lang) if combo else ref)
        return self.t(f"explain.{source}")

    def build_doc(self) -> Doc:
        deck, lang = self.deck, self.lang
        p = self.summary.players[self.player]
        d = Doc(self.theme)
        self.model_doc(d, p)
        d.gap().h(self.t("explain.parts"))
        d.p(self.t("explain.intro"), colour="muted")
        for key, parts, total in (("fit.personal", p.personal_parts, p.personal_fit),
                                  ("fit.social", p.social_parts, p.social_fit)):
            d.gap().h(f"{self.t(key)}: {number(total, lang, 1)}")
            running = 0.0
            for (source, ref), group in group_parts(parts).items():
                points = sum(x.points for x in group)
                running += points
                dims = ", ".join(f"{dimension_name(deck, x.dimension, lang) if x.dimension else '—'} "
                                 f"{signed(x.points, lang, 1)}" for x in group if source != "base")
                line = f"{self._source(source, ref)}: {signed(points, lang, 1)}"
                d.p(line, bold=True)
                if dims:
                    d.p("    " + dims, colour="muted")
            d.p(self.t("explain.total", sum=number(running, lang, 1), total=number(total, lang, 1)), colour="accent",
                bold=True)
        return d

    def model_doc(self, d: Doc, p) -> None:
        """How the two scores work, in plain words, with this game's numbers: zin and zinvol, more of
        the same counts less, fewer hours do not raise a score, the comfort line."""
        lang, deck = self.lang, self.deck
        week = getattr(deck, "hours_per_week", 40)
        comfort = (p.balance or {}).get("comfort", scoring.COMFORT_SHARE * p.budget)
        bal = getattr(deck, "balance_dimension", None)
        balance = dimension_name(deck, bal, lang) if bal else self.t("summary.balance")
        d.h(self.t("explain.model_title"))
        for key in ("explain.model_zin", "explain.model_zinvol", "explain.model_more", "explain.model_hours",
                    "explain.model_comfort", "explain.model_lines"):
            d.p(self.t(key, week=week, share=number(scoring.COMFORT_SHARE * 100, lang),
                       comfort=number(comfort, lang, 0 if abs(comfort - round(comfort)) < 0.05 else 1),
                       budget=p.budget, personal=number(scoring.PERSONAL_HIGH, lang),
                       social=number(scoring.SOCIAL_HIGH, lang), balance=balance))
            d.gap()

    def draw_content(self, surface) -> None:
        p = self.summary.players[self.player]
        self.heading(surface, headline(self, self.t("explain.title", name=p.name)))
        self.doc.draw(surface, self.doc_rect, self.scroll)
