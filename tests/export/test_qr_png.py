"""The QR code carries a short text exactly; the PNG card is one image per player, without pygame."""

import shutil
from datetime import date
import subprocess
import sys

import pytest
from PIL import Image

from game.export import qr_modules, qr_text, save_png
from game.export.qr import QR_MAX_BYTES, make_qr
from game.export.words import score
from tests.export.helpers import finished


def decode(png_path) -> str:
    """The text of the one QR code in an image, read by zbarimg (Debian's zbar-tools; CI installs it)."""
    assert shutil.which("zbarimg"), "zbarimg is missing: install zbar-tools (apt-get install zbar-tools)"
    out = subprocess.run(["zbarimg", "-q", "--raw", "-Sbinary", str(png_path)], capture_output=True, check=False)
    return out.stdout.decode("utf-8").removesuffix("\n")


@pytest.mark.parametrize("names", [["Bĳna Ĳsbrand", "Eva"], ["N" * 300, "🙂" * 50], ["", "x"]])
def test_the_qr_code_is_a_calendar_entry_with_the_step_and_both_fits(names):
    deck, _, summary = finished(names, seed=4)
    for i, player in enumerate(summary.players):
        text = qr_text(deck, summary, i, "nl", date(2026, 3, 2))
        assert len(text.encode("utf-8")) <= QR_MAX_BYTES
        lines = text.split("\n")
        assert lines[0] == "BEGIN:VEVENT" and lines[-1] == "END:VEVENT"
        assert "DTSTART;VALUE=DATE:20260309" in lines, "a week after the game"
        assert lines[1].startswith("SUMMARY:Stap: ")
        assert f"zin {score(player.personal_fit)} · zinvol {score(player.social_fit)}" in text
        assert not (player.name.strip() and player.name[:8] in text), "the name stays on the paper"


def test_qr_modules_are_a_square_of_booleans():
    rows = qr_modules("Bĳna Ĳsbrand zin 60")
    assert len(rows) == len(rows[0]) and all(isinstance(m, bool) for r in rows for m in r)
    assert any(any(r) for r in rows)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_qr_code_of_every_deck_is_version_6_at_most(lang):
    from game.content import builtin_deck_paths, load_deck
    from game.core import summarize
    from game.core.bots import play_game

    for path in builtin_deck_paths():
        deck = load_deck(path)
        state = play_game(deck, [f"P{i}" for i in range(6)], ["social", "personal", "balanced", "random"] * 2,
                          seed=5, rounds=4)
        summary = summarize(deck, state)
        for i in range(6):
            assert make_qr(qr_text(deck, summary, i, lang)).version <= 6, (deck.id, i)


def test_the_qr_code_decodes_to_exactly_the_qr_text(tmp_path):
    deck, _, summary = finished(["Bĳna Ĳsbrand", "Chloë"], seed=4)
    text = qr_text(deck, summary, 0, "nl")
    path = tmp_path / "qr.png"
    make_qr(text).save(str(path), scale=6)
    assert decode(path) == text


def test_the_qr_code_printed_on_the_handout_has_big_modules_and_decodes_at_100_dpi(tmp_path):
    assert shutil.which("pdftoppm"), "pdftoppm is missing: install poppler-utils"
    from game.export import save_pdf
    from game.export.pdf import QR_MODULE_MM

    assert QR_MODULE_MM >= 0.8
    deck, _, summary = finished(["Bĳna Ĳsbrand", "Chloë"], seed=4)
    pdf = save_pdf(deck, summary, tmp_path, "nl")
    subprocess.run(["pdftoppm", "-gray", "-r", "100", "-f", "2", "-l", "2", "-png", str(pdf),
                    str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    assert decode(page).startswith("BEGIN:VEVENT\nSUMMARY:Stap: ")
    assert "zin " in decode(page)


def test_the_summary_card_carries_the_qr_code_too(tmp_path):
    deck, _, summary = finished(["Bĳna Ĳsbrand", "Chloë"], seed=4)
    paths = save_png(deck, summary, tmp_path, "en")
    assert decode(paths[1]) == qr_text(deck, summary, 1, "en")


def test_each_player_gets_a_1200_by_675_summary_card(tmp_path):
    deck, _, summary = finished(["Bĳna Ĳsbrand", "Chloë", "W" * 200], seed=4)
    paths = save_png(deck, summary, tmp_path, "nl")
    assert len(paths) == 3
    for path in paths:
        with Image.open(path) as image:
            assert image.size == (1200, 675)


def test_exporting_loads_no_pygame(tmp_path):
    code = ("import sys; import game.core, game.content, game.session, game.export;"
            "from tests.export.helpers import finished; from game.export import save_png, save_pdf;"
            f"d, s, m = finished(['A', 'B']); save_png(d, m, {str(tmp_path)!r}, 'nl');"
            f"save_pdf(d, m, {str(tmp_path)!r}, 'nl');"
            "assert 'pygame' not in sys.modules, 'pygame was imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(__import__("pathlib").Path(__file__).parents[2]))


def test_both_languages_have_the_same_export_keys_and_placeholders():
    import json
    from pathlib import Path

    from game.i18n import placeholders

    root = Path(__file__).parents[2] / "assets" / "strings"
    nl = json.loads((root / "nl" / "export.json").read_text(encoding="utf-8"))
    en = json.loads((root / "en" / "export.json").read_text(encoding="utf-8"))
    assert set(nl) == set(en)
    for key in nl:
        assert placeholders(nl[key]) == placeholders(en[key]), key
