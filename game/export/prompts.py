"""Which of the deck's questions a handout asks: chosen by where a player ended, always the same way.

A player with much *zin* but little *zinvol* gets questions that look outward (exploring,
networking: what do others need?); much *zinvol* but little *zin* gets questions about their
own motives (reflecting); low on both: exploring; high on both: steering the next step.
"""

from __future__ import annotations

import hashlib

from ..core.deck import Card, Deck

COMPETENCES_BY_QUADRANT = {
    "high_low": ("exploratie", "netwerken", "reflectie"),
    "low_high": ("reflectie", "sturing", "exploratie"),
    "low_low": ("exploratie", "reflectie", "sturing"),
    "high_high": ("sturing", "netwerken", "reflectie"),
}
PERSONAL_PHASES = ("reflect", "end", "discuss")  # a handout prefers questions for one person


def _stable(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def reflection_prompts(deck: Deck, player, count: int = 3) -> list[Card]:
    """Up to `count` prompts for this player: one per competence in the quadrant's order.

    Prompts the player already answered in the game are kept for last; ties are broken by a
    hash of the player's name, so two players of one table do not all get the same questions.
    """
    prompts = deck.cards_of("prompt")
    if not prompts:
        return []
    order = COMPETENCES_BY_QUADRANT.get(player.quadrant, COMPETENCES_BY_QUADRANT["low_low"])
    answered = {a.get("prompt") for a in player.answers if isinstance(a, dict)}

    def rank(card: Card) -> tuple:
        phase = PERSONAL_PHASES.index(card.phase) if card.phase in PERSONAL_PHASES else len(PERSONAL_PHASES)
        return (card.id in answered, phase, _stable(player.name, card.id))

    chosen: list[Card] = []
    for competence in order:
        pool = sorted((c for c in prompts if c.competence == competence and c not in chosen), key=rank)
        if pool:
            chosen.append(pool[0])
        if len(chosen) == count:
            return chosen
    rest = sorted((c for c in prompts if c not in chosen), key=rank)
    return chosen + rest[:count - len(chosen)]


def discussion_prompts(deck: Deck, summary, count: int = 2) -> list[Card]:
    """Questions for the whole table (phase `discuss`), steered by what the table left uncovered."""
    prompts = [c for c in deck.cards_of("prompt") if c.phase == "discuss"] or list(deck.cards_of("prompt"))
    quadrants = [p.quadrant for p in summary.players]
    # A table that leaves needs uncovered talks about others first; otherwise about steering.
    first = ("netwerken", "exploratie") if summary.table.uncovered or quadrants.count("high_low") * 2 >= len(quadrants) \
        else ("sturing", "reflectie")
    key = "|".join(p.name for p in summary.players)

    def rank(card: Card) -> tuple:
        return (card.competence not in first, _stable(key, card.id))

    chosen: list[Card] = []
    for card in sorted(prompts, key=rank):
        if all(card.competence != c.competence for c in chosen) or len(prompts) <= count:
            chosen.append(card)
        if len(chosen) == count:
            break
    for card in sorted(prompts, key=rank):
        if len(chosen) >= count:
            break
        if card not in chosen:
            chosen.append(card)
    return chosen
