"""Reading the game aloud: each new screen says its main content once, a focused widget says
what it is, and V switches the voice on or off. The window passes on what it shows; the
speech engine itself is game.ui.voice."""

from __future__ import annotations

from typing import Any

from ...i18n import t
from ..voice import Voice


class Narrator:
    def __init__(self, window: Any, enabled: bool) -> None:
        self.window = window
        self.voice = Voice(enabled, lang=window.lang)
        self._spoken: tuple | None = None  # (scene id, route key) of the screen last announced

    def say(self, text: str, force: bool = False) -> bool:
        self.voice.lang = self.window.lang
        return self.voice.say(text, force=force)

    def switch(self, on: bool) -> bool:
        """The voice on or off for this run, said aloud; whether it is on (False without an engine)."""
        window, voice = self.window, self.voice
        voice.lang = window.lang
        if not on:
            voice.set_enabled(False, farewell=t(window.lang, "voice.off") if voice.enabled else "")
            return False
        voice.set_enabled(True)
        if not voice.available:
            voice.set_enabled(False)
            if window.stack:
                window.top.message = t(window.lang, "voice.none")
                window.top.dirty = True
            return False
        text = t(window.lang, "voice.on")
        if window.stack:
            window.use_fit(window.top)
            text += " " + window.top.spoken_text()
        self.say(text, force=True)
        return True

    def announce(self) -> None:
        """Each new screen says its main content once (after its first draw, so headings are known)."""
        window = self.window
        if not window.stack:
            return
        scene = window.top
        key = (id(scene), scene.route_key)
        if key == self._spoken:
            return
        self._spoken = key
        if self.voice.enabled:
            window.use_fit(scene)
            self.say(scene.spoken_text())
