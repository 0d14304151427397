"""The checker's messages in the player's language: every message has Dutch and English words with
the same placeholders, plurals where a number is counted, and the problems screen uses them."""

import json
import re

import pytest

from game.content import check_deck, format_problem
from game.content.messages import msg, word
from game.i18n import placeholders
from game.paths import assets_dir

from .conftest import VALID_DECK, replace_once

STRINGS = {lang: json.loads((assets_dir() / "strings" / lang / "checker.json").read_text(encoding="utf-8"))
           for lang in ("nl", "en")}
SOURCES = ["game/content/yaml_reader.py", "game/content/loader.py", "game/content/validation.py",
           "game/content/deck_paths.py", "game/content/images.py", "game/content/library.py",
           "game/content/schema.py", "game/content/references.py"]


def test_every_message_the_checker_can_give_has_words_in_both_languages():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    used = set()
    for source in SOURCES:
        text = (root / source).read_text(encoding="utf-8")
        used |= set(re.findall(r'msg\(\s*f?"([a-z_.]+)"', text))
        used |= {f"char.{k}" for k in re.findall(r'"char\.([a-z_]+)"', text)}
    assert len(used) > 60
    for lang in ("nl", "en"):
        keys = {k.removeprefix("checker.").removesuffix(".one").removesuffix(".other") for k in STRINGS[lang]}
        missing = sorted(k for k in used if k not in keys and not k.startswith(("int.", "expect.", "got.")))
        assert not missing, f"{lang}: {missing}"


def test_a_counted_message_has_a_singular_and_a_plural():
    assert word("nl", "screen_intro", n=1).startswith("Het kaartspel kan niet worden geladen: 1 probleem.")
    assert "3 problemen" in word("nl", "screen_intro", n=3)
    assert "1 problem." in word("en", "screen_intro", n=1) and "2 problems" in word("en", "screen_intro", n=2)
    for lang in ("nl", "en"):
        ones = {k[:-4] for k in STRINGS[lang] if k.endswith(".one")}
        others = {k[:-6] for k in STRINGS[lang] if k.endswith(".other")}
        assert ones == others and ones


def test_numbers_are_written_as_the_language_writes_them():
    assert "50.000 cijfers" in msg("number_digits", n=50000).text("nl")
    assert "50,000 digits" in msg("number_digits", n=50000).text("en")
    assert "2016" in msg("too_many_cards", n=2016, max=2000).text("nl")


def test_the_problems_screen_speaks_dutch(make_deck):
    text = replace_once(VALID_DECK, "hours: 32", "hour: 32")
    text = replace_once(text, "hand_size: 3", "hand_size: 0b11")
    problems = check_deck(make_deck(text).path)
    dutch = [format_problem(p, "nl") for p in problems]
    english = [format_problem(p) for p in problems]
    assert any(": fout: kaart verpleegkundige: hour: onbekende sleutel 'hour'; bedoel je 'hours'?" in line
               for line in dutch), dutch
    assert any("YAML leest '0b11' als een binair getal" in line for line in dutch), dutch
    assert any(": error: card verpleegkundige: hour: unknown key 'hour'; did you mean 'hours'?" in line
               for line in english), english


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_same_placeholders_in_both_languages(lang):
    other = "en" if lang == "nl" else "nl"
    for key, text in STRINGS[lang].items():
        assert placeholders(text) == placeholders(STRINGS[other][key]), key


BROKEN = [  # (old, new) pairs on the valid deck: together they set off most checks of the checker
    ("hand_size: 3", "hand_size: 30"),
    ("id: test-deck", "id: Test Deck"),
    ("languages: [nl, en]", "languages: [nl, en, nl]"),
    ("{id: rust, name: {nl: Rust, en: Rest}}", "{id: rust, name: {nl: Rust}}"),
    ("need: 4}", "need: 9}"),
    ("needs: [verpleegkundige, \"tag:zorg\"]", "needs: [verpleegkundig, \"tag:zorgen\"]"),
    ("bonus: {personal: {groei: 1}, social: {zorg: 2}}", "bonus: {personal: {groeien: 1}}"),
    ("personal: {plezier: 1, groei: 2}", "personal: {plezier: 1, groei: 7, lol: 1}"),
    ("title: {nl: Leraar, en: Teacher}", "title: {nl: \"" + "L" * 70 + "\", en: Teacher}"),
    ("competence: reflectie}", "competence: reflecteren}"),
    ("effects: [{need: {zorg: +1}}]", "effects: [{need: {zorg: +1}, hours: 2}]"),
    ("effects: [{hours: -4, who: current}]", "effects: [{add: mentor}]"),
    ("{label: {nl: Ja, en: \"Yes\"}, effects: [{add: mentor}]}", "{label: {nl: Ja, en: \"Yes\"}, effects: [{add: vergrijzing}]}"),
    ("type: role\n", "type: rol\n"),
    ("{id: mentor, type: task,", "{id: leraar, type: task,"),
]


def test_every_problem_of_a_broken_deck_has_words_in_both_languages(make_deck):
    text = VALID_DECK
    for old, new in BROKEN:
        text = replace_once(text, old, new)
    problems = check_deck(make_deck(text).path)
    assert len(problems) >= 12
    untranslated = [format_problem(p) for p in problems if p.words is None]
    assert not untranslated, "\n".join(untranslated)
    for p in problems:
        assert p.message_in("nl") != p.message_in("en") or "'" in p.message, format_problem(p)
