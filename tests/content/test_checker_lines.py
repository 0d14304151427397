"""Every checker line is one line, at the place an editor shows, in plain words.

Lines and columns are what an editor shows (lines end at LF, CR LF or CR; columns count
characters); file-level problems are at 1:1, never 0:0; control characters from a deck are
escaped; a deck in another encoding is one line, not a cascade.
"""

import io
import re

import pytest

from game.content import check_deck, format_problem, run_check

from .conftest import VALID_DECK, replace_once

JARGON = re.compile(r"scanning|simple key|block mapping|block collection|token|stream|node|libyaml|"
                    r"while parsing|flow sequence|flow mapping", re.I)


def checked_lines(folder) -> list[str]:
    out = io.StringIO()
    run_check([str(folder)], out)
    return out.getvalue().splitlines()


def test_a_number_with_thousands_of_digits_is_one_error_not_a_crash(make_deck, the):
    deck = make_deck(replace_once(VALID_DECK, "hand_size: 3", "hand_size: " + "9" * 5000))
    p = the(deck.errors(), key="hand_size")
    assert (p.line, p.column) == (deck.line("hand_size"), len("hand_size: ") + 1)
    assert "5000 digits" in p.message
    assert len(format_problem(p)) < 400


def test_a_long_decimal_number_is_an_error_too(make_deck, the):
    deck = make_deck(replace_once(VALID_DECK, "hours: 32", "hours: " + "1" * 5000 + ".5"))
    assert the(deck.errors(), key="hours").line == deck.line("hours: 1111")


@pytest.mark.parametrize("escape, shown", [("\\n", "\\n"), ("\\r", "\\r"), ("\\e[31m", "\\x1b[31m"),
                                           ("\\u202e", "\\u202e")])
def test_a_key_with_a_control_character_is_shown_escaped_on_one_line(make_deck, escape, shown):
    deck = make_deck(replace_once(VALID_DECK, "hand_size: 3", f'"bad{escape}key": 3'))
    lines = checked_lines(deck.path)
    bad = [line for line in lines if "bad" in line]
    assert len(bad) == 1, lines
    assert f"bad{shown}key" in bad[0]
    assert not any(ch in "".join(lines) for ch in "\r\x1b\u202e")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_in_a_comment_or_a_text_moves_no_line_number(make_deck, the, separator):
    text = replace_once(VALID_DECK, "hand_size: 3", f"# a comment{separator}that goes on\nhand_size: 3")
    text = replace_once(text, 'title: {nl: "Testspel", en: "Test game"}',
                        f'title: {{nl: "Test{separator}spel", en: "Test game"}}')
    text = replace_once(text, "hours: 32", "hours: 320")
    deck = make_deck(text)
    p = the(deck.errors())
    assert not JARGON.search(p.message)
    assert (p.line, p.column) == (_line_of(text, "hours: 320"), _column_of(text, "320"))


def test_an_esc_after_non_ascii_text_is_reported_where_it_is(make_deck, the):
    text = replace_once(VALID_DECK, 'description: {nl: "Een klein spel.", en: "A small game."}',
                        'description: {nl: "Één klein spél — ☕ 🎲", en: "A small game."}')
    text = replace_once(text, "{id: leraar, type: role, title: {nl: Leraar,",
                        "{id: leraar, type: role, title: {nl: Le\x1braar,")
    deck = make_deck(text)
    p = the(deck.errors())
    assert (p.line, p.column) == (_line_of(text, "Le\x1braar"), _column_of(text, "\x1b"))
    assert "ESC" in p.message
    assert "\x1b" not in format_problem(p)


def test_a_file_in_latin_1_is_one_not_utf8_line(make_deck):
    cards, rest = VALID_DECK.split("cards:\n", 1)
    deck_yaml = cards + "include: [cards.yaml]\n"
    included = ("cards:\n" + rest).replace("Verpleegkundige", "Verpleegkundige café")
    deck = make_deck(deck_yaml, files={"cards.yaml": included.encode("latin-1")})
    problems = deck.problems()
    assert len(problems) == 1, "\n".join(map(str, problems))
    p = problems[0]
    assert p.file.endswith("cards.yaml") and "not UTF-8" in p.message and "'é'" in p.message
    assert (p.line, p.column) == (_line_of(included, "café"), _column_of(included, "é"))


def _line_of(text: str, needle: str) -> int:
    """As an editor counts: only a newline ends a line (str.splitlines also splits at U+2028)."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def _column_of(text: str, needle: str) -> int:
    return text.split("\n")[_line_of(text, needle) - 1].index(needle) + 1


def test_file_level_problems_are_at_line_1_column_1(tmp_path, make_deck):
    missing = tmp_path / "nothing-here"
    no_entry = tmp_path / "empty"
    no_entry.mkdir()
    too_big = make_deck("format: 1\n" + "#" * (1024 * 1024 + 10) + "\n")
    for folder in (missing, no_entry, too_big.path):
        problems = check_deck(folder)
        assert problems, folder
        assert all((p.line, p.column) == (1, 1) for p in problems), problems
        assert not any(":0:0:" in format_problem(p) for p in problems)


@pytest.mark.parametrize("yaml_text, where", [
    ("format: 1\nid: x\ntitle: T\n  languages: [nl]\n", (4, 12)),
    ("format: 1\nid: x\ntitle: 'open\n", (3, 8)),
    ("format: 1\nid: x\ntitle: {nl: Titel\n", (3, 8)),
    ("format: 1\nid: x\n\ttitle: T\n", (3, 1)),
    ("format: 1\nid: @x\n", (2, 5)),
    ("format: 1\nid: a: b\n", (2, 6)),
])
def test_a_yaml_syntax_error_is_explained_without_parser_jargon(make_deck, yaml_text, where):
    problems = make_deck(yaml_text, image=False).errors()
    assert len(problems) == 1, problems
    p = problems[0]
    assert not JARGON.search(p.message), p.message
    assert (p.line, p.column) == where, format_problem(p)


def test_a_combination_without_a_bonus_is_a_warning(make_deck, the):
    deck = make_deck(replace_once(VALID_DECK, "    bonus: {personal: {groei: 1}, social: {zorg: 2}}\n", ""))
    assert deck.errors() == []
    p = the(deck.warnings(), section="combo zorgduo")
    assert "no bonus" in p.message and p.line == deck.line("id: zorgduo")


def test_a_combination_with_a_bonus_of_zeros_is_a_warning_at_the_bonus(make_deck, the):
    deck = make_deck(replace_once(VALID_DECK, "bonus: {personal: {groei: 1}, social: {zorg: 2}}",
                                  "bonus: {personal: {groei: 0}}"))
    p = the(deck.warnings(), section="combo zorgduo")
    assert p.key == "bonus" and p.line == deck.line("bonus: {personal: {groei: 0}}")
