"""`bbb play`: read the command line, make the controller and the window, and hand the window to
whoever plays: a person (the window's own loop), the bots, the monkey or the layout audit."""

from __future__ import annotations

from typing import Any

import pygame

from ..i18n import t
from .controller import Controller, PlayOptions, settings_overrides
from .text import reset_caches
from .window import Window


def open_window(args: Any, deck_override: Any = None, size: tuple[int, int] | None = None) -> Window:
    """The controller for `args` and a window showing its title screen."""
    options = PlayOptions.from_args(args)
    controller = Controller(options, deck_override, settings_overrides(args))
    window = Window(controller, size or options.size, fullscreen=options.fullscreen,
                    people_watch=not options.bot_driven, screenshots=options.screenshots)
    window.to_title()
    return window


def run(args: Any) -> int:
    """Open the window and play until the player quits (exit status 0)."""
    options = PlayOptions.from_args(args)
    if options.audit_layout:
        from .drivers.layout_audit import run_audit

        return run_audit(args)
    window = open_window(args)
    try:
        if options.autoplay:
            # Bots start from the title screen like a player would (with --continue they press
            # "Doorgaan").
            from .drivers.autoplay import Autoplay

            return Autoplay(window, export=options.export).run(options.pace)
        if options.monkey:
            from .drivers.monkey import Monkey

            if options.deck or options.players or options.solo:
                _start_monkey_game(window, options)
            return Monkey(window, options.seed).run(options.monkey)
        if options.resume:  # a player with --continue goes straight back into the game
            window.resume()
        return window.run_loop()
    finally:
        window.controller.close()
        reset_caches()
        pygame.quit()


def _start_monkey_game(window: Window, options: PlayOptions) -> None:
    """`--monkey N --deck D --players K`: begin inside a game of that deck and size, so that a
    monkey run is sure to cover it; after the summary the monkey roams the menus as usual."""
    controller = window.controller
    deck = controller.load_deck(options.deck or "breder-belang")
    players = 1 if options.solo else (options.players or 1)
    names = [t(controller.lang, "setup.you")] if players == 1 else [f"P{i + 1}" for i in range(players)]
    seed: int | str = options.seed or 0
    controller.start_game(deck, names, options.rounds or 4, seed, controller.lang, 0)
