"""Print and play: `bbb deck print` makes A4 sheets of every card at poker size, nine a page, with
crop marks and backs, then a poster, a values sheet and a rule sheet — for every built-in deck and
for a facilitator's own; a card with too much text is named and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from game.__main__ import main
from game.content import builtin_deck_paths, load_deck
from game.export.card_face import deck_faces
from game.export.print_deck import CARD_H, CARD_W, COLS, CROP_LEN, PER_SHEET, ROWS, _slot, print_deck
from game.i18n import t

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)

OWN_DECK = """\
format: 1
id: eigen-spel
title: {nl: "Ons eigen spel", en: "Our own game"}
languages: [nl, en]
hand_size: 3
market_size: 2
tags:
  zorg: {nl: "Zorgwerk", en: "Care work"}
  buurt: {nl: "In de buurt", en: "In the neighbourhood"}
dimensions:
  personal:
    - {id: plezier, name: {nl: Plezier, en: Fun}}
    - {id: groei, name: {nl: Groei, en: Growth}, icon: rocket}
    - {id: rust, name: {nl: Rust, en: Rest}}
  social:
    - {id: zorg, name: {nl: Zorg, en: Care}, need: 4}
    - {id: natuur, name: {nl: Natuur, en: Nature}, need: 2}
    - {id: kunst, name: {nl: Kunst, en: Art}, need: 3}
cards:
  - {id: verpleger, type: role, icon: stethoscope, title: {nl: Verpleger, en: Nurse}, tags: [zorg], hours: 32, copies: 2, personal: {plezier: 1, groei: 2, rust: -2}, social: {zorg: 3}}
  - {id: boswachter, type: role, title: {nl: Boswachter, en: Ranger}, hours: 24, personal: {plezier: 2}, social: {natuur: 2}}
  - {id: muzikant, type: role, title: {nl: Muzikant, en: Musician}, tags: [buurt], hours: 20, personal: {plezier: 3, rust: -1}, social: {kunst: 2}}
  - {id: kok, type: role, title: {nl: Kok, en: Cook}, hours: 30, personal: {plezier: 1}}
  - {id: buurthuis, type: task, title: {nl: Buurthuis, en: Community centre}, tags: [buurt], hours: 4, requires: [zorg], social: {zorg: 1, kunst: 1}}
  - id: actie
    type: task
    title: {nl: Actiegroep betere zorg, en: Campaign for better care}
    tags: [buurt]
    hours: 3
    personal: {groei: 1}
    social: {zorg: 1}
    on_play: [{offer: {tag: zorg, personal: {rust: 1}}}]
  - {id: e1, type: event, title: {nl: Vergrijzing, en: Ageing}, text: {nl: Meer ouderen., en: More older people.}, effects: [{need: {zorg: 1}}]}
  - {id: e2, type: event, title: {nl: Storm, en: Storm}, text: {nl: Het waait., en: It is windy.}, effects: [{hours: -4}]}
  - {id: e3, type: event, title: {nl: Subsidie, en: Grant}, text: {nl: Geld., en: Money.}, effects: [{offer: {tag: buurt, social: {kunst: 1}}}]}
  - {id: e4, type: event, title: {nl: Droogte, en: Drought}, text: {nl: Droog., en: Dry.}, effects: [{need: {natuur: 1}}]}
  - {id: e5, type: event, title: {nl: Festival, en: Festival}, text: {nl: Feest., en: Party.}, effects: [{need: {kunst: 1}}]}
  - {id: e6, type: event, title: {nl: Rust, en: Calm}, text: {nl: Stil., en: Quiet.}, effects: [{need: {zorg: -1}}]}
  - id: d1
    type: dilemma
    title: {nl: Help je mee?, en: Will you help?}
    text: {nl: De buurt vraagt hulp., en: The neighbourhood asks for help.}
    options:
      - {label: {nl: Ja, en: "Yes"}, effects: [{add: buurthuis}]}
      - {label: {nl: Nee, en: "No"}, effects: [{hours: 2, who: current}]}
  - {id: p1, type: prompt, competence: reflectie, title: {nl: Terug, en: Back}, text: {nl: Wat gaf energie?, en: What gave energy?}}
  - {id: p2, type: prompt, competence: exploratie, title: {nl: Vooruit, en: Ahead}, text: {nl: Wat wil je proberen?, en: What will you try?}}
  - {id: p3, type: prompt, competence: sturing, title: {nl: Stap, en: Step}, text: {nl: Wat is je stap?, en: What is your step?}}
  - {id: p4, type: prompt, competence: netwerken, title: {nl: Wie, en: Who}, text: {nl: Wie helpt?, en: Who helps?}}
combos:
  - {id: zorgbuurt, title: {nl: Zorg in de buurt, en: Care nearby}, needs: [verpleger, "tag:buurt"], bonus: {social: {zorg: 1}}}
"""


@pytest.fixture
def own_deck(tmp_path) -> Path:
    folder = tmp_path / "eigen-spel"
    folder.mkdir()
    (folder / "deck.yaml").write_text(OWN_DECK, encoding="utf-8")
    return folder


def crop_marks(page) -> tuple[list[float], list[float]]:
    """x of the vertical crop marks and y of the horizontal ones, in mm, from the page's drawing."""
    ops = ContentStream(page.get_contents(), page.pdf).operations
    xs, ys = [], []
    start = None
    for operands, op in ops:
        if op == b"m":
            start = [float(v) for v in operands]
        elif op == b"l" and start:
            x2, y2 = (float(v) for v in operands)
            length = abs(x2 - start[0]) + abs(y2 - start[1])
            if abs(length - CROP_LEN * MM) < 0.5:
                if abs(x2 - start[0]) < 0.01:
                    xs.append(round(x2 / MM, 2))
                else:
                    ys.append(round(y2 / MM, 2))
            start = None
    return sorted(xs), sorted(ys)


def labels_on(text: str, lang: str) -> int:
    """How many card type labels (ROL, TAAK, ...) a page shows: one on every face and every back."""
    kinds = [t(lang, f"face.type.{k}").upper() for k in ("role", "task", "event", "dilemma", "prompt", "combo")]
    return sum(len(re.findall(rf"\b{re.escape(k)}\b", text)) for k in kinds)


def run_print(*args) -> int:
    return main(["deck", "print", *args])


# ------------------------------------------------------------------------------ a facilitator's own deck
def test_a_facilitators_own_deck_prints_every_card_nine_to_an_a4_sheet(own_deck, tmp_path, capsys):
    out = tmp_path / "kaarten.pdf"
    assert run_print(str(own_deck), "--out", str(out)) == 0
    deck = load_deck(own_deck)
    cards = len(deck_faces(deck, "nl", with_copies=True))
    assert cards == 19  # 17 cards, one of them twice, and a combination
    sheets = -(-cards // PER_SHEET)
    reader = PdfReader(out)
    assert len(reader.pages) == sheets * 2 + 3  # faces and backs, poster, values sheet, rules
    pages = list(reader.pages)
    fronts = pages[0:sheets * 2:2]
    backs = pages[1:sheets * 2:2]
    for page in fronts + backs:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
    counts = [labels_on(p.extract_text(), "nl") for p in fronts]
    assert counts == [9, 9, 1]
    assert [labels_on(p.extract_text(), "nl") for p in backs] == [9, 9, 1]
    assert "eigen-spel" not in capsys.readouterr().err


def test_cards_are_poker_size_between_crop_marks(own_deck, tmp_path):
    out = tmp_path / "kaarten.pdf"
    assert run_print(str(own_deck), "--out", str(out)) == 0
    page = PdfReader(out).pages[0]
    xs, ys = crop_marks(page)
    assert xs[::2] == xs[1::2] and ys[::2] == ys[1::2], "a mark at both ends of every cut"
    xs, ys = xs[::2], ys[::2]
    assert len(xs) == COLS + 1 and len(ys) == ROWS + 1
    assert [round(b - a, 1) for a, b in zip(xs, xs[1:])] == [CARD_W] * COLS
    assert [round(b - a, 1) for a, b in zip(ys, ys[1:])] == [CARD_H] * ROWS


def test_the_faces_show_tag_names_effects_and_values_of_the_own_deck(own_deck, tmp_path):
    out = tmp_path / "kaarten.pdf"
    assert run_print(str(own_deck), "--out", str(out), "--lang", "en") == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Care work" in text and "In the neighbourhood" in text
    assert t("en", "face.on_play") in text
    assert "Community centre joins your week" in text
    assert "Rest −2" not in text and "−2" in text  # a pip is an icon and a number, named in the legend
    for name in ("Fun", "Growth", "Rest", "Care", "Nature", "Art"):
        assert name in text, "the rule sheet's legend names every value"


def test_backs_are_mirrored_for_double_sided_printing_on_the_long_edge():
    for i in range(PER_SHEET):
        front_x, front_y = _slot(i, False)
        back_x, back_y = _slot(i, True)
        assert back_y == front_y
        assert back_x == pytest.approx(210 - front_x - CARD_W)


def test_without_backs_only_the_faces_and_the_three_sheets_are_printed(own_deck, tmp_path):
    out = tmp_path / "kaarten.pdf"
    assert run_print(str(own_deck), "--out", str(out), "--no-backs") == 0
    assert len(PdfReader(out).pages) == 3 + 3


def test_a_card_with_too_much_text_is_named_and_nothing_is_written(own_deck, tmp_path, capsys):
    story = " ".join(["De buurt vraagt of je een handje helpt."] * 9)  # 359 characters, within the format
    option = "Ja, ik help elke week een paar uur mee in het buurthuis, ook in de vakanties en op feestdagen"
    yaml = OWN_DECK.replace("text: {nl: De buurt vraagt hulp., en: The neighbourhood asks for help.}",
                            f"text: {{nl: \"{story}\", en: The neighbourhood asks for help.}}")
    yaml = yaml.replace("- {label: {nl: Ja, en: \"Yes\"}", f"- {{label: {{nl: \"{option}\", en: \"Yes\"}}")
    (own_deck / "deck.yaml").write_text(yaml, encoding="utf-8")
    out = tmp_path / "kaarten.pdf"
    assert run_print(str(own_deck), "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "Help je mee? (d1)" in err
    assert "Verpleger" not in err, "only the cards that are too long are named"
    assert t("nl", "print.nothing_written", count=1) in err
    assert not out.exists()
    assert run_print(str(own_deck), "--out", str(out), "--lang", "en") == 0, "the English cards are short enough"


def test_a_deck_that_does_not_load_gives_its_problems_and_exit_1(tmp_path, capsys):
    folder = tmp_path / "kapot"
    folder.mkdir()
    (folder / "deck.yaml").write_text("format: 1\nid: kapot\n", encoding="utf-8")
    assert run_print(str(folder), "--out", str(tmp_path / "x.pdf")) == 1
    assert "deck.yaml" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_the_out_file_gets_the_pdf_extension(own_deck, tmp_path):
    assert run_print(str(own_deck), "--out", str(tmp_path / "kaarten")) == 0
    assert (tmp_path / "kaarten.pdf").exists()


# ------------------------------------------------------------------------------ every built-in deck
@pytest.mark.parametrize("path", builtin_deck_paths(), ids=lambda p: p.name)
def test_every_builtin_deck_prints_in_each_of_its_languages(path, tmp_path):
    deck = load_deck(path)
    for lang in deck.languages:
        out = tmp_path / f"{deck.id}-{lang}.pdf"
        report = print_deck(deck, out, lang)
        assert not report.problems, [p.message(lang) for p in report.problems]
        cards = len(deck_faces(deck, lang, with_copies=True))
        assert report.cards == cards and report.sheets == -(-cards // PER_SHEET)
        reader = PdfReader(out)
        assert len(reader.pages) == report.sheets * 2 + 3
        first = reader.pages[0].extract_text()
        assert labels_on(first, lang) == min(PER_SHEET, cards)
