"""Keys that are held down: a held key acts once, and a new screen waits for a new press.

pygame repeats a held key as more KEYDOWN events (set_repeat), which is right for moving the
focus with an arrow key or erasing with Backspace, and wrong for anything that takes a step: a
held Enter would press every default button of every following screen. So:

- Enter, Space and the keypad Enter act on their first KEYDOWN only; their repeats are dropped;
- every key held while the screen changes is dropped until it is released and pressed again
  (a held arrow key does not go on moving the focus of the next screen either).
"""

from __future__ import annotations

import pygame

ACTIVATING = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE})


class HeldKeys:
    def __init__(self) -> None:
        self.down: set[int] = set()
        self.stale: set[int] = set()  # held across a change of screen: ignored until released

    def press(self, event: pygame.event.Event) -> bool:
        """A KEYDOWN: True when it may act, False for a repeat that must be dropped."""
        key = event.key
        repeat = key in self.down
        self.down.add(key)
        if key in self.stale:
            return False
        return not (repeat and key in ACTIVATING)

    def release(self, event: pygame.event.Event) -> None:
        """A KEYUP (that key is free again) or the window losing the focus (all keys are)."""
        if event.type == pygame.KEYUP:
            self.down.discard(event.key)
            self.stale.discard(event.key)
        else:
            self.down.clear()
            self.stale.clear()

    def screen_changed(self) -> None:
        self.stale = set(self.down)
