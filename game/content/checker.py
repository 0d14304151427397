"""The body of `bbb check`: check deck folders, print every problem and a count per deck, return the exit status."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from .errors import DeckLoadError, format_problem
from .library import find_deck
from .loader import check_deck

OK, HAS_ERRORS, CALLED_WRONGLY = 0, 1, 2


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def run_check(paths: list[str], out: TextIO | None = None) -> int:
    """0 when no deck has errors, 1 when one has, 2 when called wrongly (no paths, an unknown path)."""
    out = out or sys.stdout
    if not paths:
        print("usage: bbb check DECK-FOLDER-OR-ID [...]: give at least one deck folder or built-in deck id", file=out)
        return CALLED_WRONGLY
    status = OK
    for arg in paths:
        try:
            folder = find_deck(arg)
        except DeckLoadError as e:
            for p in e.problems:
                print(format_problem(p), file=out)
            status = CALLED_WRONGLY
            continue
        shown = arg if Path(arg).is_dir() else f"decks/{folder.name}"
        problems = check_deck(folder, name=shown)
        for p in problems:
            print(format_problem(p), file=out)
        errors = sum(p.is_error for p in problems)
        warnings = len(problems) - errors
        print(f"{shown}: {_count(errors, 'error')}, {_count(warnings, 'warning')}", file=out)
        if errors and status == OK:
            status = HAS_ERRORS
    return status
