"""Dutch and English are complete: the same keys and the same {placeholders} in every string file,
and every deck speaks both languages (or says which one it falls back to)."""

import json

import pytest

from game.i18n import LANGUAGES, placeholders, t, table
from game.paths import assets_dir

STRINGS = assets_dir() / "strings"


def files(lang):
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((STRINGS / lang).glob("*.json"))}


def test_both_languages_have_the_same_string_files():
    assert set(files("nl")) == set(files("en")) and files("nl")


@pytest.mark.parametrize("name", sorted(p.name for p in (STRINGS / "nl").glob("*.json")))
def test_each_string_file_has_the_same_keys_in_dutch_and_english(name):
    nl, en = files("nl")[name], files("en")[name]
    assert sorted(set(nl) - set(en)) == [], f"{name}: only in Dutch"
    assert sorted(set(en) - set(nl)) == [], f"{name}: only in English"


@pytest.mark.parametrize("name", sorted(p.name for p in (STRINGS / "nl").glob("*.json")))
def test_each_string_has_the_same_placeholders_in_both_languages(name):
    nl, en = files("nl")[name], files("en")[name]
    different = {k: (sorted(placeholders(nl[k])), sorted(placeholders(en[k]))) for k in nl
                 if k in en and placeholders(nl[k]) != placeholders(en[k])}
    assert not different, different


def test_no_string_is_empty_and_no_key_is_in_two_files():
    for lang in LANGUAGES:
        seen = {}
        for name, strings in files(lang).items():
            for k, v in strings.items():
                assert isinstance(v, str) and v.strip(), f"{lang}/{name}: {k} is empty"
                assert k not in seen, f"{lang}: {k} in {seen.get(k)} and {name}"
                seen[k] = name


def test_a_key_is_looked_up_in_the_asked_language():
    assert t("nl", "title.new") != t("en", "title.new")
    assert set(table("nl")) == set(table("en"))


def test_every_built_in_deck_has_both_languages():
    from game.content import builtin_deck_paths, load_deck

    for path in builtin_deck_paths():
        deck = load_deck(path)
        assert {"nl", "en"} <= set(deck.languages), deck.id
        for card in deck.cards:
            assert card.title.has("nl") and card.title.has("en"), f"{deck.id}: {card.id}"
