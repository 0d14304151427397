"""The example deck in docs/deck-authoring.md is complete, passes `bbb check`, and is the test fixture."""

from __future__ import annotations

import re

from game.__main__ import main
from game.content import check_deck, load_deck
from tests.authoring.conftest import DOC, EXAMPLE_DECK

BLOCK = re.compile(r"<!-- file: (\S+) -->\n```yaml\n(.*?)```", re.S)


def example_files() -> dict[str, str]:
    return dict(BLOCK.findall(DOC.read_text(encoding="utf-8")))


def test_the_document_holds_an_example_deck_with_its_deck_yaml():
    files = example_files()
    assert "deck.yaml" in files and len(files) >= 2


def test_the_documents_example_deck_passes_check(tmp_path):
    for name, body in example_files().items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    problems = check_deck(tmp_path)
    assert problems == [], "\n".join(map(str, problems))
    assert main(["check", str(tmp_path)]) == 0


def test_the_fixture_is_the_documents_example():
    files = example_files()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLE_DECK.iterdir() if p.suffix == ".yaml"}
    assert on_disk == files


def test_the_example_deck_loads_with_every_card_type():
    deck = load_deck(EXAMPLE_DECK)
    assert {c.type for c in deck.cards} == {"role", "task", "event", "dilemma", "prompt"}
    assert deck.combos


def test_the_document_names_the_strict_thresholds():
    text = DOC.read_text(encoding="utf-8")
    for words in ("10 %", "75 %", "gedomineerde", "200 spellen", "500 spellen", "--strict"):
        assert words in text
