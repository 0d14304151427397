"""Setting up a game: deck, language, solo or table, names, rounds, discussion timer, seed."""

from __future__ import annotations

import random

import pygame

from ...core.state import DEFAULT_ROUNDS, MAX_ROUNDS, MAX_TABLE, MIN_ROUNDS, MIN_TABLE
from ..text import draw_text, font
from .base import Scene

TIMERS = (0, 60, 120, 180, 300)


class SetupScene(Scene):
    name = "setup"
    default_id = "start"

    def __init__(self, app) -> None:
        super().__init__(app)
        args = app.args
        self.decks = app.deck_choices()
        self.deck_index = 0
        wanted = getattr(args, "deck", None)
        for i, (label, source) in enumerate(self.decks):
            if wanted and getattr(source, "name", None) == wanted:
                self.deck_index = i
        if not wanted and self.decks:
            names = [getattr(s, "name", "") for _, s in self.decks]
            if "breder-belang" in names:
                self.deck_index = names.index("breder-belang")
        self.custom_deck = wanted if wanted and not any(getattr(s, "name", None) == wanted for _, s in self.decks) else None
        self.lang_choice = app.lang
        players = getattr(args, "players", None)
        self.table = bool(players) and not getattr(args, "solo", False)
        self.count = max(MIN_TABLE, min(MAX_TABLE, players or 3))
        self.names = [""] * MAX_TABLE
        self.solo_name = ""
        rounds = getattr(args, "rounds", None) or DEFAULT_ROUNDS
        self.rounds = max(MIN_ROUNDS, min(MAX_ROUNDS, rounds))
        self.timer = 0
        seed = getattr(args, "seed", None)
        self.seed_text = "" if seed is None else str(seed)

    def t2(self, key, **p):
        from ...i18n import t
        return t(self.lang_choice, key, **p)

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        bh = int(th.s("button_h") * 0.85)
        label_w = int(w * 0.24)
        x0 = pad * 2 + label_w
        avail = w - x0 - pad * 2
        self.rows: list[tuple[str, int]] = []
        y = pad + th.s("h1") + gap * 2
        row_h = bh + gap

        def chips(prefix, items, current, on_pick, y):
            f = font(th, th.s("body"), True)
            x = x0
            for value, label in items:
                bw = max(th.px(110), f.size("✓ " + label)[0] + pad * 2)
                if x + bw > x0 + avail:
                    bw = max(th.px(60), x0 + avail - x)
                self.button(f"{prefix}:{value}", (x, y, bw, bh), label, (lambda v=value: on_pick(v)),
                            kind="chip").selected = value == current
                x += bw + gap

        # deck
        self.rows.append(("setup.deck", y))
        if self.custom_deck:
            self.button("deck:custom", (x0, y, min(avail, th.px(700)), bh), self.custom_deck, lambda: None,
                        kind="chip").selected = True
        else:
            chips("deck", [(i, lbl) for i, (lbl, _) in enumerate(self.decks)], self.deck_index, self._pick_deck, y)
        y += row_h
        self.rows.append(("setup.lang", y))
        chips("lang", [("nl", "Nederlands"), ("en", "English")], self.lang_choice, self._pick_lang, y)
        y += row_h
        self.rows.append(("setup.mode", y))
        chips("mode", [("solo", self.t2("setup.solo")), ("table", self.t2("setup.table"))],
              "table" if self.table else "solo", self._pick_mode, y)
        y += row_h
        if self.table:
            self.rows.append(("setup.players", y))
            chips("count", [(n, str(n)) for n in range(MIN_TABLE, MAX_TABLE + 1)], self.count, self._pick_count, y)
            y += row_h
            self.rows.append(("setup.names", y))
            fw = (avail - gap * (self.count - 1)) // self.count
            for i in range(self.count):
                self.button(f"name:{i}", (x0 + i * (fw + gap), y, fw, bh), "", None, kind="field",
                            text=self.names[i], placeholder=self.t2("setup.player_n", n=i + 1), limit=16)
            y += row_h
        else:
            self.rows.append(("setup.name", y))
            self.button("name:solo", (x0, y, min(avail, th.px(600)), bh), "", None, kind="field",
                        text=self.solo_name, placeholder=self.t2("setup.you"), limit=16)
            y += row_h
        self.rows.append(("setup.rounds", y))
        chips("rounds", [(n, str(n)) for n in range(MIN_ROUNDS, MAX_ROUNDS + 1)], self.rounds, self._pick_rounds, y)
        y += row_h
        self.rows.append(("setup.timer", y))
        chips("timer", [(s, self.t2("setup.timer_off") if s == 0 else self.t2("setup.minutes", n=s // 60))
                        for s in TIMERS], self.timer, self._pick_timer, y)
        y += row_h
        self.rows.append(("setup.seed", y))
        self.button("seed", (x0, y, min(avail, th.px(420)), bh), "", None, kind="field", text=self.seed_text,
                    placeholder=self.t2("setup.seed_random"), limit=20)
        self.button_row([("back", self.t2("common.back"), self.app.pop, True, "alt"),
                         ("start", self.t2("setup.start"), self.start)], right=True)

    def _pick_deck(self, i):
        self.deck_index = i
        self.relayout()

    def _pick_lang(self, lang):
        self.lang_choice = lang
        self.app.lang = lang
        self.relayout()

    def _pick_mode(self, mode):
        self.table = mode == "table"
        self.relayout()

    def _pick_count(self, n):
        self.count = n
        self.relayout()

    def _pick_rounds(self, n):
        self.rounds = n
        self.relayout()

    def _pick_timer(self, s):
        self.timer = s
        self.relayout()

    def on_field_change(self, w) -> None:
        text = w.data.get("text", "")
        if w.id == "seed":
            self.seed_text = text
        elif w.id == "name:solo":
            self.solo_name = text
        elif w.id.startswith("name:"):
            self.names[int(w.id.split(":")[1])] = text

    def start(self) -> None:
        from ...content import DeckLoadError
        from .error import DeckProblemsScene

        source = self.custom_deck or (self.decks[self.deck_index][1] if self.decks else None)
        if source is None:
            self.message = self.t2("setup.no_decks")
            return
        try:
            deck = self.app.load_deck(source)
        except DeckLoadError as exc:
            self.app.push(DeckProblemsScene(self.app, exc.problems))
            return
        if self.table:
            names = [(self.names[i].strip() or self.t2("setup.player_n", n=i + 1)) for i in range(self.count)]
        else:
            names = [self.solo_name.strip() or self.t2("setup.you")]
        seed_text = self.seed_text.strip()
        seed: int | str
        if not seed_text:
            seed = random.randrange(1, 10 ** 6)
        else:
            seed = int(seed_text) if seed_text.isdigit() else seed_text
        self.app.start_game(deck, names, self.rounds, seed, self.lang_choice, self.timer)

    def draw_content(self, surface) -> None:
        th = self.theme
        self.heading(surface, self.t2("setup.title"))
        bh = int(th.s("button_h") * 0.85)
        for key, y in self.rows:
            draw_text(surface, th, self.t2(key), (th.s("pad") * 2, y + bh // 2), th.s("body"), th.c("text"),
                      bold=True, anchor="midleft")
