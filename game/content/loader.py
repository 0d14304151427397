"""Reads a deck folder: files -> located values -> schema -> cross-checks -> a core Deck or its problems."""

from __future__ import annotations

import gc
import hashlib
import os
from contextlib import contextmanager
from pathlib import Path

from game.core.deck import Deck
from game.paths import decks_dir

from .build import build_deck
from .deck_paths import resolve_inside
from .errors import NO_MARK, WARNING, DeckError, DeckLoadError
from .images import image_problem
from .messages import Message, msg
from .references import DeckFacts, ReferenceCheck
from .schema import CARD_MODELS, KNOWN_FORMAT, ComboModel, DeckFileModel, IncludedFileModel, nearest
from .sources import Item, Reporter, Source
from .validation import validate
from .yaml_reader import read_yaml

ENTRY = "deck.yaml"
IMAGE_SUFFIXES = (".png", ".svg")


def display_name(path: str | os.PathLike) -> str:
    """The folder as messages show it: as given, or `decks/ID` for a built-in deck found by id."""
    given = os.fspath(path)
    p = Path(given)
    if p.is_absolute():
        try:
            rel = p.resolve().relative_to(decks_dir().resolve())
            return str(Path("decks") / rel)
        except (ValueError, OSError):
            pass
    return given


def load_deck(path: str | os.PathLike, name: str | None = None) -> Deck:
    """The deck in folder `path`; raises DeckLoadError with every problem if it has any error."""
    deck, problems = inspect_deck(path, name)
    if deck is None:
        raise DeckLoadError(problems)
    return deck


def check_deck(path: str | os.PathLike, name: str | None = None) -> list[DeckError]:
    """Every problem (errors and warnings) of the deck in folder `path`; never raises for bad content."""
    return inspect_deck(path, name)[1]


def inspect_deck(path: str | os.PathLike, name: str | None = None) -> tuple[Deck | None, list[DeckError]]:
    with _collector_paused():
        return _DeckReading(Path(path), name or display_name(path)).run()


@contextmanager
def _collector_paused():
    """Reading a deck makes hundreds of thousands of short-lived objects without reference
    cycles; the cycle collector's passes over them made loading grow faster than the deck
    (0.23 against 0.15 ms a card at 2,000 cards). It runs again as soon as the deck is read."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _gives_points(bonus) -> bool:
    return any(bonus.personal.values()) or any(bonus.social.values())


class _DeckReading:
    def __init__(self, folder: Path, shown: str):
        self.folder = folder
        self.shown = shown
        self.report = Reporter()
        self.files: list[Source] = []
        self.cards: list[Item] = []
        self.combos: list[Item] = []

    def problem(self, file: str, message: Message) -> tuple[None, list[DeckError]]:
        self.report.log.add(file, NO_MARK, "deck", "", message)
        return None, self.report.log.problems

    def run(self) -> tuple[Deck | None, list[DeckError]]:
        try:
            return self._run()
        except RecursionError:
            return self.problem(self.shown, msg("nested"))

    def _run(self) -> tuple[Deck | None, list[DeckError]]:
        if not self.folder.is_dir():
            key = "folder_missing" if not self.folder.exists() else "folder_not_folder"
            return self.problem(self.shown, msg(key, entry=ENTRY))
        entry = self.folder / ENTRY
        if not entry.is_file():
            return self.problem(os.path.join(self.shown, ENTRY), msg("entry_missing", entry=ENTRY))
        main = self._read(ENTRY, entry, report_issues=False)
        data = main.value
        if not main.yaml.readable:
            self.report.yaml_issues(main)
            return None, self.report.log.problems
        if not isinstance(data, dict):
            self.report.yaml_issues(main)
            self.report.at(main, (), msg("deck_not_mapping"))
            return None, self.report.log.problems
        fmt = data.get("format")
        if isinstance(fmt, int) and not isinstance(fmt, bool):
            if fmt > KNOWN_FORMAT:
                self.report.at(main, ("format",),
                               msg("format_newer", format=fmt, known=KNOWN_FORMAT))
                return None, self.report.log.problems  # its other keys may mean things we do not know
        self.report.yaml_issues(main)
        if isinstance(fmt, int) and not isinstance(fmt, bool):
            if fmt < KNOWN_FORMAT:
                self.report.at(main, ("format",), msg("format_unknown", format=fmt, known=KNOWN_FORMAT))

        deck_model, findings = validate(DeckFileModel, data)
        for f in findings:
            self.report.at(main, f.path, f.message, at_key=f.at_key)
        self._collect(main)
        self._includes(main, data)
        for item in self.cards:
            self._validate_card(item)
        for item in self.combos:
            model, findings = validate(ComboModel, item.raw)
            item.model = model
            for f in findings:
                self.report.on(item, f.path, f.message, at_key=f.at_key)
            if model is not None and not _gives_points(model.bonus):
                where = ("bonus",) if isinstance(item.raw, dict) and "bonus" in item.raw else ("id",)
                self.report.on(item, where, msg("combo_no_bonus"), WARNING)

        if any(not source.yaml.readable for source in self.files):
            # A file that could not be read hides its cards: every cross-check would only echo that.
            return None, self.report.log.problems
        facts = DeckFacts.gather(data, self.cards, self.combos)
        check = ReferenceCheck(self.report, main, facts)
        check.deck(data, deck_model is not None)
        check.cards()
        check.combos()
        check.playable()
        images = self._images()

        if self.report.log.has_errors or deck_model is None:
            return None, self.report.log.problems
        deck = build_deck(
            deck_model,
            [i.model for i in self.cards],
            [i.model for i in self.combos],
            source=os.fspath(self.folder),
            fingerprint=self._fingerprint(images),
        )
        return deck, self.report.log.problems

    def _read(self, rel: str, path: Path, report_issues: bool = True) -> Source:
        source = Source(os.path.join(self.shown, rel), rel, read_yaml(path))
        self.files.append(source)
        if report_issues:
            self.report.yaml_issues(source)
        return source

    def _collect(self, source: Source) -> None:
        data = source.value if isinstance(source.value, dict) else {}
        for key, kind, into in (("cards", "card", self.cards), ("combos", "combo", self.combos)):
            entries = data.get(key)
            if isinstance(entries, list):
                into.extend(Item(kind, source, (key, i), raw) for i, raw in enumerate(entries))

    def _includes(self, main: Source, data: dict) -> None:
        includes = data.get("include")
        if not isinstance(includes, list):
            return
        seen: set[Path] = set()
        for i, rel in enumerate(includes):
            if not isinstance(rel, str):
                continue  # the schema has said what is wrong
            target, why = resolve_inside(self.folder, rel)
            if why:
                self.report.at(main, ("include", i), why)
                continue
            if target == (self.folder / ENTRY).resolve():
                self.report.at(main, ("include", i), msg("include_self", entry=ENTRY))
                continue
            if target in seen:
                self.report.at(main, ("include", i), msg("include_twice", file=rel))
                continue
            seen.add(target)
            source = self._read(rel, target)
            if not source.yaml.readable:
                continue
            if source.value is None:
                continue  # an empty included file adds nothing
            if not isinstance(source.value, dict):
                self.report.at(source, (), msg("include_not_mapping"))
                continue
            _, findings = validate(IncludedFileModel, source.value)
            for f in findings:
                message = f.message
                if f.at_key and len(f.path) == 1:
                    message = msg("include_key", key=f.path[0])
                self.report.at(source, f.path, message, at_key=f.at_key)
            self._collect(source)

    def _validate_card(self, item: Item) -> None:
        raw = item.raw
        if not isinstance(raw, dict):
            self.report.on(item, (), msg("card_not_mapping"))
            return
        card_type = raw.get("type")
        if card_type is None:
            if "type" in raw:
                self.report.on(item, ("type",), msg("type_empty", types=list(CARD_MODELS)))
            else:
                self.report.on(item, (), msg("type_missing", types=list(CARD_MODELS)))
            return
        if not isinstance(card_type, str):
            self.report.on(item, ("type",), msg("type_wrong", types=list(CARD_MODELS)))
            return
        if card_type not in CARD_MODELS:
            near = nearest(card_type, CARD_MODELS)
            self.report.on(item, ("type",), msg("type_unknown_near", type=card_type, types=list(CARD_MODELS), near=near)
                           if near else msg("type_unknown", type=card_type, types=list(CARD_MODELS)))
            return
        model, findings = validate(CARD_MODELS[card_type], raw)
        item.model = model
        for f in findings:
            self.report.on(item, f.path, f.message, at_key=f.at_key)

    def _images(self) -> list[tuple[str, Path]]:
        found: dict[str, Path] = {}
        for item in self.cards:
            image = item.raw.get("image") if isinstance(item.raw, dict) else None
            if not isinstance(image, str):
                continue
            if not image.lower().endswith(IMAGE_SUFFIXES):
                self.report.on(item, ("image",), msg("image_suffix", image=image))
                continue
            target, why = resolve_inside(self.folder, image)
            if not why:
                problem = image_problem(target)
                why = msg("image_problem", image=image, problem=problem) if problem else None
            if why:
                self.report.on(item, ("image",), why)
            else:
                found[image] = target
        return sorted(found.items())

    def _fingerprint(self, images: list[tuple[str, Path]]) -> str:
        digest = hashlib.sha256()
        parts = [(s.rel, s.yaml.raw) for s in self.files]
        for rel, path in images:
            try:
                parts.append((rel, path.read_bytes()))
            except OSError:
                parts.append((rel, b""))
        for rel, raw in parts:
            digest.update(f"{rel}\0{len(raw)}\0".encode())
            digest.update(raw)
        return digest.hexdigest()[:16]
