"""The export formats in one registry: what the summary screen offers, autoplay `--export` writes
and the smoke test checks, by looping over `FORMATS` instead of naming each format.

A format is a name, a file suffix, the first bytes every file of it starts with, the string key of
its button and a function that writes its files into a folder. Adding a format (printed cards,
say) is one `register(ExportFormat(...))` call in its own module, imported at the end of this one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..core.deck import Deck
from ..core.summary import Summary


@dataclass(frozen=True)
class ExportRequest:
    """Everything a format may need: the finished game and the folder to write into."""

    deck: Deck
    summary: Summary
    log: Sequence[object]
    setup: object  # names, rounds, seed, mode, lang (a mapping or an object with those attributes)
    lang: str
    folder: Path


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    magic: bytes  # every file of this format starts with these bytes
    label_key: str  # the string key of the button that writes it
    write: Callable[[ExportRequest], list[Path]]
    automatic: bool = False  # written by itself when a game ends (no button)


FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    if fmt.name in FORMATS:
        raise ValueError(f"export format {fmt.name!r} is registered twice")
    FORMATS[fmt.name] = fmt
    return fmt


def offered() -> list[ExportFormat]:
    """The formats a player writes with a button, in registration order."""
    return [f for f in FORMATS.values() if not f.automatic]


def _json(req: ExportRequest) -> list[Path]:
    from .results import save_result

    return [save_result(req.deck, req.summary, list(req.log), req.setup, req.folder)]


def _pdf(req: ExportRequest) -> list[Path]:
    from .pdf import save_pdf

    return [save_pdf(req.deck, req.summary, req.folder, req.lang)]


def _png(req: ExportRequest) -> list[Path]:
    from .png import save_png

    return list(save_png(req.deck, req.summary, req.folder, req.lang))


register(ExportFormat("json", ".json", b"{", "summary.json", _json, automatic=True))
register(ExportFormat("pdf", ".pdf", b"%PDF-", "summary.pdf", _pdf))
register(ExportFormat("png", ".png", b"\x89PNG\r\n\x1a\n", "summary.png", _png))


def looks_right(fmt: ExportFormat, path: str | os.PathLike[str]) -> bool:
    """The file exists, has the format's suffix and starts with its bytes."""
    p = Path(path)
    try:
        with open(p, "rb") as handle:
            head = handle.read(len(fmt.magic))
    except OSError:
        return False
    return p.suffix == fmt.suffix and head == fmt.magic
