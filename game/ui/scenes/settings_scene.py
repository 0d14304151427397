"""Settings: UI scale 100–200 %, language, high contrast, reduced motion; remembered in settings.json."""

from __future__ import annotations

from ..settings import SCALES
from ..text import draw_text, font
from .base import Scene


class SettingsScene(Scene):
    name = "settings"
    default_id = "back"

    def on_escape(self) -> bool:
        self.app.pop()
        return True

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        bh = int(th.s("button_h") * 0.85)
        x0 = int(w * 0.32)
        y = pad + th.s("h1") + gap * 3
        s = self.app.settings
        f = font(th, th.s("body"), True)
        self.rows = []

        def chips(prefix, items, current, cb):
            nonlocal y
            x = x0
            for value, label in items:
                bw = max(th.px(120), f.size("✓ " + label)[0] + pad * 2)
                self.button(f"{prefix}:{value}", (x, y, bw, bh), label, (lambda v=value: cb(v)),
                            kind="chip").selected = value == current
                x += bw + gap
            y += bh + gap * 2

        self.rows.append(("settings.scale", y))
        chips("scale", [(v, f"{int(v * 100)}%") for v in SCALES], s.ui_scale, self.set_scale)
        self.rows.append(("settings.lang", y))
        chips("lang", [("nl", "Nederlands"), ("en", "English")], s.lang, self.set_lang)
        self.rows.append(("settings.contrast", y))
        chips("contrast", [(False, self.t("settings.off")), (True, self.t("settings.on"))], s.high_contrast,
              self.set_contrast)
        self.rows.append(("settings.motion", y))
        chips("motion", [(False, self.t("settings.off")), (True, self.t("settings.on"))], s.reduced_motion,
              self.set_motion)
        self.button_row([("back", self.t("common.back"), self.app.pop)], right=True)

    def _apply(self) -> None:
        self.app.apply_settings()

    def set_scale(self, v):
        self.app.settings.ui_scale = v
        self._apply()

    def set_lang(self, v):
        self.app.settings.lang = v
        self._apply()

    def set_contrast(self, v):
        self.app.settings.high_contrast = v
        self._apply()

    def set_motion(self, v):
        self.app.settings.reduced_motion = v
        self._apply()

    def draw_content(self, surface) -> None:
        th = self.theme
        self.heading(surface, self.t("settings.title"))
        bh = int(th.s("button_h") * 0.85)
        for key, y in self.rows:
            draw_text(surface, th, self.t(key), (th.s("pad") * 2, y + bh // 2), th.s("body"), th.c("text"),
                      bold=True, anchor="midleft")
