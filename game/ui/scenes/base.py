"""The scene base: widgets with a focus ring, mouse/touch/keyboard handling, scrolling, messages."""

from __future__ import annotations

import pygame

from ...i18n import t
from ..text import draw_text, draw_wrapped, font, text_height
from ..widgets import Widget, draw_button, draw_field, draw_focus


class Scene:
    """A screen. `layout()` builds `self.widgets` from the window size; `draw` never changes state."""

    name = "scene"
    overlay = False  # drawn over the scene below it
    default_id: str | None = None  # the widget Enter activates when nothing else has focus

    def __init__(self, app) -> None:
        self.app = app
        self.widgets: list[Widget] = []
        self.focus_id: str | None = None
        self.hover_id: str | None = None
        self.message = ""
        self.scroll = 0
        self.scroll_max = 0
        self.scroll_rect: pygame.Rect | None = None
        self.dirty = True
        self._focus_moved = False

    # ----------------------------------------------------------------- helpers
    @property
    def theme(self):
        return self.app.theme

    @property
    def lang(self) -> str:
        return self.app.lang

    @property
    def session(self):
        return self.app.session

    @property
    def deck(self):
        return self.app.session.deck if self.app.session else None

    @property
    def state(self):
        return self.app.session.state

    def t(self, key: str, **params) -> str:
        return t(self.lang, key, **params)

    @property
    def size(self) -> tuple[int, int]:
        return self.app.size

    def widget(self, wid: str) -> Widget | None:
        return next((w for w in self.widgets if w.id == wid), None)

    def focusable(self) -> list[Widget]:
        return [w for w in self.widgets if w.focusable]

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

    def relayout(self) -> None:
        """Rebuild widgets for the current window and state, keeping the focus where it can."""
        keep = self.focus_id if self._focus_moved else None
        self.widgets = []
        self.layout()
        ids = {w.id for w in self.focusable()}
        if keep in ids:
            self.focus_id = keep
        else:
            self._focus_moved = False
            self.focus_id = self.default_id if self.default_id in ids else None
            if self.focus_id is not None and not self.widget(self.focus_id).enabled:
                self.focus_id = None
        self.scroll = max(0, min(self.scroll, self.scroll_max))
        self.dirty = True

    def layout(self) -> None:
        pass

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
            self.focus_id = w.id
            self._focus_moved = True
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
        self.dirty = True

    def ensure_visible(self, w: Widget) -> None:
        pass

    def on_focus_change(self) -> None:
        pass

    def focused(self) -> Widget | None:
        return self.widget(self.focus_id) if self.focus_id else None

    def on_enter(self) -> None:
        """Enter: activate the focused widget, else the default one."""
        w = self.focused()
        if w is None and self.default_id:
            w = self.widget(self.default_id)
        if w is not None:
            if w.kind == "field":
                d = self.widget(self.default_id) if self.default_id else None
                if d is not None:
                    self.activate(d)
                return
            self.activate(w)

    def on_escape(self) -> bool:
        """Return True when the scene used Esc itself (otherwise the pause menu opens)."""
        return False

    def on_text(self, text: str) -> None:
        w = self.focused()
        if w is not None and w.kind == "field":
            limit = w.data.get("limit", 40)
            w.data["text"] = (w.data.get("text", "") + text)[:limit]
            self.on_field_change(w)
            self.dirty = True

    def on_backspace(self) -> None:
        w = self.focused()
        if w is not None and w.kind == "field":
            w.data["text"] = w.data.get("text", "")[:-1]
            self.on_field_change(w)
            self.dirty = True

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
            if event.buttons and event.buttons[0] and self.scroll_rect and self.scroll_rect.collidepoint(event.pos):
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
            w, h = self.size
            self.click_at((int(event.x * w), int(event.y * h)))
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
        elif key in (pygame.K_RIGHT, pygame.K_DOWN) and not in_field:
            self.move_focus(1)
        elif key in (pygame.K_LEFT, pygame.K_UP) and not in_field:
            self.move_focus(-1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.on_enter()
        elif key == pygame.K_SPACE and not in_field:
            if w is not None:
                self.activate(w)
        elif key == pygame.K_BACKSPACE:
            self.on_backspace()
        elif key in (pygame.K_PAGEDOWN,):
            self.on_scroll(10)
        elif key in (pygame.K_PAGEUP,):
            self.on_scroll(-10)

    # ----------------------------------------------------------------- autoplay
    def rect_for(self, action: dict | None) -> pygame.Rect | None:
        """Where a player would click next to take `action` (None: the default button)."""
        w = self.widget(self.default_id) if self.default_id else None
        return w.rect if w is not None and w.enabled else None

    # ----------------------------------------------------------------- drawing
    def draw(self, surface) -> None:
        surface.fill(self.theme.c("bg"))
        self.draw_content(surface)
        self.draw_widgets(surface)
        self.draw_message(surface)

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
            draw_focus(surface, self.theme, f.rect)

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
        height = text_height(th, self.message, size, width - 2 * th.s("pad")) + 2 * th.s("gap")
        rect = pygame.Rect(0, 0, width, height)
        rect.midbottom = (w // 2, h - th.s("pad") * 2 - th.s("button_h"))
        pygame.draw.rect(surface, th.c("warning_bg"), rect, border_radius=th.s("radius"))
        pygame.draw.rect(surface, th.c("warning_text"), rect, th.s("border"), border_radius=th.s("radius"))
        draw_wrapped(surface, th, self.message, rect.inflate(-2 * th.s("pad"), -2 * th.s("gap")), size,
                     th.c("warning_text"), bold=True)

    def heading(self, surface, text: str, y: int | None = None, size: str = "h1") -> int:
        th = self.theme
        y = th.s("pad") if y is None else y
        rect = draw_text(surface, th, text, (th.s("pad") * 2, y), th.s(size), th.c("text"), bold=True)
        return rect.bottom
