"""Rules of the spreadsheet route: a deck survives to-csv and from-csv, also through a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest

from game.__main__ import main
from game.authoring import csv_io
from game.content import check_deck, load_deck
from game.core.deck import AddEffect, Combo, HoursEffect, NeedEffect, OfferEffect, frozen_map
from tests.authoring.conftest import BUILTIN, EXAMPLE_DECK, builtin_deck, comparable
from tests.core.decks import dilemma, event, make_deck, role, t, task


def round_trip(deck, tmp_path, delimiter=","):
    path = tmp_path / "deck.csv"
    csv_io.write_csv(deck, path, delimiter=delimiter)
    parts, problems = csv_io.read_csv(path)
    assert problems == []
    csv_io.write_deck_folder(parts, tmp_path / "out")
    return load_deck(tmp_path / "out")


def rich_deck():
    from dataclasses import replace

    cards = [
        replace(role("zorg-baan", 24, {"plezier": 1, "groei": 0, "balans": -1}, {"zorg": 3}, tags=("zorgwerk",),
                     copies=2), icon="stethoscope"),
        replace(task("actie", 2, {"plezier": 1}, {"zorg": 1}),
                on_play=(NeedEffect(frozen_map({"onderwijs": 1})), HoursEffect(-2, "current")), advice="never-suggest"),
        task("mentor", 4, {"groei": 2}, {"onderwijs": 1}, requires=("zorgwerk",)),
        event("krapte", NeedEffect(frozen_map({"zorg": 1, "welvaart": -1})), HoursEffect(-8, "random"),
              OfferEffect("zorgwerk", frozen_map({"plezier": -1}), frozen_map({"zorg": 1})), HoursEffect(4)),
        dilemma("vraag", [AddEffect("mentor")], [HoursEffect(2, "current")], []),
    ]
    events = [event(f"e-{i}", NeedEffect(frozen_map({"zorg": 1}))) for i in range(6)]
    combos = [Combo("samen", t("samen"), None, ("zorg-baan", "tag:filler"), frozen_map({"groei": 1}),
                    frozen_map({"zorg": 2}))]
    deck = make_deck(cards, combos, events=events)
    return replace(deck, tag_names=frozen_map({"zorgwerk": t("Zorgwerk")}),
                   social=tuple(replace(d, icon="heart") for d in deck.social))


def test_a_deck_with_every_kind_of_card_and_effect_comes_back_equal(tmp_path):
    deck = rich_deck()
    assert comparable(round_trip(deck, tmp_path)) == comparable(deck)


@pytest.mark.parametrize("deck_id", BUILTIN)
def test_every_builtin_deck_comes_back_equal(deck_id, tmp_path):
    deck = builtin_deck(deck_id)
    again = round_trip(deck, tmp_path)
    assert check_deck(tmp_path / "out") == [] or not any(p.is_error for p in check_deck(tmp_path / "out"))
    assert comparable(again) == comparable(deck)


def test_the_example_deck_comes_back_equal_through_the_command(tmp_path):
    out_csv, out_dir = tmp_path / "voorbeeld.csv", tmp_path / "terug"
    assert main(["deck", "to-csv", str(EXAMPLE_DECK), str(out_csv)]) == 0
    assert main(["deck", "from-csv", str(out_csv), str(out_dir)]) == 0
    assert comparable(load_deck(out_dir)) == comparable(load_deck(EXAMPLE_DECK))


def spreadsheet_variant(path, rows_edit=None):
    """The CSV as Dutch Excel saves it: ';' between cells, a BOM, CRLF, numbers as 3.0 and +1."""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    for row in rows[1:]:
        for i, col in enumerate(header):
            if i < len(row) and (col == "hours" or col.startswith("personal.")) and row[i].lstrip("-").isdigit():
                n = int(row[i])
                row[i] = f"{n}.0" if col == "hours" else (f"+{n}" if n > 0 else str(n))
        row.extend([""] * 2)  # spreadsheets pad rows with empty cells
    rows.append([""] * len(header))  # and leave an empty row at the end
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    data = "\ufeff" + out.getvalue()
    path.write_bytes(data.encode("utf-8"))


def test_a_semicolon_bom_crlf_spreadsheet_file_comes_back_equal(tmp_path):
    deck = rich_deck()
    path = tmp_path / "deck.csv"
    csv_io.write_csv(deck, path)
    spreadsheet_variant(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b";" in raw.split(b"\r\n")[0]
    parts, problems = csv_io.read_csv(path)
    assert problems == []
    csv_io.write_deck_folder(parts, tmp_path / "out")
    assert comparable(load_deck(tmp_path / "out")) == comparable(deck)


@pytest.mark.parametrize("deck_id", BUILTIN)
def test_every_builtin_deck_survives_a_dutch_spreadsheet(deck_id, tmp_path):
    deck = builtin_deck(deck_id)
    path = tmp_path / "deck.csv"
    csv_io.write_csv(deck, path)
    spreadsheet_variant(path)
    parts, problems = csv_io.read_csv(path)
    assert problems == []
    csv_io.write_deck_folder(parts, tmp_path / "out")
    assert comparable(load_deck(tmp_path / "out")) == comparable(deck)


def test_to_csv_can_write_semicolons_for_dutch_excel(tmp_path):
    path = tmp_path / "deck.csv"
    assert main(["deck", "to-csv", str(EXAMPLE_DECK), str(path), "--semicolon"]) == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbfkind;id;type;")


@pytest.mark.parametrize("cell, value", [("3", 3), ("3.0", 3), ("+1", 1), ("-2", -2), (" 4 ", 4), ("3,0", 3),
                                         ("\u22121", -1)])
def test_numbers_as_spreadsheets_write_them(cell, value):
    assert csv_io.parse_int(cell) == value


@pytest.mark.parametrize("cell", ["drie", "3.5", "", "1-2"])
def test_a_cell_that_is_not_a_whole_number_is_a_problem(cell):
    with pytest.raises(csv_io.CsvProblem):
        csv_io.parse_int(cell)


@pytest.mark.parametrize("notation, yaml_form", [
    ("need:zorg=+1,onderwijs=-1", {"need": {"zorg": 1, "onderwijs": -1}}),
    ("hours:-8", {"hours": -8}),
    ("hours: -8 @random", {"hours": -8, "who": "random"}),
    ("offer:routine personal.zekerheid=-1 social.zorg=+1",
     {"offer": {"tag": "routine", "personal": {"zekerheid": -1}, "social": {"zorg": 1}}}),
    ("offer:routine", {"offer": {"tag": "routine", "personal": {}, "social": {}}}),
    ("add:buurthulp", {"add": "buurthulp"}),
])
def test_the_effect_notation(notation, yaml_form):
    assert csv_io.parse_effect(notation) == yaml_form


def test_effects_are_separated_by_semicolons_and_written_back_the_same():
    effects = (NeedEffect(frozen_map({"zorg": 1})), HoursEffect(-8, "random"),
               OfferEffect("routine", frozen_map({"zekerheid": -1}), frozen_map()), AddEffect("x"))
    text = csv_io.format_effects(effects)
    assert text == "need:zorg=+1; hours:-8@random; offer:routine personal.zekerheid=-1; add:x"
    assert len(csv_io.parse_effects(text)) == 4


@pytest.mark.parametrize("bad", ["need", "boost:zorg=1", "offer:personal.x=1", "need:zorg", "add:"])
def test_a_wrong_effect_is_a_problem(bad):
    with pytest.raises(csv_io.CsvProblem):
        csv_io.parse_effects(bad)


def test_empty_cells_mean_not_given(tmp_path):
    deck = rich_deck()
    path = tmp_path / "deck.csv"
    csv_io.write_csv(deck, path)
    parts, _ = csv_io.read_csv(path)
    mentor = next(c for c in parts["cards"] if c["id"] == "mentor")
    assert mentor["personal"] == {"groei": 2} and "copies" not in mentor and "image" not in mentor


def test_every_problem_in_a_csv_is_reported_with_its_row_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "deck.csv"
    csv_io.write_csv(rich_deck(), path)
    text = path.read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    lines[0] = lines[0] + ",hour"
    text = "\r\n".join(lines).replace("need:zorg=+1,welvaart=-1", "need:zorg=veel").replace(",24,", ",vierentwintig,", 1)
    path.write_bytes(text.encode("utf-8"))
    assert main(["deck", "from-csv", str(path), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "unknown column 'hour'" in err
    assert "'veel' is not a number" in err
    assert "'vierentwintig' is not a number" in err
    assert f"{path}:1:" in err
    assert not (tmp_path / "out" / "deck.yaml").exists()


def test_from_csv_checks_the_deck_it_writes(tmp_path, capsys):
    path = tmp_path / "deck.csv"
    csv_io.write_csv(rich_deck(), path)
    text = path.read_text(encoding="utf-8-sig").replace("add:mentor", "add:bestaat-niet")
    path.write_text(text, encoding="utf-8")
    assert main(["deck", "from-csv", str(path), str(tmp_path / "out")]) == 1
    assert "bestaat-niet" in capsys.readouterr().err


def test_from_csv_does_not_overwrite_a_deck_without_force(tmp_path):
    path = tmp_path / "deck.csv"
    csv_io.write_csv(rich_deck(), path)
    assert main(["deck", "from-csv", str(path), str(tmp_path / "out")]) == 0
    assert main(["deck", "from-csv", str(path), str(tmp_path / "out")]) == 2
    assert main(["deck", "from-csv", str(path), str(tmp_path / "out"), "--force"]) == 0
