"""One running game: actions, undo, autosave and resume as JSON."""

from .save import DeckChanged, SaveData, read_save, write_save
from .session import AUTOSAVE_NAME, Session
from .storage import StorageError, atomic_write_json, read_json

__all__ = ["AUTOSAVE_NAME", "DeckChanged", "SaveData", "Session", "StorageError", "atomic_write_json", "read_json",
           "read_save", "write_save"]
