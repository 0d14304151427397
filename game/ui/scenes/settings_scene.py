"""Settings: UI scale 100–200 %, language, high contrast, reduced motion, reading aloud, projector; remembered in
settings.json (see game/ui/settings.py for how command-line values are treated)."""

from __future__ import annotations

from ..settings import SCALES
from ..text import draw_text, font
from .base import Scene


class SettingsScene(Scene):
    name = "settings"
    default_id = "back"

    closes_on_escape = True

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        bh = int(th.s("button_h") * 0.85)
        labels = ("settings.scale", "settings.lang", "settings.contrast", "settings.motion", "settings.voice",
                  "settings.projector")
        widest = max(font(th, th.s("body"), True).size(self.t(k))[0] for k in labels)
        x0 = max(int(w * 0.32), pad * 2 + widest + gap * 2)  # chips never cover a label
        y = pad + th.s("h1") + gap * 3
        s = self.controller.settings
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

        on_off = [(False, self.t("settings.off")), (True, self.t("settings.on"))]
        self.rows.append(("settings.scale", y))
        chips("scale", [(v, f"{int(v * 100)}%") for v in SCALES], s.ui_scale, self.setter("ui_scale"))
        self.rows.append(("settings.lang", y))
        chips("lang", [("nl", "Nederlands"), ("en", "English")], s.lang, self.setter("lang"))
        self.rows.append(("settings.contrast", y))
        chips("contrast", on_off, s.high_contrast, self.setter("high_contrast"))
        self.rows.append(("settings.motion", y))
        chips("motion", on_off, s.reduced_motion, self.setter("reduced_motion"))
        self.rows.append(("settings.voice", y))
        chips("voice", on_off, s.voice, self.setter("voice"))
        self.rows.append(("settings.projector", y))
        chips("projector", on_off, s.projector, self.setter("projector"))
        self.button_row([("back", self.t("common.back"), self.host.pop)], right=True)

    def setter(self, name: str):
        def set_value(value) -> None:
            self.host.change_setting(name, value)
        return set_value

    def draw_content(self, surface) -> None:
        th = self.theme
        self.heading(surface, self.t("settings.title"))
        bh = int(th.s("button_h") * 0.85)
        for key, y in self.rows:
            draw_text(surface, th, self.t(key), (th.s("pad") * 2, y + bh // 2), th.s("body"), th.c("text"),
                      bold=True, anchor="midleft")
