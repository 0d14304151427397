"""Writing and reading JSON files so that a crash or a full disk never loses the last good file."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

MAX_FILE_BYTES = 32 * 1024 * 1024
RETRIES = 5
RETRY_WAIT = 0.05  # Windows antivirus or an indexer may hold a file for a moment


class StorageError(Exception):
    """A file could not be written or read; `reason` is a key for the UI string tables."""

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path}: {detail}")
        self.reason, self.path, self.detail = reason, Path(path), detail


def atomic_write_json(path: str | os.PathLike, data: object, keep_backup: bool = True) -> Path:
    """Write to a temporary file beside `path`, fsync, keep the old file as `.bak`, then replace."""
    path = Path(path)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        for attempt in range(RETRIES):
            try:
                if keep_backup and path.exists():
                    os.replace(path, path.with_name(path.name + ".bak"))
                os.replace(tmp, path)
                return path
            except PermissionError:
                if attempt == RETRIES - 1:
                    raise
                time.sleep(RETRY_WAIT * (attempt + 1))
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        reason = "disk_full" if getattr(exc, "errno", None) == 28 else "cannot_write"
        raise StorageError(reason, path, exc.strerror or str(exc)) from None
    return path


def read_json(path: str | os.PathLike) -> object:
    """The parsed JSON, or StorageError with reason missing, too_big, empty or corrupt."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise StorageError("too_big", path, f"{size} bytes")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StorageError("missing", path) from None
    except OSError as exc:
        raise StorageError("cannot_read", path, exc.strerror or str(exc)) from None
    if not raw.strip():
        raise StorageError("empty", path)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise StorageError("corrupt", path, str(exc)[:200]) from None
