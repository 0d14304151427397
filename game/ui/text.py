"""Fonts and rendered text, cached by (text, size, colour), and word wrapping."""

from __future__ import annotations

from collections import OrderedDict
from contextlib import contextmanager
from typing import Iterator

import pygame

from .surface_cache import SurfaceCache
from .theme import Theme

_fonts: dict[tuple[str, int], pygame.font.Font] = {}
_renders = SurfaceCache(24 * 1024 * 1024)  # rendered lines of text
MAX_LINE_PX = 8192  # wider than any window: a 1,000-character word is cut, not rendered in full


_layouts: "OrderedDict[tuple, object]" = OrderedDict()
MAX_LAYOUTS = 4000


def _remembered(kind: str, compute):
    """Cache a text measurement (wrap, ellipsize, fits) by its arguments: measuring glyphs again
    on every frame cost most of a frame's time."""

    def cached(theme: Theme, text, size: int, width: int, bold: bool = False):
        key = (kind, theme.font_path(bold), text, size, width)
        value = _layouts.get(key)
        if value is None:
            value = compute(theme, text, size, width, bold)
            if isinstance(value, list):
                value = tuple(value)  # callers get their own list below
            _layouts[key] = value
            if len(_layouts) > MAX_LAYOUTS:
                _layouts.popitem(last=False)
        else:
            _layouts.move_to_end(key)
        return list(value) if isinstance(value, tuple) else value

    cached.__doc__ = compute.__doc__
    cached.__name__ = compute.__name__
    return cached


_cuts = [0]  # texts cut short (ellipsis, lines dropped) since the counter was last taken
_cut_logs: list[list[str]] = []  # open recording_cuts() lists
_cut_allowed = [0]  # depth of shortening_allowed() blocks


def _note_cut(text: str) -> None:
    if _cut_allowed[0]:
        return  # shortened by design: no reason to lay the screen out smaller either
    _cuts[0] += 1
    for log in _cut_logs:
        log.append(str(text))


@contextmanager
def recording_cuts() -> Iterator[list[str]]:
    """The texts cut short while the block runs (except where shortening is by design)."""
    log: list[str] = []
    _cut_logs.append(log)
    try:
        yield log
    finally:
        _cut_logs.remove(log)


@contextmanager
def shortening_allowed() -> Iterator[None]:
    """A place that shortens text by design (a card face; its full text is one focus away)."""
    _cut_allowed[0] += 1
    try:
        yield
    finally:
        _cut_allowed[0] -= 1


def take_cut_count() -> int:
    """How many texts were cut short since the last call: the app shrinks a screen that cuts
    text at a large UI scale (see Scene.shrink_for_text)."""
    count, _cuts[0] = _cuts[0], 0
    return count


def clean(text) -> str:
    """Text as pygame can render it: a NUL character (which SDL_ttf refuses) becomes a space."""
    return str(text).replace("\x00", " ")


def reset_caches() -> None:
    """Forget fonts and renders: they die with pygame.quit(), and a later game in the same
    process (the smoke test plays two) must not touch them."""
    from .widgets import forget_faces  # widgets builds on text; imported here to avoid a cycle

    from .scenes.turn import forget_layer

    _fonts.clear()
    _layouts.clear()
    forget_faces()
    forget_layer()
    clear_cache()


def _fitting_prefix(f: pygame.font.Font, word: str, width: int) -> int:
    """How many characters of `word` fit in `width` (at least one): a binary search, since a
    deck or a player may type a 1,000-character word."""
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(word[:mid])[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def font(theme: Theme, size: int, bold: bool = False) -> pygame.font.Font:
    path = theme.font_path(bold)
    key = (path, size)
    f = _fonts.get(key)
    if f is None:
        if not pygame.font.get_init():
            pygame.font.init()
        f = _fonts[key] = pygame.font.Font(path, size)
    return f


def _render(f: pygame.font.Font, text: str, colour) -> pygame.Surface:
    """Render one line; a line of only zero-width characters (SDL_ttf: "Text has zero width")
    becomes an empty surface of the line's height."""
    text = clean(text)
    if f.size(text)[0] > MAX_LINE_PX:
        text = text[:_fitting_prefix(f, text, MAX_LINE_PX)]
    try:
        return f.render(text, True, colour)
    except (pygame.error, ValueError):
        return pygame.Surface((1, f.get_linesize()), pygame.SRCALPHA)


def render(theme: Theme, text: str, size: int, colour, bold: bool = False) -> pygame.Surface:
    colour = tuple(pygame.Color(colour))
    return _renders.get((text, size, colour, bold), lambda: _render(font(theme, size, bold), text, colour))


def _wrap(theme: Theme, text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Lines of at most `width` pixels; a word longer than the line is cut by characters."""
    f = font(theme, size, bold)
    width = max(1, width)
    lines: list[str] = []
    for para in clean(text).split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if f.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while f.size(word)[0] > width and len(word) > 1:
                cut = _fitting_prefix(f, word, width)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


wrap = _remembered("wrap", _wrap)


def _ellipsize(theme: Theme, text: str, size: int, width: int, bold: bool = False) -> str:
    """One line that fits `width`: the text itself, or its start followed by "…"."""
    f = font(theme, size, bold)
    text = clean(text).replace("\n", " ")
    if f.size(text)[0] <= width:
        return text
    room = max(0, width - f.size("…")[0])
    cut = _fitting_prefix(f, text, room) if room > 0 else 0
    if cut and f.size(text[:cut])[0] > room:
        cut = 0
    return text[:cut].rstrip() + "…"


_ellipsize_remembered = _remembered("ellipsize", _ellipsize)


def ellipsize(theme: Theme, text: str, size: int, width: int, bold: bool = False) -> str:
    """One line that fits `width`: the text itself, or its start followed by "…"."""
    out = _ellipsize_remembered(theme, text, size, width, bold)
    if out.endswith("…") and not str(text).endswith("…"):
        _note_cut(text)
    return out


def _fits_words(theme: Theme, text: str, size: int, width: int, bold: bool = False) -> bool:
    """True when every word of `text` fits on a line of `width` (so wrapping needs no word cut)."""
    f = font(theme, size, bold)
    return all(f.size(word)[0] <= width for word in clean(text).split())


fits_words = _remembered("fits_words", _fits_words)


def draw_text(surface, theme: Theme, text: str, pos, size: int, colour, bold: bool = False,
              anchor: str = "topleft", max_width: int | None = None) -> pygame.Rect:
    if max_width is not None:
        text = ellipsize(theme, text, size, max_width, bold)
    surf = render(theme, text, size, colour, bold)
    rect = surf.get_rect(**{anchor: pos})
    surface.blit(surf, rect)
    return rect


def draw_wrapped(surface, theme: Theme, text: str, rect: pygame.Rect, size: int, colour,
                 bold: bool = False, max_lines: int | None = None, align: str = "left") -> int:
    """Draw wrapped text inside rect; returns the height used. Lines past max_lines end in '…'."""
    lines = wrap(theme, text, size, rect.width, bold)
    if max_lines is not None and len(lines) > max_lines:
        _note_cut(text)
        lines = lines[:max_lines]
        lines[-1] = ellipsize(theme, lines[-1].rstrip() + "…", size, rect.width, bold)
    line_h = font(theme, size, bold).get_linesize()
    y = rect.top
    for line in lines:
        if y + line_h > rect.bottom + line_h // 3 and max_lines is None:
            _note_cut(text)
            break
        surf = render(theme, line, size, colour, bold)
        if align == "center":
            x = rect.centerx - surf.get_width() // 2
        else:
            x = rect.left
        surface.blit(surf, (x, y))
        y += line_h
    return y - rect.top


def text_height(theme: Theme, text: str, size: int, width: int, bold: bool = False) -> int:
    return len(wrap(theme, text, size, width, bold)) * font(theme, size, bold).get_linesize()


def clear_cache() -> None:
    _renders.clear()


def set_render_budget(budget_bytes: int) -> None:
    _renders.set_budget(budget_bytes)
