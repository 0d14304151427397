"""When the program fails: one sentence on the terminal, the details in error.log, exit status 1.

Used by the error boundary in `game.__main__.main` and, for anything that escapes it (another
thread, a failure while reporting), by `sys.excepthook` and `threading.excepthook`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import traceback
from datetime import datetime
from pathlib import Path

LOG_NAME = "error.log"
DETAIL_CHARS = 160


def one_line(text: str, limit: int = DETAIL_CHARS) -> str:
    """`text` on one line without control characters, at most `limit` characters."""
    from .terminal import escape_controls

    text = " ".join(escape_controls(str(text)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_log(exc: BaseException, data_dir: str | os.PathLike | None = None) -> Path | None:
    """Append the traceback to error.log in the data folder (or, when that cannot be written, in the
    temporary folder); returns where it went, or None when nothing could be written."""
    from . import __version__
    from .paths import user_data_dir

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    entry = (f"--- {datetime.now().isoformat(timespec='seconds')} · bbb {__version__} · "
             f"Python {sys.version.split()[0]} · {sys.platform}\n"
             f"command: {' '.join(sys.argv)}\n{text}\n")
    try:
        folders = [user_data_dir(data_dir)]
    except Exception:  # noqa: BLE001 - a broken environment must not hide the original error
        folders = []
    folders.append(Path(tempfile.gettempdir()) / "BrederBelangBoost")
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_NAME
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(entry)
            return path
        except OSError:
            continue
    return None


def sentence(exc: BaseException, log: Path | None) -> str:
    what = one_line(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}".removeprefix("builtins."))
    where = f"the details are in {log}" if log else "no error.log could be written"
    return f"bbb: something went wrong and the program stopped ({what}); {where}"


def _say(line: str) -> None:
    stream = sys.stderr or sys.stdout  # a windowed program may have neither
    if stream is None:
        return
    try:
        print(line, file=stream, flush=True)
    except (OSError, ValueError):
        pass


def report_crash(exc: BaseException, data_dir: str | os.PathLike | None = None) -> int:
    """Log `exc`, say so in one sentence; the exit status for it (1)."""
    _say(sentence(exc, write_log(exc, data_dir)))
    return 1


def quiet_broken_pipe() -> None:
    """The reader of our output has gone (`| head -1`): send the rest nowhere, so that Python's
    own flush at exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _excepthook(kind, exc, tb) -> None:
    if issubclass(kind, KeyboardInterrupt):
        return
    if issubclass(kind, BrokenPipeError):
        quiet_broken_pipe()
        return
    if exc is None:
        exc = kind()
    exc.__traceback__ = tb
    report_crash(exc)


def _thread_excepthook(args) -> None:
    if args.exc_type is SystemExit:
        return
    _excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthook() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
