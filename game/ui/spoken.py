"""Words for the voice about a focused widget (a card is read with its hours and values).

Each scene says its own main content (Scene.main_content); Scene.widget_speech() calls these.
Nothing here draws or changes state.
"""

from __future__ import annotations

from ..core.state import card_of
from ..i18n import t
from .widgets import card_value_lines


def card_speech(deck, inst: str, lang: str) -> str:
    """A role or task card: title, type, hours, what it gives, and its text."""
    card = deck.card(card_of(inst))
    parts = [card.title.get(lang)]
    if card.type in ("role", "task"):
        parts.append(t(lang, f"card.type.{card.type}"))
    if getattr(card, "playable", False):
        parts.append(t(lang, "voice.hours", hours=card.hours))
    minus = t(lang, "voice.minus") + " "
    values = []
    for text, _ in card_value_lines(deck, card, lang):
        points = text.count("◆")  # social value: one diamond per point, said as a number
        text = text.replace("▲", "").replace("▼", "").replace("◆", "").replace("−", minus).strip()
        values.append(f"{points} {text}" if points else text)
    parts += [v.strip() for v in values if v.strip()]
    if card.text:
        parts.append(card.text.get(lang))
    return ", ".join(p for p in parts if p)


def widget_text(scene, w) -> str:
    lang = scene.lang
    if w.kind == "card" and w.data.get("inst") and scene.deck is not None:
        text = card_speech(scene.deck, w.data["inst"], lang)
    elif w.kind == "field":
        typed = w.data.get("text", "")
        text = t(lang, "voice.field", label=w.data.get("placeholder", ""), text=typed) if typed else \
            t(lang, "voice.field_empty", label=w.data.get("placeholder", ""))
    else:
        text = w.label
    if w.selected:
        text += ", " + t(lang, "voice.selected")
    if not w.enabled:
        text += ", " + t(lang, "voice.unavailable_widget")
    return text
