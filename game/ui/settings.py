"""The player's settings (UI scale, language, high contrast, reduced motion, voice, projector) in data_dir/settings.json.

Command-line options (`--ui-scale`, `--high-contrast`, `--reduced-motion`, `--voice`, `--lang`) apply
to one run only and are never written: a workshop laptop started once with `--lang en` stays Dutch
for the next class. A setting changed on the settings screen is saved, also one the command line set.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..session.storage import StorageError, atomic_write_json

SETTINGS_NAME = "settings.json"
SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


@dataclass
class Settings:
    ui_scale: float = 1.0
    lang: str = "nl"
    high_contrast: bool = False
    reduced_motion: bool = False
    voice: bool = False
    projector: bool = False  # larger card text, meters and labels for a projector in a classroom
    coached: bool = False  # the guided first round was shown (game/ui/coach.py)

    @classmethod
    def load(cls, folder: Path) -> "Settings":
        try:
            data = json.loads((Path(folder) / SETTINGS_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        s = cls()
        if isinstance(data, dict):
            scale = data.get("ui_scale")
            if isinstance(scale, (int, float)) and not isinstance(scale, bool):
                s.ui_scale = clamp_scale(float(scale))
            if data.get("lang") in ("nl", "en"):
                s.lang = data["lang"]
            s.high_contrast = bool(data.get("high_contrast", False))
            s.reduced_motion = bool(data.get("reduced_motion", False))
            s.voice = bool(data.get("voice", False))
            s.projector = bool(data.get("projector", False))
            s.coached = bool(data.get("coached", False))
        return s

    def save(self, folder: Path) -> bool:
        try:
            atomic_write_json(Path(folder) / SETTINGS_NAME, asdict(self), keep_backup=False)
            return True
        except StorageError:
            return False

    def copy(self) -> "Settings":
        return Settings(**asdict(self))


def overrides_from_args(args) -> dict:
    """The settings given on the command line, by field name."""
    out: dict = {}
    if getattr(args, "lang", None) in ("nl", "en"):
        out["lang"] = args.lang
    if getattr(args, "ui_scale", None):
        out["ui_scale"] = clamp_scale(args.ui_scale)
    for name in ("high_contrast", "reduced_motion", "voice"):
        if getattr(args, name, False):
            out[name] = True
    return out


def to_store(current: Settings, stored: Settings, overrides: dict) -> Settings:
    """What to write: the current settings, except a command-line value nobody changed since."""
    out = current.copy()
    for f in fields(Settings):
        if f.name in overrides and getattr(current, f.name) == overrides[f.name]:
            setattr(out, f.name, getattr(stored, f.name))
    return out


def clamp_scale(value: float) -> float:
    return max(1.0, min(2.0, value))
