"""Where the program finds its bundled files (fonts, strings, decks) and the user's files."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

APP_NAME = "BrederBelangBoost"


@lru_cache(maxsize=None)
def project_root() -> Path:
    """The folder that holds `assets/` and `decks/`.

    A PyInstaller bundle unpacks them beside the program; an installed wheel carries them inside
    the `game` package (found through importlib.resources); a source checkout has them at the
    top level, beside `game/`.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    packaged = resources.files(__package__ or "game")
    if isinstance(packaged, Path) and (packaged / "assets").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    return project_root() / "assets"


def decks_dir() -> Path:
    return project_root() / "decks"


def user_data_dir(override: str | os.PathLike | None = None) -> Path:
    """The user's data folder (saves, results, settings); `--data-dir` overrides it.

    Uses platformdirs' rules without importing pygame, so that the rules packages stay
    pygame-free: %APPDATA% on Windows, ~/Library/Application Support on macOS,
    $XDG_DATA_HOME or ~/.local/share elsewhere.
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get("BBB_DATA_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME
