"""`bbb play --monkey N`: N random clicks, taps, drags, keys, text and resizes through the real
screens, with the game's invariants checked after every event (tests/reliability/test_monkey.py)."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pygame

from ..window import QuitGame, Window

STEP_DT = 1 / 30


class InvariantChecker:
    """After every event: no card lost or duplicated, no move pushes a week past its hours, every
    score within 0-100. Raises AssertionError with what broke."""

    def __init__(self, window: Window) -> None:
        self.window = window
        self._session: Any = None
        self._initial_cards: Counter[str] | None = None
        self._prev_state: Any = None

    def check(self) -> None:
        from ...core.scoring import fits, mix_hours
        from ...core.state import card_of

        session = self.window.controller.session
        if session is None:
            return
        if session is not self._session:
            self._session, self._initial_cards, self._prev_state = session, None, session.state
        deck, s = session.deck, session.state

        def cards(state: Any) -> Counter[str]:
            return Counter(z for z in state.all_cards() if deck.card(card_of(z)).type in ("role", "task", "dilemma"))

        if self._initial_cards is None:
            self._initial_cards = cards(session.initial)
        now = cards(s)
        if now != self._initial_cards:
            lost = self._initial_cards - now
            extra = now - self._initial_cards
            raise AssertionError(f"cards lost {dict(lost)} or duplicated {dict(extra)}")
        prev = self._prev_state if len(self._prev_state.players) == len(s.players) else None
        for i, p in enumerate(s.players):
            hours = mix_hours(deck, p.mix)
            grew = prev is not None and len(s.log) > len(prev.log) and hours > mix_hours(deck, prev.players[i].mix)
            if hours > p.budget and grew:  # undo may bring back a week an event made too full; a move may not
                raise AssertionError(f"{p.name}'s week grew past the budget: {hours} > {p.budget}")
            pf, sf = fits(deck, p.mix, p.budget, p.weights, s.needs, s.offers)
            if not (0 <= pf <= 100 and 0 <= sf <= 100):
                raise AssertionError(f"scores out of range: {pf}, {sf}")
        self._prev_state = s


class Monkey:
    def __init__(self, window: Window, seed: str | None) -> None:
        self.window = window
        self.rng = random.Random(str(seed or 0))
        self.checker = InvariantChecker(window)
        window.after_event = self.checker.check
        window.quit_to_title = True

    def events(self) -> list[pygame.event.Event]:
        r = self.rng
        w, h = self.window.size
        roll = r.random()
        E = pygame.event.Event
        widgets = [x for x in self.window.top.widgets if x.enabled]
        if roll < 0.45 and widgets:
            pos = r.choice(widgets).rect.center
            return [E(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
                    E(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)]
        if roll < 0.55:
            pos = (r.randrange(w), r.randrange(h))
            return [E(pygame.MOUSEBUTTONDOWN, pos=pos, button=r.choice((1, 1, 3, 4, 5)), touch=False)]
        if roll < 0.62:
            return [E(pygame.FINGERDOWN, x=r.random(), y=r.random(), dx=0.0, dy=0.0, finger_id=0, touch_id=0,
                      pressure=1.0),
                    E(pygame.FINGERUP, x=r.random(), y=r.random(), dx=0.0, dy=0.0, finger_id=0, touch_id=0,
                      pressure=0.0)]
        if roll < 0.68:
            x, y = r.randrange(w), r.randrange(h)
            return [E(pygame.MOUSEMOTION, pos=(x, y), rel=(r.randint(-50, 50), r.randint(-50, 50)),
                      buttons=(1, 0, 0), touch=False),
                    E(pygame.MOUSEWHEEL, x=0, y=r.choice((-1, 1)), flipped=False, precise_x=0.0, precise_y=0.0,
                      touch=False)]
        if roll < 0.9:
            key = r.choice([pygame.K_TAB, pygame.K_TAB, pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN,
                            pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP,
                            pygame.K_DOWN, pygame.K_BACKSPACE, pygame.K_z, pygame.K_PAGEDOWN, pygame.K_a])
            mod = r.choice((0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL))
            down = [E(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)]
            held = r.random() < 0.2  # sometimes a key stays down and repeats before it is let go
            repeats = down * r.randint(1, 4) if held else []
            return down + repeats + [E(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)]
        if roll < 0.96:
            return [E(pygame.TEXTINPUT, text=r.choice(["a", "Z", "é", " ", "7", "ß", "—"]))]
        size = (r.randint(1024, 2200), r.randint(600, 1300))
        return [E(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])]

    def run(self, count: int) -> int:
        window = self.window
        for _ in range(count):
            if not window.running:
                break
            pygame.event.get()  # drop whatever the system sent; only the monkey plays
            try:
                window.safe_step(self.events(), STEP_DT, let_through=True)
            except QuitGame:
                break
        return window.exit_code
