"""Hostile or broken files give problems, never crashes, never run code, in bounded time and memory."""

import os

import pytest

from game.content import check_deck


def test_python_tags_are_refused_and_never_run(make_deck, variant, tmp_path, the):
    marker = tmp_path / "ran"
    deck = make_deck(variant('description: {nl: "Een klein spel.", en: "A small game."}',
                             f'description: !!python/object/apply:os.system ["touch {marker}"]'))
    p = the(deck.errors(), key="description")
    assert "the tag !!python/object/apply:os.system is not allowed" in p.message
    assert not marker.exists()


def test_any_non_standard_tag_is_an_error(make_deck, variant, the):
    deck = make_deck(variant("hours: 32", "hours: !uren 32"))
    assert "the tag !uren is not allowed" in the(deck.errors(), key="hours").message


def test_an_alias_is_an_error(make_deck, variant, the):
    deck = make_deck(variant("personal: {plezier: 1, groei: 2}", "personal: &p {plezier: 1, groei: 2}",
                             "personal: {groei: 1}, social: {onderwijs: 3}", "personal: *p, social: {onderwijs: 3}"))
    p = the(deck.errors(), section="card leraar", key="personal")
    assert p.column == deck.column("*p") and "aliases" in p.message


def test_an_alias_bomb_is_refused_in_bounded_time_and_memory(make_deck):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnopqrstuvwxyz"
    for prev, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    problems = make_deck("\n".join(lines) + "\n").problems()
    assert any("aliases" in p.message for p in problems)
    assert len(problems) < 1000


def test_deep_nesting_is_reported_as_nested_too_deeply(make_deck):
    for text in ("[" * 10000 + "]" * 10000, "a: " + "{a: " * 100 + "1" + "}" * 100):
        problems = make_deck(text).problems()
        assert any("nested too deeply" in p.message for p in problems)


def test_a_binary_file_is_an_error(make_deck, the):
    deck = make_deck(files={"deck.yaml": b"format: 1\n\x00\x01\x02\xff"}, image=False)
    p = the(deck.errors())
    assert p.file == deck.file() and p.line == 2 and "not a text file" in p.message


def test_invalid_utf8_is_an_error_at_the_bad_byte(make_deck, the):
    deck = make_deck(files={"deck.yaml": b"format: 1\nid: caf\xe9\n"}, image=False)
    p = the(deck.errors())
    assert (p.line, p.column) == (2, 8) and "not UTF-8" in p.message


def test_a_utf8_bom_and_crlf_line_ends_are_fine(make_deck, valid_deck_yaml):
    raw = b"\xef\xbb\xbf" + valid_deck_yaml.replace("\n", "\r\n").encode("utf-8")
    deck = make_deck(files={"deck.yaml": raw})
    assert deck.problems() == []


def test_a_file_over_1_mib_is_an_error_without_reading_it(make_deck, the):
    deck = make_deck(files={"deck.yaml": b"# " + b"x" * (1024 * 1024) + b"\n"})
    assert "at most 1 MiB" in the(deck.errors()).message


def test_more_than_2000_cards_is_an_error(make_deck, variant, the):
    many = "".join(f"  - {{id: r{i}, type: role, title: {{nl: R, en: R}}, hours: 1, personal: {{rust: 1}}}}\n"
                   for i in range(2000))
    deck = make_deck(variant("cards:\n", "cards:\n" + many))
    p = the(deck.errors(), key="cards")
    assert "2016 cards; a deck holds at most 2000" in p.message


def test_broken_yaml_syntax_is_reported_with_its_place(make_deck, the):
    p = the(make_deck("format: 1\nid: [oops\n").errors())
    assert (p.line, p.column) == (2, 5) and "not closed with ']'" in p.message


def test_a_deck_yaml_that_is_a_fifo_or_folder_is_an_error_not_a_hang(tmp_path):
    (tmp_path / "deck.yaml").mkdir()
    assert len(check_deck(tmp_path)) == 1
    if hasattr(os, "mkfifo"):
        other = tmp_path / "f"
        other.mkdir()
        os.mkfifo(other / "deck.yaml")
        assert len(check_deck(other)) == 1


def test_a_control_character_is_an_error_at_its_place(make_deck, the):
    deck = make_deck(files={"deck.yaml": b"format: 1\nid: a\x07b\n"}, image=False)
    p = the(deck.errors())
    assert (p.line, p.column) == (2, 6) and "control character (U+0007)" in p.message


@pytest.mark.parametrize("reader", ["_FastComposer", "_SafeComposer"])
def test_both_yaml_readers_refuse_aliases_and_deep_nesting(make_deck, monkeypatch, reader):
    from game.content import yaml_reader

    if not hasattr(yaml_reader, reader):
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(yaml_reader, "_Composer", getattr(yaml_reader, reader))
    nested = make_deck("[" * 10000 + "]" * 10000).problems()
    assert any("nested too deeply" in p.message for p in nested)
    aliased = make_deck("a: &a [1, 2]\nb: *a\n").problems()
    assert any("aliases" in p.message and p.line == 2 for p in aliased)
