"""Card faces on screen: the shared face layout (game.export.card_layout) drawn with pygame, cached.

`draw_card` takes the same inputs as the older card drawing in widgets (so a scene switches with
one import) plus the turn screen's states: keyboard focus and a corner mark for fits, fits after
a swap, does not fit. Faces are painted once per look and blitted from a cache (`blit_face`).

Run `python -m game.ui.card_face --deck breder-belang --out DIR` to render every card of a deck at
the sizes the game uses (1280×720, 1920×1080, UI scale 2, high contrast) as PNG sheets.
"""

from __future__ import annotations

import io
from typing import Sequence

import pygame

from ..core.state import card_of
from ..export.card_face import CardFace, card_face, face_palette
from ..export.card_layout import (Box, Disc, FaceLayout, FaceState, FaceStyle, Glyph, Picture, Words, layout_back,
                                  layout_face)
from ..export.card_layout import row_look as _row_look
from ..icons import icon_svg
from . import text as text_module
from .surface_cache import SurfaceCache
from .text import font, render
from .theme import Theme
from .widgets import blit_face

_icons = SurfaceCache(8 * 1024 * 1024)
_pictures = SurfaceCache(16 * 1024 * 1024)


def fit_art_caches_to(screen_bytes: int) -> None:
    """Icons and pictures are painted into the faces, which have their own cache: a small share
    of a screen's worth of pixels keeps the ones a repaint needs."""
    _icons.set_budget(max(1 << 20, screen_bytes // 8))
    _pictures.set_budget(max(4 << 20, screen_bytes // 2))


class ScreenMetrics:
    """Text widths and line heights in pixels, from the game's cached fonts."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return font(self.theme, max(1, round(size)), bold).size(text)[0]

    def line(self, size: float, bold: bool = False) -> float:
        return font(self.theme, max(1, round(size)), bold).get_linesize()


def screen_style(theme: Theme) -> FaceStyle:
    """The face sizes of this window and UI scale: one title size for every card."""
    return FaceStyle(title=theme.s("card_title"), body=theme.s("card_text"), small=theme.s("tiny"),
                     pad=max(4, theme.s("gap") // 2 + 2), gap=max(3, theme.s("gap") // 2),
                     radius=theme.s("radius"), border=max(1, theme.s("border")))


def face_layout(theme: Theme, face: CardFace, size: tuple[int, int], state: FaceState = FaceState(),
                richest: str = "art", art_band: float | None = None) -> FaceLayout:
    return layout_face(face, size[0], size[1], screen_style(theme), ScreenMetrics(theme),
                       face_palette(theme.high_contrast), state, richest, art_band)


def row_look(theme: Theme, deck, lang: str, insts: Sequence[str], size: tuple[int, int],
             offers: Sequence = ()) -> tuple[str, float | None]:
    """(richest, art_band) for a row of cards of one size: pass both to draw_card so that the cards
    of a hand look alike (the same level and art height, the richest at which all show everything)."""
    faces = [card_face(deck, card_of(i), lang, offers) for i in insts]
    return _row_look(faces, size[0], size[1], screen_style(theme), ScreenMetrics(theme),
                     face_palette(theme.high_contrast))


def face_min_height(theme: Theme, deck, lang: str, inst: str, width: int, offers: Sequence = ()) -> int:
    """The height a card needs at `width` to show all its information (a scene sizes its rows by it)."""
    face = card_face(deck, card_of(inst), lang, offers)
    return int(face_layout(theme, face, (width, 1)).needed + 0.999)


def face_columns(theme: Theme, deck, lang: str, insts: Sequence[str], width: int, gap: int, height: int,
                 offers: Sequence = (), narrowest: int = 200, widest: int = 300) -> tuple[int, int]:
    """(cards per row, card width) for a row of faces `height` high in `width`: as many cards as
    fit while every card still shows everything; upright cards first, wider ones when a row is
    low (large text on a projector)."""
    most = max(1, (width + gap) // (theme.px(narrowest) + gap))

    def fits_all(cw: int) -> bool:
        return all(face_min_height(theme, deck, lang, i, cw, offers) <= height for i in insts)

    for upright in (True, False):
        for n in range(most, 0, -1):
            cw = (width - gap * (n - 1)) // n
            cw = min(cw, theme.px(widest)) if upright else min(cw, int(height * 1.6))
            if upright and n > 1 and cw > height:
                continue
            if fits_all(cw):
                return n, cw
    return 1, min(width, theme.px(widest))


def face_problems(theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect, offers: Sequence = ()) -> list[str]:
    """What a card of this size cannot show (empty when everything fits): for layout checks."""
    face = card_face(deck, card_of(inst), lang, offers)
    return list(face_layout(theme, face, (rect.width, rect.height)).overflow)


def draw_card(surface, theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect,
              selected: bool = False, hovered: bool = False, dim: bool = False,
              value_size: int | None = None, *, focused: bool = False, fit: str | None = None,
              offers: Sequence = (), richest: str = "art", art_band: float | None = None) -> None:
    """A card of any type, painted once per look and blitted from the cache. `fit` is "fits",
    "swap" or "no" for the corner mark; `offers` are the lasting changes of events (the pips then
    show what a card is worth now). `value_size` is accepted for the older callers: a face has one
    text size."""
    offers_key = tuple((o.get("tag"), tuple(sorted(o.get("personal", {}).items())),
                        tuple(sorted(o.get("social", {}).items()))) for o in offers)
    key = ("face", deck.id, deck.fingerprint, lang, card_of(inst), selected, hovered, focused, dim, fit, offers_key,
           richest, art_band, theme.high_contrast, theme.unit, theme.projector)
    blit_face(surface, rect, key, lambda face, r: paint_card(face, theme, deck, lang, inst, r, selected, hovered, dim,
                                                             value_size, focused=focused, fit=fit, offers=offers,
                                                             richest=richest, art_band=art_band))


def paint_card(surface, theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect,
               selected: bool = False, hovered: bool = False, dim: bool = False,
               value_size: int | None = None, *, focused: bool = False, fit: str | None = None,
               offers: Sequence = (), richest: str = "art", art_band: float | None = None) -> FaceLayout:
    """Paint a card face into `rect` of `surface` (the inputs of widgets._paint_card, and more)."""
    face = card_face(deck, card_of(inst), lang, offers)
    state = FaceState(selected=selected, hovered=hovered, focused=focused, dim=dim, fit=fit)
    return paint_face(surface, theme, face, rect, state, richest, art_band)


def paint_face(surface, theme: Theme, face: CardFace, rect: pygame.Rect, state: FaceState = FaceState(),
               richest: str = "art", art_band: float | None = None) -> FaceLayout:
    """Paint any face (a card or a combination) and return its layout. A face that cannot show
    everything counts as cut text, as an ellipsis would (game.ui.text.take_cut_count)."""
    rect = pygame.Rect(rect)
    layout = face_layout(theme, face, rect.size, state, richest, art_band)
    if layout.overflow:
        text_module._cuts[0] += 1  # the project's cut-text counter: layout checks shrink or report the screen
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    for op in layout.ops:
        _draw(surface, theme, op, rect.left, rect.top)
    surface.set_clip(clip)
    return layout


def paint_back(surface, theme: Theme, kind: str, lang: str, rect: pygame.Rect) -> None:
    """The back of a card of `kind` (role, task, event, dilemma, prompt, combo): a face-down pile."""
    from ..export.card_face import KIND_ICONS, kind_band
    from ..i18n import t

    rect = pygame.Rect(rect)
    band = kind_band(kind, lang)
    ops = layout_back(kind, band.fill, band.ink, KIND_ICONS[kind], band.label.upper(), t(lang, "print.back_title"),
                      rect.width, rect.height, screen_style(theme), ScreenMetrics(theme),
                      face_palette(theme.high_contrast))
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    for op in ops:
        _draw(surface, theme, op, rect.left, rect.top)
    surface.set_clip(clip)


def draw_back(surface, theme: Theme, kind: str, lang: str, rect: pygame.Rect) -> None:
    """A card back from the cache (see paint_back)."""
    key = ("back", kind, lang, theme.high_contrast, theme.unit)
    blit_face(surface, rect, key, lambda face, r: paint_back(face, theme, kind, lang, r))


def _colour(value: str) -> pygame.Color:
    return pygame.Color(value)


def _draw(surface, theme: Theme, op, ox: int, oy: int) -> None:
    if isinstance(op, Box):
        r = pygame.Rect(round(ox + op.x), round(oy + op.y), max(1, round(op.w)), max(0, round(op.h)))
        if r.height <= 0:
            return
        radius = max(0, round(op.radius))
        corners = {} if op.corners == "all" else {"border_bottom_left_radius": 0, "border_bottom_right_radius": 0}
        if op.fill:
            colour = _colour(op.fill)
            if colour.a < 255:
                shade = pygame.Surface(r.size, pygame.SRCALPHA)
                pygame.draw.rect(shade, colour, shade.get_rect(), border_radius=radius, **corners)
                surface.blit(shade, r)
            else:
                pygame.draw.rect(surface, colour, r, border_radius=radius, **corners)
        if op.stroke and op.width > 0:
            pygame.draw.rect(surface, _colour(op.stroke), r, max(1, round(op.width)), border_radius=radius, **corners)
    elif isinstance(op, Disc):
        centre = (round(ox + op.cx), round(oy + op.cy))
        radius = max(1, round(op.r))
        if op.fill:
            pygame.draw.circle(surface, _colour(op.fill), centre, radius)
        if op.stroke and op.width > 0:
            pygame.draw.circle(surface, _colour(op.stroke), centre, radius, max(1, round(op.width)))
    elif isinstance(op, Words):
        surface.blit(render(theme, op.text, max(1, round(op.size)), _colour(op.colour), op.bold),
                     (round(ox + op.x), round(oy + op.y)))
    elif isinstance(op, Glyph):
        size = max(4, round(op.size))
        surface.blit(icon_surface(op.icon, op.colour, size), (round(ox + op.x), round(oy + op.y)))
    elif isinstance(op, Picture):
        box = pygame.Rect(round(ox + op.x), round(oy + op.y), max(1, round(op.w)), max(1, round(op.h)))
        picture = _picture(str(op.path), box.size)
        if picture is not None:
            surface.blit(picture, picture.get_rect(center=box.center))


def icon_surface(name: str, colour: str, size: int) -> pygame.Surface:
    """An icon of the bundled set drawn at `size` pixels (a thinner stroke at large sizes)."""
    stroke = 2.0 if size < 40 else 1.6 if size < 90 else 1.3

    def make() -> pygame.Surface:
        try:
            svg = icon_svg(name, colour, stroke)
        except KeyError:
            svg = icon_svg("circle", colour, stroke)
        return pygame.image.load_sized_svg(io.BytesIO(svg.encode()), (size, size))

    return _icons.get((name, colour, size), make)


def _picture(path: str, size: tuple[int, int]) -> pygame.Surface | None:
    """A deck's own image, fitted inside `size` with its proportions kept; None when it cannot be read."""

    def make() -> pygame.Surface:
        try:
            if path.lower().endswith(".svg"):
                with open(path, "rb") as handle:
                    image = pygame.image.load_sized_svg(handle, size)
            else:
                image = pygame.image.load(path)
        except (pygame.error, OSError, ValueError):
            return pygame.Surface((1, 1), pygame.SRCALPHA)
        w, h = image.get_size()
        scale = min(size[0] / max(1, w), size[1] / max(1, h))
        return pygame.transform.smoothscale(image, (max(1, round(w * scale)), max(1, round(h * scale))))

    surf = _pictures.get((path, size), make)
    return None if surf.get_width() <= 1 else surf


# --------------------------------------------------------------------------------------- preview
# The hand and market cards of the turn screen at the window sizes and UI scales the game is
# tested at (measured on the turn screen, with its automatic fit at UI scale 2); and a large
# card as on the event and dilemma screens, where every kind of card is shown.
# (name, window, UI scale, the screen's fit, card size, kinds shown)
HAND = ("role", "task")
PREVIEW_SIZES = (
    ("720p", (1280, 720), 1.0, 1.0, (171, 207), HAND),
    ("1080p", (1920, 1080), 1.0, 1.0, (256, 311), HAND),
    ("720p-scale2", (1280, 720), 2.0, 0.656, (188, 167), HAND),
    ("1080p-scale2", (1920, 1080), 2.0, 0.656, (282, 249), HAND),
    ("1080p-large", (1920, 1080), 1.0, 1.0, (420, 588), None),
)
HAND_ROW = 5  # cards in a hand: a row shares one level, as in the game


def preview(deck, lang: str, out_dir, high_contrast: bool = False) -> list:
    """PNG sheets of the deck's cards at each preview size (hand sizes: roles and tasks in rows of
    a hand; the large size: every card and combination), and a sheet of the turn screen's states.
    Returns (path, problems) per sheet."""
    from pathlib import Path

    from ..export.card_face import deck_faces
    from .theme import theme_data

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    every = deck_faces(deck, lang)
    bg = pygame.Color(theme_data()["themes"]["high_contrast" if high_contrast else "normal"]["bg"])
    written = []
    for name, window, scale, fit, (cw, ch), kinds in PREVIEW_SIZES:
        theme = Theme(high_contrast=high_contrast, ui_scale=scale, window=window, fit=fit)
        faces = [f for f in every if kinds is None or f.kind in kinds]
        cols = HAND_ROW if kinds else 8
        gap = theme.s("gap")
        rows = -(-len(faces) // cols)
        sheet = pygame.Surface((gap + cols * (cw + gap), gap + rows * (ch + gap)))
        sheet.fill(bg)
        problems = []
        style, metrics, colours = screen_style(theme), ScreenMetrics(theme), face_palette(high_contrast)
        for row in range(rows):
            group = faces[row * cols:(row + 1) * cols]
            level, band = _row_look(group, cw, ch, style, metrics, colours) if kinds else ("art", None)
            for i, face in enumerate(group):
                rect = pygame.Rect(gap + i * (cw + gap), gap + row * (ch + gap), cw, ch)
                layout = paint_face(sheet, theme, face, rect, richest=level, art_band=band)
                if layout.overflow:
                    problems.append(f"{face.id}: {'; '.join(layout.overflow)}")
        path = out / f"{deck.id}-{lang}-{name}{'-hc' if high_contrast else ''}.png"
        pygame.image.save(sheet, str(path))
        written.append((path, problems))
    written.append(_states_sheet(deck, lang, out, high_contrast))
    return written


def _states_sheet(deck, lang: str, out, high_contrast: bool):
    from .theme import theme_data

    theme = Theme(high_contrast=high_contrast, ui_scale=1.0, window=(1920, 1080))
    cw, ch = 256, 311
    gap = theme.s("gap")
    playable = [c for c in deck.cards if c.playable]
    states = [("", FaceState()), ("selected", FaceState(selected=True)), ("hovered", FaceState(hovered=True)),
              ("focused", FaceState(focused=True)), ("fits", FaceState(fit="fits")),
              ("swap", FaceState(fit="swap")), ("no fit, dim", FaceState(fit="no", dim=True))]
    sheet = pygame.Surface((gap + len(states) * (cw + gap), gap * 2 + ch))
    sheet.fill(pygame.Color(theme_data()["themes"]["high_contrast" if high_contrast else "normal"]["bg"]))
    problems = []
    for i, (_, state) in enumerate(states):
        face = card_face(deck, playable[i % len(playable)], lang)
        layout = paint_face(sheet, theme, face, pygame.Rect(gap + i * (cw + gap), gap, cw, ch), state)
        problems += [f"{face.id}: {x}" for x in layout.overflow]
    path = out / f"{deck.id}-{lang}-states{'-hc' if high_contrast else ''}.png"
    pygame.image.save(sheet, str(path))
    return path, problems


def main(argv: list[str] | None = None) -> int:
    import argparse
    import os
    import sys

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    parser = argparse.ArgumentParser(
        prog="python -m game.ui.card_face",
        description="Render every card of a deck at the sizes the game uses, as PNG sheets, to look at them.")
    parser.add_argument("--deck", required=True, metavar="ID_OR_PATH", help="a built-in deck id or a deck folder")
    parser.add_argument("--out", required=True, metavar="DIR", help="the folder for the PNG sheets")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--high-contrast", action="store_true", help="also render the high-contrast look")
    args = parser.parse_args(argv)
    from ..content import DeckLoadError, find_deck, format_problem, load_deck

    try:
        deck = load_deck(find_deck(args.deck))
    except DeckLoadError as exc:
        for problem in exc.problems:
            print(format_problem(problem), file=sys.stderr)
        return 1
    pygame.init()
    sheets = preview(deck, args.lang, args.out)
    if args.high_contrast:
        sheets += preview(deck, args.lang, args.out, high_contrast=True)
    cut = 0
    for path, problems in sheets:
        print(f"{path}: {len(problems)} card(s) that do not show everything")
        for line in problems:
            print(f"  {line}")
        cut += len(problems)
    return 1 if cut else 0


if __name__ == "__main__":
    raise SystemExit(main())
