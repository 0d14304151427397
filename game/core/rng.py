"""A small deterministic random generator whose whole state is one integer (saved in the game)."""

from __future__ import annotations

from typing import Any, Sequence, TypeVar

T = TypeVar("T")

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def seed_state(seed: int | str) -> int:
    """Turn any seed (a number or a word typed in setup) into a generator state."""
    if isinstance(seed, str):
        value = 0
        for ch in seed.encode("utf-8"):
            value = (value * 131 + ch) & _MASK
        seed = value
    return int(seed) & _MASK


def next_state(state: int) -> tuple[int, int]:
    """SplitMix64: returns (new_state, 64-bit output). Same on every platform and Python."""
    state = (state + _GOLDEN) & _MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return state, z ^ (z >> 31)


class Rng:
    """A generator over an integer state; read `.state` back into the game state after use."""

    __slots__ = ("state",)

    def __init__(self, state: int) -> None:
        self.state = state

    def below(self, n: int) -> int:
        """A number in 0..n-1 (n >= 1)."""
        self.state, out = next_state(self.state)
        return out % n

    def shuffle(self, items: list[Any]) -> None:
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]

    def choice(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]
