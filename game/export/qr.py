"""A short plain-text summary as a QR code: scanned with a phone, it stays on the phone."""

from __future__ import annotations

import segno

from ..core.deck import Deck
from ..i18n import t
from . import words

QR_MAX_CHARS = 300
NAME_MAX = 40
ERROR_LEVEL = "m"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def qr_text(deck: Deck, summary, index: int, lang: str) -> str:
    """Name, both fits, the quadrant, the mix and the next step in at most QR_MAX_CHARS characters."""
    p = summary.players[index]
    name = _cut(" ".join(p.name.split()) or "?", NAME_MAX)
    head = f"{name} – {_cut(words.deck_title(deck, lang), 40)}"
    fits = (t(lang, "export.qr.fits", personal=words.score(p.personal_fit), social=words.score(p.social_fit))
            + f" · {words.quadrant(deck, p, lang)}")
    mix = ", ".join(f"{title} {hours}u" if lang == "nl" else f"{title} {hours}h"
                    for title, hours in words.mix_lines(deck, p, lang)) or "–"
    step = words.next_step(deck, p, lang)
    mix_line = t(lang, "export.qr.mix", mix=mix)
    step_line = t(lang, "export.qr.next", step=step)
    fixed = len(head) + len(fits) + 3  # three newlines
    room = QR_MAX_CHARS - fixed
    # The step matters most after the fits; the mix gives way first.
    step_line = _cut(step_line, max(room * 3 // 5, room - len(mix_line)))
    mix_line = _cut(mix_line, room - len(step_line))
    return "\n".join((head, fits, mix_line, step_line))


def make_qr(text: str) -> "segno.QRCode":
    return segno.make(text, error=ERROR_LEVEL, micro=False, boost_error=False)


def qr_modules(text: str) -> list[list[bool]]:
    """The QR code as rows of dark (True) and light modules, without the quiet zone."""
    return [[bool(m) for m in row] for row in make_qr(text).matrix]
