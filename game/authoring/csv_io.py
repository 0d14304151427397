"""A deck as one spreadsheet (CSV) and back: `bbb deck to-csv` and `bbb deck from-csv`.

One row per part of the deck, told by the `kind` column:
  deck      the header: id, title_*, text_* (the description), format, version,
            hours_per_week, hand_size, market_size, actions_per_turn, balance_dimension
  quadrant  id high_high | high_low | low_high | low_low, title_*
  personal  a personal dimension: id, title_* (its name), text_* (its question)
  social    a social dimension: id, title_* (its name), need
  card      a card: id, type, title_*, text_*, tags, copies, image, hours, personal.DIM,
            social.DIM, requires, effects, option1_LANG, option1_effects (up to option3),
            competence, phase
  combo     a combination: id, title_*, text_*, needs, bonus in personal.DIM / social.DIM
  tag       the display name of a tag: id, title_*

Cards, combinations and dimensions may name an icon (column `icon`); a role or task may change
society when first played (column `on_play`, effects in the notation below).

Lists (tags, requires, needs) are comma-separated. Effects use a short notation, several
effects separated by `;`:
  need:zorg=+1,onderwijs=-1          society's need changes
  hours:-8   hours:-8@random         the hours budget changes (who: all (default), current, random)
  offer:routine personal.zekerheid=-1 social.zorg=+1    cards with the tag change
  add:vrijwilliger-taalmaatje        (dilemma options) the card joins the mix

Reading accepts what spreadsheets write: `;` or `,` (or tab) as delimiter, a UTF-8 byte
order mark, Windows line ends (CRLF), Windows-1252 text, numbers such as 3, 3.0, +1 or 3,0,
and empty cells as "not given".
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from game.errors import GameError
from game.core.deck import Card, Deck, Text, DEFAULT_QUADRANTS, QUADRANTS
from game.core.effects import KINDS as EFFECT_KINDS, Effect
from game.core.effects.base import parse_int as _parse_int

KINDS = ("deck", "quadrant", "personal", "social", "tag", "card", "combo")
MAX_OPTIONS = 3
DECK_SETTINGS = ("format", "version", "hours_per_week", "hand_size", "market_size", "actions_per_turn",
                 "balance_dimension")
INT_SETTINGS = ("format", "hours_per_week", "hand_size", "market_size", "actions_per_turn")
CARDS_FILE, COMBOS_FILE = "cards.yaml", "combos.yaml"


class CsvProblem(GameError):
    pass


@dataclass(frozen=True)
class Problem:
    """A problem in the CSV file: row and column as a spreadsheet shows them (row 1 is the header)."""

    file: str
    row: int
    column: str
    section: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: error: {self.section}: {self.column}: {self.message}"


# --------------------------------------------------------------------------- columns


def columns(deck_languages: Iterable[str], personal: Iterable[str], social: Iterable[str]) -> list[str]:
    langs = list(deck_languages)
    cols = ["kind", "id", "type"]
    cols += [f"title_{l}" for l in langs] + [f"text_{l}" for l in langs]
    cols += ["hours", "copies", "tags", "requires", "competence", "phase", "image", "icon", "advice"]
    cols += [f"personal.{d}" for d in personal] + [f"social.{t}" for t in social]
    cols += ["effects", "on_play"]
    for n in range(1, MAX_OPTIONS + 1):
        cols += [f"option{n}_{l}" for l in langs] + [f"option{n}_effects"]
    cols += ["needs", "need", *DECK_SETTINGS]
    return cols


# --------------------------------------------------------------------------- effects notation


def format_effect(effect: Effect) -> str:
    return effect.to_cell()


def format_effects(effects) -> str:
    return "; ".join(format_effect(e) for e in effects)


def parse_int(text: str) -> int:
    """3, 3.0, +1, -2, 3,0 (decimal comma), ' 3 ', '−1' (a typographic minus) -> int."""
    try:
        return _parse_int(text)
    except ValueError as exc:
        raise CsvProblem(str(exc)) from None


def parse_effect(text: str) -> dict:
    """One effect in the notation (`need:zorg=+1`, see each kind's `from_cell`) -> its deck.yaml form."""
    kind, colon, rest = text.strip().partition(":")
    kind = kind.strip().lower()
    names = ", ".join(f"{k}:..." for k in EFFECT_KINDS)
    if not colon:
        raise CsvProblem(f"'{text}' has no ':'; an effect is {names}")
    if kind not in EFFECT_KINDS:
        raise CsvProblem(f"'{kind}' is not an effect; expected {' or '.join(EFFECT_KINDS)}")
    try:
        return EFFECT_KINDS[kind].from_cell(rest.strip())
    except ValueError as exc:
        raise CsvProblem(str(exc)) from None


def parse_effects(text: str) -> list[dict]:
    return [parse_effect(part) for part in text.split(";") if part.strip()]


# --------------------------------------------------------------------------- deck -> CSV


def _texts(row: dict, prefix: str, text: Text | None, langs: Iterable[str]) -> None:
    if text is None:
        return
    for lang in langs:
        if text.has(lang):
            row[f"{prefix}_{lang}"] = text.values[lang]


def _values(row: dict, personal, social) -> None:
    for d, v in personal.items():
        row[f"personal.{d}"] = str(v)
    for t, v in social.items():
        row[f"social.{t}"] = str(v)


def _card_row(card: Card, langs) -> dict:
    row = {"kind": "card", "id": card.id, "type": card.type}
    _texts(row, "title", card.title, langs)
    _texts(row, "text", card.text, langs)
    if card.tags:
        row["tags"] = ", ".join(card.tags)
    if card.copies != 1:
        row["copies"] = str(card.copies)
    if card.image:
        row["image"] = card.image
    if card.icon:
        row["icon"] = card.icon
    if card.type in ("role", "task"):
        row["hours"] = str(card.hours)
        _values(row, card.personal, card.social)
        if card.requires:
            row["requires"] = ", ".join(card.requires)
        if card.on_play:
            row["on_play"] = format_effects(card.on_play)
        if card.advice:
            row["advice"] = card.advice
    elif card.type == "event":
        row["effects"] = format_effects(card.effects)
    elif card.type == "dilemma":
        for n, option in enumerate(card.options, start=1):
            _texts(row, f"option{n}", option.label, langs)
            row[f"option{n}_effects"] = format_effects(option.effects)
    elif card.type == "prompt":
        row["competence"] = card.competence or ""
        row["phase"] = card.phase
    return row


def deck_rows(deck: Deck) -> tuple[list[str], list[dict]]:
    langs = deck.languages
    header = columns(langs, deck.personal_ids, deck.social_ids)
    rows: list[dict] = []
    head = {"kind": "deck", "id": deck.id, "format": str(deck.format), "version": deck.version,
            "hours_per_week": str(deck.hours_per_week), "hand_size": str(deck.hand_size),
            "market_size": str(deck.market_size), "actions_per_turn": str(deck.actions_per_turn),
            "balance_dimension": deck.balance_dimension or ""}
    _texts(head, "title", deck.title, langs)
    _texts(head, "text", deck.description, langs)
    rows.append(head)
    for q in QUADRANTS:  # a quadrant left at the game's default stays out, so it stays the default
        if q in deck.quadrants and deck.quadrants[q] != Text.of(DEFAULT_QUADRANTS[q]):
            row = {"kind": "quadrant", "id": q}
            _texts(row, "title", deck.quadrants[q], langs)
            rows.append(row)
    for d in deck.personal:
        row = {"kind": "personal", "id": d.id}
        _texts(row, "title", d.name, langs)
        _texts(row, "text", d.question, langs)
        if d.icon:
            row["icon"] = d.icon
        rows.append(row)
    for s in deck.social:
        row = {"kind": "social", "id": s.id, "need": str(s.need)}
        _texts(row, "title", s.name, langs)
        if s.icon:
            row["icon"] = s.icon
        rows.append(row)
    for tag, name in deck.tag_names.items():
        row = {"kind": "tag", "id": tag}
        _texts(row, "title", name, langs)
        rows.append(row)
    rows += [_card_row(c, langs) for c in deck.cards]
    for c in deck.combos:
        row = {"kind": "combo", "id": c.id, "needs": ", ".join(c.needs)}
        if c.icon:
            row["icon"] = c.icon
        _texts(row, "title", c.title, langs)
        _texts(row, "text", c.text, langs)
        _values(row, c.bonus_personal, c.bonus_social)
        rows.append(row)
    return header, rows


def write_csv(deck: Deck, path: str | os.PathLike, delimiter: str = ",") -> None:
    """Write the deck as CSV in UTF-8 with a byte order mark, so spreadsheets read accents right."""
    header, rows = deck_rows(deck)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, delimiter=delimiter, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


# --------------------------------------------------------------------------- CSV -> deck folder


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # "CSV" as saved by older Excel on Windows


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the one of ; , tab that occurs most outside quotes."""
    first = text.split("\n", 1)[0]
    first = re.sub(r'"[^"]*"', "", first)
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict]]]:
    """(header, [(spreadsheet row number, {column: stripped non-empty value})])."""
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    lines = list(reader)
    if not lines:
        raise CsvProblem("the file is empty; expected a header row starting with kind,id,...")
    header = [h.strip().lstrip("\ufeff").lower() for h in lines[0]]
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        row = {}
        for col, value in zip(header, line):
            value = value.strip()
            if col and value:
                row[col] = value
        if row:
            rows.append((number, row))
    return header, rows


class _Reader:
    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []

    def problem(self, number: int, column: str, section: str, message: str) -> None:
        self.problems.append(Problem(self.name, number, column, section, message))

    def run(self, data: bytes) -> dict | None:
        try:
            header, rows = read_rows(data)
        except CsvProblem as e:
            self.problem(1, "", "file", str(e))
            return None
        if "kind" not in header or "id" not in header:
            self.problem(1, "kind", "header", "the first row must name the columns, with at least 'kind' and 'id' "
                                             "(write the deck with `bbb deck to-csv` to get a template)")
            return None
        self.langs = [c[len("title_"):] for c in header if c.startswith("title_")]
        known = set(columns(self.langs, [], [])) | {c for c in header if c.startswith(("personal.", "social."))}
        for col in header:
            if col and col not in known:
                self.problem(1, col, "header", f"unknown column '{col}'; expected kind, id, type, title_LANG, ... "
                                               "(see docs/deck-authoring.md)")
        deck: dict[str, Any] = {}
        quadrants: dict[str, Any] = {}
        personal, social, cards, combos = [], [], [], []
        tags: dict[str, Any] = {}
        for number, row in rows:
            kind = row.get("kind", "").lower()
            section = f"{kind} {row.get('id', '?')}"
            if kind not in KINDS:
                self.problem(number, "kind", section, f"'{kind}' is not a kind of row; expected one of {', '.join(KINDS)}")
                continue
            if "id" not in row:
                self.problem(number, "id", section, "is empty; every row needs an id")
                continue
            try:
                if kind == "deck":
                    deck = self.deck_row(number, row, section)
                elif kind == "quadrant":
                    quadrants[row["id"]] = self.text(row, "title")
                elif kind == "personal":
                    d = {"id": row["id"], "name": self.text(row, "title")}
                    if self.text(row, "text") is not None:
                        d["question"] = self.text(row, "text")
                    personal.append(_with_icon(d, row))
                elif kind == "social":
                    social.append(_with_icon({"id": row["id"], "name": self.text(row, "title"),
                                              "need": self.number(number, row, "need", section)}, row))
                elif kind == "tag":
                    tags[row["id"]] = self.text(row, "title")
                elif kind == "card":
                    cards.append(self.card_row(number, row, section))
                else:
                    combos.append(self.combo_row(number, row, section))
            except CsvProblem as e:
                self.problem(number, "", section, str(e))
        if not deck:
            self.problem(1, "kind", "deck", "no row of kind 'deck'; the deck header (id, title, settings) is missing")
            return None
        deck["dimensions"] = {"personal": personal, "social": social}
        if quadrants:
            deck["quadrants"] = quadrants
        if tags:
            deck["tags"] = tags
        return {"deck": deck, "cards": cards, "combos": combos}

    def text(self, row: dict, prefix: str) -> dict | None:
        values = {lang: row[f"{prefix}_{lang}"] for lang in self.langs if f"{prefix}_{lang}" in row}
        return values or None

    def number(self, number: int, row: dict, col: str, section: str) -> int | None:
        if col not in row:
            return None
        try:
            return parse_int(row[col])
        except CsvProblem as e:
            self.problem(number, col, section, str(e))
            return None

    def values(self, number: int, row: dict, section: str) -> tuple[dict, dict]:
        personal: dict[str, int] = {}
        social: dict[str, int] = {}
        for col in row:
            side, dot, dim = col.partition(".")
            if dot and side in ("personal", "social"):
                value = self.number(number, row, col, section)
                if value is not None:
                    (personal if side == "personal" else social)[dim] = value
        return personal, social

    def effects(self, number: int, row: dict, col: str, section: str) -> list:
        try:
            return parse_effects(row.get(col, ""))
        except CsvProblem as e:
            self.problem(number, col, section, str(e))
            return []

    def deck_row(self, number: int, row: dict, section: str) -> dict:
        deck: dict[str, Any] = {"format": 1, "id": row["id"], "title": self.text(row, "title")}
        if self.text(row, "text"):
            deck["description"] = self.text(row, "text")
        deck["languages"] = list(self.langs)
        for key in DECK_SETTINGS:
            if key in row:
                deck[key] = self.number(number, row, key, section) if key in INT_SETTINGS else row[key]
        deck["include"] = [CARDS_FILE, COMBOS_FILE]
        return deck

    def card_row(self, number: int, row: dict, section: str) -> dict:
        card: dict[str, Any] = {"id": row["id"], "type": row.get("type", "")}
        if "type" not in row:
            self.problem(number, "type", section, "is empty; expected role, task, event, dilemma or prompt")
        card["title"] = self.text(row, "title")
        if self.text(row, "text"):
            card["text"] = self.text(row, "text")
        if "tags" in row:
            card["tags"] = _list(row["tags"])
        if "copies" in row:
            card["copies"] = self.number(number, row, "copies", section)
        if "image" in row:
            card["image"] = row["image"]
        _with_icon(card, row)
        kind = card["type"]
        if kind in ("role", "task"):
            card["hours"] = self.number(number, row, "hours", section)
            card["personal"], card["social"] = self.values(number, row, section)
            if "requires" in row:
                card["requires"] = _list(row["requires"])
            if "on_play" in row:
                card["on_play"] = self.effects(number, row, "on_play", section)
            if "advice" in row:
                card["advice"] = row["advice"]
        elif kind == "event":
            card["effects"] = self.effects(number, row, "effects", section)
        elif kind == "dilemma":
            options = []
            for n in range(1, MAX_OPTIONS + 1):
                label = self.text(row, f"option{n}")
                if label is None and f"option{n}_effects" not in row:
                    continue
                options.append({"label": label, "effects": self.effects(number, row, f"option{n}_effects", section)})
            card["options"] = options
        elif kind == "prompt":
            if "competence" in row:
                card["competence"] = row["competence"]
            if "phase" in row:
                card["phase"] = row["phase"]
        return card

    def combo_row(self, number: int, row: dict, section: str) -> dict:
        combo: dict[str, Any] = {"id": row["id"], "title": self.text(row, "title")}
        if self.text(row, "text"):
            combo["text"] = self.text(row, "text")
        _with_icon(combo, row)
        combo["needs"] = _list(row.get("needs", ""))
        personal, social = self.values(number, row, section)
        combo["bonus"] = {"personal": personal, "social": social}
        return combo


def _with_icon(entry: dict, row: dict) -> dict:
    if "icon" in row:
        entry["icon"] = row["icon"]
    return entry


def _list(cell: str) -> list[str]:
    return [x.strip() for x in re.split(r"[,;]", cell) if x.strip()]


def _drop_none(value):
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


class _Flow(dict):
    pass


class _FlowList(list):
    pass


class _Dumper(yaml.SafeDumper):
    """Block style for the deck, `{plezier: 1, groei: 2}` and `[a, b]` for value maps and tag lists."""


_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _styled(value):
    if isinstance(value, dict):
        if all(isinstance(v, int) for v in value.values()):
            return _Flow(value)
        return {k: _styled(v) for k, v in value.items()}
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return _FlowList(value)
        return [_styled(v) for v in value]
    return value


def _dump(data: Any, path: Path, comment: str) -> None:
    text = yaml.dump(_styled(_drop_none(data)), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=100, default_flow_style=False)
    path.write_text(f"# {comment}\n" + text, encoding="utf-8")


def read_csv(path: str | os.PathLike) -> tuple[dict | None, list[Problem]]:
    """The deck in a CSV file as plain deck.yaml data, or None, with every problem found."""
    reader = _Reader(os.fspath(path))
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return None, [Problem(os.fspath(path), 0, "", "file", f"cannot be read: {e.strerror or e}")]
    result = reader.run(data)
    if reader.problems:
        return None, reader.problems
    return result, []


def write_deck_folder(parts: dict, folder: str | os.PathLike, images_from: Path | None = None) -> list[str]:
    """Write deck.yaml, cards.yaml and combos.yaml; copy images found beside the CSV. Returns notes."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    notes = []
    _dump(parts["deck"], out / "deck.yaml", "Written by `bbb deck from-csv`; check it with `bbb check`.")
    _dump({"cards": parts["cards"]}, out / CARDS_FILE, "Cards, written by `bbb deck from-csv`.")
    _dump({"combos": parts["combos"]}, out / COMBOS_FILE, "Combinations, written by `bbb deck from-csv`.")
    for card in parts["cards"]:
        image = card.get("image")
        if not image or (out / image).exists():
            continue
        source = (images_from / image) if images_from else None
        if source and source.is_file():
            (out / image).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, out / image)
        else:
            notes.append(f"image '{image}' of card {card['id']} was not found beside the CSV; copy it into {out}")
    return notes

