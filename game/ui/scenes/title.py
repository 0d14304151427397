"""The title screen: the game's mark (a fan of society's themes as cards around the boost), its name
and promise, and new game, continue the autosaved game, the rules, settings, quit."""

from __future__ import annotations

import math

import pygame

from ..card_face import icon_surface
from ..decks import preload
from ..text import draw_text, draw_wrapped, font, text_height, wrap
from ..theme import theme_data
from ..widgets import mark_default
from .base import Scene

# The mark: society's six themes as cards (their band colours and an icon each), fanned out behind
# the boost card in the middle. Shapes and icons carry the picture, not colour alone.
FAN = (("vermillion", "stethoscope"), ("blue", "school"), ("yellow", "shield"),
       ("bluish_green", "leaf"), ("orange", "coins"), ("reddish_purple", "users-group"))
CENTRE = ("teal", "trending-up")
SPREAD = 84.0  # degrees between the outer cards of the fan


def _band(name: str) -> tuple[str, str]:
    bands = theme_data()["card_faces"]["bands"]
    band = bands.get(name) or {"fill": "#2F6F73", "ink": "#FFFFFF"}
    return band["fill"], band["ink"]


def card_tile(width: int, fill: str, ink: str, icon: str, edge, corner: str = "") -> pygame.Surface:
    """One card of the mark: a rounded card in a theme's colour with its icon in the middle, or in
    its top `corner` ("left"/"right": the part a fanned card shows), an edge around it."""
    height = int(width * 1.4)
    tile = pygame.Surface((width, height), pygame.SRCALPHA)
    radius = max(3, width // 8)
    pygame.draw.rect(tile, edge, tile.get_rect(), border_radius=radius)
    inner = tile.get_rect().inflate(-max(2, width // 24) * 2, -max(2, width // 24) * 2)
    pygame.draw.rect(tile, pygame.Color(fill), inner, border_radius=max(2, radius - 2))
    size = int(width * (0.42 if corner else 0.58))
    picture = icon_surface(icon, ink, size)
    if corner == "left":
        tile.blit(picture, picture.get_rect(topleft=(int(width * 0.12), int(width * 0.14))))
    elif corner == "right":
        tile.blit(picture, picture.get_rect(topright=(width - int(width * 0.12), int(width * 0.14))))
    else:
        tile.blit(picture, picture.get_rect(center=(width // 2, height // 2)))
    return tile


def draw_mark(surface, theme, centre: tuple[int, int], size: int, opened: float = 1.0) -> pygame.Rect:
    """The game's mark inside a square of `size` around `centre`; `opened` 0..1 fans the cards out.
    Returns the area drawn."""
    card_w = max(12, int(size * 0.26))
    edge = theme.c("card")
    pivot = (centre[0], centre[1] + int(size * 0.30))  # the cards turn around a point below the middle
    reach = size * 0.30
    area = pygame.Rect(0, 0, 0, 0)
    area.center = centre
    n = len(FAN)
    # from the outside in: each card shows the outer part of the card under it, icon and all
    order = [i for pair in zip(range(n // 2), range(n - 1, n // 2 - 1, -1)) for i in pair]
    for i in order:
        band, icon = FAN[i]
        angle = (-SPREAD / 2 + SPREAD * i / (n - 1)) * opened
        fill, ink = _band(band)
        corner = "left" if i < n // 2 else "right"
        tile = pygame.transform.rotozoom(card_tile(card_w, fill, ink, icon, edge, corner), -angle, 1.0)
        rad = math.radians(angle)
        cx = pivot[0] + math.sin(rad) * reach
        cy = pivot[1] - math.cos(rad) * reach - card_w * 0.7
        rect = tile.get_rect(center=(int(cx), int(cy)))
        surface.blit(tile, rect)
        area = area.union(rect) if area.width else rect
    fill, ink = _band(CENTRE[0])
    big = card_tile(int(card_w * 1.25), fill, ink, CENTRE[1], edge)
    rect = big.get_rect(midbottom=(pivot[0], int(pivot[1] + size * 0.06)))
    surface.blit(big, rect)
    return area.union(rect)


def draw_theme_band(surface, theme) -> int:
    """Society's themes' colours as a thin band along the bottom edge, like the top of a card: the
    screens around the play share it. Returns its height."""
    w, h = surface.get_size()
    band_h = theme.px(12)
    fills = [_band(b)[0] for b, _ in FAN]
    step = w / len(fills)
    for i, fill in enumerate(fills):
        pygame.draw.rect(surface, pygame.Color(fill), (int(i * step), h - band_h, int(step) + 1, band_h))
    return band_h


class TitleScene(Scene):
    name = "title"
    default_id = "new"

    def layout(self) -> None:
        th = self.theme
        w, h = self.size
        pad, gap = th.s("pad"), th.s("gap")
        bh = th.s("button_h")
        buttons = 4 + (1 if self.controller.backup_offered else 0) + 1
        notice_h = (text_height(th, self.controller.title_notice, th.s("body"), w * 3 // 4) + gap
                    if self.controller.title_notice else 0)
        usable = pygame.Rect(pad * 2, pad * 2, w - pad * 4, h - pad * 4 - notice_h - th.px(12))
        # the mark on the left, the name and the buttons on the right (two columns on every size
        # from 1024x600 to 3840x2160: all are wider than tall)
        left_w = int(usable.width * 0.44)
        self.mark_size = min(left_w, usable.height)
        self.mark_centre = (usable.left + left_w // 2, usable.centery)
        col = pygame.Rect(usable.left + left_w + pad, usable.top, usable.width - left_w - pad, usable.height)
        bw = min(th.px(640), col.width)
        title_size = th.s("title")
        name_lines = wrap(th, self.t("app.title"), title_size, col.width, True)
        name_h = font(th, title_size, True).get_linesize() * len(name_lines)
        tag_h = text_height(th, self.t("title.tagline"), th.s("h2") * 3 // 4 + th.s("body") // 4, col.width)
        block = name_h + gap + tag_h + gap * 2 + buttons * bh + (buttons - 1) * gap
        y = col.top + max(0, (col.height - block) // 2)
        self.name_rect = pygame.Rect(col.left, y, col.width, name_h)
        y += name_h + gap
        self.tagline_rect = pygame.Rect(col.left, y, col.width, tag_h)
        y += tag_h + gap * 2
        self.column = col
        from .rules import RulesScene
        from .settings_scene import SettingsScene
        from .setup import SetupScene

        x = col.left
        self.button("new", (x, y, bw, bh), self.t("title.new"), lambda: self.host.push(SetupScene(self.host)))
        y += bh + gap
        self.button("continue", (x, y, bw, bh), self.t("title.continue"), self.host.resume,
                    enabled=self.controller.has_autosave(), style="alt", why=self.t("title.save_missing"))
        y += bh + gap
        if self.controller.backup_offered:
            self.button("backup", (x, y, bw, bh), self.t("title.backup"), lambda: self.host.resume(from_backup=True),
                        style="alt")
            y += bh + gap
        self.button("rules", (x, y, bw, bh), self.t("title.rules"), lambda: self.host.push(RulesScene(self.host)),
                    style="alt")
        y += bh + gap
        self.button("settings", (x, y, bw, bh), self.t("title.settings"),
                    lambda: self.host.push(SettingsScene(self.host)), style="alt")
        y += bh + gap
        self.button("quit", (x, y, bw, bh), self.t("title.quit"), self.host.quit, style="alt")
        mark_default(self)

    _shown = False

    def update(self, dt: float) -> None:
        if self._shown:
            preload(self.controller)  # the decks load while the player reads the title (once per run)

    def draw(self, surface) -> None:
        super().draw(surface)
        if not self._shown:  # start reading the decks on the next frame: the title shows first
            self._shown = True
            self.host.request_frame()

    def main_content(self) -> str:
        return self.t("title.tagline")

    def draw_content(self, surface) -> None:
        th = self.theme
        w, h = self.size
        band_h = draw_theme_band(surface, th)
        # a soft panel behind the mark
        panel = pygame.Rect(0, 0, int(self.mark_size * 1.05), int(self.mark_size * 1.05))
        panel.center = self.mark_centre
        pygame.draw.ellipse(surface, th.c("panel_alt"), panel)
        draw_mark(surface, th, self.mark_centre, self.mark_size, self.animate("fan", 0.6))
        title_size = th.s("title")
        y = self.name_rect.top
        lh = font(th, title_size, True).get_linesize()
        for line in wrap(th, self.t("app.title"), title_size, self.name_rect.width, True):
            draw_text(surface, th, line, (self.name_rect.left, y), title_size, th.c("accent"), bold=True)
            y += lh
        pygame.draw.rect(surface, th.palette[0], (self.name_rect.left, self.name_rect.bottom + th.px(2),
                                                  th.px(120), max(3, th.px(8))), border_radius=th.px(4))
        draw_wrapped(surface, th, self.t("title.tagline"), self.tagline_rect,
                     th.s("h2") * 3 // 4 + th.s("body") // 4, th.c("text"))
        if self.controller.title_notice:
            r = pygame.Rect(w // 8, h - th.s("pad") - band_h - th.s("body") * 3, w * 3 // 4, th.s("body") * 3)
            draw_wrapped(surface, th, self.controller.title_notice, r, th.s("body"), th.c("warning_text"), bold=True,
                         align="center")
