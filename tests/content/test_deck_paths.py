"""include and image paths are relative, stay inside the deck folder (also through symlinks), and exist."""

import os

import pytest

from game.content import load_deck


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/etc/passwd", "is an absolute path"),
        ("../outside.yaml", "leaves the deck folder"),
        ("sub/../../outside.yaml", "leaves the deck folder"),
        ("missing.yaml", "does not exist in the deck folder"),
    ],
)
def test_include_paths_are_relative_inside_and_exist(make_deck, variant, the, path, expected):
    deck = make_deck(variant("hand_size: 3\n", f'hand_size: 3\ninclude: [more.yaml, "{path}"]\n'),
                     {"more.yaml": "cards: []\n"})
    p = the(deck.errors(), key="include[1]")
    assert (p.line, p.column) == (deck.line("include:"), deck.column(f'"{path}"')) and expected in p.message


def test_an_include_through_a_symlink_out_of_the_folder_is_an_error(make_deck, variant, the, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("cards: []\n")
    deck = make_deck(variant("hand_size: 3\n", "hand_size: 3\ninclude: [link.yaml]\n"))
    os.symlink(outside, deck.path / "link.yaml")
    assert "points outside the deck folder" in the(deck.errors(), key="include[0]").message


def test_an_include_inside_a_subfolder_is_fine(make_deck, variant):
    deck = make_deck(variant("hand_size: 3\n", "hand_size: 3\ninclude: [sub/more.yaml]\n"),
                     {"sub/more.yaml": "cards:\n  - {id: extra, type: role, title: {nl: E, en: E}, hours: 1, personal: {rust: 1}}\n"})
    assert load_deck(deck.path).has_card("extra")


@pytest.mark.parametrize(
    "image, expected",
    [
        ("/tmp/x.png", "is an absolute path"),
        ("../x.png", "leaves the deck folder"),
        ("gone.png", "does not exist"),
        ("nurse.jpg", "is not a .png or .svg file"),
    ],
)
def test_image_paths_are_png_or_svg_inside_the_folder(make_deck, variant, the, image, expected):
    deck = make_deck(variant("image: nurse.png", f"image: {image}"))
    p = the(deck.errors(), section="card verpleegkundige", key="image")
    assert p.line == deck.line("image:") and expected in p.message


def test_an_image_symlinked_out_of_the_folder_is_an_error(make_deck, variant, the, tmp_path):
    (tmp_path / "secret.png").write_bytes(b"x")
    deck = make_deck(image=False)
    os.symlink(tmp_path / "secret.png", deck.path / "nurse.png")
    assert "points outside the deck folder" in the(deck.errors(), key="image").message


def test_problems_in_an_included_file_name_that_file(make_deck, variant, the):
    deck = make_deck(variant("hand_size: 3\n", "hand_size: 3\ninclude: [more.yaml]\n"),
                     {"more.yaml": "cards:\n  - id: extra\n    type: role\n    title: {nl: E, en: E}\n    hour: 3\n"})
    p = the(deck.errors(), key="hour")
    assert (p.file, p.line, p.column, p.section) == (deck.file("more.yaml"), 5, 5, "card extra")
