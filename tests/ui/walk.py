"""Walking every screen of a bot-played game, and recording where each screen puts its text."""

from __future__ import annotations

import sys

import pygame

from .conftest import DT, bot_step

MENUS = ("pause", "settings", "rules")


def open_menus(app):
    """The pause menu, the settings and the rules screen, each as a scene to check; then back."""
    from game.ui.scenes.pause import PauseScene
    from game.ui.scenes.rules import RulesScene
    from game.ui.scenes.settings_scene import SettingsScene

    for cls in (PauseScene, SettingsScene, RulesScene):
        app.push(cls(app))
        app.step([], DT)
        yield app.top
        app.pop()
        app.step([], DT)


def walk(app, limit=6000):
    """Yield each new top scene of a whole bot-played game, from the title screen to the summary,
    with the setup screen, the menus (at the first game screen) and the explanation of the scores."""
    seen = set()
    yield app.top  # title
    menus_done = False
    for _ in range(limit):
        scene = app.top
        key = (id(scene), getattr(scene, "route_key", None), scene.name)
        if key not in seen:
            seen.add(key)
            if scene.name != "title":
                yield scene
            if scene.name == "values" and not menus_done:
                menus_done = True
                yield from open_menus(app)
        if scene.name == "summary":
            w = scene.widget("how")
            scene.widget("how").click()
            app.step([], DT)
            yield app.top
            assert w is not None
            return
        bot_step(app)
    raise AssertionError("the game did not reach the summary")


class TextRecorder:
    """Patches game.ui's `render` so that every text surface is known; `record(scene)` draws the
    scene on a recording surface and returns [(text, rect on screen)] of the visible glyphs."""

    def __init__(self, monkeypatch) -> None:
        import game.ui.text as text_module

        self.texts: dict[int, tuple[str, pygame.Surface]] = {}
        original = text_module.render

        def render(theme, text, size, colour, bold=False):
            surf = original(theme, text, size, colour, bold)
            self.texts[id(surf)] = (text, surf)
            return surf

        for name, module in list(sys.modules.items()):
            if name.startswith("game.ui") and getattr(module, "render", None) is original:
                monkeypatch.setattr(module, "render", render)

    def record(self, scene) -> list[tuple[str, pygame.Rect]]:
        texts = self.texts
        found: list[tuple[str, pygame.Rect]] = []

        class Recording(pygame.Surface):
            def blit(self, source, dest, area=None, special_flags=0):
                rect = super().blit(source, dest, area, special_flags)
                known = texts.get(id(source))
                if known is not None and known[1] is source and area is None:
                    x, y = dest if not isinstance(dest, pygame.Rect) else dest.topleft
                    glyphs = source.get_bounding_rect().move(x, y).clip(self.get_clip())
                    if glyphs.width > 0 and glyphs.height > 0 and known[0].strip():
                        found.append((known[0], glyphs))
                return rect

        surface = Recording(scene.size)
        scene.host.use_fit(scene)
        scene.draw(surface)
        return found


def text_problems(scene, texts, size) -> list[str]:
    """Text outside the window, or two texts on top of each other."""
    win = pygame.Rect((0, 0), size)
    out = []
    for text, rect in texts:
        if not win.contains(rect):
            out.append(f"{scene.name}: {text!r} outside the window at {rect}")
    for i, (a, ra) in enumerate(texts):
        for b, rb in texts[i + 1:]:
            both = ra.clip(rb)
            if both.width > 2 and both.height > 2 and not (a == b and ra == rb):
                out.append(f"{scene.name}: {a!r} {tuple(ra)} overlaps {b!r} {tuple(rb)}")
    return out
