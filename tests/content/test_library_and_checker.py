"""Finding decks, the one-line problem format, load_deck's exception and the `bbb check` body."""

import io
from pathlib import Path

import pytest

from game.content import (
    DeckError, DeckLoadError, builtin_deck_paths, check_deck, find_deck, format_problem, load_deck, run_check,
)
from game.paths import decks_dir


def test_a_problem_prints_as_file_line_column_severity_section_key_message():
    p = DeckError("decks/x/deck.yaml", 3, 5, "card leraar", "hours", "61 is out of range", "error")
    assert format_problem(p) == "decks/x/deck.yaml:3:5: error: card leraar: hours: 61 is out of range"
    w = DeckError("decks/x/deck.yaml", 0, 0, "deck", "", "looks odd", "warning")
    assert format_problem(w) == "decks/x/deck.yaml:0:0: warning: deck: looks odd"


def test_a_deck_error_is_a_frozen_value():
    p = DeckError("f", 1, 1, "deck", "id", "m")
    with pytest.raises(AttributeError):
        p.line = 2  # type: ignore[misc]
    assert p.severity == "error"


def test_load_deck_raises_with_every_problem(make_deck, variant):
    deck = make_deck(variant("hours: 32", "hours: 99", "hand_size: 3", "hand_size: 12"))
    with pytest.raises(DeckLoadError) as caught:
        load_deck(deck.path)
    errors = [p for p in caught.value.problems if p.is_error]
    assert {p.key for p in errors} == {"hours", "hand_size"}
    assert str(caught.value).endswith("(and 1 more)")


def test_files_are_named_as_the_user_gave_the_folder(make_deck, variant, monkeypatch):
    deck = make_deck(variant("hours: 32", "hours: 99"))
    monkeypatch.chdir(deck.path.parent)
    problems = check_deck(deck.path.name)
    assert problems[0].file == str(Path(deck.path.name) / "deck.yaml")


def test_find_deck_takes_a_folder_path(make_deck):
    folder = make_deck().path
    assert find_deck(str(folder)) == folder


def test_find_deck_raises_one_clear_problem_when_nothing_is_found():
    with pytest.raises(DeckLoadError) as caught:
        find_deck("no-such-deck-anywhere")
    (problem,) = caught.value.problems
    assert problem.file == "no-such-deck-anywhere" and "not a deck folder nor the id of a built-in deck" in problem.message


def test_builtin_deck_paths_are_the_sorted_folders_with_a_deck_yaml():
    paths = builtin_deck_paths()
    assert paths == sorted(paths)
    assert all(p.parent == decks_dir() and (p / "deck.yaml").is_file() for p in paths)
    for p in paths:
        assert find_deck(p.name) == p


def test_run_check_prints_problems_and_a_count_and_returns_1_on_errors(make_deck, variant):
    bad = make_deck(variant("hours: 32", "hours: 99"))
    out = io.StringIO()
    assert run_check([str(bad.path)], out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{bad.path}/deck.yaml:{bad.line('hours: 99')}:12: error: card verpleegkundige: hours:")
    assert lines[-1] == f"{bad.path}: 1 error, 0 warnings"


def test_run_check_returns_0_for_a_deck_with_only_warnings(make_deck, variant):
    deck = make_deck(variant("personal: {plezier: 2}, social: {natuur: 2}", "personal: {plezier: 0}"))
    out = io.StringIO()
    assert run_check([str(deck.path)], out=out) == 0
    assert out.getvalue().splitlines()[-1] == f"{deck.path}: 0 errors, 1 warning"


def test_run_check_returns_2_when_called_wrongly(make_deck):
    out = io.StringIO()
    assert run_check([], out=out) == 2
    assert run_check([str(make_deck().path), "no-such-deck-anywhere"], out=out) == 2
    assert "no-such-deck-anywhere" in out.getvalue()


def test_run_check_names_a_builtin_deck_by_its_relative_folder():
    paths = builtin_deck_paths()
    assert paths, "the built-in decks are missing"
    out = io.StringIO()
    run_check([paths[0].name], out=out)
    assert out.getvalue().splitlines()[-1].startswith(f"decks/{paths[0].name}: ")
    assert str(decks_dir()) not in out.getvalue()
