"""The player's settings (UI scale, language, high contrast, reduced motion) in data_dir/settings.json."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
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
        return s

    def save(self, folder: Path) -> bool:
        try:
            atomic_write_json(Path(folder) / SETTINGS_NAME, asdict(self), keep_backup=False)
            return True
        except StorageError:
            return False


def clamp_scale(value: float) -> float:
    return max(1.0, min(2.0, value))
