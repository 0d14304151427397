"""YAML 1.1 surprises are caught and explained, at the value that surprised."""

import pytest


@pytest.mark.parametrize("word, meaning", [("no", "false"), ("yes", "true"), ("on", "true"), ("off", "false")])
def test_yes_no_on_off_where_text_is_expected_says_yaml_read_a_boolean(make_deck, variant, the, word, meaning):
    deck = make_deck(variant("title: {nl: Leraar, en: Teacher}", f"title: {{nl: Leraar, en: {word}}}"))
    p = the(deck.errors(), section="card leraar", key="title.en")
    assert (p.line, p.column) == (deck.line("id: leraar"), deck.column(f"en: {word}}}") + 4)
    assert f"YAML reads '{word}' as {meaning}" in p.message and "put it in quotes" in p.message


def test_a_deck_title_of_no_is_explained_once(make_deck, variant, the):
    deck = make_deck(variant('title: {nl: "Testspel", en: "Test game"}', "title: no"))
    p = the(deck.errors(), section="deck", key="title")
    assert p.line == 4 and "YAML reads 'no' as false" in p.message


def test_an_id_that_yaml_reads_as_a_boolean_is_explained(make_deck, variant, the):
    deck = make_deck(variant("{id: leraar,", "{id: on,"))
    p = the(deck.errors(), key="id", line=deck.line("{id: on,"))
    assert "YAML reads 'on' as true" in p.message and "('on')" in p.message


def test_a_dimension_key_that_yaml_reads_as_a_boolean_is_explained(make_deck, variant, the):
    deck = make_deck(variant("personal: {rust: -1}", "personal: {no: -1}"))
    p = the(deck.errors(), section="card mantelzorger", key="personal.no")
    assert "YAML reads the key 'no' as false" in p.message


@pytest.mark.parametrize(
    "written, how",
    [("017", "octal"), ("0x1f", "hexadecimal"), ("1_000", "'_' separators"), ("12:30", "base-60")],
)
def test_unusual_integer_notations_ask_for_plain_decimal(make_deck, variant, the, written, how):
    deck = make_deck(variant("hours: 32", f"hours: {written}"))
    p = the(deck.errors(), section="card verpleegkundige", key="hours")
    assert p.line == deck.line(f"hours: {written}") and p.column == 12
    assert how in p.message and "write plain decimal" in p.message


def test_a_float_where_a_whole_number_is_expected_is_an_error(make_deck, variant, the):
    deck = make_deck(variant("hours: 32", "hours: 32.5"))
    assert "expected a whole number, got 32.5" in the(deck.errors(), key="hours").message


def test_an_unquoted_plus_one_in_a_need_effect_is_one(make_deck):
    from game.content import load_deck

    deck = load_deck(make_deck().path)
    assert dict(deck.card("vergrijzing").effects[0].changes) == {"zorg": 1}


def test_a_duplicate_key_is_an_error_naming_both_lines(make_deck, variant, the):
    deck = make_deck(variant("    hours: 32\n", "    hours: 32\n    tags: [x]\n    hours: 30\n"))
    p = the(deck.errors(), section="card verpleegkundige", key="hours")
    first, second = deck.line("hours: 32"), deck.line("hours: 30")
    assert p.line == second and f"lines {first} and {second}" in p.message and "appears twice" in p.message


def test_a_number_where_text_is_expected_asks_for_quotes(make_deck, variant, the):
    deck = make_deck(variant('version: "0.1"', "version: 0.1"))
    p = the(deck.errors(), key="version")
    assert "YAML read 0.1 as a number" in p.message and "put it in quotes" in p.message
