"""The files of one deck as read: each with its display name and marks, and the cards and combos in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .errors import ERROR, ProblemLog
from .messages import Message
from .yaml_reader import YamlFile


def render_key(path: tuple) -> str:
    """('options', 1, 'effects', 0, 'need') -> 'options[1].effects[0].need'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class Source:
    """One YAML file of the deck: `name` is what messages show (the path as the user gave it)."""

    name: str
    rel: str
    yaml: YamlFile

    @property
    def value(self) -> Any:
        return self.yaml.value

    def describe(self, path: tuple) -> tuple[str, str]:
        """The section (card x, combo y, dimensions.personal, deck) and key for a path in this file."""
        path = tuple(path)
        data = self.value if isinstance(self.value, dict) else {}
        if len(path) >= 2 and path[0] in ("cards", "combos") and isinstance(path[1], int):
            kind = "card" if path[0] == "cards" else "combo"
            entries = data.get(path[0])
            entry = entries[path[1]] if isinstance(entries, list) and path[1] < len(entries) else None
            ident = entry.get("id") if isinstance(entry, dict) else None
            section = f"{kind} {ident}" if isinstance(ident, str) and ident else f"{path[0]}[{path[1]}]"
            return section, render_key(path[2:])
        if len(path) >= 2 and path[0] == "dimensions" and path[1] in ("personal", "social"):
            section = f"dimensions.{path[1]}"
            rest = path[2:]
            if rest and isinstance(rest[0], int):
                dims = data.get("dimensions", {}).get(path[1]) if isinstance(data.get("dimensions"), dict) else None
                entry = dims[rest[0]] if isinstance(dims, list) and rest[0] < len(dims) else None
                ident = entry.get("id") if isinstance(entry, dict) else None
                if isinstance(ident, str) and ident:
                    return section, render_key((ident,) + rest[1:])
            return section, render_key(rest)
        return "deck", render_key(path)


@dataclass
class Item:
    """One card or combo entry: where it is, its plain value, and its validated model (None if invalid)."""

    kind: str  # "card" | "combo"
    source: Source
    path: tuple  # ("cards", i) within its source
    raw: Any
    model: BaseModel | None = None

    @property
    def raw_id(self) -> str | None:
        ident = self.raw.get("id") if isinstance(self.raw, dict) else None
        return ident if isinstance(ident, str) and ident else None

    @property
    def raw_type(self) -> str | None:
        t = self.raw.get("type") if isinstance(self.raw, dict) else None
        return t if isinstance(t, str) else None


@dataclass
class Reporter:
    """Puts problems into the log at the right file, line, column, section and key."""

    log: ProblemLog = field(default_factory=ProblemLog)

    def at(self, source: Source, path: tuple, message: Message | str, severity: str = ERROR,
           at_key: bool = False, claim: bool = False) -> None:
        section, key = source.describe(path)
        self.log.add(source.name, source.yaml.mark(path, at_key), section, key, message, severity, claim)

    def on(self, item: Item, sub: tuple, message: Message | str, severity: str = ERROR,
           at_key: bool = False) -> None:
        self.at(item.source, item.path + tuple(sub), message, severity, at_key)

    def yaml_issues(self, source: Source) -> None:
        for issue in source.yaml.issues:
            section, key = source.describe(issue.path)
            self.log.add(source.name, issue.mark, section, key, issue.message, ERROR, claim=True)


