"""A player's summary in sentences, shared by the PDF, the PNG and the QR text."""

from __future__ import annotations

from ..core.deck import Deck
from ..i18n import t
from ..i18n.describe import card_title, describe_next_step, quadrant_label, requirement


def score(value: float) -> str:
    """Fits are shown as whole numbers: decimals suggest a precision a conversation tool does not have."""
    return str(int(round(value)))


def card_of(instance: str | None) -> str | None:
    return instance.split("#", 1)[0] if instance else instance


def deck_title(deck: Deck, lang: str) -> str:
    return deck.title.get(lang)


def quadrant(deck: Deck, player, lang: str) -> str:
    return quadrant_label(deck, player.quadrant, lang)


def next_step(deck: Deck, player, lang: str) -> str:
    return describe_next_step(deck, player.next_step, lang)


def mix_lines(deck: Deck, player, lang: str) -> list[tuple[str, int]]:
    return [(card_title(deck, cid, lang), hours) for cid, hours in player.mix]


def combo_title(deck: Deck, combo_id: str, lang: str) -> str:
    combo = next((c for c in deck.combos if c.id == combo_id), None)
    return combo.title.get(lang) if combo else combo_id


def combo_story(deck: Deck, combo_id: str, lang: str) -> str:
    combo = next((c for c in deck.combos if c.id == combo_id), None)
    return combo.text.get(lang) if combo and combo.text else ""


def near_combo_lines(deck: Deck, player, lang: str) -> list[str]:
    return [t(lang, "export.combo_near", title=combo_title(deck, cid, lang), missing=requirement(deck, missing, lang))
            for cid, missing in player.near_combos]


def boost_lines(deck: Deck, player, lang: str) -> list[str]:
    lines = []
    for b in player.boosts:
        kind = b.get("kind", "named")
        giver = short_name(b.get("giver") or "") or t(lang, "export.someone")
        card = card_title(deck, card_of(b.get("card")) or "", lang)
        if kind == "advice":
            key = "export.boost.advice_swap" if b.get("out") else "export.boost.advice"
        else:
            key = f"export.boost.{kind}" if kind in ("named", "offer") else "export.boost.named"
        text = t(lang, key, giver=giver, card=card, out=card_title(deck, card_of(b.get("out")) or "", lang))
        if b.get("accepted") is True:
            text += " " + t(lang, "export.boost.accepted")
        elif b.get("accepted") is False:
            text += " " + t(lang, "export.boost.declined")
        if b.get("round"):
            text = f"{t(lang, 'export.boost.round', round=b['round'])}: {text}"
        lines.append(text)
    return lines


def answer_lines(deck: Deck, player, lang: str) -> list[tuple[str, str]]:
    """(question, answer) for each typed answer that is not empty."""
    out = []
    for a in player.answers:
        text = str(a.get("text") or "").strip()
        if not text:
            continue
        pid = a.get("prompt")
        question = deck.card(pid).title.get(lang) if pid and deck.has_card(pid) else ""
        out.append((question, text))
    return out


def dimension(deck: Deck, dim_id: str, lang: str) -> str:
    from ..i18n.describe import dimension_name

    return dimension_name(deck, dim_id, lang)


def names_list(deck: Deck, dim_ids, lang: str) -> str:
    return ", ".join(dimension(deck, d, lang) for d in dim_ids) or t(lang, "export.none")


def initials(name: str) -> str:
    parts = [w for w in str(name).replace("-", " ").split() if w]
    return "".join(w[0].upper() for w in parts)[:3] or "?"


def short_name(name: str, limit: int = 40) -> str:
    """A name as it fits in a sentence; the full name is on the player's own page and in the result."""
    name = " ".join(str(name).split())
    return name if len(name) <= limit else name[: limit - 1] + "…"
