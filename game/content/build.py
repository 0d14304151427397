"""Validated models -> the immutable core Deck (only called when a deck has no errors)."""

from __future__ import annotations

from typing import Any

from game.core.deck import (
    Card, Combo, Deck, DilemmaOption, PersonalDimension, SocialDimension, Text, DEFAULT_QUADRANTS, frozen_map,
)
from game.core.effects import Effect, effect_from_fields

from .schema import CardModel, ComboModel, DeckFileModel, EffectModel


class _Builder:
    def __init__(self, languages: tuple[str, ...]):
        self.lang = languages[0]

    def text(self, value: Any) -> Text | None:
        if value is None:
            return None
        return Text.of(value, self.lang)

    def effect(self, e: EffectModel) -> Effect:
        return effect_from_fields(e.model_dump(exclude_none=True))

    def card(self, c: CardModel) -> Card:
        extra: dict[str, Any] = {}
        if c.type in ("role", "task"):
            extra.update(hours=c.hours, personal=frozen_map(c.personal), social=frozen_map(c.social))
            extra["requires"] = tuple(getattr(c, "requires", ()))
            extra["on_play"] = tuple(self.effect(e) for e in c.on_play)
            extra["advice"] = c.advice
        elif c.type == "event":
            extra["effects"] = tuple(self.effect(e) for e in c.effects)
        elif c.type == "dilemma":
            extra["options"] = tuple(
                DilemmaOption(self.text(o.label), tuple(self.effect(e) for e in o.effects)) for o in c.options
            )
        elif c.type == "prompt":
            extra.update(competence=c.competence, phase=c.phase)
        return Card(
            id=c.id, type=c.type, title=self.text(c.title), text=self.text(c.text), tags=tuple(c.tags),
            copies=c.copies, image=c.image, icon=c.icon, **extra,
        )

    def combo(self, c: ComboModel) -> Combo:
        return Combo(
            id=c.id, title=self.text(c.title), text=self.text(c.text), needs=tuple(c.needs),
            bonus_personal=frozen_map(c.bonus.personal), bonus_social=frozen_map(c.bonus.social),
            icon=c.icon,
        )


def build_deck(
    d: DeckFileModel, cards: list[CardModel], combos: list[ComboModel], source: str, fingerprint: str
) -> Deck:
    b = _Builder(tuple(d.languages))
    quadrants = {k: Text.of(v) for k, v in DEFAULT_QUADRANTS.items()}
    if d.quadrants is not None:
        for key in quadrants:
            value = getattr(d.quadrants, key)
            if value is not None:
                quadrants[key] = b.text(value)
    return Deck(
        id=d.id,
        title=b.text(d.title),
        languages=tuple(d.languages),
        personal=tuple(PersonalDimension(p.id, b.text(p.name), b.text(p.question), p.icon)
                       for p in d.dimensions.personal),
        social=tuple(SocialDimension(s.id, b.text(s.name), s.need, s.icon) for s in d.dimensions.social),
        cards=tuple(b.card(c) for c in cards),
        combos=tuple(b.combo(c) for c in combos),
        description=b.text(d.description),
        format=d.format,
        version=d.version or "",
        hours_per_week=d.hours_per_week,
        hand_size=d.hand_size,
        market_size=d.market_size,
        actions_per_turn=d.actions_per_turn,
        balance_dimension=d.balance_dimension,
        quadrants=frozen_map(quadrants),
        tag_names=frozen_map({tag: b.text(name) for tag, name in (d.tags or {}).items()}),
        source=source,
        fingerprint=fingerprint,
    )
