"""A least-recently-used cache of drawn surfaces, bounded by the memory their pixels take."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Hashable

import pygame


class SurfaceCache:
    """Surfaces by key; the oldest go once their pixels pass `budget_bytes`.

    A count limit is not enough: at 4K one card face weighs as much as a hundred words of text.
    """

    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self.used = 0
        self._items: "OrderedDict[Hashable, pygame.Surface]" = OrderedDict()

    def get(self, key: Hashable, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        surf = self._items.get(key)
        if surf is not None:
            self._items.move_to_end(key)
            return surf
        surf = make()
        self._items[key] = surf
        self.used += self._weight(surf)
        while self.used > self.budget and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self.used -= self._weight(old)
        return surf

    def set_budget(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        while self.used > self.budget and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self.used -= self._weight(old)

    def clear(self) -> None:
        self._items.clear()
        self.used = 0

    def __len__(self) -> int:
        return len(self._items)

    @staticmethod
    def _weight(surf: pygame.Surface) -> int:
        return surf.get_width() * surf.get_height() * surf.get_bytesize()
