"""Every text colour is readable on every background it is drawn on (WCAG AA, 4.5:1), in every theme;
focus ring, selection and chart lines stand out at 3:1; the chart palette is Okabe-Ito."""

import json

import pytest

from game.paths import assets_dir

THEME = json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]


def rgb(colour: str) -> tuple[int, int, int]:
    h = colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def relative_luminance(colour) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (rgb(colour) if isinstance(colour, str) else colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def background(theme: dict, name: str, shade=None):
    """The background colour, with a translucent shade (name, alpha 0-255) drawn over it first."""
    base = rgb(theme[name])
    if not shade:
        return base
    over, alpha = rgb(theme[shade[0]]), shade[1] / 255
    return tuple(round(o * alpha + b * (1 - alpha)) for o, b in zip(over, base))


def ratios(theme_name: str, pairs_key: str):
    theme = THEME["themes"][theme_name]
    for pair in THEME[pairs_key]:
        fg, bg = pair[0], pair[1]
        shade = pair[2] if len(pair) > 2 else None
        yield f"{fg} on {bg}{' shaded' if shade else ''}", contrast(theme[fg], background(theme, bg, shade))


def test_the_contrast_formula_matches_wcag_examples():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


@pytest.mark.parametrize("theme_name", sorted(THEME["themes"]))
def test_every_text_colour_is_readable_on_every_background_it_is_drawn_on(theme_name):
    weak = {name: round(r, 2) for name, r in ratios(theme_name, "text_pairs") if r < 4.5}
    assert not weak, f"{theme_name}: below 4.5:1: {weak}"


@pytest.mark.parametrize("theme_name", sorted(THEME["themes"]))
def test_focus_ring_selection_and_chart_lines_stand_out(theme_name):
    weak = {name: round(r, 2) for name, r in ratios(theme_name, "ui_pairs") if r < 3.0}
    assert not weak, f"{theme_name}: below 3:1: {weak}"


def test_every_colour_named_in_a_pair_exists_in_every_theme():
    for theme_name, theme in THEME["themes"].items():
        for pair in THEME["text_pairs"] + THEME["ui_pairs"]:
            names = [pair[0], pair[1]] + ([pair[2][0]] if len(pair) > 2 else [])
            missing = [n for n in names if n not in theme]
            assert not missing, f"{theme_name} lacks {missing}"
    assert set(THEME["themes"]["normal"]) == set(THEME["themes"]["high_contrast"])


def test_charts_use_the_okabe_ito_palette_and_markers_differ_in_shape():
    assert [c.upper() for c in THEME["okabe_ito"]] == OKABE_ITO
    markers = THEME["player_markers"]
    assert len(markers) == len(set(markers)) >= 6, "six players, six shapes: never colour alone"


def weakest(theme_name: str, n: int = 3):
    return sorted(ratios(theme_name, "text_pairs"), key=lambda x: x[1])[:n]


if __name__ == "__main__":  # python -m tests.ui.test_accessibility_contrast: the weakest pairs
    for name in THEME["themes"]:
        print(name, [(p, round(r, 2)) for p, r in weakest(name, 5)])
