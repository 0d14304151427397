"""Colours and sizes from assets/theme.json, scaled to the window, the UI scale setting and the screen's fit."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

import pygame

from ..paths import assets_dir

BASE_W, BASE_H = 1920, 1080
# The projector look: what is read from the back of a classroom grows (card text 23 -> 30 px at
# 1920x1080, at least 24 px even where a screen's automatic fit shrinks it).
PROJECTOR_GROW = {"card_title": 1.3, "card_text": 1.3, "tiny": 1.3, "small": 1.2, "meter_h": 1.25, "bar_h": 1.25}


@lru_cache(maxsize=None)
def theme_data() -> dict:
    return json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _font_path(bold: bool) -> str:
    return str(assets_dir() / theme_data()["fonts"]["bold" if bold else "regular"])


def _colour(text: str) -> pygame.Color:
    return pygame.Color(text)


@dataclass
class Theme:
    """The active look: `c(name)` gives a colour, `s(name)` a size in pixels for this window."""

    high_contrast: bool = False
    ui_scale: float = 1.0
    window: tuple[int, int] = (1280, 720)
    fit: float = 1.0  # the active scene's automatic fit to the window (Scene.relayout), at most 1
    projector: bool = False
    _colours: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reload()

    def reload(self) -> None:
        data = theme_data()
        name = "high_contrast" if self.high_contrast else "normal"
        self._colours = {k: _colour(v) for k, v in data["themes"][name].items()}
        self.palette = [_colour(v) for v in data["okabe_ito"]]
        self.markers = list(data["player_markers"])

    @property
    def unit(self) -> float:
        w, h = self.window
        return max(0.4, min(w / BASE_W, h / BASE_H)) * self.ui_scale * self.fit

    @property
    def window_unit(self) -> float:
        """The window's own scale (1.0 at 1920x1080), without the UI scale setting or the fit."""
        w, h = self.window
        return max(0.4, min(w / BASE_W, h / BASE_H))

    def min_hit(self) -> int:
        """The smallest hit area in pixels: 48 px at 1920x1080, scaled with the window (about 26 px
        at the smallest window, 1024x600), so that a target keeps its share of the screen."""
        return max(1, int(theme_data()["sizes"]["min_hit"] * self.window_unit))

    def c(self, name: str) -> pygame.Color:
        return self._colours[name]

    def s(self, name: str) -> int:
        size = theme_data()["sizes"][name] * self.unit
        if self.projector and name in PROJECTOR_GROW:
            size *= PROJECTOR_GROW[name]
        return max(1, round(size))

    def px(self, base: float) -> int:
        """A length given in 1080p pixels, scaled."""
        return max(1, round(base * self.unit))

    def font_path(self, bold: bool) -> str:
        return _font_path(bool(bold))
