"""Checker messages as a key and its parameters, worded per language when they are shown.

The words live in assets/strings/<lang>/checker.json under `checker.<key>`; a message with a
count `n` has the forms `checker.<key>.one` and `checker.<key>.other`. `bbb check` prints English
(its lines are for editors and for searching the web); the game's problems screen shows the
player's language. A parameter may itself be a message (a reason inside a sentence), a list
(joined with commas), or a number (grouped as the language writes thousands).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import table

CHECKER_LANGUAGE = "en"  # the language of `bbb check` and of DeckError.message


@dataclass(frozen=True)
class Message:
    """A checker message: `key` in checker.json and its parameters; str() is the English text."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = CHECKER_LANGUAGE) -> str:
        return word(lang, self.key, **dict(self.params))

    def __str__(self) -> str:
        return self.text(CHECKER_LANGUAGE)


def msg(name: str, /, **params: Any) -> Message:
    """The message `name` with its parameters (lists become tuples, so that messages compare)."""
    return Message(name, tuple((k, tuple(v) if type(v) is list else v) for k, v in params.items()))


def in_language(message: Message | str, lang: str = CHECKER_LANGUAGE) -> str:
    return message.text(lang) if isinstance(message, Message) else str(message)


def _number(n: int | float, lang: str) -> str:
    if isinstance(n, bool) or not isinstance(n, int) or abs(n) < 10_000:  # 2016, not 2,016
        return str(n)
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


class Both(tuple):
    """Items said as a list with "and" before the last: "role and task", "rol en taak"."""


class Either(tuple):
    """Items said as a list with "or" before the last: "need, hours or add"."""


def _value(value: Any, lang: str) -> str:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, (Both, Either)):
        items = [_value(v, lang) for v in value]
        last = word(lang, "and" if isinstance(value, Both) else "or").join(items[-2:]) if items else ""
        return ", ".join(items[:-2] + [last]) if len(items) > 2 else last
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(v, lang) for v in value)
    if isinstance(value, (int, float)):
        return _number(value, lang)
    return str(value)


def word(lang: str, name: str, /, **params: Any) -> str:
    """`checker.<name>` in `lang` (English when the language lacks it), filled in; plural forms
    are chosen by the parameter `n`."""
    full = f"checker.{name}"
    strings, fallback = table(lang), table(CHECKER_LANGUAGE)
    if "n" in params:
        form = f"{full}.one" if params["n"] == 1 else f"{full}.other"
        template = strings.get(form) or fallback.get(form)
    else:
        template = None
    template = template or strings.get(full) or fallback.get(full)
    if template is None:
        raise KeyError(f"no checker message {name!r}")
    filled = {k: _value(v, lang) for k, v in params.items()}
    return template.format(**filled)


def thing(what: str) -> Message | str:
    """The name of a kind of thing ("personal dimension", "a title") as a message when the string
    tables know it; else the words as given."""
    key = "things." + "_".join(what.split())
    return Message(key) if f"checker.{key}" in table(CHECKER_LANGUAGE) else what


def section_in(section: str, lang: str) -> str:
    """A problem's section ("card nurse", "combo care-pair", "deck") in `lang`; ids stay as they are."""
    head, _, rest = section.partition(" ")
    if head in ("card", "combo") and rest:
        return word(lang, f"section.{head}", id=rest)
    if section == "deck":
        return word(lang, "section.deck")
    return section


def severity_in(severity: str, lang: str) -> str:
    return word(lang, f"severity.{severity}")
