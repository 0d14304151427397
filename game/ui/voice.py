"""Self-voicing: speak a short text through the platform's speech engine, without ever stalling the game.

Engines, first found wins: pyttsx3 when it is importable (never a dependency), else a command:
`espeak-ng` or `espeak` (Linux), `say` (macOS), PowerShell's System.Speech (Windows). Where none
exists, the voice is silently unavailable. Each `say()` cancels the utterance still playing and
returns at once: commands run as a child process, pyttsx3 in a background thread.

`BBB_VOICE_WAV_DIR=/some/dir` makes command engines write one numbered WAV file per utterance
instead of playing it (espeak `-w`, say `-o`, System.Speech `SetOutputToWaveFile`): a way to check
the voice on a machine without speakers.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

WAV_DIR_ENV = "BBB_VOICE_WAV_DIR"
ESPEAK_VOICES = {"nl": "nl", "en": "en"}
SAY_VOICES = {"nl": "Xander", "en": "Samantha"}
SYSTEM_SPEECH_CULTURES = {"nl": "nl-NL", "en": "en-US"}


class Engine:
    """Speaks one text at a time; `speak` must return at once, `stop` cuts the current text off."""

    name = "none"

    def speak(self, text: str, lang: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        pass

    def busy(self) -> bool:
        return False


class CommandEngine(Engine):
    """A speech program run as a child process (Popen: never waits for it)."""

    def __init__(self, name: str, program: str, wav_dir: Path | None = None) -> None:
        self.name = name
        self.program = program
        self.wav_dir = wav_dir
        self.process: subprocess.Popen | None = None
        self.count = 0
        self.last_wav: Path | None = None

    def command(self, text: str, lang: str) -> list[str]:
        wav = None
        if self.wav_dir is not None:
            self.wav_dir.mkdir(parents=True, exist_ok=True)
            self.count += 1
            wav = self.wav_dir / f"voice-{os.getpid()}-{self.count:04d}.wav"
            self.last_wav = wav
        if self.name in ("espeak-ng", "espeak"):
            cmd = [self.program, "-v", ESPEAK_VOICES.get(lang, lang), "-s", "165"]
            if wav is not None:
                cmd += ["-w", str(wav)]
            return cmd + ["--", text]
        if self.name == "say":
            cmd = [self.program, "-v", SAY_VOICES.get(lang, "Samantha")]
            if wav is not None:
                cmd += ["-o", str(wav), "--data-format=LEI16@22050"]
            return cmd + [text]
        # PowerShell with System.Speech; the text goes in through an environment variable, so no
        # quoting of player names or card texts can break the script.
        script = ("Add-Type -AssemblyName System.Speech; "
                  "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
                  "try { $s.SelectVoiceByHints('NotSet', 'NotSet', 0, "
                  f"[System.Globalization.CultureInfo]'{SYSTEM_SPEECH_CULTURES.get(lang, 'en-US')}') }} catch {{}}; ")
        if wav is not None:
            script += f"$s.SetOutputToWaveFile('{wav}'); "
        script += "$s.Speak($env:BBB_SAY)"
        return [self.program, "-NoProfile", "-NonInteractive", "-Command", script]

    def speak(self, text: str, lang: str) -> None:
        self.stop()
        env = dict(os.environ, BBB_SAY=text)
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            self.process = subprocess.Popen(self.command(text, lang), stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                                            creationflags=flags)
        except OSError:
            self.process = None

    def stop(self) -> None:
        p = self.process
        if p is not None and p.poll() is None:
            try:
                p.terminate()
            except OSError:
                pass
        self.process = None

    def busy(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait(self, timeout: float = 10.0) -> None:
        """Tests and the WAV check only: wait for the current utterance to be written."""
        if self.process is not None:
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                pass


class Pyttsx3Engine(Engine):
    """pyttsx3 in its own thread: its runAndWait blocks, so the game only hands texts over."""

    name = "pyttsx3"

    def __init__(self, module) -> None:
        self.module = module
        self.texts: "queue.Queue[tuple[str, str] | None]" = queue.Queue()
        self.engine: Any = None  # a pyttsx3 engine once the thread has made it (pyttsx3 has no type information)
        self.thread = threading.Thread(target=self._run, name="bbb-voice", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.engine = self.module.init()
        except Exception:
            return
        while True:
            item = self.texts.get()
            if item is None:
                return
            while not self.texts.empty():  # only the newest text still matters
                item = self.texts.get()
                if item is None:
                    return
            try:
                self.engine.say(item[0])
                self.engine.runAndWait()
            except Exception:
                pass

    def speak(self, text: str, lang: str) -> None:
        self.stop()
        self.texts.put((text, lang))

    def stop(self) -> None:
        engine = self.engine
        if engine is not None:
            try:
                engine.stop()
            except Exception:
                pass

    def close(self) -> None:
        self.texts.put(None)


def find_engine(wav_dir: Path | None = None) -> Engine | None:
    """The first speech engine this computer has, or None."""
    if wav_dir is None and os.environ.get(WAV_DIR_ENV):
        wav_dir = Path(os.environ[WAV_DIR_ENV])
    if wav_dir is None:
        try:
            import pyttsx3  # type: ignore[import-not-found]

            return Pyttsx3Engine(pyttsx3)
        except Exception:  # not installed, or no driver behind it
            pass
    candidates = ["espeak-ng", "espeak"]
    if sys.platform == "darwin":
        candidates = ["say"] + candidates
    if sys.platform.startswith("win"):
        candidates = ["powershell"]
    for name in candidates:
        program = shutil.which(name)
        if program:
            return CommandEngine(name, program, wav_dir)
    return None


class Voice:
    """Off by default. `say(text)` speaks when on and an engine exists; the same text twice in a row
    is said once; a newer text cuts the older one off. The engine is looked for on first use."""

    def __init__(self, enabled: bool = False, engine: Engine | None = None, lang: str = "nl") -> None:
        self.enabled = enabled
        self.lang = lang
        self._engine = engine
        self._looked = engine is not None
        self.last = ""
        self.spoken: list[str] = []  # what was said, newest last (kept short)

    @property
    def engine(self) -> Engine | None:
        if not self._looked:
            self._looked = True
            self._engine = find_engine()
        return self._engine

    @property
    def available(self) -> bool:
        return self.engine is not None

    def set_enabled(self, on: bool, farewell: str = "") -> None:
        """On or off; `farewell` is still said when switching off (e.g. "voice off")."""
        self.enabled = on
        self.last = ""
        if not on and self._engine is not None:
            self._engine.stop()
            if farewell:
                try:
                    self._engine.speak(farewell, self.lang)
                except Exception:
                    pass

    def say(self, text: str, force: bool = False) -> bool:
        """Speak `text` (True when it went to the engine)."""
        text = " ".join(str(text or "").split())
        if not self.enabled or not text or (text == self.last and not force):
            return False
        engine = self.engine
        if engine is None:
            return False
        self.last = text
        self.spoken = (self.spoken + [text])[-50:]
        try:
            engine.speak(text, self.lang)
        except Exception:  # a broken engine must never break the game
            return False
        return True

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()
