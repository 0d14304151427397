"""Deck problems as values with a place: DeckError, DeckLoadError, their one-line format and a collector."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..errors import GameError

ERROR = "error"
WARNING = "warning"

Mark = tuple[int, int]  # (line, column), both 1-based; (0, 0) when unknown
NO_MARK: Mark = (0, 0)


@dataclass(frozen=True)
class DeckError:
    """One problem in a deck: where it is, what is wrong and what is expected."""

    file: str
    line: int
    column: int
    section: str
    key: str
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        return format_problem(self)


def format_problem(p: DeckError) -> str:
    """`FILE:LINE:COLUMN: error: SECTION: KEY: message` (the key part is left out when empty)."""
    parts = [f"{p.file}:{p.line}:{p.column}: {p.severity}"]
    if p.section:
        parts.append(p.section)
    if p.key:
        parts.append(p.key)
    parts.append(p.message)
    return ": ".join(parts)


def errors_in(problems: Iterable[DeckError]) -> list[DeckError]:
    return [p for p in problems if p.is_error]


class DeckLoadError(GameError):
    """A deck could not be loaded; `problems` holds every problem found (errors and warnings)."""

    def __init__(self, problems: Iterable[DeckError]):
        self.problems = list(problems)
        errors = errors_in(self.problems) or self.problems
        if not errors:
            summary = "the deck could not be loaded"
        else:
            summary = format_problem(errors[0])
            if len(errors) > 1:
                summary += f" (and {len(errors) - 1} more)"
        super().__init__(summary)


class ProblemLog:
    """Collects problems in the order found.

    A location can be *claimed* by the first, most precise explanation (e.g. "YAML read `no`
    as false"); later errors at exactly that place are echoes of the same mistake and dropped.
    """

    def __init__(self) -> None:
        self.problems: list[DeckError] = []
        self._claimed: set[tuple[str, int, int]] = set()
        self._seen: set[DeckError] = set()

    def add(
        self,
        file: str,
        mark: Mark,
        section: str,
        key: str,
        message: str,
        severity: str = ERROR,
        claim: bool = False,
    ) -> None:
        place = (file, mark[0], mark[1])
        if mark != NO_MARK and place in self._claimed and not claim:
            return
        if claim and mark != NO_MARK:
            self._claimed.add(place)
        problem = DeckError(file, mark[0], mark[1], section, key, message, severity)
        if problem in self._seen:
            return
        self._seen.add(problem)
        self.problems.append(problem)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)
