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
def _drawings() -> dict[str, list]:
    path = assets_dir() / "icons" / ICON_SET
    return json.loads(path.read_text(encoding="utf-8"))


def icon_names() -> frozenset[str]:
    """Every icon name a deck may use in an `icon:` key."""
    return frozenset(_drawings())


def has_icon(name: str) -> bool:
    return name in _drawings()


@lru_cache(maxsize=512)
def icon_svg(name: str, color: str = "#000000", stroke_width: float = DEFAULT_STROKE) -> str:
    """The icon as a complete SVG document drawn in `color` (#rrggbb); KeyError for an unknown name.

    The set draws with `currentColor`; not every SVG renderer knows it, so the colour is
    written into the document itself.
    """
    elements = []
    for tag, attrs in _drawings()[name]:
        attributes = " ".join(f'{key}="{escape(str(value))}"' for key, value in attrs.items())
        elements.append(f"<{tag} {attributes}/>")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{VIEWBOX}" height="{VIEWBOX}" '
        f'viewBox="0 0 {VIEWBOX} {VIEWBOX}" fill="none" stroke="{escape(color)}" '
        f'stroke-width="{stroke_width:g}" stroke-linecap="round" stroke-linejoin="round">'
        + "".join(elements) + "</svg>"
    )
