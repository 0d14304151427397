"""One running game: apply actions, undo, autosave after every action, resume from a save."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..core.actions import Action, Invalid
from ..core.replay import can_undo, replay, undo
from ..core.rules import apply, new_game
from ..core.summary import Summary, summarize
from ..core.deck import Deck
from ..core.state import GameState
from .save import DeckChanged, SaveData, read_save, write_save
from .storage import StorageError

AUTOSAVE_NAME = "autosave.json"


class Session:
    """A game in progress. `act` returns Invalid or None; a failed autosave is kept in `save_error`."""

    def __init__(self, deck: Deck, save: SaveData, autosave_path: Path | None = None) -> None:
        initial = new_game(deck, save.names, rounds=save.rounds, seed=save.seed, mode=save.mode)
        if isinstance(initial, Invalid):
            raise StorageError("does_not_replay", Path(autosave_path or "."), initial.reason)
        self.deck = deck
        self.save = save
        self.initial: GameState = initial
        self.autosave_path = autosave_path
        self.save_error: StorageError | None = None
        # Called with the session after every applied action and undo (e.g. the room link).
        self.listeners: list[Callable[["Session"], None]] = []
        state = replay(deck, initial, save.log)
        if isinstance(state, Invalid):
            raise StorageError("does_not_replay", Path(autosave_path or "."),
                               f"step {state.params['step']}: {state.params['reason']}")
        self.state: GameState = state

    @classmethod
    def start(cls, deck: Deck, names: list[str], rounds: int = 4, seed: int | str = 0,
              lang: str = "nl", timer: int = 0, autosave_path: Path | None = None) -> "Session":
        mode = "solo" if len(names) == 1 else "table"
        save = SaveData(deck.id, deck.source, deck.fingerprint, list(names), rounds, seed, mode,
                        lang=lang, timer=timer)
        session = cls(deck, save, autosave_path)
        session.autosave()
        return session

    @classmethod
    def resume(cls, path: Path, autosave_path: Path | None = None, deck: Deck | None = None) -> "Session":
        """Load a save (the autosave or its backup) and its deck; autosave to `autosave_path`
        (default: `path`). `deck` is used when it is the save's deck, else the deck is loaded from
        the folder the save names, or the built-in deck of that id. Raises StorageError (bad
        file, or a log that does not replay), DeckChanged (a StorageError: the deck's files are not
        those the game began with) or DeckLoadError (bad deck)."""
        from ..content import find_deck, load_deck  # the deck checker is not needed to start a window

        save = read_save(path)
        if deck is None or deck.id != save.deck_id:
            source = save.deck_source if save.deck_source and Path(save.deck_source).is_dir() else save.deck_id
            deck = load_deck(find_deck(source))
        if save.deck_fingerprint and deck.fingerprint != save.deck_fingerprint:
            raise DeckChanged(Path(path), save.deck_id, save.deck_fingerprint, deck.fingerprint)
        try:
            return cls(deck, save, Path(autosave_path or path))
        except StorageError as exc:
            raise StorageError(exc.reason, Path(path), exc.detail) from None

    def act(self, action: Action) -> Invalid | None:
        nxt = apply(self.deck, self.state, action)
        if isinstance(nxt, Invalid):
            return nxt
        self.state = nxt
        self.save.log = nxt.log
        self.autosave()
        self._tell_listeners()
        return None

    @property
    def can_undo(self) -> bool:
        return can_undo(self.state)

    def undo(self) -> Invalid | None:
        prev = undo(self.deck, self.initial, self.state)
        if isinstance(prev, Invalid):
            return prev
        self.state = prev
        self.save.log = prev.log
        self.autosave()
        self._tell_listeners()
        return None

    def _tell_listeners(self) -> None:
        for listener in list(self.listeners):
            listener(self)

    def summary(self) -> Summary:
        return summarize(self.deck, self.state)

    def autosave(self) -> None:
        if self.autosave_path is None:
            return
        try:
            write_save(self.autosave_path, self.save)
            self.save_error = None
        except StorageError as exc:  # play goes on; the screen says the game is not being saved
            self.save_error = exc
