"""The handout: real text a participant can read, in Dutch with ĳ, one or two pages per player."""

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from game.core.deck import COMPETENCES
from game.export import build_pdf, reflection_prompts, save_pdf, discussion_prompts
from game.export.words import score
from game.i18n import t
from tests.export.helpers import builtin_class_deck, finished


def text_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def table_game():
    return finished(["Bĳna Ĳsbrand", "Anna de Vries", "Chloë"], seed=3)


@pytest.fixture(scope="module")
def table_pages(table_game):
    deck, _, summary = table_game
    return text_of(build_pdf(deck, summary, "nl"))


def test_the_handout_names_the_player_with_dutch_ij_intact(table_pages):
    assert "Bĳna Ĳsbrand" in table_pages[0]


def test_the_handout_shows_both_fits_and_the_quadrant(table_game, table_pages):
    deck, _, summary = table_game
    player = summary.players[0]
    page = table_pages[0]
    assert t("nl", "export.personal_fit") in page and t("nl", "export.social_fit") in page
    assert score(player.personal_fit) in page and score(player.social_fit) in page
    assert deck.quadrants[player.quadrant].get("nl") in page


def test_the_handout_says_it_is_a_mirror_not_a_test(table_pages):
    mirror = t("nl", "summary.mirror")
    assert all(mirror in "".join(table_pages[i:i + 2]) for i in (0, 2, 4))


def test_each_player_gets_two_pages_and_a_table_gets_one_more(table_pages):
    assert len(table_pages) == 3 * 2 + 1
    assert t("nl", "export.table_title") in table_pages[-1]


def test_the_table_page_names_the_needs_nobody_serves(table_game, table_pages):
    _, _, summary = table_game
    assert summary.table.uncovered, "the test game should leave a need uncovered"
    assert "Hier zorgt niemand aan tafel voor: welvaart" in table_pages[-1].replace("\n", " ")


def test_the_handout_lists_the_mix_with_hours_and_the_next_step(table_game, table_pages):
    deck, _, summary = table_game
    second = table_pages[1].replace("\n", " ")
    for card_id, hours in summary.players[0].mix:
        assert deck.card(card_id).title.get("nl") in second
    assert t("nl", "export.next_step") in second


def test_a_solo_handout_has_no_table_page_and_shows_the_advice():
    deck, _, summary = finished(["Solo"], seed=1)
    pages = text_of(build_pdf(deck, summary, "nl"))
    assert len(pages) == 2
    assert "De adviseur raadde" in pages[1]


def test_an_english_handout_speaks_english(table_game):
    deck, _, summary = table_game
    pages = text_of(build_pdf(deck, summary, "en"))
    assert t("en", "export.personal_fit") in pages[0] and t("en", "summary.mirror") in "".join(pages[:2])


@pytest.mark.parametrize("names", [["", " "], ["W" * 400, "李雷 Зоя 🙂"]])
def test_empty_and_very_long_names_still_give_a_handout(tmp_path, names):
    deck, _, summary = finished(names, seed=2)
    path = save_pdf(deck, summary, tmp_path, "nl")
    assert path.exists() and path.suffix == ".pdf"
    assert len(PdfReader(path).pages) == 5


def test_typed_answers_appear_on_the_handout():
    import dataclasses

    deck, _, summary = finished(["Solo"], seed=1)
    player = dataclasses.replace(summary.players[0], answers=({"round": 1, "prompt": "p-reflectie-reflect",
                                                               "text": "Ik wil meer buiten werken."},))
    summary = dataclasses.replace(summary, players=(player,))
    assert "Ik wil meer buiten werken." in text_of(build_pdf(deck, summary, "nl"))[1]


QUADRANT_FIRST = {"high_low": {"exploratie", "netwerken"}, "low_high": {"reflectie"},
                  "low_low": {"exploratie"}, "high_high": {"sturing"}}


@pytest.mark.parametrize("quadrant", sorted(QUADRANT_FIRST))
def test_reflection_questions_follow_where_the_player_ended(quadrant):
    import dataclasses

    deck, _, summary = finished(["Solo"], seed=1)
    player = dataclasses.replace(summary.players[0], quadrant=quadrant)
    questions = reflection_prompts(deck, player)
    assert len(questions) == 3
    assert questions[0].competence in QUADRANT_FIRST[quadrant]
    assert {q.competence for q in questions} <= set(COMPETENCES)
    assert reflection_prompts(deck, player) == questions  # always the same choice


def test_discussion_questions_are_two_prompts_meant_for_the_table(table_game):
    deck, _, summary = table_game
    questions = discussion_prompts(deck, summary)
    assert len(questions) == 2 and all(q.phase == "discuss" for q in questions)


def test_the_handout_of_the_builtin_class_deck_reads_in_black_and_white(tmp_path):
    deck = builtin_class_deck()
    from game.core import summarize
    from game.core.bots import play_game

    state = play_game(deck, ["Bĳna Ĳsbrand", "Eva"], ["personal", "social"], seed=3)
    path = save_pdf(deck, summarize(deck, state), tmp_path, "nl")
    pages = [p.extract_text() for p in PdfReader(path).pages]
    assert "Bĳna Ĳsbrand" in pages[0] and len(pages) == 5
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", "-png", str(path),
                        str(tmp_path / "page")], check=True)
        assert list(tmp_path.glob("page*.png"))


def test_a_name_in_a_script_the_font_cannot_draw_shows_boxes_not_nothing(tmp_path):
    from game.export.pdf import MISSING_GLYPH

    deck, state, summary = finished(["王小明 🎉", "Bĳna"], seed=3)
    path = save_pdf(deck, summary, tmp_path, "nl")
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert MISSING_GLYPH * 3 in text  # three characters DejaVu has no glyph for
    assert "Bĳna" in text
