"""Card images from strangers: a decompression bomb or a hostile SVG is a deck error, never a crash."""

from .conftest import VALID_DECK, only, png_header

def test_a_png_that_claims_huge_dimensions_is_refused(make_deck):
    deck = make_deck(image=False, files={"nurse.png": png_header(100_000, 100_000)})
    problem = only(deck.errors(), key="image")
    assert "100000×100000" in problem.message


def test_a_file_called_png_that_is_not_a_png_is_refused(make_deck):
    deck = make_deck(image=False, files={"nurse.png": b"GIF89a not a png at all"})
    assert "not a valid PNG" in only(deck.errors(), key="image").message


def test_a_huge_image_file_is_refused_without_reading_it(make_deck):
    deck = make_deck(image=False, files={"nurse.png": png_header(10, 10) + b"\0" * (3 * 1024 * 1024)})
    assert "at most" in only(deck.errors(), key="image").message


def svg_deck(make_deck, svg: bytes):
    return make_deck(VALID_DECK.replace("image: nurse.png", "image: nurse.svg"), files={"nurse.svg": svg})


def test_a_valid_svg_is_accepted(make_deck):
    deck = svg_deck(make_deck, b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"/>')
    assert deck.errors() == []


def test_an_svg_with_entities_is_refused_before_it_can_expand(make_deck):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><svg>&lol2;</svg>')
    assert "entities" in only(svg_deck(make_deck, bomb).errors(), key="image").message


def test_a_malformed_svg_is_refused(make_deck):
    assert "not a valid SVG" in only(svg_deck(make_deck, b"<svg><g></svg>").errors(), key="image").message


def test_an_svg_that_claims_a_huge_size_is_refused(make_deck):
    deck = svg_deck(make_deck, b'<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="10"/>')
    assert "width" in only(deck.errors(), key="image").message


def test_an_svg_over_the_size_limit_is_refused(make_deck):
    big = b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g/>" * 300_000 + b"</svg>"
    assert "at most" in only(svg_deck(make_deck, big).errors(), key="image").message
