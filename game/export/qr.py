"""The result as a QR code: a calendar entry for the next step, which a phone keeps to itself.

A phone camera offers to search the web for plain text, which would send the result out; a
calendar entry (iCalendar VEVENT) it offers to add to the phone's own calendar instead. The entry
is the player's next step, a week after the game, with both fits and the quadrant as its note.
The code stays small enough (version 6 at most) to print with modules of 0.8 mm or more and to
read from a projected PNG.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import segno

from ..core.deck import Deck
from ..i18n import t
from . import words
from .words import card_title

ERROR_LEVEL = "l"  # vector print or a sharp PNG: the version limit matters more than recovery
MAX_VERSION = 6
QR_MAX_BYTES = 134  # what version 6 holds at error level L, in bytes
STEP_AFTER_DAYS = 7
QR_MAX_CHARS = QR_MAX_BYTES  # a character is at least a byte


def _escape(text: str) -> str:
    """A TEXT value of iCalendar (RFC 5545): backslash, ';', ',' and newlines escaped, on one line."""
    text = " ".join(str(text).split())
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def step_line(deck: Deck, player, lang: str) -> str:
    """The next step in a few words: the card to look into."""
    step = player.next_step
    if not step.card:
        return t(lang, "export.qr.step_open")
    return t(lang, f"export.qr.step.{step.kind}", card=card_title(deck, step.card, lang))


def qr_text(deck: Deck, summary, index: int, lang: str, when: datetime | date | None = None) -> str:
    """The calendar entry of player `index`, in at most QR_MAX_BYTES bytes of UTF-8."""
    p = summary.players[index]
    day = (when or datetime.now())
    day = (day.date() if isinstance(day, datetime) else day) + timedelta(days=STEP_AFTER_DAYS)
    fits = t(lang, "export.qr.fits", personal=words.score(p.personal_fit), social=words.score(p.social_fit))
    note = f"{fits} · {words.quadrant(deck, p, lang)}"
    step = step_line(deck, p, lang)

    def entry(step_text: str, note_text: str) -> str:
        return (f"BEGIN:VEVENT\nSUMMARY:{_escape(step_text)}\nDTSTART;VALUE=DATE:{day:%Y%m%d}\n"
                f"DESCRIPTION:{_escape(note_text)}\nEND:VEVENT")

    text = entry(step, note)
    # The step and both fits matter most: the quadrant's name gives way first, then the step's end.
    if len(text.encode("utf-8")) > QR_MAX_BYTES:
        note = fits
        text = entry(step, note)
    while len(text.encode("utf-8")) > QR_MAX_BYTES and len(step) > 8:
        step = _cut(step, len(step) - 2)
        text = entry(step, note)
    return text


def make_qr(text: str) -> "segno.QRCode":
    return segno.make(text, error=ERROR_LEVEL, micro=False, boost_error=False, encoding="utf-8")


def qr_modules(text: str) -> list[list[bool]]:
    """The QR code as rows of dark (True) and light modules, without the quiet zone."""
    return [[bool(m) for m in row] for row in make_qr(text).matrix]
