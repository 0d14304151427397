"""Widgets: a clickable, focusable rectangle with a label, and how buttons, cards and meters are drawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from ..core.state import card_of
from ..i18n import t
from ..i18n.describe import dimension_name
from .surface_cache import SurfaceCache
from .text import draw_text, ellipsize, fits_words, font, render, shortening_allowed, wrap
from .theme import Theme


@dataclass(eq=False)
class Widget:
    """A hit area. `kind` is button, card, field or chip; `on_click` runs on click, Enter or Space."""

    id: str
    rect: pygame.Rect
    label: str = ""
    on_click: Callable[[], None] | None = None
    enabled: bool = True
    kind: str = "button"
    style: str = "primary"  # primary, alt
    data: dict = field(default_factory=dict)
    selected: bool = False
    focusable: bool = True

    def click(self) -> None:
        if self.enabled and self.on_click:
            self.on_click()


def draw_focus(surface, theme: Theme, rect: pygame.Rect) -> None:
    w = theme.s("focus_width")
    pygame.draw.rect(surface, theme.c("focus"), rect.inflate(w * 3, w * 3), w, border_radius=theme.s("radius"))


_faces = SurfaceCache(32 * 1024 * 1024)  # painted cards and buttons
FACE_KEY = (1, 254, 3)  # the see-through colour of a face's corners; no theme colour comes near it


def blit_face(surface, rect: pygame.Rect, key: tuple, paint: Callable[[pygame.Surface, pygame.Rect], object]) -> None:
    """Blit a face painted once per look (`key`): painting rounded boxes and measuring text for
    every card and button on every frame cost most of a frame's time."""
    rect = pygame.Rect(rect)
    if rect.width <= 0 or rect.height <= 0:
        return  # no room at all (Scene.layout_problems reports it, and the screen lays out smaller)

    def make() -> pygame.Surface:
        # Faces are opaque with a colour key for the rounded corners (drawn without
        # antialiasing, so the key is exact): blitting them costs far less than per-pixel alpha.
        face = pygame.Surface(rect.size)
        face.fill(FACE_KEY)
        paint(face, face.get_rect())
        if pygame.display.get_surface() is not None:
            face = face.convert()  # the display's pixel format blits several times faster
        face.set_colorkey(FACE_KEY, pygame.RLEACCEL)
        return face

    surface.blit(_faces.get((*key, rect.size), make), rect)


def forget_faces() -> None:
    _faces.clear()


def fit_caches_to(size: tuple[int, int]) -> None:
    """Keep painted faces and rendered text to what a few screens of this window need: enough
    that a frame never paints a face twice, no more (the caches were most of the game's memory)."""
    from .card_face import fit_art_caches_to  # card_face builds on widgets: imported here
    from .text import set_render_budget

    screen = size[0] * size[1] * 4
    _faces.set_budget(max(6 << 20, screen))
    set_render_budget(max(2 << 20, screen // 4))
    fit_art_caches_to(screen)


def draw_button(surface, theme: Theme, w: Widget, hovered: bool = False) -> None:
    key = ("button", w.label, w.kind, w.style, w.enabled, w.selected, bool(w.data.get("default")), hovered,
           theme.high_contrast, theme.unit)
    blit_face(surface, w.rect, key, lambda face, rect: _paint_button(face, theme, w, rect, hovered))


def _paint_button(surface, theme: Theme, w: Widget, rect: pygame.Rect, hovered: bool) -> None:
    r = theme.s("radius")
    if not w.enabled:
        bg, fg = theme.c("disabled"), theme.c("disabled_text")
    elif w.style == "alt" or (w.kind == "chip" and not w.selected):
        bg, fg = theme.c("button_alt"), theme.c("button_alt_text")
    else:
        bg, fg = theme.c("button"), theme.c("button_text")
    if w.kind == "chip" and w.selected:
        bg, fg = theme.c("selected"), theme.c("accent_text")
    pygame.draw.rect(surface, bg, rect, border_radius=r)
    border = theme.c("text") if hovered and w.enabled else theme.c("line")
    enter = bool(w.data.get("default")) and w.enabled
    if enter:  # the button Enter presses: a double outline and the Enter sign
        border = theme.c("text")
        inset = rect.inflate(-theme.s("border") * 3, -theme.s("border") * 3)
        pygame.draw.rect(surface, fg, inset, max(1, theme.s("border") // 2), border_radius=max(1, r - 2))
    pygame.draw.rect(surface, border, rect, theme.s("border"), border_radius=r)
    label = ("✓ " + w.label) if (w.kind == "chip" and w.selected) else w.label
    size = theme.s("body")
    floor = max(10, theme.s("tiny"))
    room = rect.width - theme.s("gap")
    mark_w = font(theme, theme.s("tiny"), True).size("⏎")[0] + theme.s("gap") if enter else 0
    f = font(theme, size, True)
    while size > floor and f.size(label)[0] > room:
        size -= 1
        f = font(theme, size, True)
    label_w = f.size(label)[0]
    show_mark = enter and label_w + 2 * mark_w <= room
    draw_text(surface, theme, label, rect.center, size, fg, bold=True, anchor="center", max_width=max(1, room))
    if show_mark:  # the Enter sign in the button's right margin
        draw_text(surface, theme, "⏎", (rect.right - theme.s("gap"), rect.centery), theme.s("tiny"), fg, bold=True,
                  anchor="midright")


def draw_field(surface, theme: Theme, w: Widget, focused: bool) -> None:
    r = theme.s("radius") // 2
    pygame.draw.rect(surface, theme.c("card"), w.rect, border_radius=r)
    pygame.draw.rect(surface, theme.c("text") if focused else theme.c("line"), w.rect, theme.s("border"), border_radius=r)
    text = w.data.get("text", "")
    size = theme.s("body")
    inner = w.rect.inflate(-theme.s("gap") * 2, 0)
    shown = text + ("|" if focused else "")
    f = font(theme, size)
    if f.size(shown)[0] > inner.width:  # show the end of a long text, where the typing happens
        lo, hi = 0, len(shown) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if f.size(shown[mid:])[0] > inner.width:
                lo = mid + 1
            else:
                hi = mid
        shown = shown[lo:]
    if not text and not focused and w.data.get("placeholder"):
        draw_text(surface, theme, w.data["placeholder"], (inner.left, w.rect.centery), size, theme.c("muted"),
                  anchor="midleft", max_width=max(1, inner.width))
    else:
        draw_text(surface, theme, shown, (inner.left, w.rect.centery), size, theme.c("text"), anchor="midleft")


def headline(scene, text: str, size: str = "h1") -> str:
    """A heading shortened with "…" to the window's width (a player may have a very long name)."""
    th = scene.theme
    return ellipsize(th, text, th.s(size), max(1, scene.size[0] - th.s("pad") * 4), True)


def chip_row(scene, items, x0: int, y: int, right: int, height: int, selected, on_pick, least: int | None = None,
             most: int | None = None) -> int:
    """Chips (id, label, value) side by side from x0 to right, wrapping onto more rows rather
    than cutting a label. Returns the y under the last row."""
    th = scene.theme
    pad, gap = th.s("pad"), th.s("gap")
    f = font(th, th.s("body"), True)
    least = least or th.px(110)
    most = most or th.px(420)
    room = max(1, right - x0)
    # each chip as wide as its label (never narrower, so no label is cut); more rows when needed
    widths = [min(room, max(least, min(most, f.size("✓ " + label)[0] + pad))) for _, label, _ in items]
    x = x0
    for (wid, label, value), bw in zip(items, widths):
        if x > x0 and x + bw > right:
            x, y = x0, y + height + gap
        bw = min(bw, right - x)
        scene.button(wid, (x, y, bw, height), label, (lambda v=value: on_pick(v)), kind="chip").selected = value == selected
        x += bw + gap
    return y + height


def mark_default(scene) -> None:
    """Show which button Enter presses (the scene's default) with the Enter sign."""
    for w in scene.widgets:
        if w.kind == "button":
            w.data["default"] = w.id == scene.default_id


def signed(n: float) -> str:
    n = int(n)
    return f"+{n}" if n > 0 else ("−" + str(-n) if n < 0 else "0")


def short_dimension_names(deck, lang: str) -> dict[str, str]:
    """A short label per dimension, computed so that any deck works: the part of the name before
    " & ", then its first word ("Verbinding met mensen" -> "Verbinding"); two dimensions that
    would share a label keep one more word each."""
    key = (id(deck), deck.id, lang)
    cached = _short_names.get(key)
    if cached is not None:
        return cached
    words = {}
    for d in (*deck.personal, *deck.social):
        name = (d.name.get(lang) or d.id).split(" & ")[0]
        words[d.id] = name.split() or [d.id]
    taken = {i: 1 for i in words}
    for _ in range(8):
        labels = {i: " ".join(w[:taken[i]]) for i, w in words.items()}
        seen: dict[str, list[str]] = {}
        for i, label in labels.items():
            seen.setdefault(label.lower(), []).append(i)
        clashes = [ids for ids in seen.values() if len(ids) > 1]
        if not clashes:
            break
        for ids in clashes:
            for i in ids:
                taken[i] = min(len(words[i]), taken[i] + 1)
    labels = {i: " ".join(w[:taken[i]]) for i, w in words.items()}
    if len(_short_names) > 32:
        _short_names.clear()
    _short_names[key] = labels
    return labels


_short_names: dict = {}


def short_dimension(deck, dim_id: str, lang: str) -> str:
    return short_dimension_names(deck, lang).get(dim_id) or dimension_name(deck, dim_id, lang)


def card_value_lines(deck, card, lang: str, short: bool = False) -> list[tuple[str, str]]:
    """(text, colour name) per value, never colour alone: personal ▲/▼ with a signed number,
    social ◆ with a number. `short` uses the short dimension labels of a card face."""
    name = short_dimension if short else dimension_name
    out = []
    for d in deck.personal_ids:
        v = card.personal.get(d, 0)
        if v:
            mark = "▲" if v > 0 else "▼"
            out.append((f"{mark}{signed(v)} {name(deck, d, lang)}", "positive" if v > 0 else "negative"))
    for d in deck.social_ids:
        v = card.social.get(d, 0)
        if v:
            out.append((f"◆{signed(v)} {name(deck, d, lang)}", "social"))
    return out


def fit_title(theme: Theme, text: str, width: int, max_lines: int = 2, big: str = "card_title",
              small: str = "tiny") -> tuple[int, list[str]]:
    """(size, lines) of a title: wrapped on words to `max_lines` at the biggest size that allows it,
    shrinking only when wrapping is not enough (down to about two thirds); a word that is still
    too long is broken with a hyphen, and a title that is still too long ends in "…"."""
    size = theme.s(big)
    least = max(10, min(theme.s(small), round(size * 0.7)))
    while True:
        if fits_words(theme, text, size, width, True):
            lines = wrap(theme, text, size, width, True)
            if len(lines) <= max_lines:
                return size, lines
        if size <= least:
            break
        size = max(least, size - max(1, size // 12))
    lines = hyphenate(theme, text, least, width, True)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = ellipsize(theme, lines[-1].rstrip() + "…", least, width, True)
    return least, lines


def hyphenate(theme: Theme, text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Wrapped lines where a word longer than the line is broken with a hyphen ("Onderwijs-
    assistent"), keeping at least three letters on each side where it can."""
    f = font(theme, size, bold)
    dash = f.size("-")[0]
    words = []
    for word in text.split():
        while f.size(word)[0] > width and len(word) > 1:
            lo, hi = 1, len(word) - 1
            while lo < hi:  # the longest start that fits with its hyphen
                mid = (lo + hi + 1) // 2
                if f.size(word[:mid])[0] + dash <= width:
                    lo = mid
                else:
                    hi = mid - 1
            cut = lo
            if len(word) - cut < 3 and cut > 4:
                cut = max(1, len(word) - 3)
            words.append(word[:cut] + "-")
            word = word[cut:]
        words.append(word)
    lines, line = [], ""
    for word in words:
        trial = f"{line} {word}" if line and not line.endswith("-") else line + word
        if line and f.size(trial)[0] > width:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    return lines


def value_summary(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A card's values in one line when there is no room for each: the sums per shape."""
    ups = downs = social = 0
    for text, colour in lines:
        digits = "".join(ch for ch in text.split(" ")[0] if ch.isdigit())
        n = int(digits) if digits else 0
        if colour == "positive":
            ups += n
        elif colour == "negative":
            downs += n
        elif colour == "social":
            social += n
    parts = []
    if ups:
        parts.append(("▲+" + str(ups), "positive"))
    if downs:
        parts.append(("▼−" + str(downs), "negative"))
    if social:
        parts.append(("◆+" + str(social), "social"))
    return parts


def value_text_size(theme: Theme, texts: list[str], height: int, width: int | None = None) -> int:
    """The biggest value text size at which the value lines fit `height` and `width`."""
    for name in ("small", "card_text"):
        f = font(theme, theme.s(name))
        if len(texts) * f.get_linesize() <= height and (width is None or all(f.size(x)[0] <= width for x in texts)):
            return theme.s(name)
    return theme.s("card_text")


def uniform_value_size(theme: Theme, deck, lang: str, widgets) -> None:
    """One value text size for a row of card widgets: the biggest at which every card shows all
    (kept in each widget's data as "value_size")."""
    sizes = []
    for wdg in widgets:
        card = deck.card(card_of(wdg.data["inst"]))
        lines = [x for x, _ in card_value_lines(deck, card, lang, short=True)]
        if card.requires:
            lines.append(t(lang, "card.requires", tags=", ".join(card.requires)))
        height, width = card_value_room(theme, deck, lang, wdg.data["inst"], wdg.rect)
        sizes.append(value_text_size(theme, lines, height, width))
    for wdg in widgets:
        wdg.data["value_size"] = min(sizes) if sizes else None


def card_value_room(theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect) -> tuple[int, int]:
    """(height, width) left for value lines on a card of this size, under its header and title."""
    card = deck.card(card_of(inst))
    pad = max(4, theme.s("gap") // 2 + 2)
    inner = rect.inflate(-pad * 2, -pad * 2)
    head_h = font(theme, theme.s("small"), True).get_linesize() + 2
    tsize, tlines = fit_title(theme, card.title.get(lang), inner.width)
    return inner.height - head_h - 2 - len(tlines) * font(theme, tsize, True).get_linesize() - 2, inner.width


def card_min_height(theme: Theme, values: int = 0) -> int:
    """The height a card needs for its header, a two-line title and `values` value lines."""
    pad = max(4, theme.s("gap") // 2 + 2)
    head = font(theme, theme.s("small"), True).get_linesize() + 2
    title = font(theme, theme.s("card_title"), True).get_linesize() * 2
    return pad * 2 + head + title + 2 + values * font(theme, theme.s("card_text")).get_linesize()


def draw_card(surface, theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect,
              selected: bool = False, hovered: bool = False, fit: str | None = None,
              value_size: int | None = None) -> None:
    """A role or task card drawn from deck data: type, hours (prominent), a title on up to two
    lines, then the values with shapes, signs and numbers and short dimension labels. `fit` marks
    a card a player could take: 'fits', 'swap' (fits when a card of the week leaves) or 'no'
    (shaded)."""
    key = ("card", deck.id, deck.fingerprint, lang, card_of(inst), selected, hovered, fit, value_size,
           theme.high_contrast, theme.unit)
    def paint(face: pygame.Surface, r: pygame.Rect) -> None:
        with shortening_allowed():  # a card shows what fits; its details panel and the voice give the rest
            _paint_card(face, theme, deck, lang, inst, r, selected, hovered, fit, value_size)

    blit_face(surface, rect, key, paint)


def _paint_card(surface, theme: Theme, deck, lang: str, inst: str, rect: pygame.Rect,
                selected: bool, hovered: bool, fit: str | None, value_size: int | None) -> None:
    card = deck.card(card_of(inst))
    r = theme.s("radius")
    bg = theme.c("card_role") if card.type == "role" else theme.c("card_task")
    pygame.draw.rect(surface, bg, rect, border_radius=r)
    bw = theme.s("border") * (2 if selected else 1)
    border = theme.c("selected") if selected else (theme.c("text") if hovered else theme.c("card_border"))
    pygame.draw.rect(surface, border, rect, bw, border_radius=r)
    pad = max(4, theme.s("gap") // 2 + 2)
    inner = rect.inflate(-pad * 2, -pad * 2)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    small = theme.s("card_text")
    # first line: the type, and the hours in a badge
    hours = t(lang, "card.hours", hours=card.hours) if card.playable else ""
    hsize = theme.s("small")
    badge_w = 0
    head_h = font(theme, hsize, True).get_linesize()
    if hours:
        hs = render(theme, ellipsize(theme, hours, hsize, inner.width, True), hsize, theme.c("text"), True)
        badge = hs.get_rect(topright=inner.topright).inflate(pad, 2)
        badge.topright = inner.topright
        pygame.draw.rect(surface, theme.c("panel"), badge, border_radius=r // 2)
        pygame.draw.rect(surface, theme.c("card_border"), badge, 1, border_radius=r // 2)
        surface.blit(hs, hs.get_rect(center=badge.center))
        badge_w = badge.width + pad // 2
        head_h = max(head_h, badge.height)
    kind = t(lang, f"card.type.{card.type}") if card.type in ("role", "task") else card.type
    mark = "●" if card.type == "role" else "■"
    draw_text(surface, theme, f"{mark} {kind}", (inner.left, inner.top + head_h // 2), small, theme.c("muted"),
              anchor="midleft", max_width=max(1, inner.width - badge_w))
    y = inner.top + head_h + 2
    tsize, tlines = fit_title(theme, card.title.get(lang), inner.width)
    tl = font(theme, tsize, True).get_linesize()
    for line in tlines:
        if y + tl > inner.bottom + tl // 4:
            break
        surface.blit(render(theme, line, tsize, theme.c("text"), True), (inner.left, y))
        y += tl
    y += 2
    lines = card_value_lines(deck, card, lang, short=True)
    if card.requires:
        lines = [(t(lang, "card.requires", tags=", ".join(card.requires)), "muted")] + lines
    # one text size for a whole row of cards (the scene passes it), else the biggest that fits
    size = value_size or value_text_size(theme, [x for x, _ in lines], inner.bottom - y, inner.width)
    lh = font(theme, size).get_linesize()
    room = max(0, (inner.bottom - y) // lh) - (1 if fit else 0)
    shown = lines
    if len(lines) > room:
        if room >= 3:
            shown = lines[: room - 1] + [(f"+{len(lines) - room + 1} …", "muted")]
        else:
            shown = []
            if room >= 1:  # no room for each value: their sums per shape on one line
                x = inner.left
                for text, colour in value_summary(lines):
                    rr = draw_text(surface, theme, text, (x, y), size, theme.c(colour), max_width=max(1, inner.right - x))
                    x = rr.right + theme.s("gap") // 2
                    if x >= inner.right:
                        break
                y += lh
    for text, colour in shown:
        draw_text(surface, theme, text, (inner.left, y), size, theme.c(colour), max_width=inner.width)
        y += lh
    if fit == "no":
        shade = pygame.Surface(rect.size, pygame.SRCALPHA)  # rounded like the card: corners stay clear
        pygame.draw.rect(shade, tuple(theme.c("overlay"))[:3] + (70,), shade.get_rect(), border_radius=r)
        surface.blit(shade, rect)
    if fit:  # the mark in words and a sign, never by colour alone
        words = {"fits": "card.fits", "swap": "card.fits_swap", "no": "card.no_fit"}[fit]
        text = t(lang, words) if fit != "no" else "✗ " + t(lang, words)
        mark_fg, mark_bg = ("warning_text", "warning_bg") if fit == "no" else ("text", "panel")
        # the words, smaller if need be, else the sign alone (✓ ⇄ ✗): never a word cut in half
        sign = text.split()[0]
        text, size = next(((x, z) for x, z in ((text, small), (text, theme.s("tiny")), (sign, small))
                           if font(theme, z, True).size(x)[0] + pad <= inner.width), (sign, small))
        label = render(theme, text, size, theme.c(mark_fg), True)
        box = label.get_rect(midbottom=(rect.centerx, rect.bottom - pad)).inflate(pad, 2)
        pygame.draw.rect(surface, theme.c(mark_bg), box, border_radius=r // 2)
        if fit != "no":
            pygame.draw.rect(surface, theme.c("card_border"), box, 1, border_radius=r // 2)
        surface.blit(label, label.get_rect(center=box.center))
    surface.set_clip(clip)


def progress(scene, key, duration: float = 0.25) -> float:
    """0..1 of a short animation, from the scene's `animate` helper; 1.0 (no motion) where the
    scene has no host or its host has motion off (reduced motion, autoplay, the monkey, headless
    tests), so tests and screenshots stay deterministic."""
    host = getattr(scene, "host", None)
    if host is None or not getattr(host, "motion_enabled", False):
        return 1.0
    animate = getattr(scene, "animate", None)
    if not callable(animate):
        return 1.0
    try:
        return max(0.0, min(1.0, float(animate(key, duration))))
    except Exception:  # an animation must never break a screen
        return 1.0


def ease(p: float) -> float:
    """Calm ease-out: fast start, soft landing."""
    p = max(0.0, min(1.0, p))
    return 1 - (1 - p) ** 3


def blend(a, b, p: float):
    return a + (b - a) * p


def draw_meter(surface, theme: Theme, rect: pygame.Rect, label: str, value: float,
               preview: float | None, colour_name: str) -> None:
    """A 0–100 bar with the number; a preview shows as an outlined marker and a signed difference."""
    size = theme.s("small")
    lh = font(theme, size, True).get_linesize()
    numbers = f"{round(value)}"
    if preview is not None and round(preview) != round(value):
        numbers += f" → {round(preview)} ({signed(round(preview) - round(value))})"
    # the whole label, else its short name in brackets ("Nodig voor anderen (zinvol)" -> "zinvol"),
    # a size smaller before either is shortened
    text, size = fitting_label(theme, label, rect.width, suffix=f": {numbers}")
    draw_text(surface, theme, text, rect.topleft, size, theme.c("text"), bold=True, max_width=rect.width)
    bar = pygame.Rect(rect.left, rect.top + lh + 2, rect.width, max(8, rect.height - lh - 4))
    pygame.draw.rect(surface, theme.c("meter_bg"), bar, border_radius=bar.height // 3)
    fill = bar.copy()
    fill.width = int(bar.width * max(0.0, min(100.0, value)) / 100)
    pygame.draw.rect(surface, theme.c(colour_name), fill, border_radius=bar.height // 3)
    if preview is not None:
        x = bar.left + int(bar.width * max(0.0, min(100.0, preview)) / 100)
        lo, hi = sorted((fill.right, x))
        if hi > lo:
            band = pygame.Rect(lo, bar.top, hi - lo, bar.height)
            pygame.draw.rect(surface, theme.c("preview"), band, max(2, theme.s("border")))
        pygame.draw.line(surface, theme.c("preview"), (x, bar.top - 4), (x, bar.bottom + 4), max(3, theme.s("border")))
    pygame.draw.rect(surface, theme.c("line"), bar, 1, border_radius=bar.height // 3)


def fitting_label(theme: Theme, label: str, width: int, suffix: str = "", prefix: str = "",
                  bold: bool = True) -> tuple[str, int]:
    """(text, size) for a label in `width`: the whole label at the small size, else the tiny one,
    else its short name in brackets ("Nodig voor anderen (zinvol)" -> "zinvol") at either size."""
    short = label[label.rfind("(") + 1:-1] if label.endswith(")") and "(" in label else label
    choices = [(prefix + text + suffix, theme.s(size)) for text in dict.fromkeys((label, short))
               for size in ("small", "tiny")]
    return next(((x, z) for x, z in choices if font(theme, z, bold).size(x)[0] <= width), choices[-1])


def draw_marker(surface, shape: str, centre, radius: int, colour, outline) -> None:
    """Player markers differ in shape as well as colour."""
    x, y = centre
    r = radius
    if shape == "square":
        rect = pygame.Rect(0, 0, r * 2, r * 2)
        rect.center = centre
        pygame.draw.rect(surface, colour, rect)
        pygame.draw.rect(surface, outline, rect, 2)
        return
    if shape in ("triangle", "diamond", "star", "cross"):
        if shape == "triangle":
            pts = [(x, y - r), (x + r, y + r), (x - r, y + r)]
        elif shape == "diamond":
            pts = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        elif shape == "cross":
            q = r // 2
            pts = [(x - q, y - r), (x + q, y - r), (x + q, y - q), (x + r, y - q), (x + r, y + q), (x + q, y + q),
                   (x + q, y + r), (x - q, y + r), (x - q, y + q), (x - r, y + q), (x - r, y - q), (x - q, y - q)]
        else:
            import math
            pts = []
            for i in range(10):
                rad = r if i % 2 == 0 else r * 0.45
                a = -math.pi / 2 + i * math.pi / 5
                pts.append((x + rad * math.cos(a), y + rad * math.sin(a)))
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, outline, pts, 2)
        return
    pygame.draw.circle(surface, colour, centre, r)
    pygame.draw.circle(surface, outline, centre, r, 2)
