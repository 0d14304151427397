"""What a card face shows, for the screen and for paper alike: title, art, colour band, value pips,
hours, requirements, every effect in words and the tags by their display names.

A face is plain data computed from (deck, card, language, lasting offers). The pygame renderer
(game.ui.card_face) and the printed cards (game.export.print_deck) draw the same face through the
same layout (game.export.card_layout), so a card looks alike on a projector and on paper.

Colours come from `card_faces` in assets/theme.json: society's themes get Okabe-Ito bands, cards
without a theme a darker band per card type. A band never speaks by colour alone: it carries the
theme's or type's icon, and each value pip carries its dimension's icon and a signed number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..core.deck import Card, Combo, Deck
from ..core.effects import AddEffect, HoursEffect, NeedEffect, OfferEffect
from ..core.scoring import card_values
from ..core.state import Offer
from ..i18n import t
from ..i18n.describe import dimension_name, tag_name
from ..icons import has_icon
from ..paths import assets_dir

FACE_KINDS = ("role", "task", "event", "dilemma", "prompt", "combo")

KIND_ICONS = {"role": "briefcase", "task": "checklist", "event": "news", "dilemma": "arrows-split",
              "prompt": "message-question", "combo": "puzzle"}
# The dimension ids that the game's own decks share; a deck's `icon:` wins, other ids get a shape.
PERSONAL_ICONS = {"plezier": "mood-smile", "autonomie": "compass", "verbinding": "heart-handshake",
                  "groei": "plant-2", "zekerheid": "pig-money", "balans": "scale"}
SOCIAL_ICONS = {"zorg": "stethoscope", "onderwijs": "school", "veiligheid": "shield-check",
                "leefomgeving": "leaf", "welvaart": "coins", "gemeenschap": "users-group"}
SHAPE_ICONS = ("circle", "square", "triangle", "diamond", "hexagon", "pentagon", "octagon", "star")
EFFECT_ICONS = {"hours": "clock", "offer": "tag", "add": "square-plus", "none": "minus"}
REQUIRES_ICON = "link"
TAGS_ICON = "tag"
ON_PLAY_ICON = "bolt"
CARD_ICON = "cards"
MINUS = "−"  # a real minus sign: a hyphen reads as a dash on a card


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else (f"{MINUS}{-n}" if n < 0 else "0")


@lru_cache(maxsize=1)
def face_colours_data() -> dict:
    return json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))["card_faces"]


def face_palette(high_contrast: bool = False) -> dict[str, str]:
    """The face colours (#rrggbb, or #rrggbbaa for the dim shade) of the normal or high-contrast look."""
    return dict(face_colours_data()["high_contrast" if high_contrast else "normal"])


@dataclass(frozen=True)
class Band:
    """The colour band at the top of a face: a theme's or a card type's colour, with its icon."""

    key: str  # a social theme id, or a card kind
    fill: str
    ink: str  # text and icons on the fill
    icon: str
    label: str


@dataclass(frozen=True)
class Pip:
    """One value of a card: a personal value (zin, −3..3) or a social theme (zinvol, 0..3)."""

    kind: str  # "personal" or "social"
    dim: str
    icon: str
    value: int  # after the lasting changes of events
    base: int  # as printed in the deck
    name: str  # the dimension's full name, for the legend and the voice
    band: Band | None = None  # social pips wear their theme's colour

    @property
    def text(self) -> str:
        return signed(self.value) if self.kind == "personal" else str(self.value)


@dataclass(frozen=True)
class Line:
    """A sentence on a face with its icon: an effect, a requirement, a combination's need."""

    icon: str
    text: str


@dataclass(frozen=True)
class Option:
    letter: str
    label: str
    effects: tuple[Line, ...]


@dataclass(frozen=True)
class CardFace:
    id: str
    kind: str  # role, task, event, dilemma, prompt or combo
    kind_label: str
    kind_icon: str
    title: str
    art: str  # an icon name: the card's own, else its theme's, else its type's
    band: Band
    lang: str
    image: Path | None = None  # the deck's own picture for this card (wins over the icon)
    hours: int | None = None
    personal: tuple[Pip, ...] = ()
    social: tuple[Pip, ...] = ()
    requires: Line | None = None
    text: str = ""
    text_is_story: bool = False  # a role's or task's description: on paper always, on screen when there is room
    effects_head: str = ""
    effects: tuple[Line, ...] = ()
    on_play_head: str = ""
    on_play: tuple[Line, ...] = ()
    options: tuple[Option, ...] = ()
    needs_head: str = ""
    needs: tuple[Line, ...] = ()
    footer: str = ""  # a question's competence and phase
    tags: tuple[str, ...] = ()
    copies: int = 1
    hours_label: str = ""

    @property
    def pips(self) -> tuple[Pip, ...]:
        return self.personal + self.social

    def all_text(self) -> list[str]:
        """Every text the face shows, for checks that nothing is lost."""
        out = [self.kind_label, self.title, self.text, self.effects_head, self.on_play_head, self.needs_head,
               self.footer, self.hours_label]
        out += [pip.text for pip in self.pips]
        out += [line.text for line in (*self.effects, *self.on_play, *self.needs)]
        if self.requires:
            out.append(self.requires.text)
        for option in self.options:
            out += [option.label, *(line.text for line in option.effects)]
        out += list(self.tags)
        return [x for x in out if x]

    def words(self) -> str:
        """The whole face in sentences, with the full names of the values: for the voice and the "?" view."""
        lang = self.lang
        parts = [self.title, self.kind_label]
        if self.hours is not None:
            parts.append(t(lang, "face.voice.hours", hours=self.hours))
        if self.requires:
            parts.append(self.requires.text)
        if self.personal:
            values = ", ".join(f"{p.name} {p.text}" for p in self.personal)
            parts.append(t(lang, "face.voice.values", label=t(lang, "fit.personal"), values=values))
        if self.social:
            values = ", ".join(f"{p.name} {p.text}" for p in self.social)
            parts.append(t(lang, "face.voice.values", label=t(lang, "fit.social"), values=values))
        if self.text:
            parts.append(self.text)
        for head, lines in ((self.effects_head, self.effects), (self.on_play_head, self.on_play),
                            (self.needs_head, self.needs)):
            if lines:
                parts.append(" ".join([head, "; ".join(x.text for x in lines)]).strip())
        for option in self.options:
            effects = "; ".join(x.text for x in option.effects)
            parts.append(f"{option.letter}: {option.label}" + (f" ({effects})" if effects else ""))
        if self.footer:
            parts.append(self.footer)
        if self.tags:
            parts.append(t(lang, "face.voice.tags", tags=", ".join(self.tags)))
        return ". ".join(p.rstrip(". ") for p in parts if p) + "."


# ------------------------------------------------------------------------------------------ naming
def dimension_icon(deck: Deck, dim_id: str) -> str:
    """The dimension's own `icon:`, else the icon of a common id, else a shape by its place in the deck."""
    for i, d in enumerate(deck.personal):
        if d.id == dim_id:
            return _usable(d.icon) or PERSONAL_ICONS.get(d.id) or SHAPE_ICONS[i % len(SHAPE_ICONS)]
    for i, theme in enumerate(deck.social):
        if theme.id == dim_id:
            return _usable(theme.icon) or SOCIAL_ICONS.get(theme.id) or SHAPE_ICONS[i % len(SHAPE_ICONS)]
    return "circle"


def _usable(icon: str | None) -> str | None:
    return icon if icon and has_icon(icon) else None


def kind_label(kind: str, lang: str) -> str:
    return t(lang, f"face.type.{kind}")


# ------------------------------------------------------------------------------------------- bands
def _band_of(name: str, key: str, icon: str, label: str) -> Band:
    colours = face_colours_data()["bands"][name]
    return Band(key, colours["fill"], colours["ink"], icon, label)


@lru_cache(maxsize=64)
def _theme_band_names(theme_ids: tuple[str, ...]) -> dict[str, str]:
    data = face_colours_data()
    fixed = data["theme_bands"]
    names = {tid: fixed[tid] for tid in theme_ids if tid in fixed}
    free = [n for n in data["theme_order"] if n not in names.values()]
    for tid in theme_ids:
        if tid not in names:
            names[tid] = free.pop(0) if free else data["theme_order"][len(names) % len(data["theme_order"])]
    return names


def theme_band(deck: Deck, theme_id: str, lang: str) -> Band:
    """The band of a social theme: the same colour for a theme everywhere in the game and on paper."""
    name = _theme_band_names(deck.social_ids)[theme_id]
    return _band_of(name, theme_id, dimension_icon(deck, theme_id), dimension_name(deck, theme_id, lang))


def kind_band(kind: str, lang: str) -> Band:
    return _band_of(face_colours_data()["type_bands"][kind], kind, KIND_ICONS[kind], kind_label(kind, lang))


def strongest_theme(deck: Deck, social: Mapping[str, int]) -> str | None:
    """The theme a card serves most; on a tie the one society needs most at the start, then deck order."""
    best = None
    for i, dim in enumerate(deck.social):
        value = social.get(dim.id, 0)
        if value > 0:
            rank = (value, dim.need, -i)
            if best is None or rank > best[0]:
                best = (rank, dim.id)
    return best[1] if best else None


def _event_theme(deck: Deck, effects) -> str | None:
    """An event's theme: the need it raises most, else the theme it changes most."""
    raised: dict[str, int] = {}
    for effect in effects:
        if isinstance(effect, NeedEffect):
            for dim, delta in effect.changes.items():
                raised[dim] = raised.get(dim, 0) + abs(delta) * (2 if delta > 0 else 1)
        elif isinstance(effect, OfferEffect):
            for dim, delta in effect.social.items():
                raised[dim] = raised.get(dim, 0) + abs(delta)
    return strongest_theme(deck, {k: v for k, v in raised.items() if k in deck.social_ids})


# ----------------------------------------------------------------------------------------- effects
def describe_effect(deck: Deck, effect, lang: str, context: str = "event") -> Line:
    """A deck effect (not yet applied) as one line in words with its icon. `context` is event,
    dilemma or on_play: it decides who "current" is (the starting player or you)."""
    if isinstance(effect, NeedEffect):
        changes = [(d, v) for d, v in effect.changes.items() if v]
        if not changes:
            return Line(EFFECT_ICONS["none"], t(lang, "face.effect.none"))
        texts = [t(lang, "face.effect.need_up" if v > 0 else "face.effect.need_down",
                   theme=dimension_name(deck, d, lang), delta=signed(v)) for d, v in changes]
        return Line(dimension_icon(deck, changes[0][0]), "; ".join(texts))
    if isinstance(effect, HoursEffect):
        who_key = effect.who if effect.who != "current" or context != "event" else "current_event"
        who = t(lang, f"face.who.{who_key}")
        key = "face.effect.hours_less" if effect.delta < 0 else "face.effect.hours_more"
        return Line(EFFECT_ICONS["hours"], t(lang, key, who=who, hours=abs(effect.delta)))
    if isinstance(effect, OfferEffect):
        parts = [f"{dimension_name(deck, d, lang)} {signed(v)}"
                 for d, v in (*effect.personal.items(), *effect.social.items()) if v]
        if not parts:
            return Line(EFFECT_ICONS["none"], t(lang, "face.effect.none"))
        return Line(EFFECT_ICONS["offer"], t(lang, "face.effect.offer", tag=tag_name(deck, effect.tag, lang),
                                            changes=", ".join(parts)))
    if isinstance(effect, AddEffect):
        card = deck.card(effect.card) if deck.has_card(effect.card) else None
        title = card.title.get(lang) if card else effect.card
        icon = (card and (_usable(card.icon) or KIND_ICONS.get(card.type))) or EFFECT_ICONS["add"]
        return Line(icon, t(lang, "face.effect.add", card=title))
    # a kind this face does not know yet: its deck notation, so that nothing is hidden
    to_cell = getattr(effect, "to_cell", None)
    return Line(ON_PLAY_ICON, to_cell() if callable(to_cell) else str(effect))


def _lines(deck: Deck, effects, lang: str, context: str) -> tuple[Line, ...]:
    return tuple(describe_effect(deck, e, lang, context) for e in effects)


# -------------------------------------------------------------------------------------------- faces
def _image_path(deck: Deck, card) -> Path | None:
    image = getattr(card, "image", None)
    if not image or not deck.source:
        return None
    path = Path(deck.source) / image
    return path if path.is_file() else None


def _pips(deck: Deck, lang: str, personal: Mapping[str, int], social: Mapping[str, int],
          base_personal: Mapping[str, int], base_social: Mapping[str, int]) -> tuple[tuple[Pip, ...], tuple[Pip, ...]]:
    mine = tuple(Pip("personal", d, dimension_icon(deck, d), personal.get(d, 0), base_personal.get(d, 0),
                     dimension_name(deck, d, lang))
                 for d in deck.personal_ids if personal.get(d, 0) or base_personal.get(d, 0))
    ours = tuple(Pip("social", d, dimension_icon(deck, d), social.get(d, 0), base_social.get(d, 0),
                     dimension_name(deck, d, lang), theme_band(deck, d, lang))
                 for d in deck.social_ids if social.get(d, 0) or base_social.get(d, 0))
    return mine, ours


def _requires(deck: Deck, tags: Sequence[str], lang: str) -> Line | None:
    if not tags:
        return None
    names = [tag_name(deck, x, lang) for x in tags]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {t(lang, 'face.or')} {names[-1]}"
    return Line(REQUIRES_ICON, t(lang, "face.requires", tags=joined))


def card_face(deck: Deck, card: Card | str, lang: str, offers: Sequence[Offer] = ()) -> CardFace:
    """The face of a card of any type. `offers` are the lasting changes of events in a running game
    (a pip then shows the value that counts now); without them the face shows the deck's values."""
    if isinstance(card, str):
        card = deck.card(card.split("#", 1)[0])
    kind = card.type
    theme = None
    common: dict[str, Any] = dict(id=card.id, kind=kind, kind_label=kind_label(kind, lang), kind_icon=KIND_ICONS[kind],
                  title=card.title.get(lang), lang=lang, image=_image_path(deck, card), copies=card.copies,
                  tags=tuple(tag_name(deck, x, lang) for x in card.tags))
    extra: dict[str, Any] = {}
    if card.playable:
        personal, social = card_values(card, offers) if offers else (dict(card.personal), dict(card.social))
        mine, ours = _pips(deck, lang, personal, social, card.personal, card.social)
        theme = strongest_theme(deck, card.social)
        extra = dict(hours=card.hours, hours_label=t(lang, "face.hours", hours=card.hours), personal=mine,
                     social=ours, requires=_requires(deck, card.requires, lang),
                     text=card.text.get(lang) if card.text else "", text_is_story=True)
        if card.on_play:
            extra.update(on_play_head=t(lang, "face.on_play"), on_play=_lines(deck, card.on_play, lang, "on_play"))
    elif kind == "event":
        theme = _event_theme(deck, card.effects)
        extra = dict(text=card.text.get(lang) if card.text else "", effects_head=t(lang, "face.effects"),
                     effects=_lines(deck, card.effects, lang, "event"))
    elif kind == "dilemma":
        options = tuple(Option("ABC"[i], o.label.get(lang), _lines(deck, o.effects, lang, "dilemma"))
                        for i, o in enumerate(card.options))
        extra = dict(text=card.text.get(lang) if card.text else "", options=options)
    elif kind == "prompt":
        footer = t(lang, f"competence.{card.competence}") if card.competence else ""
        phase = t(lang, f"face.phase.{card.phase}")
        extra = dict(text=card.text.get(lang) if card.text else "",
                     footer=f"{footer} · {phase}" if footer else phase)
    band = theme_band(deck, theme, lang) if theme else kind_band(kind, lang)
    art = _usable(card.icon) or (band.icon if theme else KIND_ICONS[kind])
    return CardFace(band=band, art=art, **common, **extra)


def combo_face(deck: Deck, combo: Combo, lang: str) -> CardFace:
    """A combination as a card: what it needs together in one week, its bonus and its story."""
    needs = []
    for req in combo.needs:
        if req.startswith("tag:"):
            needs.append(Line(TAGS_ICON, t(lang, "face.needs_tag", tag=tag_name(deck, req[4:], lang))))
        elif deck.has_card(req):
            card = deck.card(req)
            needs.append(Line(_usable(card.icon) or KIND_ICONS.get(card.type, CARD_ICON), card.title.get(lang)))
        else:
            needs.append(Line(CARD_ICON, req))
    mine, ours = _pips(deck, lang, combo.bonus_personal, combo.bonus_social, combo.bonus_personal,
                       combo.bonus_social)
    theme = strongest_theme(deck, combo.bonus_social)
    band = theme_band(deck, theme, lang) if theme else kind_band("combo", lang)
    return CardFace(id=combo.id, kind="combo", kind_label=kind_label("combo", lang), kind_icon=KIND_ICONS["combo"],
                    title=combo.title.get(lang), art=_usable(combo.icon) or KIND_ICONS["combo"], band=band, lang=lang,
                    personal=mine, social=ours, needs_head=t(lang, "face.needs"), needs=tuple(needs),
                    text=combo.text.get(lang) if combo.text else "", text_is_story=True)


@dataclass(frozen=True)
class LegendEntry:
    kind: str  # personal or social
    dim: str
    icon: str
    name: str
    band: Band | None = None


def legend(deck: Deck, lang: str) -> tuple[LegendEntry, ...]:
    """Every value icon of the deck with its full name: the key to the pips."""
    return tuple([LegendEntry("personal", d.id, dimension_icon(deck, d.id), d.name.get(lang)) for d in deck.personal]
                 + [LegendEntry("social", d.id, dimension_icon(deck, d.id), d.name.get(lang),
                                theme_band(deck, d.id, lang)) for d in deck.social])


def deck_faces(deck: Deck, lang: str, with_copies: bool = False) -> list[CardFace]:
    """Every card of the deck in play order (roles, tasks, events, dilemmas, questions) and then its
    combinations; with `with_copies` a card with `copies: 3` is there three times (for printing)."""
    order = {kind: i for i, kind in enumerate(FACE_KINDS)}
    faces = []
    for card in sorted(deck.cards, key=lambda c: order.get(c.type, 99)):
        face = card_face(deck, card, lang)
        faces += [face] * (card.copies if with_copies else 1)
    faces += [combo_face(deck, combo, lang) for combo in deck.combos]
    return faces

