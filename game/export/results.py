"""The result file: a game's summary, setup and action log as versioned JSON (docs/results-schema.md)."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

from ..errors import GameError
from .. import __version__
from ..core.deck import Deck
from ..core.summary import Summary
from ..session.storage import MAX_FILE_BYTES, StorageError, atomic_write_json, read_json

RESULT_FORMAT = "breder-belang-boost/result"
RESULT_VERSION = 2  # 2: "scoring_model" and summary version 2 (fit model v2)
MAX_RESULT_BYTES = MAX_FILE_BYTES  # 32 MiB: anything bigger is not a result of this game
NAME_PART_CHARS = 24
NAME_TOTAL_CHARS = 60
GAME_KEY_CHARS = 12
SETUP_KEYS = ("names", "rounds", "seed", "mode", "lang")


class ResultError(GameError):
    """A file that cannot be used as a result; `reason` is a short key, `detail` says why in words."""

    REASONS = ("missing", "cannot_read", "too_big", "empty", "not_json", "not_a_result",
               "future_version", "malformed")

    def __init__(self, reason: str, path: Path | str | None, detail: str) -> None:
        self.reason, self.path, self.detail = reason, Path(path) if path else None, detail
        super().__init__(f"{path}: {detail}" if path else detail)


# --------------------------------------------------------------------------- building


def _setup_dict(setup: object) -> dict:
    """The setup as plain data, from a mapping or an object with those attributes (e.g. SaveData)."""
    get = setup.get if isinstance(setup, Mapping) else (lambda k, d=None: getattr(setup, k, d))
    out = {
        "names": [str(n) for n in get("names", [])],
        "rounds": int(get("rounds", 4)),
        "seed": get("seed", 0),
        "mode": str(get("mode", "") or ""),
        "lang": str(get("lang", "nl") or "nl"),
    }
    if not out["mode"]:
        out["mode"] = "solo" if len(out["names"]) == 1 else "table"
    timer = get("timer", None)
    if timer is not None:
        out["timer"] = int(timer)
    return out


def deck_labels(deck: Deck, lang: str) -> dict:
    """Titles in the game's language, so a report can be read without the deck at hand."""
    from ..i18n.describe import quadrant_label

    return {
        "lang": lang,
        "deck_title": deck.title.get(lang),
        "personal": {d.id: d.name.get(lang) for d in deck.personal},
        "social": {d.id: d.name.get(lang) for d in deck.social},
        "cards": {c.id: c.title.get(lang) for c in deck.cards_of("role", "task")},
        "combos": {c.id: c.title.get(lang) for c in deck.combos},
        "quadrants": {q: quadrant_label(deck, q, lang) for q in ("high_high", "high_low", "low_high", "low_low")},
    }


def build_result(deck: Deck, summary: Summary, log: list, setup: object) -> dict:
    """Everything needed to show, compare and replay one finished game."""
    setup_data = _setup_dict(setup)
    return {
        "format": RESULT_FORMAT,
        "version": RESULT_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "app_version": __version__,
        "deck": {"id": deck.id, "version": deck.version, "fingerprint": deck.fingerprint,
                 "source": str(deck.source or "")},
        "setup": setup_data,
        "scoring_model": summary.model_version,
        "summary": json.loads(json.dumps(summary.to_json())),  # tuples as lists: equal to what a file holds
        "labels": deck_labels(deck, setup_data["lang"]),
        "log": [dict(a) for a in log],
    }


def safe_name_part(text: str, limit: int = NAME_PART_CHARS) -> str:
    """Letters and digits of any script, joined by '-': safe on Windows, macOS and Linux."""
    text = unicodedata.normalize("NFKC", str(text))
    words = re.findall(r"[^\W_]+", text)
    return "-".join(words)[:limit].strip("-").lower()


def result_name(data: dict) -> str:
    """The file name of a result: its deck, its players and its game key, so that the same game
    always has the same name (a resumed or repeated save of it finds the file it already wrote)."""
    names = "-".join(p for p in (safe_name_part(n) for n in data["setup"]["names"]) if p)
    names = names[:NAME_TOTAL_CHARS].strip("-") or "speler"
    deck_part = safe_name_part(data["deck"]["id"], 40) or "deck"
    return f"{deck_part}-{names}-{game_key(data)[:GAME_KEY_CHARS]}.json"


def result_filename(deck: Deck, summary: Summary, when: datetime | None = None) -> str:
    when = when or datetime.now()
    names = "-".join(p for p in (safe_name_part(pl.name) for pl in summary.players) if p)
    names = names[:NAME_TOTAL_CHARS].strip("-") or "speler"
    deck_part = safe_name_part(deck.id, 40) or "deck"
    return f"{when:%Y-%m-%d-%H%M%S}-{deck_part}-{names}.json"


def save_result(deck: Deck, summary: Summary, log: list, setup: object, folder: str | os.PathLike) -> Path:
    """Write the result atomically into `folder`, once per game: the same game (same deck, setup,
    log and players) maps to the same file, which is left as it is when it is already there.
    Another file that happens to have the name is never overwritten."""
    folder = Path(folder)
    data = build_result(deck, summary, log, setup)
    key = game_key(data)
    path = folder / result_name(data)
    number = 2
    while path.exists():
        try:
            if game_key(load_result(path)) == key:
                return path
        except ResultError:
            pass
        path = path.with_name(f"{path.stem.rsplit('~', 1)[0]}~{number}.json")
        number += 1
    return atomic_write_json(path, data, keep_backup=False)


# --------------------------------------------------------------------------- reading


_STORAGE_REASONS = {"missing": "missing", "too_big": "too_big", "empty": "empty",
                    "corrupt": "not_json", "cannot_read": "cannot_read"}
_STORAGE_WORDS = {"missing": "the file does not exist", "too_big": "larger than 32 MiB, not read",
                  "empty": "the file is empty", "corrupt": "not JSON",
                  "cannot_read": "the file cannot be read"}


def _require(cond: bool, path, what: str) -> None:
    if not cond:
        raise ResultError("malformed", path, f"a result file, but {what}")


def validate_result(data: object, path: Path | str | None = None) -> dict:
    """The data itself when it is a result this program can read; otherwise ResultError."""
    if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
        raise ResultError("not_a_result", path,
                          f"not a Breder Belang Boost result (no \"format\": \"{RESULT_FORMAT}\")")
    version = data.get("version")
    _require(isinstance(version, int) and not isinstance(version, bool) and version >= 1, path,
             "its version is not a positive whole number")
    assert isinstance(version, int)
    if version > RESULT_VERSION:
        raise ResultError("future_version", path,
                          f"made by a newer program (result version {version}, this program reads "
                          f"up to {RESULT_VERSION}); update the game to read it")
    for key, kind in (("deck", dict), ("setup", dict), ("summary", dict), ("log", list)):
        _require(isinstance(data.get(key), kind), path, f"\"{key}\" is missing or not a {kind.__name__}")
    deck, setup = data["deck"], data["setup"]
    _require(all(isinstance(deck.get(k), str) for k in ("id", "version", "fingerprint")), path,
             "\"deck\" lacks id, version or fingerprint")
    _require(all(k in setup for k in SETUP_KEYS), path, f"\"setup\" lacks one of {', '.join(SETUP_KEYS)}")
    _require(isinstance(setup["names"], list) and all(isinstance(n, str) for n in setup["names"]), path,
             "\"setup.names\" is not a list of names")
    _require(all(isinstance(a, dict) for a in data["log"]), path, "the log holds something other than actions")
    try:
        summary = Summary.from_json(data["summary"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResultError("malformed", path, f"a result file, but its summary is broken ({exc})") from None
    _require(all(isinstance(p.personal_fit, (int, float)) and isinstance(p.social_fit, (int, float))
                 for p in summary.players), path, "a fit is not a number")
    labels = data.get("labels")
    _require(labels is None or isinstance(labels, dict), path, "\"labels\" is not an object")
    model = data.get("scoring_model", 1)
    _require(isinstance(model, int) and not isinstance(model, bool) and model >= 1, path,
             "\"scoring_model\" is not a positive whole number")
    return data


def scoring_model(data: dict) -> int:
    """The version of the fit model a result was scored with (results before version 2: model 1)."""
    return int(data.get("scoring_model", data.get("summary", {}).get("model_version", 1)))


def load_result(path: str | os.PathLike) -> dict:
    """Read and validate a result file; ResultError says in plain words why a file is not one."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_RESULT_BYTES:
            raise ResultError("too_big", path, _STORAGE_WORDS["too_big"])
    except FileNotFoundError:
        raise ResultError("missing", path, _STORAGE_WORDS["missing"]) from None
    except OSError as exc:
        raise ResultError("cannot_read", path, f"the file cannot be read ({exc.strerror})") from None
    try:
        data = read_json(path)
    except StorageError as exc:
        raise ResultError(_STORAGE_REASONS.get(exc.reason, "cannot_read"), path,
                          _STORAGE_WORDS.get(exc.reason, "the file cannot be read")) from None
    return validate_result(data, path)


def result_summary(data: dict) -> Summary:
    return Summary.from_json(data["summary"])


def game_key(data: dict) -> str:
    """The same game exported twice (or copied) has the same key, whatever its file name or time."""
    import hashlib

    core = {"deck": [data["deck"].get("id"), data["deck"].get("fingerprint")],
            "setup": {k: data["setup"].get(k) for k in ("names", "rounds", "seed", "mode")},
            "log": data["log"], "players": data["summary"].get("players")}
    text = json.dumps(core, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
