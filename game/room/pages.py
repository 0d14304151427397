"""The hub's web pages: HTML templates in web/ filled with the room's strings (escaped), and the
take-home page of one result. Everything a page needs is served by the hub itself: no CDN, no
external font, nothing fetched from the internet."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from ..i18n import LANGUAGES, t, table

WEB = Path(__file__).resolve().parent / "web"
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")


def page_lang(value: str | None) -> str:
    return value if value in LANGUAGES else "nl"


@lru_cache(maxsize=None)
def _template(name: str) -> str:
    return (WEB / name).read_text(encoding="utf-8")


def page_strings(lang: str) -> dict:
    """The strings a page's script uses: every `room.` key, plus the quadrant names."""
    return {k: v for k, v in table(lang).items() if k.startswith(("room.", "quadrant."))}


def render(name: str, lang: str, **values: str) -> str:
    """The template `name` with {{room.key}} as the escaped string and {{value}} as the escaped value;
    {{strings}} becomes the page's string table as JSON for its script."""
    strings = json.dumps(page_strings(lang), ensure_ascii=False).replace("</", "<\\/")

    def fill(match: re.Match) -> str:
        key = match.group(1)
        if key == "strings":
            return strings
        if key == "lang":
            return lang
        if key in values:
            return html.escape(str(values[key]))
        return html.escape(t(lang, key))

    return _PLACEHOLDER.sub(fill, _template(name))


def static_file(name: str) -> tuple[bytes, str] | None:
    """A file of web/ by its plain name (no folders, no dots in front), with its content type."""
    if not re.fullmatch(r"[a-z0-9-]+\.(js|css|svg|png|ico)", name):
        return None
    path = WEB / name
    if not path.is_file():
        return None
    return path.read_bytes(), STATIC_TYPES[path.suffix]


def result_page(result: dict, token: str, handout_ok: bool) -> str:
    """A player's own page on the hub: the fits, the place on the chart, the week, and the handout."""
    lang = page_lang(result.get("setup", {}).get("lang"))
    labels = result.get("labels") or {}
    cards = labels.get("cards") or {}
    quadrants = labels.get("quadrants") or {}
    e = html.escape
    blocks = []
    players = result["summary"]["players"]
    for i, p in enumerate(players, 1):
        name = p.get("name") or (t(lang, "room.result_player", number=i) if len(players) > 1 else t(lang, "room.result_you"))
        week = "".join(f"<li>{e(str(cards.get(c, c)))} <span class=hours>{e(t(lang, 'room.result_hours', hours=h))}</span></li>"
                       for c, h in p["mix"]) or f"<li>{e(t(lang, 'room.result_empty_week'))}</li>"
        blocks.append(
            f"<section class=player><h2>{e(name)}</h2>"
            f"<p class=fits><span><b>{e(t(lang, 'export.personal_fit'))}</b> {round(p['personal_fit'])}</span>"
            f"<span><b>{e(t(lang, 'export.social_fit'))}</b> {round(p['social_fit'])}</span></p>"
            f"<p class=quadrant>{e(t(lang, 'export.quadrant', label=quadrants.get(p['quadrant'], t(lang, 'quadrant.' + p['quadrant']))))}</p>"
            f"<h3>{e(t(lang, 'export.mix'))}</h3><ul>{week}</ul></section>")
    download = (f"<p><a class=button href='/r/{e(token)}/handout.pdf' download>{e(t(lang, 'room.result_download'))}</a></p>"
                if handout_ok else f"<p class=note>{e(t(lang, 'room.result_no_handout'))}</p>")
    return render("result.html", lang, title=str(labels.get("deck_title") or result["deck"]["id"]),
                  body="").replace("<!--players-->", "".join(blocks)).replace("<!--download-->", download)
