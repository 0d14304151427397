"""Helpers for the deck loader tests: a small valid deck and a way to write variants of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from game.content import DeckError, check_deck

VALID_DECK = """\
format: 1
id: test-deck
version: "0.1"
title: {nl: "Testspel", en: "Test game"}
description: {nl: "Een klein spel.", en: "A small game."}
languages: [nl, en]
hand_size: 3
balance_dimension: rust
dimensions:
  personal:
    - {id: plezier, name: {nl: Plezier, en: Fun}}
    - {id: groei, name: {nl: Groei, en: Growth}, question: {nl: "Wil je leren?", en: "Do you want to learn?"}}
    - {id: rust, name: {nl: Rust, en: Rest}}
  social:
    - {id: zorg, name: {nl: Zorg, en: Care}, need: 4}
    - {id: onderwijs, name: {nl: Onderwijs, en: Education}, need: 3}
    - {id: natuur, name: {nl: Natuur, en: Nature}, need: 2}
combos:
  - id: zorgduo
    title: {nl: Zorgduo, en: Care pair}
    needs: [verpleegkundige, "tag:zorg"]
    bonus: {personal: {groei: 1}, social: {zorg: 2}}
cards:
  - id: verpleegkundige
    type: role
    title: {nl: Verpleegkundige, en: Nurse}
    tags: [zorg]
    image: nurse.png
    hours: 32
    personal: {plezier: 1, groei: 2}
    social: {zorg: 3}
  - {id: mantelzorger, type: role, title: {nl: Mantelzorger, en: Carer}, tags: [zorg], hours: 12, copies: 2, personal: {rust: -1}, social: {zorg: 2}}
  - {id: leraar, type: role, title: {nl: Leraar, en: Teacher}, hours: 24, personal: {groei: 1}, social: {onderwijs: 3}}
  - {id: boswachter, type: role, title: {nl: Boswachter, en: Ranger}, hours: 20, personal: {plezier: 2}, social: {natuur: 2}}
  - {id: mentor, type: task, title: {nl: Mentor, en: Mentor}, hours: 4, requires: [zorg], social: {onderwijs: 1}}
  - {id: vergrijzing, type: event, title: {nl: Vergrijzing, en: Ageing}, text: {nl: Meer ouderen., en: More elderly people.}, effects: [{need: {zorg: +1}}]}
  - {id: crisis, type: event, title: {nl: Crisis, en: Crisis}, text: {nl: Minder tijd., en: Less time.}, effects: [{hours: -4, who: current}]}
  - {id: subsidie, type: event, title: {nl: Subsidie, en: Subsidy}, text: {nl: Zorg krijgt geld., en: Care gets money.}, effects: [{offer: {tag: zorg, personal: {groei: 1}, social: {zorg: 1}}}]}
  - {id: lerarentekort, type: event, title: {nl: Lerarentekort, en: Teacher shortage}, text: {nl: Scholen zoeken mensen., en: Schools need people.}, effects: [{need: {onderwijs: 2}}]}
  - {id: droogte, type: event, title: {nl: Droogte, en: Drought}, text: {nl: Het is droog., en: It is dry.}, effects: [{need: {natuur: 1}}, {hours: 2}]}
  - {id: rustig, type: event, title: {nl: Rustig jaar, en: Quiet year}, text: {nl: Er gebeurt weinig., en: Little happens.}, effects: [{need: {zorg: -1}}]}
  - id: extra-dienst
    type: dilemma
    title: {nl: Extra dienst, en: Extra shift}
    text: {nl: "Help je mee?", en: "Do you help?"}
    options:
      - {label: {nl: Ja, en: "Yes"}, effects: [{add: mentor}]}
      - {label: {nl: Nee, en: "No"}, effects: [{hours: 2}]}
  - {id: p-reflectie, type: prompt, title: {nl: Terugblik, en: Looking back}, text: {nl: "Wat gaf je energie?", en: "What gave you energy?"}, competence: reflectie}
  - {id: p-exploratie, type: prompt, title: {nl: Verkennen, en: Exploring}, text: {nl: "Wat wil je proberen?", en: "What do you want to try?"}, competence: exploratie, phase: discuss}
  - {id: p-sturing, type: prompt, title: {nl: Sturen, en: Steering}, text: {nl: "Wat is je volgende stap?", en: "What is your next step?"}, competence: sturing, phase: end}
  - {id: p-netwerken, type: prompt, title: {nl: Netwerk, en: Network}, text: {nl: "Wie kan je helpen?", en: "Who can help you?"}, competence: netwerken}
"""

def png_header(width: int, height: int) -> bytes:
    """The first bytes of a PNG file: enough for the checker, which never decodes pixels."""
    return (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + width.to_bytes(4, "big")
            + height.to_bytes(4, "big") + b"\x08\x06\x00\x00\x00")


PNG = png_header(64, 64)


@dataclass
class DeckDir:
    path: Path

    def problems(self) -> list[DeckError]:
        return check_deck(self.path)

    def errors(self) -> list[DeckError]:
        return [p for p in self.problems() if p.is_error]

    def warnings(self) -> list[DeckError]:
        return [p for p in self.problems() if not p.is_error]

    def text(self, name: str = "deck.yaml") -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def line(self, needle: str, name: str = "deck.yaml") -> int:
        """The 1-based number of the first line of `name` that holds `needle`."""
        for number, line in enumerate(self.text(name).splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {name}")

    def column(self, needle: str, name: str = "deck.yaml") -> int:
        line = self.text(name).splitlines()[self.line(needle, name) - 1]
        return line.index(needle) + 1

    def file(self, name: str = "deck.yaml") -> str:
        return str(self.path / name)


@pytest.fixture
def make_deck(tmp_path):
    """make_deck(deck_yaml=VALID_DECK, **{"other.yaml": text}) -> DeckDir; adds the card image."""
    counter = iter(range(1000))

    def make(deck_yaml: str = VALID_DECK, files: dict | None = None, image: bool = True) -> DeckDir:
        folder = tmp_path / f"deck{next(counter)}"
        folder.mkdir()
        (folder / "deck.yaml").write_text(deck_yaml, encoding="utf-8")
        if image:
            (folder / "nurse.png").write_bytes(PNG)
        for name, content in (files or {}).items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return DeckDir(folder)

    return make


def only(problems: list[DeckError], **match) -> DeckError:
    """The one problem whose fields hold the given values (message: a substring)."""
    found = [p for p in problems if all(
        (want in getattr(p, k)) if k == "message" else getattr(p, k) == want for k, want in match.items()
    )]
    assert len(found) == 1, f"expected one problem matching {match}, got:\n" + "\n".join(map(str, problems))
    return found[0]


@pytest.fixture
def the():
    return only


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} is not in the text exactly once"
    return text.replace(old, new)


@pytest.fixture
def valid_deck_yaml() -> str:
    return VALID_DECK


@pytest.fixture
def variant():
    """variant(old, new, [old2, new2, ...]) -> the valid deck.yaml with each old part replaced once."""

    def make(*pairs: str) -> str:
        text = VALID_DECK
        for old, new in zip(pairs[::2], pairs[1::2]):
            text = replace_once(text, old, new)
        return text

    return make
