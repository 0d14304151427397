"""Cross-checks across a deck: references resolve, ids are unique, texts exist per language, it is playable.

Also the warnings for things that load but look wrong (too long for a card face, a card worth
nothing, a combination that can never be met).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from game.core.deck import COMPETENCES, PLAYABLE_TYPES
from game.core.effects import CONTEXTS, KINDS, effect_from_fields, CardId, Deltas, Record, Spec, TagId
from game.icons import has_icon, icon_names

from .errors import WARNING
from .messages import Both, Message, msg, thing
from .schema import ID_PATTERN, nearest
from .sources import Item, Reporter, Source

MAX_CARDS = 2000
MIN_EVENTS = 6  # one per round of the longest game
FACE_TITLE_MAX, FACE_TEXT_MAX = 40, 180
_SEARCH_BUDGET = 20_000


def _ids(entries: Any) -> list[str]:
    if not isinstance(entries, list):
        return []
    return [e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _within(value: Any, lo: int, hi: int, default: int) -> int | None:
    """The setting, its default when absent, or None when it is wrong (reported elsewhere; no echoes)."""
    if value is None:
        return default
    value = _int(value, lo - 1)
    return value if lo <= value <= hi else None


@dataclass
class DeckFacts:
    """What other parts refer to, taken from the plain values so one broken entry does not cascade."""

    languages: tuple[str, ...] | None
    personal: list[str]
    social: list[str]
    hand_size: int | None
    hours_per_week: int | None
    cards: list[Item]
    combos: list[Item]
    card_types: dict[str, str] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)

    @classmethod
    def gather(cls, data: dict, cards: list[Item], combos: list[Item]) -> "DeckFacts":
        langs = data.get("languages")
        languages = (
            tuple(langs) if isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs) else None
        )
        dims = data.get("dimensions") if isinstance(data.get("dimensions"), dict) else {}
        facts = cls(
            languages=languages,
            personal=_ids(dims.get("personal")),
            social=_ids(dims.get("social")),
            hand_size=_within(data.get("hand_size"), 3, 8, 5),
            hours_per_week=_within(data.get("hours_per_week"), 8, 80, 40),
            cards=cards,
            combos=combos,
        )
        for item in cards:
            if item.raw_id and item.raw_id not in facts.card_types:
                facts.card_types[item.raw_id] = item.raw_type or "?"
            tags = item.raw.get("tags") if isinstance(item.raw, dict) else None
            if isinstance(tags, list):
                facts.tags.update(t for t in tags if isinstance(t, str))
        return facts


def _unknown(what: str, value: str, known: Iterable[str]) -> Message:
    known = list(known)
    near = nearest(value, known)
    if near:
        return msg("unknown_near", what=thing(what), value=value, near=near)
    if known:
        return msg("unknown_known", what=thing(what), value=value, known=known)
    return msg("unknown", what=thing(what), value=value)


def _no_tag(tag: str, known: list[str]) -> Message:
    near = nearest(tag, known)
    if near:
        return msg("no_tag_near", tag=tag, near=near)
    if known:
        return msg("no_tag_known", tag=tag, known=known)
    return msg("no_tag", tag=tag)


class ReferenceCheck:
    def __init__(self, report: Reporter, main: Source, facts: DeckFacts):
        self.report = report
        self.main = main
        self.facts = facts

    # ---- the deck file itself -----------------------------------------------------------

    def deck(self, data: dict, deck_ok: bool) -> None:
        f = self.facts
        balance = data.get("balance_dimension")
        if isinstance(balance, str) and balance not in f.personal and f.personal:
            self.report.at(self.main, ("balance_dimension",),
                           _unknown("personal dimension", balance, f.personal))
        for side in ("personal", "social"):
            dims = data.get("dimensions", {}).get(side) if isinstance(data.get("dimensions"), dict) else None
            self._unique_ids(self.main, ("dimensions", side), dims, f"{side} dimension id")
        if deck_ok:
            self._texts(self.main, data, ("title", "description"), ())
            dims = data["dimensions"]
            for side in ("personal", "social"):
                for i, d in enumerate(dims[side]):
                    self._texts(self.main, d, ("name", "question"), ("dimensions", side, i))
            if isinstance(data.get("quadrants"), dict):
                self._texts(self.main, data["quadrants"], tuple(data["quadrants"]), ("quadrants",))
            for side in ("personal", "social"):
                for i, d in enumerate(dims[side]):
                    self._icon(self.main, d, ("dimensions", side, i))
        self._tag_names(data)

    def _icon(self, source: Source, owner: Any, path: tuple) -> None:
        icon = owner.get("icon") if isinstance(owner, dict) else None
        if isinstance(icon, str) and not has_icon(icon):
            near = nearest(icon, icon_names())
            self.report.at(source, path + ("icon",), msg("icon_near", icon=icon, near=near) if near
                           else msg("icon", icon=icon))

    def _tag_names(self, data: dict) -> None:
        """With a `tags:` section, every tag a card uses has a display name, and every name a user."""
        names = data.get("tags")
        if not isinstance(names, dict):
            return
        self._texts(self.main, names, tuple(k for k in names if isinstance(k, str)), ("tags",))
        used = self.facts.tags
        for tag in names:
            if isinstance(tag, str) and tag not in used:
                self.report.at(self.main, ("tags", tag),
                               msg("tag_name_unused", tag=tag), WARNING, at_key=True)
        missing = sorted(t for t in used if t not in names)
        if missing:
            self.report.at(self.main, ("tags",),
                           msg("tag_names_missing", n=len(missing), tags=missing), WARNING, at_key=True)

    def _unique_ids(self, source: Source, path: tuple, entries: Any, what: str) -> None:
        if not isinstance(entries, list):
            return
        first: dict[str, int] = {}
        for i, e in enumerate(entries):
            ident = e.get("id") if isinstance(e, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in first:
                line = source.yaml.mark(path + (first[ident], "id"))[0]
                self.report.at(source, path + (i, "id"),
                               msg("id_twice_line", what=thing(what), id=ident, line=line))
            else:
                first[ident] = i

    # ---- texts in every language ----------------------------------------------------------

    def _texts(self, source: Source, owner: dict, keys: Iterable[str], path: tuple) -> None:
        langs = self.facts.languages
        if not langs:
            return
        for key in keys:
            value = owner.get(key)
            where = path + (key,)
            if isinstance(value, str) and len(langs) > 1:
                self.report.at(source, where,
                               msg("text_plain", languages=list(langs), first=langs[0], second=langs[1]))
            elif isinstance(value, dict):
                missing = [lang for lang in langs if lang not in value]
                if missing:
                    self.report.at(source, where,
                                   msg("text_missing", missing=Both(repr(m) for m in missing), languages=list(langs)))
                for lang in value:
                    if lang not in langs:
                        self.report.at(source, where + (lang,),
                                       msg("text_extra_language", lang=lang, languages=list(langs)), WARNING,
                                       at_key=True)

    # ---- cards ----------------------------------------------------------------------------

    def _unique_item_ids(self, items: list[Item], what: str) -> None:
        """Every id once: a second use names the file and line of the first."""
        first: dict[str, Item] = {}
        for item in items:
            ident = item.raw_id
            if ident is None:
                continue
            if ident in first:
                prev = first[ident]
                where = f"{prev.source.rel}:{prev.source.yaml.mark(prev.path + ('id',))[0]}"
                self.report.on(item, ("id",), msg(f"id_twice.{what}", id=ident, where=where))
            else:
                first[ident] = item

    def cards(self) -> None:
        f = self.facts
        self._unique_item_ids(f.cards, "card")
        for item in f.cards:
            if item.model is not None:
                self._card(item, item.model)

    def _card(self, item: Item, card: Any) -> None:
        raw = item.raw
        self._texts(item.source, raw, ("title", "text"), item.path)
        self._face(item, raw)
        self._icon(item.source, raw, item.path)
        if card.type in PLAYABLE_TYPES:
            self._dimension_keys(item, ("personal",), card.personal, self.facts.personal, "personal")
            self._dimension_keys(item, ("social",), card.social, self.facts.social, "social")
            for i, tag in enumerate(getattr(card, "requires", ())):
                self._tag(item, ("requires", i), tag)
            for j, effect in enumerate(card.on_play):
                self._effect(item, ("on_play", j), effect, context="on_play")
            if not any(card.personal.values()) and not any(card.social.values()):
                self.report.on(item, ("type",),
                               msg("card_worth_nothing", type=card.type), WARNING)
        if card.type == "event":
            for j, effect in enumerate(card.effects):
                self._effect(item, ("effects", j), effect, context="event")
        if card.type == "dilemma":
            for i, option in enumerate(card.options):
                self._texts(item.source, raw["options"][i], ("label",), item.path + ("options", i))
                for j, effect in enumerate(option.effects):
                    self._effect(item, ("options", i, "effects", j), effect, context="dilemma")

    def _face(self, item: Item, raw: dict) -> None:
        for key, limit, what in (("title", FACE_TITLE_MAX, "title"), ("text", FACE_TEXT_MAX, "text")):
            value = raw.get(key)
            texts = {"": value} if isinstance(value, str) else value if isinstance(value, dict) else {}
            for lang, text in texts.items():
                if isinstance(text, str) and len(text) > limit:
                    self.report.on(item, (key,), msg(f"face.{what}_lang", lang=lang, n=len(text), limit=limit) if lang
                                   else msg(f"face.{what}", n=len(text), limit=limit), WARNING)

    def _dimension_keys(self, item: Item, sub: tuple, values: dict, known: list[str], side: str) -> None:
        if not known:
            return
        for dim in values:
            if dim not in known:
                what = side if "dimension" in side else f"{side} dimension"
                self.report.on(item, sub + (dim,), _unknown(what, dim, known), at_key=True)

    def _tag(self, item: Item, sub: tuple, tag: str) -> None:
        if tag not in self.facts.tags:
            self.report.on(item, sub, _no_tag(tag, sorted(self.facts.tags)))

    def _effect(self, item: Item, sub: tuple, effect: Any, context: str) -> None:
        """Check an effect (its validated model) against the deck, by its kind's own specs."""
        kind = next(KINDS[k] for k in KINDS if getattr(effect, k, None) is not None)
        if context not in kind.contexts:
            allowed = [msg(f"context.{c}") for c in CONTEXTS if c in kind.contexts]
            self.report.on(item, sub + (kind.key,),
                           msg("effect_context_add" if kind.key == "add" else "effect_context", key=kind.key,
                               allowed=msg("or_list", first=allowed[0], rest=allowed[1:]) if len(allowed) > 1
                               else allowed[0], why=msg(f"context_why.{context}")))
        for name, spec in kind.fields.items():
            self._value(item, sub + (name,), spec, getattr(effect, name, None), name)

    def _value(self, item: Item, where: tuple, spec: Spec, value: Any, name: str) -> None:
        f = self.facts
        if value is None:
            return
        if isinstance(spec, Deltas):
            known = f.personal if spec.side == "personal" else f.social
            self._dimension_keys(item, where, value, known, spec.what or f"{spec.side} dimension")
        elif isinstance(spec, TagId):
            self._tag(item, where, value)
        elif isinstance(spec, CardId):
            card_type = f.card_types.get(value)
            if card_type is None:
                self.report.on(item, where, _unknown("card id", value, f.card_types))
            elif card_type not in PLAYABLE_TYPES and card_type != "?":
                self.report.on(item, where, msg("takes_playable", value=value, type=card_type, name=name))
        elif isinstance(spec, Record):
            for key, sub, _required in spec.keys:
                self._value(item, where + (key,), sub, getattr(value, key, None), key)

    # ---- combos ---------------------------------------------------------------------------

    def combos(self) -> None:
        f = self.facts
        self._unique_item_ids(f.combos, "combo")
        all_cards_valid = all(item.model is not None for item in f.cards)
        for item in f.combos:
            combo = item.model
            if combo is None:
                continue
            self._texts(item.source, item.raw, ("title", "text"), item.path)
            self._icon(item.source, item.raw, item.path)
            broken = False
            for i, need in enumerate(combo.needs):
                if need.startswith("tag:"):
                    tag = need[4:]
                    if not ID_PATTERN.fullmatch(tag):
                        self.report.on(item, ("needs", i), msg("needs_tag", need=need))
                        broken = True
                    elif tag not in f.tags:
                        self._tag(item, ("needs", i), tag)
                        broken = True
                elif need not in f.card_types:
                    self.report.on(item, ("needs", i), msg("needs_card", unknown=_unknown("card id", need, f.card_types)))
                    broken = True
            self._dimension_keys(item, ("bonus", "personal"), combo.bonus.personal, f.personal, "personal")
            self._dimension_keys(item, ("bonus", "social"), combo.bonus.social, f.social, "social")
            if not broken and all_cards_valid:
                why = self._never_met(combo.needs)
                if why:
                    self.report.on(item, ("needs",), msg("never_met", why=why), WARNING)

    def _hours_budget(self) -> int:
        """The most hours a week can ever hold: the deck's budget plus every hours gain (computed once)."""
        if getattr(self, "_budget_cache", None) is None:
            self._budget_cache = self._compute_hours_budget()
        return self._budget_cache

    def _playable_copies(self) -> list[tuple[str, int, int, set[str]]]:
        """(card id, copy number, hours, tags) of every role/task copy (computed once per check)."""
        if getattr(self, "_copies_cache", None) is None:
            copies = []
            for item in self.facts.cards:
                card = item.model
                if card is not None and card.type in PLAYABLE_TYPES:
                    copies.extend((card.id, n, card.hours, set(card.tags)) for n in range(card.copies))
            self._copies_cache = copies
        return self._copies_cache

    def _compute_hours_budget(self) -> int:
        extra = 0
        for item in self.facts.cards:
            card = item.model
            if card is None:
                continue
            effects = list(getattr(card, "effects", ())) + list(getattr(card, "on_play", ()))
            for option in getattr(card, "options", ()):
                effects.extend(option.effects)
            extra += sum(effect_from_fields(e.model_dump(exclude_none=True)).hours_gain() for e in effects)
        return (self.facts.hours_per_week or 80) + extra

    def _never_met(self, needs: list[str]) -> str | None:
        copies = self._playable_copies()
        options: list[list[int]] = []
        for need in needs:
            if need.startswith("tag:"):
                fits = [i for i, c in enumerate(copies) if need[4:] in c[3]]
                if not fits:
                    return msg("never.tag", tag=need[4:])
            else:
                fits = [i for i, c in enumerate(copies) if c[0] == need]
                if not fits:
                    kind = self.facts.card_types.get(need, "?")
                    return msg("never.card", card=need, type=kind)
            options.append(sorted(fits, key=lambda i: copies[i][2]))
        budget = self._hours_budget()
        best = [None]
        steps = [0]
        order = sorted(range(len(options)), key=lambda k: len(options[k]))

        def search(k: int, used: set[int], hours: int) -> bool:
            steps[0] += 1
            if steps[0] > _SEARCH_BUDGET:
                return True  # too many ways to try: assume it can be met
            if best[0] is not None and hours >= best[0]:
                return False
            if k == len(order):
                best[0] = hours
                return hours <= budget
            for i in options[order[k]]:
                if i not in used:
                    used.add(i)
                    if search(k + 1, used, hours + copies[i][2]):
                        return True
                    used.discard(i)
            return False

        if search(0, set(), 0):
            return None
        if best[0] is None:
            return msg("never.distinct")
        return msg("never.hours", hours=best[0], budget=budget)

    # ---- the deck as a whole ----------------------------------------------------------------

    def playable(self) -> None:
        f = self.facts
        where = ("cards",)  # the mark falls back to the top of deck.yaml when it has no cards: list
        total = len(f.cards)
        if total > MAX_CARDS:
            self.report.at(self.main, where, msg("too_many_cards", n=total, max=MAX_CARDS), at_key=True)
        counts = {"playable": 0, "event": 0}
        competences: set[str] = set()
        for item in f.cards:
            raw = item.raw if isinstance(item.raw, dict) else {}
            copies = _int(raw.get("copies"), 1)
            if item.raw_type in PLAYABLE_TYPES:
                counts["playable"] += max(copies, 1)
            elif item.raw_type == "event":
                counts["event"] += max(copies, 1)
            elif item.raw_type == "prompt" and isinstance(raw.get("competence"), str):
                competences.add(raw["competence"])
        need = f.hand_size * 2 if f.hand_size else 0
        if counts["playable"] < need:
            self.report.at(self.main, where,
                           msg("few_playable", n=counts["playable"], hand=f.hand_size, need=need), at_key=True)
        if counts["event"] < MIN_EVENTS:
            self.report.at(self.main, where,
                           msg("few_events", n=counts["event"], min=MIN_EVENTS), at_key=True)
        missing = [c for c in COMPETENCES if c not in competences]
        if missing:
            self.report.at(self.main, where,
                           msg("prompts_missing", missing=missing, competences=list(COMPETENCES)), at_key=True)
