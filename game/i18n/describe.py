"""Sentences about game data: why a move is refused, what an event did, which step comes next."""

from __future__ import annotations

from ..core.actions import Invalid
from ..core.deck import Deck
from ..core.effects import Phrase, Ref, Signed, by_report_kind
from . import has, t


def card_title(deck: Deck, card_id: str, lang: str) -> str:
    return deck.card(card_id).title.get(lang) if deck.has_card(card_id) else card_id


def dimension_name(deck: Deck, dim_id: str, lang: str) -> str:
    for d in deck.personal:
        if d.id == dim_id:
            return d.name.get(lang)
    for s in deck.social:
        if s.id == dim_id:
            return s.name.get(lang)
    return dim_id


def requirement(deck: Deck, req: str, lang: str) -> str:
    """A combo's `needs` entry in words: a card title or 'a card with tag X'."""
    if req.startswith("tag:"):
        return t(lang, "combo.any_tag", tag=tag_name(deck, req[4:], lang))
    return card_title(deck, req, lang)


def describe_invalid(deck: Deck, invalid: Invalid, lang: str) -> str:
    params = dict(invalid.params)
    if "card" in params:
        params["card"] = card_title(deck, params["card"], lang)
    if "tags" in params:
        params["tags"] = ", ".join(tag_name(deck, tag, lang) for tag in params["tags"])
    return t(lang, f"invalid.{invalid.reason}", **params)


def tag_name(deck: Deck, tag: str, lang: str) -> str:
    """A tag as players read it: the deck's display name (`tags:`), or the tag itself."""
    name = deck.tag_names.get(tag)
    return name.get(lang) if name else tag


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n).replace("-", "\u2212")


def _words(deck: Deck, value: object, lang: str, names: list[str]) -> str:
    """A phrase parameter in words: cards, dimensions, tags and players by name, changes with a sign."""
    if isinstance(value, Ref):
        if value.kind == "card":
            return card_title(deck, value.value, lang)
        if value.kind == "dimension":
            return dimension_name(deck, value.value, lang)
        if value.kind == "tag":
            return tag_name(deck, value.value, lang)
        if value.kind == "everyone":
            return t(lang, "effect.everyone")
        if value.kind == "players":
            if len(names) == 1:
                return t(lang, "effect.you")
            return ", ".join(names[i] for i in value.value if 0 <= i < len(names))
    if isinstance(value, Signed):
        return _signed(value.value)
    if isinstance(value, (list, tuple)):
        return ", ".join(" ".join(_words(deck, part, lang, names) for part in item) if isinstance(item, tuple)
                         else _words(deck, item, lang, names) for item in value)
    return str(value)


def describe_phrase(deck: Deck, phrase: Phrase, lang: str, names: list[str]) -> str:
    """One sentence. In a solo game a sentence about the one player has its own wording (`KEY_you`)."""
    key = phrase.key
    if len(names) == 1 and has(lang, key + "_you"):
        key += "_you"
    words = {name: _words(deck, value, lang, names) for name, value in phrase.params.items()}
    text = t(lang, key, **words)
    if text.startswith((t(lang, "effect.you"), t(lang, "effect.everyone"))):
        text = text[:1].upper() + text[1:]  # "jij: 8 uur minder" opens the sentence
    return text


def describe_effect(deck: Deck, entry: dict, lang: str, names: list[str]) -> str:
    """One line per applied effect, from the report the rules keep in `effects_report`."""
    if entry.get("kind") == "on_play":
        phrase = Phrase("effect.on_play", {"card": Ref("card", entry["card"]), "who": Ref("players", (entry["player"],))})
        return describe_phrase(deck, phrase, lang, names)
    if entry.get("kind") == "add" and entry.get("added") and entry.get("out"):
        phrase = Phrase("effect.add_done_room", {"card": Ref("card", entry["card"]),
                                                 "who": Ref("players", (entry["player"],)),
                                                 "out": [Ref("card", c) for c in entry["out"]]})
        return describe_phrase(deck, phrase, lang, names)
    kind = by_report_kind(entry.get("kind", ""))
    if kind is None:
        return ""
    return " ".join(describe_phrase(deck, p, lang, names) for p in kind.describe(entry, solo=len(names) == 1))


def describe_next_step(deck: Deck, step, lang: str) -> str:
    """The summary's concrete next step (a core NextStep) as one sentence."""
    if not step.card:
        return t(lang, "next_step.empty")
    return t(lang, f"next_step.{step.kind}.{step.focus}", card=card_title(deck, step.card, lang))


def quadrant_label(deck: Deck, quadrant: str, lang: str) -> str:
    label = deck.quadrants.get(quadrant)
    return label.get(lang) if label else t(lang, f"quadrant.{quadrant}")
