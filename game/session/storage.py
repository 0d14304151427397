"""Writing and reading JSON files so that a crash or a full disk never loses the last good file."""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
from pathlib import Path

from ..errors import GameError

MAX_FILE_BYTES = 32 * 1024 * 1024
RETRIES = 5
RETRY_WAIT = 0.05


class StorageError(GameError):
    """A file could not be written or read; `reason` is a key for the UI string tables."""

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path}: {detail}")
        self.reason, self.path, self.detail = reason, Path(path), detail


def atomic_write_json(path: str | os.PathLike, data: object, keep_backup: bool = True) -> Path:
    """Write to a temporary file beside `path`, fsync, then replace `path` in one step.

    The previous good file is first copied (not moved) to `.bak`, so that at every moment, even
    under `kill -9`, a complete `path` exists. The copy is synced like the file itself, and after
    the renames the folder is synced too: a rename lives in the folder, and without that a power
    cut can bring back the old names.
    """
    path = Path(path)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_synced(tmp, text)
        if keep_backup and path.exists():
            bak_tmp = path.with_name(f".{path.name}.bak.{os.getpid()}.tmp")
            _copy_synced(path, bak_tmp)
            _replace(bak_tmp, path.with_name(path.name + ".bak"))
        _replace(tmp, path)
        _sync_folder(path.parent)
        return path
    except OSError as exc:
        for leftover in path.parent.glob(f".{path.name}*.{os.getpid()}.tmp"):
            try:
                leftover.unlink()
            except OSError:
                pass
        reason = "disk_full" if getattr(exc, "errno", None) == errno.ENOSPC else "cannot_write"
        raise StorageError(reason, path, exc.strerror or str(exc)) from None


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _copy_synced(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


# A folder cannot be opened for fsync on Windows (NTFS orders its own metadata), and some file
# systems refuse to sync a folder: for those, the renames are as safe as the system makes them.
_FOLDER_SYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EPERM, errno.EACCES}


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _FOLDER_SYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def _replace(source: Path, target: Path) -> None:
    """os.replace with a few retries: Windows antivirus or an indexer may hold a file for a moment."""
    for attempt in range(RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == RETRIES - 1:
                raise
            time.sleep(RETRY_WAIT * (attempt + 1))


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
