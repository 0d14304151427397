"""`bbb play --autoplay`: bots play a whole game through the screens, clicking what a player would
click (through the SceneAdapter) and typing a solo reflection's answer; `--export` also writes
every export format at the summary."""

from __future__ import annotations

from typing import Any

import pygame

from ..window import QuitGame, Window
from .adapter import SceneAdapter

STEP_DT = 1 / 30
STYLES = ["balanced", "social", "personal", "random"]


def post_click(pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False))


def post_key(key: int, mod: int = 0) -> None:
    """A whole key press: down and up, as a person's finger makes it."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))


class Autoplay:
    """One bot click (or typed answer) per call of `step`; QuitGame once the summary was seen."""

    def __init__(self, window: Window, export: bool = False) -> None:
        self.window = window
        self.export = export
        self.adapter = SceneAdapter()
        self.summary_steps = 0

    def bot_action(self) -> Any:
        from ...core.bots import choose

        controller = self.window.controller
        scene = self.window.top
        if controller.session is None or scene.route_key is None or scene.name == "handover":
            return None
        return choose(controller.session.deck, controller.session.state, STYLES)

    def step(self) -> None:
        window = self.window
        scene = window.top
        if window.needs_draw():
            return  # let the frame be drawn (and photographed) first
        if scene.name == "summary":
            self.summary_steps += 1
            if self.summary_steps == 1 and self.export:
                from ...export.formats import offered

                for fmt in offered():
                    print(window.controller.export(fmt.name).message)
            if self.summary_steps == 2:
                how = scene.widget("how")
                if how is not None:
                    post_click(how.rect.center)
                    return
            if self.summary_steps >= 2:
                raise QuitGame
            window.top.dirty = True
            return
        if scene.name == "explain":
            post_key(pygame.K_ESCAPE)
            return
        action = self.bot_action()
        text = self.adapter.text_for(scene, action)
        if text:
            for ch in text:
                pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
            return
        rect = self.adapter.rect_for(scene, action)
        if rect is None:
            raise RuntimeError(f"autoplay: scene {scene.name} has no widget for {action}")
        post_click(rect.center)

    def run(self, pace: float = 0.0) -> int:
        window = self.window
        while window.running:
            try:
                if pace:
                    pygame.time.wait(int(pace * 1000))
                self.step()
                window.safe_step(pygame.event.get(), STEP_DT, let_through=True)
            except QuitGame:
                break
        return window.exit_code
