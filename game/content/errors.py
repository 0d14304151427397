"""Deck problems as values with a place: DeckError, DeckLoadError, their one-line format and a collector."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..errors import GameError
from ..terminal import escape_controls
from .messages import Message, in_language, section_in, severity_in

ERROR = "error"
WARNING = "warning"

Mark = tuple[int, int]  # (line, column), both 1-based, as an editor shows them; (0, 0) when unknown
NO_MARK: Mark = (0, 0)
FILE_START: Mark = (1, 1)  # where a problem of the whole file is shown: an editor opens there


@dataclass(frozen=True)
class DeckError:
    """One problem in a deck: where it is, what is wrong and what is expected."""

    file: str
    line: int
    column: int
    section: str
    key: str
    message: str  # in English, as `bbb check` prints it
    severity: str = ERROR
    words: Message | None = field(default=None, compare=False)  # the message as key and parameters

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def message_in(self, lang: str) -> str:
        return in_language(self.words, lang) if self.words is not None else self.message

    def __str__(self) -> str:
        return format_problem(self)


def format_problem(p: DeckError, lang: str | None = None) -> str:
    """`FILE:LINE:COLUMN: error: SECTION: KEY: message` (the key part is left out when empty), always
    one line: control characters from the deck (a key with a newline or an ESC) appear escaped.
    With `lang`, the words are in that language (the game's problems screen); without, English."""
    severity = severity_in(p.severity, lang) if lang else p.severity
    parts = [f"{p.file}:{p.line}:{p.column}: {severity}"]
    if p.section:
        parts.append(section_in(p.section, lang) if lang else p.section)
    if p.key:
        parts.append(p.key)
    parts.append(p.message_in(lang) if lang else p.message)
    return escape_controls(": ".join(parts))


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
        message: Message | str,
        severity: str = ERROR,
        claim: bool = False,
    ) -> None:
        place = (file, mark[0], mark[1])
        if mark != NO_MARK and place in self._claimed and not claim:
            return
        if claim and mark != NO_MARK:
            self._claimed.add(place)
        line, column = mark if mark != NO_MARK else FILE_START
        words = message if isinstance(message, Message) else None
        problem = DeckError(file, line, column, section, key, str(message), severity, words)
        if problem in self._seen:
            return
        self._seen.add(problem)
        self.problems.append(problem)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)
