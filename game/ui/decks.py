"""The decks the setup screen offers, read once per run, and read ahead while the title shows.

Loading and checking the built-in decks takes about a second on a busy two-core machine. The title
screen starts `preload` in a background thread, so that "Nieuw spel" opens the setup at once; a
deck the thread has not reached yet is loaded when the setup asks for it (never twice: both wait
for one lock per folder).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .controller import Controller

# (folder, modification time of its YAML files) -> Deck, or the DeckLoadError of a deck with problems
_decks: dict[tuple[str, int], Any] = {}
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()
_preloader: threading.Thread | None = None


def _stamp(path: Path) -> int:
    try:
        return max((f.stat().st_mtime_ns for f in path.glob("*.y*ml")), default=0) if path.is_dir() else 0
    except OSError:
        return 0


def cached_deck(controller: "Controller", source: Any) -> Any:
    """The Deck for a setup choice, loaded once; a DeckLoadError is returned (not raised)."""
    from ..content.errors import DeckLoadError  # the content package loads the deck checker

    if not isinstance(source, (str, Path)):
        return source
    path = Path(source)
    key = (str(path), _stamp(path))
    with _locks_guard:
        lock = _locks.setdefault(key[0], threading.Lock())
    with lock:
        if key not in _decks:
            try:
                _decks[key] = controller.load_deck(source)
            except DeckLoadError as exc:
                _decks[key] = exc
        return _decks[key]


def preload(controller: "Controller") -> None:
    """Start reading every deck the setup will offer, in the background (once per run)."""
    global _preloader
    if _preloader is not None or controller.deck_override is not None:
        return

    def work() -> None:
        try:
            for _, source in controller.deck_choices():
                cached_deck(controller, source)
        except Exception:  # the setup screen loads (and reports) what the thread could not
            pass

    _preloader = threading.Thread(target=work, name="deck-preload", daemon=True)
    _preloader.start()
