"""The scene base: widgets with a focus ring, mouse/touch/keyboard handling, scrolling, messages,
and what every screen gets for free: fitting the window, short skippable animations, spoken text,
and a note when the deck is not in the player's language or the game cannot be saved.

Every scene class with a `name` registers itself in `SCENES` (name -> class): the window shows the
scene the controller's route names, so adding a screen is adding its module (and importing it in
game/ui/scenes/__init__.py). A scene is made with its host alone: `SceneClass(host)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from ...i18n import has, t
from ..spoken import widget_text
from ..text import draw_text, draw_wrapped, font, text_height
from ..widgets import Widget, draw_button, draw_field, draw_focus

MIN_FIT = 1.0  # the automatic fit never makes a screen smaller than its 100 % layout
FIT_STEP = 0.9


ARROWS = {pygame.K_RIGHT: (1, 0), pygame.K_LEFT: (-1, 0), pygame.K_DOWN: (0, 1), pygame.K_UP: (0, -1)}

if TYPE_CHECKING:
    from ..controller import Controller
    from ..host import Host

SCENES: dict[str, type["Scene"]] = {}


class Scene:
    """A screen. `layout()` builds `self.widgets` from the window size; `draw` never changes state."""

    name = "scene"
    overlay = False  # drawn over the scene below it
    default_id: str | None = None  # the widget Enter activates when nothing else has focus
    # Enter with nothing in focus and no default moves the focus to the first choice (a choice the
    # player then sees, and hears, before a second Enter takes it) instead of doing nothing
    enter_focuses_first = False
    text_target: str | None = None  # the text field that typing goes into, even when not clicked

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            SCENES[cls.name] = cls

    def __init__(self, host: "Host") -> None:
        self.host = host
        self.route_key: tuple | None = None  # (route key, scene name) when the controller's route made it
        self.photographed = False  # --screenshots: this scene is saved once
        self._field_history: dict[str, list[str]] = {}  # per text field: earlier texts, for Ctrl+Z
        self.widgets: list[Widget] = []
        self.focus_id: str | None = None
        self.hover_id: str | None = None
        self.message = ""
        self.scroll = 0
        self.scroll_max = 0
        self.scroll_rect: pygame.Rect | None = None
        self.dirty = True
        self._focus_moved = False
        self.fit = 1.0  # < 1 when this screen's layout had to shrink to fit the window (see relayout)
        self.text_fit = 1.0  # the most this screen may use after text was cut at a larger size
        self._fit_for: tuple[tuple[int, int], float] | None = None  # (window size, UI scale) that text_fit was found for
        self.heading_text = ""  # the last heading drawn: the default start of spoken_text()
        self._animations: dict[str, float] = {}  # key -> app clock when it started
        self._skip_before = -1.0  # animations started before this moment are finished

    # ----------------------------------------------------------------- helpers
    @property
    def theme(self):
        return self.host.theme

    @property
    def controller(self) -> "Controller":
        return self.host.controller

    @property
    def lang(self) -> str:
        return self.host.lang

    @property
    def session(self):
        return self.controller.session

    @property
    def deck(self):
        session = self.controller.session
        return session.deck if session else None

    @property
    def state(self):
        return self.controller.session.state

    def t(self, key: str, **params) -> str:
        return t(self.lang, key, **params)

    @property
    def size(self) -> tuple[int, int]:
        return self.host.size

    def widget(self, wid: str) -> Widget | None:
        return next((w for w in self.widgets if w.id == wid), None)

    def focusable(self) -> list[Widget]:
        return self.focus_order()

    def button(self, wid, rect, label, on_click, enabled=True, style="primary", kind="button", **data) -> Widget:
        w = Widget(wid, pygame.Rect(rect), label, on_click, enabled, kind, style, dict(data))
        self.widgets.append(w)
        return w

    def button_row(self, specs, y: int | None = None, right: bool = False) -> None:
        """Buttons side by side at the bottom: specs are (id, label, on_click, enabled, style)."""
        th = self.theme
        w, h = self.size
        pad, gap, bh = th.s("pad"), th.s("gap"), th.s("button_h")
        f = font(th, th.s("body"), True)
        widths = [max(th.s("button_min_w"), f.size(s[1])[0] + 2 * pad) for s in specs]
        total = sum(widths) + gap * (len(specs) - 1)
        avail = w - 2 * pad
        if total > avail:
            self._squeezed = True  # labels would be cut: a reason for the automatic fit to shrink
            scale = (avail - gap * (len(specs) - 1)) / max(1, sum(widths))
            widths = [int(x * scale) for x in widths]
            total = sum(widths) + gap * (len(specs) - 1)
        x = (w - pad - total) if right else (w - total) // 2
        y = h - pad - bh if y is None else y
        for spec, bw in zip(specs, widths):
            wid, label, cb = spec[0], spec[1], spec[2]
            enabled = spec[3] if len(spec) > 3 else True
            style = spec[4] if len(spec) > 4 else "primary"
            self.button(wid, (x, y, bw, bh), label, cb, enabled, style)
            x += bw + gap

    # ----------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        self.relayout()

    def leave(self) -> None:
        """The scene is no longer shown: let go of what it holds (a scene may live on in a
        reference cycle until the garbage collector comes by)."""

    def fit_floor(self) -> float:
        return min(1.0, MIN_FIT / max(MIN_FIT, self.host.theme.ui_scale))

    shrinks_for_cut_text = True  # a screen that shortens text by design checks its own layout instead

    def shrink_for_text(self) -> bool:
        """Text was cut while this screen was drawn (a large UI scale in a small window): lay it
        out a step smaller, never below the 100 % layout. False when it cannot shrink further."""
        if not self.shrinks_for_cut_text or self.fit <= self.fit_floor():
            return False
        self.text_fit = max(self.fit_floor(), self.fit * FIT_STEP)
        self.relayout()
        self.dirty = True
        return True

    def relayout(self) -> None:
        """Rebuild widgets for the current window and state, keeping the focus where it can.

        Automatic fit: when a widget would fall outside the window or on top of another one (a
        large UI scale in a small window), or text was cut when the screen was drawn (see
        shrink_for_text), the layout is made again a little smaller, down to the 100 % layout at
        the least. The factor is kept in `self.fit`; the window sets it on the theme
        whenever this scene lays out, handles input or draws."""
        keep = self.focus_id if self._focus_moved else None
        theme = self.host.theme
        floor = self.fit_floor()
        if self._fit_for != (self.size, theme.ui_scale):  # a new window or scale: text may fit again
            self._fit_for = (self.size, theme.ui_scale)
            self.text_fit = 1.0
        self.fit = max(floor, min(1.0, self.text_fit))
        while True:
            theme.fit = self.fit
            self.widgets = []
            self._squeezed = False
            self.layout()
            if self.fit <= floor or not self.layout_problems():
                break
            self.fit = max(floor, self.fit * FIT_STEP)
        ids = {w.id for w in self.focusable()}
        if keep in ids:
            self.focus_id = keep
        else:
            self._focus_moved = False
            self.focus_id = self.default_id if self.default_id in ids else None
            if self.focus_id is not None:
                default = self.widget(self.focus_id)
                assert default is not None  # the focus was just chosen among the widgets
                if not default.enabled:
                    self.focus_id = None
        self.scroll = max(0, min(self.scroll, self.scroll_max))
        self.dirty = True

    def layout(self) -> None:
        pass

    def layout_problems(self) -> list[str]:
        """Widgets outside the window or overlapping each other (those inside a scrolling clip
        region are allowed past its edge)."""
        win = pygame.Rect((0, 0), self.size)
        out = []
        shown = [w for w in self.widgets if not w.data.get("clip")]
        if getattr(self, "_squeezed", False):
            out.append("the button row is narrower than its labels")
        for i, w in enumerate(shown):
            if w.rect.width <= 0 or w.rect.height <= 0:
                out.append(f"{w.id} has no room")
            if not win.contains(w.rect):
                out.append(f"{w.id} outside the window")
            for other in shown[i + 1:]:
                if w.rect.colliderect(other.rect):
                    out.append(f"{w.id} overlaps {other.id}")
        return out

    # ----------------------------------------------------------------- motion
    def animate(self, key: str, duration: float) -> float:
        """Progress 0.0 → 1.0 of the short animation `key` (a card sliding in, a meter filling).

        The clock starts the first time a key is asked for; ask again each frame and draw with the
        progress. Returns 1.0 at once when motion is off (`host.motion_enabled` is False: the
        reduced-motion setting, autoplay, the monkey and tests) and after any key press, click or
        tap since the animation started: input always skips to the end state. While a value is
        below 1.0 the loop keeps drawing frames. Use `restart_animation(key)` to play it again.
        The end state (1.0) must show everything: an animation may never be the only carrier of
        information."""
        if duration <= 0 or not self.host.motion_enabled:
            return 1.0
        now = self.host.clock
        start = self._animations.setdefault(key, now)
        if start <= self._skip_before:
            return 1.0
        progress = min(1.0, (now - start) / duration)
        if progress < 1.0:
            self.host.request_frame()
        return progress

    def restart_animation(self, key: str) -> None:
        self._animations.pop(key, None)

    def skip_animations(self) -> None:
        """Any key press, click or tap (the window calls this before the scene sees the input)."""
        self._skip_before = self.host.clock

    def update(self, dt: float) -> None:
        pass

    def wants_ticks(self) -> bool:
        """True while something moves by itself (a timer); the loop then wakes up regularly."""
        return False

    # ----------------------------------------------------------------- input
    def widget_at(self, pos) -> Widget | None:
        for w in reversed(self.widgets):
            if w.rect.collidepoint(pos):
                return w
        return None

    def click_at(self, pos) -> None:
        w = self.widget_at(pos)
        if w is None:
            self.on_background_click(pos)
            return
        if w.focusable:
            changed = self.focus_id != w.id
            self.focus_id = w.id
            self._focus_moved = True
            if changed:
                self.speak_focus()
        self.activate(w)

    def on_background_click(self, pos) -> None:
        pass

    def activate(self, w: Widget) -> None:
        if w.kind == "field":
            self.focus_id = w.id
            self._focus_moved = True
            self.dirty = True
            return
        if not w.enabled:
            reason = w.data.get("why")
            if reason:
                self.message = reason
                self.dirty = True
            return
        self.message = ""
        w.click()
        self.dirty = True

    def move_focus(self, step: int) -> None:
        items = [w for w in self.focusable()]
        if not items:
            return
        ids = [w.id for w in items]
        if self.focus_id in ids:
            i = (ids.index(self.focus_id) + step) % len(ids)
        else:
            i = 0 if step > 0 else len(ids) - 1
        self.focus_id = ids[i]
        self._focus_moved = True
        self.ensure_visible(items[i])
        self.on_focus_change()
        self.speak_focus()
        self.dirty = True

    def focus_order(self) -> list[Widget]:
        """The widgets in Tab order: the order the scene created them (it lays them out reading
        order: top to bottom, left to right). A scene whose layout differs overrides this."""
        return [w for w in self.widgets if w.focusable]

    def move_focus_towards(self, dx: int, dy: int) -> None:
        """Arrow keys: the nearest widget in that direction (a grid of chips or a row of cards),
        else the next or previous one in Tab order."""
        cur = self.focused()
        if cur is None:
            self.move_focus(1 if dx + dy > 0 else -1)
            return
        cx, cy = cur.rect.center
        best, best_score = None, None
        for w in self.focusable():
            if w is cur:
                continue
            vx, vy = w.rect.centerx - cx, w.rect.centery - cy
            along = vx * dx + vy * dy
            if along <= 0:
                continue
            # sharing a row (or column) with the focused widget beats being closer diagonally
            if dx:
                across = 0 if w.rect.top < cur.rect.bottom and cur.rect.top < w.rect.bottom else abs(vy)
            else:
                across = 0 if w.rect.left < cur.rect.right and cur.rect.left < w.rect.right else abs(vx)
            score = (across > 0, along + 2 * across)
            if best_score is None or score < best_score:
                best, best_score = w, score
        if best is None:
            self.move_focus(1 if dx + dy > 0 else -1)
            return
        self.focus_id = best.id
        self._focus_moved = True
        self.ensure_visible(best)
        self.on_focus_change()
        self.speak_focus()
        self.dirty = True

    def ensure_visible(self, w: Widget) -> None:
        pass

    def on_focus_change(self) -> None:
        pass

    def focused(self) -> Widget | None:
        return self.widget(self.focus_id) if self.focus_id else None

    def on_enter(self) -> None:
        """Enter: activate the focused widget, else the default one. In a text field Enter ends
        the typing: the focus moves on to the default button, which a next Enter presses."""
        w = self.focused()
        if w is None and self.default_id:
            w = self.widget(self.default_id)
        if w is None and self.enter_focuses_first:
            self.move_focus(1)
            return
        if w is not None:
            if w.kind == "field":
                d = self.widget(self.default_id) if self.default_id else None
                if d is not None:
                    self.focus_id = d.id
                    self._focus_moved = True
                    self.speak_focus()
                    self.dirty = True
                return
            self.activate(w)

    closes_on_escape = False  # scenes laid over the game (pause, settings, rules, explanations) close with Esc

    def on_escape(self) -> bool:
        """Return True when the scene used Esc itself (otherwise the pause menu opens)."""
        if self.closes_on_escape:
            self.host.pop()
            return True
        return False

    def doc_area(self, max_width: int | None = None) -> pygame.Rect:
        """The scrolling text area of a document scene: under the heading, above the buttons."""
        th = self.theme
        w, h = self.size
        pad = th.s("pad")
        top = pad + th.s("h1") + th.s("gap")
        width = w - pad * 5 if max_width is None else min(w - pad * 5, max_width)
        return pygame.Rect(pad * 2, top, width, h - top - pad * 3 - th.s("button_h"))

    def typing(self) -> bool:
        """True while typing goes into a text field: V then types a v, Space a space."""
        w = self.focused()
        return (w is not None and w.kind == "field") or bool(self.text_target and self.widget(self.text_target))

    def typing_field(self) -> Widget | None:
        """The field typed text goes into: the focused one, else the screen's text target (the
        reflection's answer box takes typing without a click first)."""
        w = self.focused()
        if w is not None and w.kind == "field":
            return w
        target = self.widget(self.text_target) if self.text_target else None
        if target is not None and target.kind == "field":
            self.focus_id = target.id
            self._focus_moved = True
            return target
        return None

    def set_field_text(self, w: Widget, text: str) -> None:
        before = w.data.get("text", "")
        if text == before:
            return
        history = self._field_history.setdefault(w.id, [])
        # one undo step per word: a new step starts after a space, or when text was erased
        if not history or before.endswith(" ") or len(text) < len(before) or len(history[-1]) > len(before):
            history.append(before)
        w.data["text"] = text
        self.on_field_change(w)
        self.dirty = True

    def on_text(self, text: str) -> None:
        w = self.typing_field()
        if w is not None:
            limit = w.data.get("limit", 40)
            self.set_field_text(w, (w.data.get("text", "") + text)[:limit])

    def on_backspace(self) -> None:
        w = self.typing_field()
        if w is not None:
            self.set_field_text(w, w.data.get("text", "")[:-1])

    def on_undo(self) -> None:
        """Ctrl+Z: in a text field the last word typed (or erased) comes back; elsewhere the
        screen's own undo (the turn screen takes back a move)."""
        w = self.focused()
        if w is not None and w.kind == "field":
            history = self._field_history.get(w.id)
            if history:
                w.data["text"] = history.pop()
                self.on_field_change(w)
                self.dirty = True
            return
        self.undo_move()

    def undo_move(self) -> None:
        pass

    def on_field_change(self, w: Widget) -> None:
        pass

    def on_scroll(self, lines: int) -> None:
        if self.scroll_max <= 0:
            return
        step = font(self.theme, self.theme.s("body")).get_linesize()
        self.scroll = max(0, min(self.scroll_max, self.scroll + lines * step))
        self.relayout()

    def handle(self, event) -> None:
        et = event.type
        if et == pygame.MOUSEMOTION:
            w = self.widget_at(event.pos)
            hid = w.id if w else None
            dragging = event.buttons and event.buttons[0] and not getattr(event, "touch", False)
            if dragging and self.scroll_rect and self.scroll_rect.collidepoint(event.pos):
                if event.rel[1]:
                    self.scroll = max(0, min(self.scroll_max, self.scroll - event.rel[1]))
                    self.relayout()
            if hid != self.hover_id:
                self.hover_id = hid
                self.on_focus_change()
                self.dirty = True
        elif et == pygame.MOUSEBUTTONDOWN:
            if getattr(event, "touch", False):
                return  # the FINGERDOWN event handles touches
            if event.button == 1:
                self.click_at(event.pos)
            elif event.button in (4, 5):
                self.on_scroll(-3 if event.button == 4 else 3)
        elif et == pygame.FINGERDOWN:
            sw, sh = self.size
            self.click_at((int(event.x * sw), int(event.y * sh)))
        elif et == pygame.FINGERMOTION:  # a finger dragged over a scrolling area scrolls it
            sw, sh = self.size
            pos = (int(event.x * sw), int(event.y * sh))
            dy = int(event.dy * sh)
            if dy and self.scroll_rect and self.scroll_rect.collidepoint(pos) and self.scroll_max > 0:
                self.scroll = max(0, min(self.scroll_max, self.scroll - dy))
                self.relayout()
        elif et == pygame.MOUSEWHEEL:
            self.on_scroll(-3 * int(event.y))
        elif et == pygame.TEXTINPUT:
            self.on_text(event.text)
        elif et == pygame.KEYDOWN:
            self.on_key(event)

    def on_key(self, event) -> None:
        key = event.key
        w = self.focused()
        in_field = w is not None and w.kind == "field"
        if key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif key in ARROWS and not in_field:
            self.move_focus_towards(*ARROWS[key])
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.on_enter()
        elif key == pygame.K_SPACE and not in_field and not (self.text_target and self.widget(self.text_target)):
            if w is not None:
                self.activate(w)
        elif key == pygame.K_BACKSPACE:
            self.on_backspace()
        elif key in (pygame.K_PAGEDOWN,):
            self.on_scroll(10)
        elif key in (pygame.K_PAGEUP,):
            self.on_scroll(-10)

    # ----------------------------------------------------------------- drawing
    def draw(self, surface) -> None:
        surface.fill(self.theme.c("bg"))
        self.draw_content(surface)
        self.draw_widgets(surface)
        self.draw_message(surface)
        self.draw_notes(surface)

    def draw_content(self, surface) -> None:
        pass

    def draw_widgets(self, surface) -> None:
        clip = surface.get_clip()
        for w in self.widgets:
            if w.data.get("clip"):
                surface.set_clip(w.data["clip"])
            self.draw_widget(surface, w)
            surface.set_clip(clip)
        f = self.focused()
        if f is not None:
            self.draw_focus_ring(surface, f.rect)

    def draw_focus_ring(self, surface, rect: pygame.Rect) -> None:
        """The focus ring, with a thin line in the background colour around it, so that it shows on
        any colour (a card, a dark overlay, a selected chip)."""
        th = self.theme
        draw_focus(surface, th, rect)
        w = th.s("focus_width")
        edge = max(1, w // 3)
        pygame.draw.rect(surface, th.c("bg"), rect.inflate(w * 3 + edge * 2, w * 3 + edge * 2), edge,
                         border_radius=th.s("radius") + edge)

    def draw_widget(self, surface, w: Widget) -> None:
        if w.kind == "field":
            draw_field(surface, self.theme, w, w.id == self.focus_id)
        elif w.kind in ("button", "chip"):
            draw_button(surface, self.theme, w, w.id == self.hover_id)

    def draw_message(self, surface) -> None:
        if not self.message:
            return
        th = self.theme
        w, h = self.size
        size = th.s("body")
        width = min(w - 2 * th.s("pad"), th.px(1400))
        height = text_height(th, self.message, size, width - 2 * th.s("pad"), bold=True) + 2 * th.s("gap")
        rect = pygame.Rect(0, 0, width, height)
        rect.midbottom = (w // 2, h - th.s("pad") * 2 - th.s("button_h"))
        pygame.draw.rect(surface, th.c("warning_bg"), rect, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("warning_text"), rect, th.s("border"), border_radius=th.s("radius"))
        cover = getattr(surface, "cover", None)  # the layout audit: the message hides what lies under it
        if cover is not None:
            cover(rect)
        draw_wrapped(surface, th, self.message, rect.inflate(-2 * th.s("pad"), -2 * th.s("gap")), size,
                     th.c("warning_text"), bold=True)

    def heading(self, surface, text: str, y: int | None = None, size: str = "h1") -> int:
        th = self.theme
        if size == "h1":
            self.heading_text = text  # remembered for spoken_text(); nothing else depends on it
        y = th.s("pad") if y is None else y
        rect = draw_text(surface, th, text, (th.s("pad") * 2, y), th.s(size), th.c("text"), bold=True)
        return rect.bottom

    # ----------------------------------------------------------------- language
    def language_note(self) -> str:
        """A sentence when the game's deck lacks the screen language (its cards then show in the
        deck's own first language); empty otherwise."""
        deck = self.deck
        langs = tuple(getattr(deck, "languages", ()) or ())
        if deck is None or not langs or self.lang in langs:
            return ""
        shown = langs[0]
        name = self.t(f"lang.{shown}") if has(self.lang, f"lang.{shown}") else shown
        return self.t("deck.lang_fallback", language=name)

    def notes(self) -> str:
        """The banner's text: the game cannot be saved (said first: nothing matters more) and
        the deck is not in the screen language."""
        return " · ".join(x for x in (self.controller.save_problem, self.language_note()) if x)

    def draw_notes(self, surface) -> None:
        """The notes as a thin banner along the top edge (inside the top margin)."""
        note = self.notes()
        if not note:
            return
        th = self.theme
        w, _ = self.size
        height = max(th.s("pad"), th.px(30))
        size = th.s("tiny")
        f = font(th, size, True)
        while size > 10 and (f.get_height() > height or f.size(note)[0] > w - 2 * th.s("gap")):
            size -= 1
            f = font(th, size, True)
        rect = pygame.Rect(0, 0, w, height)
        pygame.draw.rect(surface, th.c("warning_bg"), rect)
        pygame.draw.line(surface, th.c("warning_text"), rect.bottomleft, rect.bottomright, max(1, th.s("border") // 2))
        draw_text(surface, th, note, rect.center, size, th.c("warning_text"), bold=True, anchor="center")

    # ----------------------------------------------------------------- speech
    def spoken_text(self) -> str:
        """What the voice says when this screen appears: its title, its main content (the new card,
        event, prompt or question: `main_content`), the notes and the focused widget."""
        try:
            content = self.main_content()
        except (KeyError, AttributeError, IndexError):  # speech must never break a screen
            content = ""
        parts = [self.heading_text or self.t("app.title"), content, self.notes()]
        w = self.focused() or (self.widget(self.default_id) if self.default_id else None)
        if w is not None:
            parts.append(self.widget_speech(w))
        return ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip()) + "."

    def main_content(self) -> str:
        """What is new on this screen, for the voice (the event, the prompt, the dilemma)."""
        return ""

    def widget_speech(self, w: Widget) -> str:
        """What the voice says when `w` gets the focus: its label, state and, for a card, its content."""
        return widget_text(self, w)

    def speak_focus(self) -> None:
        w = self.focused()
        if w is not None:
            self.host.say(self.widget_speech(w))
