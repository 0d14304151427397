"""UI text per language, looked up by key; the tables live in assets/strings/<lang>/*.json."""

from __future__ import annotations

import json
import string
from functools import lru_cache

from ..paths import assets_dir

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


@lru_cache(maxsize=None)
def table(lang: str) -> dict[str, str]:
    """Every string of one language, from all files in its folder (one file per part of the program)."""
    merged: dict[str, str] = {}
    folder = assets_dir() / "strings" / lang
    for path in sorted(folder.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def t(lang: str, key: str, **params) -> str:
    """The text for `key` in `lang` (falling back to Dutch, then to the key), filled in with params."""
    text = table(lang).get(key) or table(DEFAULT_LANGUAGE).get(key) or key
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def has(lang: str, key: str) -> bool:
    return key in table(lang)
