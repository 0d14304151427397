"""Sentences about game data: why a move is refused, what an event did, which step comes next."""

from __future__ import annotations

from ..core.actions import Invalid
from ..core.deck import Deck
from . import t


def card_title(deck: Deck, card_id: str, lang: str) -> str:
    return deck.card(card_id).title.get(lang) if deck.has_card(card_id) else card_id


def dimension_name(deck: Deck, dim_id: str, lang: str) -> str:
    for d in (*deck.personal, *deck.social):
        if d.id == dim_id:
            return d.name.get(lang)
    return dim_id


def requirement(deck: Deck, req: str, lang: str) -> str:
    """A combo's `needs` entry in words: a card title or 'a card with tag X'."""
    if req.startswith("tag:"):
        return t(lang, "combo.any_tag", tag=req[4:])
    return card_title(deck, req, lang)


def describe_invalid(deck: Deck, invalid: Invalid, lang: str) -> str:
    params = dict(invalid.params)
    if "card" in params:
        params["card"] = card_title(deck, params["card"], lang)
    if "tags" in params:
        params["tags"] = ", ".join(params["tags"])
    return t(lang, f"invalid.{invalid.reason}", **params)


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def describe_effect(deck: Deck, entry: dict, lang: str, names: list[str]) -> str:
    """One line per applied effect, from the report the rules keep in `effects_report`."""
    kind = entry["kind"]
    if kind == "need":
        parts = [f"{dimension_name(deck, d, lang)} {_signed(v)}" for d, v in entry["changes"].items() if v]
        if not parts:
            return t(lang, "effect.need_unchanged")
        return t(lang, "effect.need", changes=", ".join(parts))
    if kind == "hours":
        who = (t(lang, "effect.everyone") if entry["who"] == "all" and len(names) > 1
               else ", ".join(names[i] for i in entry["players"]))
        key = "effect.hours_less" if entry["delta"] < 0 else "effect.hours_more"
        return t(lang, key, who=who, hours=abs(entry["delta"]))
    if kind == "offer":
        parts = [f"{dimension_name(deck, d, lang)} {_signed(v)}"
                 for d, v in (*entry["personal"].items(), *entry["social"].items()) if v]
        return t(lang, "effect.offer", tag=entry["tag"], changes=", ".join(parts))
    if kind == "add":
        title = card_title(deck, entry["card"], lang)
        if entry["added"]:
            return t(lang, "effect.add_done", card=title, who=names[entry["player"]])
        return t(lang, f"effect.add_{entry['reason']}", card=title)
    return ""


def describe_next_step(deck: Deck, step, lang: str) -> str:
    """The summary's concrete next step (a core NextStep) as one sentence."""
    if not step.card:
        return t(lang, "next_step.empty")
    return t(lang, f"next_step.{step.kind}.{step.focus}", card=card_title(deck, step.card, lang))


def quadrant_label(deck: Deck, quadrant: str, lang: str) -> str:
    label = deck.quadrants.get(quadrant)
    return label.get(lang) if label else t(lang, f"quadrant.{quadrant}")
