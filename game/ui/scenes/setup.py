"""Setting up a game: deck, language, solo or table, names, rounds, discussion timer, seed."""

from __future__ import annotations

import random
from pathlib import Path

import pygame

from ...core.state import DEFAULT_ROUNDS, MAX_ROUNDS, MAX_TABLE, MIN_ROUNDS, MIN_TABLE
from ...i18n import t
from ..decks import cached_deck
from ..text import draw_text, draw_wrapped, font
from ..widgets import headline, mark_default
from .base import Scene

TIMERS = (0, 60, 120, 180, 300)
SEPARATORS = " –-—:·|"

def short_titles(titles: list[str]) -> list[str]:
    """Deck titles for the chips: a title that repeats another deck's title drops that part
    ("Breder Belang Boost – LOB in de klas" beside "Breder Belang Boost" -> "LOB in de klas")."""
    out = []
    for i, title in enumerate(titles):
        label = title
        for j, other in enumerate(titles):
            if i != j and other and title != other and title.startswith(other):
                rest = title[len(other):].lstrip(SEPARATORS)
                if rest and len(rest) < len(label):
                    label = rest
        out.append(label)
    return out


class SetupScene(Scene):
    name = "setup"
    default_id = "start"

    def __init__(self, host) -> None:
        super().__init__(host)
        args = host.controller.options
        self.decks = host.controller.deck_choices()
        self.deck_index = 0
        wanted = args.deck
        for i, (label, source) in enumerate(self.decks):
            if wanted and getattr(source, "name", None) == wanted:
                self.deck_index = i
        if not wanted and self.decks:
            names = [getattr(s, "name", "") for _, s in self.decks]
            if "breder-belang" in names:
                self.deck_index = names.index("breder-belang")
        self.custom_deck = wanted if wanted and not any(getattr(s, "name", None) == wanted for _, s in self.decks) else None
        self.loaded = [cached_deck(host.controller, source) for _, source in self.decks]
        if self.custom_deck:
            self.custom_loaded = cached_deck(host.controller, Path(self.custom_deck) if Path(self.custom_deck).is_dir()
                                             else self.custom_deck)
        self.lang_choice = host.lang
        players = args.players
        self.table = bool(players) and not args.solo
        self.count = max(MIN_TABLE, min(MAX_TABLE, players or 3))
        self.names = [""] * MAX_TABLE
        self.solo_name = ""
        rounds = args.rounds or DEFAULT_ROUNDS
        self.rounds = max(MIN_ROUNDS, min(MAX_ROUNDS, rounds))
        self.timer = 0
        seed = args.seed
        self.seed_text = "" if seed is None else str(seed)

    def t2(self, key, **p):
        return t(self.lang_choice, key, **p)

    def deck_title(self, deck, fallback: str) -> str:
        from ...content.errors import DeckLoadError  # (the content package loads the deck checker)


        if isinstance(deck, DeckLoadError) or deck is None:
            return f"⚠ {fallback}"
        return deck.title.get(self.lang_choice) or fallback

    def chosen(self):
        """The chosen deck (a Deck or the DeckLoadError of a deck that does not load)."""
        if self.custom_deck:
            return self.custom_loaded
        return self.loaded[self.deck_index] if self.loaded else None

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        bh = int(th.s("button_h") * 0.85)
        label_w = int(w * 0.22)
        x0 = pad * 2 + label_w
        avail = w - x0 - pad * 2
        self.rows: list[tuple[str, int]] = []
        y = pad + th.s("h1") + gap + font(th, th.s("small")).get_linesize() + gap
        row_h = bh + gap

        def chips(prefix, items, current, on_pick, y):
            """Chips side by side, on more lines when they do not fit; returns the next row's y."""
            f = font(th, th.s("body"), True)
            x = x0
            for value, label in items:
                bw = min(avail, max(th.px(110), f.size("✓ " + label)[0] + pad * 2))
                if x > x0 and x + bw > x0 + avail:
                    x, y = x0, y + row_h
                self.button(f"{prefix}:{value}", (x, y, bw, bh), label, (lambda v=value: on_pick(v)),
                            kind="chip").selected = value == current
                x += bw + gap
            return y + row_h

        # deck: its title in the chosen language, and its description under the chips
        self.rows.append(("setup.deck", y))
        if self.custom_deck:
            label = self.deck_title(self.custom_loaded, str(self.custom_deck))
            self.button("deck:custom", (x0, y, min(avail, th.px(900)), bh), label, lambda: None,
                        kind="chip").selected = True
            y += row_h
        else:
            titles = short_titles([self.deck_title(d, lbl) for d, (lbl, _) in zip(self.loaded, self.decks)])
            y = chips("deck", list(enumerate(titles)), self.deck_index, self._pick_deck, y)
        lh = font(th, th.s("small")).get_linesize()
        self.description = pygame.Rect(x0, y - gap // 2, avail, lh * 2)
        y += lh * 2
        self.rows.append(("setup.lang", y))
        y = chips("lang", [("nl", "Nederlands"), ("en", "English")], self.lang_choice, self._pick_lang, y)
        self.rows.append(("setup.mode", y))
        y = chips("mode", [("solo", self.t2("setup.solo")), ("table", self.t2("setup.table"))],
                  "table" if self.table else "solo", self._pick_mode, y)
        if self.table:
            self.rows.append(("setup.players", y))
            y = chips("count", [(n, str(n)) for n in range(MIN_TABLE, MAX_TABLE + 1)], self.count, self._pick_count, y)
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
        y = chips("rounds", [(n, str(n)) for n in range(MIN_ROUNDS, MAX_ROUNDS + 1)], self.rounds, self._pick_rounds, y)
        self.rows.append(("setup.timer", y))
        y = chips("timer", [(s, self.t2("setup.timer_off") if s == 0 else self.t2("setup.minutes", n=s // 60))
                            for s in TIMERS], self.timer, self._pick_timer, y)
        self.rows.append(("setup.seed", y))
        self.button("seed", (x0, y, min(avail, th.px(420)), bh), "", None, kind="field", text=self.seed_text,
                    placeholder=self.t2("setup.seed_random"), limit=20)
        self.button_row([("back", self.t2("common.back"), self.host.pop, True, "alt"),
                         ("join", self.t2("join.open"), self.join_room, True, "alt"),
                         ("start", self.t2("setup.start"), self.start)], right=True)
        mark_default(self)

    def join_room(self) -> None:
        from .join_room import JoinRoomScene

        self.host.push(JoinRoomScene(self.host))

    def room_status(self) -> str:
        """"Verbonden met zaal …" while the table is linked to a room, else empty."""
        room = self.controller.room
        return self.t2("join.setup_status", room=self.controller.room_name) if room is not None else ""

    def _pick_deck(self, i):
        self.deck_index = i
        self.relayout()

    def _pick_lang(self, lang):
        self.lang_choice = lang
        self.host.lang = lang
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
        from ...content.errors import DeckLoadError
        from .error import DeckProblemsScene

        source = self.custom_deck or (self.decks[self.deck_index][1] if self.decks else None)
        if source is None:
            self.message = self.t2("setup.no_decks")
            return
        deck = self.chosen()
        if deck is None:
            try:
                deck = self.controller.load_deck(source)
            except DeckLoadError as exc:
                deck = exc
        if isinstance(deck, DeckLoadError):
            self.host.push(DeckProblemsScene(self.host, deck.problems))
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
        self.controller.start_game(deck, names, self.rounds, seed, self.lang_choice, self.timer)

    def draw_content(self, surface) -> None:
        from ...content.errors import DeckLoadError

        th = self.theme
        pad = th.s("pad")
        from .title import draw_theme_band

        draw_theme_band(surface, th)
        bottom = self.heading(surface, headline(self, self.t2("setup.title")))
        draw_text(surface, th, self.t2("setup.do"), (pad * 2, bottom), th.s("small"), th.c("muted"),
                  max_width=self.size[0] - pad * 4)
        bh = int(th.s("button_h") * 0.85)
        label_w = self.description.left - pad * 3
        for key, y in self.rows:
            draw_text(surface, th, self.t2(key), (pad * 2, y + bh // 2), th.s("body"), th.c("text"),
                      bold=True, anchor="midleft", max_width=label_w)
        deck = self.chosen()
        if isinstance(deck, DeckLoadError):
            text, colour = self.t2("setup.deck_problems"), "negative"
        elif deck is not None and deck.description:
            text, colour = deck.description.get(self.lang_choice), "muted"
        else:
            text, colour = "", "muted"
        if text:
            draw_wrapped(surface, th, text, self.description, th.s("small"), th.c(colour), max_lines=2)
        status = self.room_status()
        back = self.widget("back")
        if status and back is not None and back.rect.left > pad * 4:
            draw_wrapped(surface, th, "● " + status,
                         pygame.Rect(pad * 2, back.rect.top, back.rect.left - pad * 3, back.rect.height),
                         th.s("small"), th.c("positive"), bold=True, max_lines=2)
