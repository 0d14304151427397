"""Card faces are readable in both looks: text on every face colour at 4.5:1, marks and outlines at
3:1, every band's ink on its band, the art on its medallion; society's themes use Okabe-Ito."""

from __future__ import annotations

import json

import pytest

from game.export.card_layout import halo_colour
from game.paths import assets_dir
from tests.ui.test_accessibility_contrast import OKABE_ITO, contrast, rgb

FACES = json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))["card_faces"]
LOOKS = ("normal", "high_contrast")


def shaded(colours: dict, name: str, shade: str | None):
    """A background with a see-through colour (#rrggbbaa) drawn over it, as a dimmed card is."""
    base = rgb(colours[name])
    if not shade:
        return base
    over = colours[shade]
    alpha = int(over[7:9], 16) / 255
    return tuple(round(o * alpha + b * (1 - alpha)) for o, b in zip(rgb(over[:7]), base))


def ratios(look: str, key: str):
    colours = FACES[look]
    for pair in FACES[key]:
        fg, bg = pair[0], pair[1]
        shade = pair[2] if len(pair) > 2 else None
        yield f"{fg} on {bg}{' dimmed' if shade else ''}", contrast(colours[fg][:7], shaded(colours, bg, shade))


@pytest.mark.parametrize("look", LOOKS)
def test_every_text_colour_of_a_face_is_readable_on_what_it_is_drawn_on(look):
    weak = {name: round(r, 2) for name, r in ratios(look, "face_pairs") if r < 4.5}
    assert not weak, f"{look}: below 4.5:1: {weak}"


@pytest.mark.parametrize("look", LOOKS)
def test_marks_and_outlines_on_a_face_stand_out(look):
    weak = {name: round(r, 2) for name, r in ratios(look, "face_ui_pairs") if r < 3.0}
    assert not weak, f"{look}: below 3:1: {weak}"


def test_the_title_and_pips_on_every_band_are_readable():
    weak = {name: round(contrast(b["ink"], b["fill"]), 2) for name, b in FACES["bands"].items()
            if contrast(b["ink"], b["fill"]) < 4.5}
    assert not weak, f"band ink below 4.5:1: {weak}"


def test_the_art_stands_out_on_its_medallion():
    weak = {name: round(contrast(b["ink"], halo_colour(b["fill"], b["ink"])), 2) for name, b in FACES["bands"].items()
            if contrast(b["ink"], halo_colour(b["fill"], b["ink"])) < 3.0}
    assert not weak, f"art on its medallion below 3:1: {weak}"


def test_every_colour_named_in_a_pair_exists_in_both_looks():
    for look in LOOKS:
        for pair in FACES["face_pairs"] + FACES["face_ui_pairs"]:
            missing = [n for n in pair if n not in FACES[look]]
            assert not missing, f"{look} lacks {missing}"
    assert set(FACES["normal"]) == set(FACES["high_contrast"])


def test_society_s_themes_wear_okabe_ito_colours_and_every_theme_its_own():
    fills = [FACES["bands"][name]["fill"].upper() for name in FACES["theme_order"]]
    assert set(fills) <= set(OKABE_ITO) and len(set(fills)) == len(fills)
    assert set(FACES["theme_bands"].values()) <= set(FACES["theme_order"])
    assert len(set(FACES["theme_bands"].values())) == len(FACES["theme_bands"])


def test_every_kind_of_card_has_a_back_of_its_own_colour():
    kinds = FACES["type_bands"]
    assert set(kinds) == {"role", "task", "event", "dilemma", "prompt", "combo"}
    assert len({FACES["bands"][name]["fill"] for name in kinds.values()}) == len(kinds)
