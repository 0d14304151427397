"""The bundled icon set (Tabler Icons, outline, MIT): names, and each icon as SVG text in a colour.

One set serves the screen (pygame-ce draws SVG), the printed cards and the PDF (fpdf2 draws
SVG), so a card looks the same everywhere. The icons live in one JSON file
(`assets/icons/tabler/outline.json`, name -> the SVG elements of a 24×24 drawing) instead of
5,000 small files: one read, and a deck checker can say at once whether a name exists.
Standard library only: the rules, the checker and the exports use it without pygame.
"""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape

from .paths import assets_dir

ICON_SET = "tabler/outline.json"
VIEWBOX = 24
DEFAULT_STROKE = 2.0


@lru_cache(maxsize=1)
def _index() -> tuple[str, dict[str, tuple[int, int]]]:
    """The set's text and, per name, where its drawing stands in it. A game draws a hundred or
    so of the 5,000 icons: parsed all at once they would hold 13 MiB of lists; the text and this
    index hold about 2 MiB, and an icon is parsed when it is first drawn."""
    path = assets_dir() / "icons" / ICON_SET
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    index: dict[str, tuple[int, int]] = {}
    pos = text.index("{") + 1
    while True:
        pos = _skip(text, pos)
        if text[pos] == "}":
            return text, index
        name, pos = decoder.raw_decode(text, pos)
        pos = _skip(text, pos)
        if text[pos] != ":":
            raise ValueError(f"{ICON_SET}: ':' expected at {pos}")
        start = _skip(text, pos + 1)
        _, pos = decoder.raw_decode(text, start)  # parsed to find its end, then let go
        index[name] = (start, pos)
        pos = _skip(text, pos)
        if text[pos] == ",":
            pos += 1


def _skip(text: str, pos: int) -> int:
    while text[pos] in " \t\r\n":
        pos += 1
    return pos


def _drawing(name: str) -> list:
    text, index = _index()
    start, end = index[name]
    return json.loads(text[start:end])


def icon_names() -> frozenset[str]:
    """Every icon name a deck may use in an `icon:` key."""
    return frozenset(_index()[1])


def has_icon(name: str) -> bool:
    return name in _index()[1]


@lru_cache(maxsize=512)
def icon_svg(name: str, color: str = "#000000", stroke_width: float = DEFAULT_STROKE) -> str:
    """The icon as a complete SVG document drawn in `color` (#rrggbb); KeyError for an unknown name.

    The set draws with `currentColor`; not every SVG renderer knows it, so the colour is
    written into the document itself.
    """
    elements = []
    for tag, attrs in _drawing(name):
        attributes = " ".join(f'{key}="{escape(str(value))}"' for key, value in attrs.items())
        elements.append(f"<{tag} {attributes}/>")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{VIEWBOX}" height="{VIEWBOX}" '
        f'viewBox="0 0 {VIEWBOX} {VIEWBOX}" fill="none" stroke="{escape(color)}" '
        f'stroke-width="{stroke_width:g}" stroke-linecap="round" stroke-linejoin="round">'
        + "".join(elements) + "</svg>"
    )
