"""Words for the voice: the main content of each game screen and of a focused widget, from game data.

Scenes call these through Scene.spoken_text() and Scene.widget_speech(); a scene can override
those with something better. Nothing here draws or changes state.
"""

from __future__ import annotations

from ..core.state import card_of
from ..i18n import t
from ..i18n.describe import card_title, describe_effect
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


def main_content(scene) -> str:
    """The new thing on a game screen: the event, the prompt, the dilemma, whose turn it is."""
    app = scene.app
    name = scene.name
    lang = scene.lang
    if name == "title":
        return t(lang, "title.tagline")
    if name == "handover":
        return t(lang, "handover.give", name=scene.who) + ". " + t(lang, f"handover.why.{scene.key[0]}")
    if app.session is None or scene.deck is None:
        return ""
    deck, s = scene.deck, scene.state
    try:
        if name == "event":
            if not s.event:
                return t(lang, "event.none")
            card = deck.card(card_of(s.event))
            names = [p.name for p in s.players]
            lines = [card.title.get(lang), card.text.get(lang) if card.text else ""]
            lines += [describe_effect(deck, e, lang, names) for e in s.effects_report]
            return ". ".join(x for x in lines if x)
        if name == "reflect" and s.prompt:
            card = deck.card(s.prompt)
            return card.text.get(lang) if card.text else card.title.get(lang)
        if name == "dilemma" and s.dilemma:
            card = deck.card(card_of(s.dilemma))
            return ". ".join(x for x in (card.title.get(lang), card.text.get(lang) if card.text else "") if x)
        if name == "turn":
            return t(lang, "turn.actions_left", n=s.actions_left)
        if name == "boost" and s.boost_pending:
            pending = s.boost_pending
            title = card_title(deck, card_of(pending["card"]), lang)
            if pending.get("out"):
                return t(lang, "boost.swap_line", card=title, out=card_title(deck, card_of(pending["out"]), lang))
            return t(lang, "boost.add_line", card=title)
        if name == "values":
            return t(lang, "values.hint")
        if name == "summary":
            return t(lang, "summary.mirror")
    except (KeyError, AttributeError, IndexError):  # speech must never break a screen
        return ""
    return ""
