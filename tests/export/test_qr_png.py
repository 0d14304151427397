"""The QR code carries a short text exactly; the PNG card is one image per player, without pygame."""

import shutil
import subprocess
import sys

import pytest
from PIL import Image

from game.export import qr_modules, qr_text, save_png
from game.export.qr import QR_MAX_CHARS, make_qr
from game.export.words import score
from tests.export.helpers import finished


def decode(png_path) -> str | None:
    """The text of the QR code in an image, through zbarimg or pyzbar; None when neither is there."""
    if shutil.which("zbarimg"):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(png_path)], capture_output=True, check=False)
        text = out.stdout.decode("utf-8")
        return text[:-1] if text.endswith("\n") else text
    try:
        from pyzbar.pyzbar import decode as zdecode
    except ImportError:
        return None
    found = zdecode(Image.open(png_path))
    return found[0].data.decode("utf-8") if found else ""


@pytest.mark.parametrize("names", [["Bĳna Ĳsbrand", "Eva"], ["N" * 300, "🙂" * 50], ["", "x"]])
def test_the_qr_text_is_short_and_names_fits_and_step(names):
    deck, _, summary = finished(names, seed=4)
    for i, player in enumerate(summary.players):
        text = qr_text(deck, summary, i, "nl")
        assert len(text) <= QR_MAX_CHARS
        assert f"zin {score(player.personal_fit)} · zinvol {score(player.social_fit)}" in text
        assert "Stap: " in text


def test_qr_modules_are_a_square_of_booleans():
    rows = qr_modules("Bĳna Ĳsbrand zin 60")
    assert len(rows) == len(rows[0]) and all(isinstance(m, bool) for r in rows for m in r)
    assert any(any(r) for r in rows)


def test_the_qr_code_decodes_to_exactly_the_qr_text(tmp_path):
    deck, _, summary = finished(["Bĳna Ĳsbrand", "Chloë"], seed=4)
    text = qr_text(deck, summary, 0, "nl")
    path = tmp_path / "qr.png"
    make_qr(text).save(str(path), scale=6)
    decoded = decode(path)
    if decoded is None:
        pytest.skip("no QR decoder (zbarimg or pyzbar) installed")
    assert decoded == text


def test_the_qr_code_printed_on_the_handout_decodes_too(tmp_path):
    if not shutil.which("pdftoppm") or not shutil.which("zbarimg"):
        pytest.skip("needs pdftoppm and zbarimg")
    from game.export import save_pdf

    deck, _, summary = finished(["Bĳna Ĳsbrand", "Chloë"], seed=4)
    pdf = save_pdf(deck, summary, tmp_path, "nl")
    subprocess.run(["pdftoppm", "-gray", "-r", "150", "-f", "2", "-l", "2", "-png", str(pdf),
                    str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    assert decode(page) == qr_text(deck, summary, 0, "nl")


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
