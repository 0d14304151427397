"""The workshop report: a room full of results in one PDF, each game once, junk skipped with a reason."""

import dataclasses
import json
import shutil

import pytest
from PIL import Image
from pypdf import PdfReader

from game.__main__ import main
from game.core import summarize
from game.core.bots import play_game
from game.export import build_result, save_result
from game.export.report import gather
from tests.export.helpers import STYLES, export_deck, setup_of

GAMES = 200


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """200 results of varied games in nested folders, copies of some, and files that are not results."""
    root = tmp_path_factory.mktemp("room")
    deck = export_deck()
    for i in range(GAMES):
        n = 1 + i % 4
        names = [f"Deelnemer {i}-{k}" for k in range(n)]
        if i == 0:
            names = ["Bĳna Ĳsbrand", "Eva"]
        styles = STYLES[i % 4:] + STYLES[:i % 4]
        state = play_game(deck, names, styles, seed=i, rounds=3 + i % 2)
        folder = root / f"tafel{i % 7}"
        if i < 10:
            save_result(deck, summarize(deck, state), state.log, setup_of(state), folder)
        else:  # the same content without an fsync per file, to keep the test quick
            data = build_result(deck, summarize(deck, state), state.log, setup_of(state))
            folder.mkdir(exist_ok=True)
            (folder / f"result-{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    first = sorted((root / "tafel0").glob("*.json"))[:3]
    for k, path in enumerate(first):  # the same games copied into another folder
        (root / "kopie").mkdir(exist_ok=True)
        shutil.copy(path, root / "kopie" / f"kopie-{k}.json")
    (root / "junk").mkdir()
    (root / "junk" / "notes.json").write_text("{ this is not json", encoding="utf-8")
    (root / "junk" / "save.json").write_text(json.dumps({"format": "breder-belang-boost/save"}), encoding="utf-8")
    with open(root / "junk" / "huge.json", "wb") as handle:
        handle.truncate(40 * 1024 * 1024)
    # one game of another version of the deck
    other = dataclasses.replace(deck, version="2")
    state = play_game(other, ["Ander", "Deck"], "balanced", seed=1)
    save_result(other, summarize(other, state), state.log, setup_of(state), root / "andere-versie")
    return root


def test_each_game_counts_once_and_a_damaged_result_is_skipped_with_a_reason(room):
    lines = []
    gathered = gather([room], lines.append)
    main_group = gathered.groups[0]
    assert len(main_group.results) == GAMES
    assert gathered.duplicates == 3
    assert len(gathered.skipped) == 2
    assert len(lines) == 2 and all(line.startswith("skipped ") for line in lines)
    assert any("notes.json: not JSON" in line for line in lines)
    assert any("huge.json: larger than 32 MiB" in line for line in lines)
    assert [p.name for p in gathered.not_results] == ["save.json"], "a file of another kind passes quietly"


def test_another_deck_version_is_reported_apart(room):
    gathered = gather([room])
    assert [(g.version, len(g.results)) for g in gathered.groups] == [("t", GAMES), ("2", 1)]


def test_the_report_command_writes_a_pdf_and_the_chart_png(room, tmp_path, capsys):
    out = tmp_path / "verslag" / "REPORT.pdf"
    assert main(["report", str(room), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("skipped ") == 3
    assert "skipped 1 file(s) that are not results (save.json)" in captured.err
    assert "200 result(s)" not in captured.out and "201 result(s)" in captured.out
    text = " ".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", " ")
    assert "Workshopverslag" in text
    assert "Meest gekozen kaarten" in text and "Minst gekozen kaarten" in text
    assert "Wat de hele zaal bijdraagt aan de samenleving" in text
    assert "Let op: er zijn uitslagen van 2 verschillende decks of versies" in text
    assert "Te veel deelnemers om namen te tonen." in text
    with Image.open(out.with_suffix(".png")) as image:
        assert image.size == (1000, 1000)
    assert (tmp_path / "verslag" / "REPORT-2.png").exists()


def test_a_small_group_is_shown_by_name_and_anonymous_leaves_names_out(tmp_path):
    deck = export_deck()
    state = play_game(deck, ["Bĳna Ĳsbrand", "Eva"], "balanced", seed=3)
    save_result(deck, summarize(deck, state), state.log, setup_of(state), tmp_path / "in")
    named, anonymous = tmp_path / "named.pdf", tmp_path / "anon.pdf"
    assert main(["report", str(tmp_path / "in"), "--out", str(named)]) == 0
    assert main(["report", str(tmp_path / "in"), "--out", str(anonymous), "--anonymous"]) == 0
    assert "Bĳna Ĳsbrand" in "".join(p.extract_text() for p in PdfReader(named).pages)
    anon_text = "".join(p.extract_text() for p in PdfReader(anonymous).pages)
    assert "Bĳna" not in anon_text and "Eva" not in anon_text and "Namen weggelaten." in anon_text


def test_no_results_at_all_is_an_error_not_an_empty_report(tmp_path, capsys):
    (tmp_path / "x.json").write_text("[]", encoding="utf-8")
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "r.pdf")]) == 1
    assert not (tmp_path / "r.pdf").exists()
    assert "nothing to report" in capsys.readouterr().err


def test_the_folder_above_the_results_gives_one_line_for_all_other_files(tmp_path, capsys):
    deck = export_deck()
    for table in range(4):  # four laptops, each with its data folder copied
        data = tmp_path / f"laptop{table}"
        state = play_game(deck, [f"T{table}", "Eva"], "balanced", seed=table)
        save_result(deck, summarize(deck, state), state.log, setup_of(state), data / "results")
        (data / "autosave.json").write_text(json.dumps({"format": "breder-belang-boost/save", "version": 1}))
        (data / "settings.json").write_text(json.dumps({"lang": "nl"}))
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "r.pdf")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["skipped 8 file(s) that are not results (autosave.json, settings.json)"]


def _labelled(deck, names, seed, lang, folder):
    state = play_game(deck, names, "balanced", seed=seed)
    setup = {**setup_of(state), "lang": lang}
    return save_result(deck, summarize(deck, state), state.log, setup, folder)


def _titles(path):
    return " ".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", " ")


def test_a_report_speaks_one_language_whatever_order_the_games_come_in(tmp_path):
    from game.content import find_deck, load_deck

    deck = load_deck(find_deck("lob-klas"))
    dutch = _labelled(deck, ["Sam", "Eva"], 1, "nl", tmp_path / "nl")
    english = _labelled(deck, ["Kim", "Bo"], 2, "en", tmp_path / "en")
    role = next(c for c in deck.cards_of("role") if c.title.get("nl") != c.title.get("en"))
    texts = {}
    for lang in ("nl", "en"):
        for order in ((dutch, english), (english, dutch)):
            out = tmp_path / f"{lang}-{order[0].parent.name}.pdf"
            assert main(["report", *map(str, order), "--out", str(out), "--lang", lang]) == 0
            texts[lang, order[0].parent.name] = _titles(out)
    assert texts["nl", "nl"].count(role.title.get("nl")) == texts["nl", "en"].count(role.title.get("nl"))
    for lang, other in (("nl", "en"), ("en", "nl")):
        for first in ("nl", "en"):
            text = texts[lang, first]
            assert deck.title.get(lang) in text and deck.title.get(other) not in text
            assert deck.personal[0].name.get(lang) in text and deck.personal[0].name.get(other) not in text
