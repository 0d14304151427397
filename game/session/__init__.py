"""One running game: actions, undo, autosave and resume as JSON.

Names load their module on first use (see game.lazy): the settings file can be read before the
rules load.
"""

from ..lazy import lazy_names

_WHERE = {
    "SaveData": "save", "DeckChanged": "save", "read_save": "save", "write_save": "save", "AUTOSAVE_NAME": "session",
    "Session": "session", "StorageError": "storage", "atomic_write_json": "storage", "read_json": "storage",
}
__all__ = sorted(_WHERE)
__getattr__ = lazy_names(__name__, _WHERE)
