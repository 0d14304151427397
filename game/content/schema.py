"""The shape of deck files as pydantic models: keys, types and ranges (not cross-references)."""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Optional

from pydantic import (AfterValidator, BaseModel, ConfigDict, PlainValidator, StrictInt, StrictStr, create_model,
                      model_validator)
from pydantic_core import PydanticCustomError

from .messages import Both, Either, Message, msg, thing

from game.core.deck import ADVICE_VALUES, COMPETENCES, PROMPT_PHASES
from game.core.effects import KINDS, CardId, Deltas, OneOf, Record, Spec, TagId, Whole

ID_PATTERN = re.compile(r"[a-z0-9-]+")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]+)*")
TITLE_MAX, TEXT_MAX = 60, 400
KNOWN_FORMAT = 1


def nearest(word: str, choices) -> str | None:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _fail(kind: str, message: Message) -> PydanticCustomError:
    """A validation error that carries its message as key and parameters (read by validation.py);
    the English text is the template itself, so braces in user text are never template fields."""
    return PydanticCustomError(kind, "{text}", {"text": str(message), "words": message})


def Range(lo: int, hi: int):
    def check(v: int) -> int:
        if not lo <= v <= hi:
            raise _fail("range", msg("range", value=str(v), lo=lo, hi=hi))
        return v

    return Annotated[StrictInt, AfterValidator(check)]


def Count(lo: int, hi: int, what: str):
    def check(v: list) -> list:
        if not lo <= len(v) <= hi:
            raise _fail("count", msg("count", n=len(v), what=thing(what), lo=lo, hi=hi))
        return v

    return AfterValidator(check)


def _check_id(v: str) -> str:
    if not ID_PATTERN.fullmatch(v):
        slug = re.sub(r"[^a-z0-9]+", "-", v.lower()).strip("-")
        raise _fail("id", msg("id_example", value=v, example=slug) if slug else msg("id", value=v))
    return v


Id = Annotated[StrictStr, AfterValidator(_check_id)]


def _check_language(v: str) -> str:
    if not LANGUAGE_PATTERN.fullmatch(v):
        raise _fail("language", msg("language", value=v))
    return v


Language = Annotated[StrictStr, AfterValidator(_check_language)]


def Choice(values: tuple[str, ...]):
    def check(v: str) -> str:
        if v not in values:
            near = nearest(v, values)
            raise _fail("choice", msg("choice_near", value=v, values=list(values), near=near) if near
                        else msg("choice", value=v, values=list(values)))
        return v

    return Annotated[StrictStr, AfterValidator(check)]


def _describe(v: Any) -> Message:
    if isinstance(v, bool):
        return msg("got.yes_no", value=str(v))
    if isinstance(v, (int, float)):
        return msg("got.number", value=str(v))
    if isinstance(v, list):
        return msg("got.list")
    if isinstance(v, dict):
        return msg("got.mapping")
    return msg("got.value", value=repr(v))


def TextOf(limit: int, what: str):
    """A text: a non-empty string, or a mapping language -> non-empty string, at most `limit` long."""

    def check(v: Any) -> Any:
        if v is None:
            raise _fail("text", msg("text_none"))
        if isinstance(v, str):
            if not v.strip():
                raise _fail("text", msg("text_empty"))
            if len(v) > limit:
                raise _fail("text", msg("text_long", n=len(v), what=thing(what), limit=limit))
            return v
        if isinstance(v, dict):
            if not v:
                raise _fail("text", msg("text_empty_mapping"))
            for lang, s in v.items():
                if not LANGUAGE_PATTERN.fullmatch(lang):
                    raise _fail("text", msg("text_language", lang=lang))
                if not isinstance(s, str):
                    extra = "; put it in quotes" if isinstance(s, (int, float)) else ""
                    raise _fail("text", msg("text_not_text_quotes" if extra else "text_not_text", lang=lang,
                                            got=_describe(s)))
                if not s.strip():
                    raise _fail("text", msg("text_lang_empty", lang=lang))
                if len(s) > limit:
                    raise _fail("text", msg("text_lang_long", lang=lang, n=len(s), what=thing(what),
                                            limit=limit))
            return dict(v)
        extra = "; put it in quotes" if isinstance(v, (int, float)) and not isinstance(v, bool) else ""
        raise _fail("text", msg("text_expected_quotes" if extra else "text_expected", got=_describe(v)))

    return Annotated[Any, PlainValidator(check)]


Title = TextOf(TITLE_MAX, "a title")
LongText = TextOf(TEXT_MAX, "a text")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


PersonalValue = Range(-3, 3)
SocialValue = Range(0, 3)


# ---- dimensions and deck settings -------------------------------------------------------


class PersonalDimensionModel(Strict):
    id: Id
    name: Title
    question: Optional[LongText] = None
    icon: Optional[StrictStr] = None


class SocialDimensionModel(Strict):
    id: Id
    name: Title
    need: Range(1, 5)
    icon: Optional[StrictStr] = None


class DimensionsModel(Strict):
    personal: Annotated[list[PersonalDimensionModel], Count(3, 8, "personal dimensions")]
    social: Annotated[list[SocialDimensionModel], Count(3, 8, "social dimensions")]


class QuadrantsModel(Strict):
    high_high: Optional[Title] = None
    high_low: Optional[Title] = None
    low_high: Optional[Title] = None
    low_low: Optional[Title] = None


def _unique_languages(v: list[str]) -> list[str]:
    doubles = sorted({x for x in v if v.count(x) > 1})
    if doubles:
        raise _fail("languages", msg("languages_twice", languages=doubles))
    return v


class DeckFileModel(Strict):
    """deck.yaml's own keys; cards and combos are checked one by one (see CARD_MODELS)."""

    format: StrictInt
    id: Id
    title: Title
    description: Optional[LongText] = None
    version: Optional[StrictStr] = None
    languages: Annotated[list[Language], Count(1, 20, "languages"), AfterValidator(_unique_languages)]
    hours_per_week: Range(8, 80) = 40
    hand_size: Range(3, 8) = 5
    market_size: Range(0, 8) = 4
    actions_per_turn: Range(1, 3) = 2
    balance_dimension: Optional[Id] = None
    include: list[StrictStr] = []
    dimensions: DimensionsModel
    quadrants: Optional[QuadrantsModel] = None
    tags: Optional[dict[Id, Title]] = None  # display names of tags, per language
    cards: list[Any] = []
    combos: list[Any] = []


class IncludedFileModel(Strict):
    """An included file holds only card and combo lists."""

    cards: list[Any] = []
    combos: list[Any] = []


# ---- effects ------------------------------------------------------------------------------
# Built from the effect kinds' own specs (game.core.effects): a new kind needs no edit here.


def _field_type(spec: Spec, name: str) -> Any:
    if isinstance(spec, Whole):
        return Range(spec.lo, spec.hi)
    if isinstance(spec, Deltas):
        return dict[StrictStr, Range(spec.lo, spec.hi)]
    if isinstance(spec, (CardId, TagId)):
        return Id
    if isinstance(spec, OneOf):
        return Choice(spec.values)
    if isinstance(spec, Record):
        keys = {key: (_field_type(sub, key), ... if required else ({} if isinstance(sub, Deltas) else None))
                for key, sub, required in spec.keys}
        return create_model(f"{name.title()}Model", __base__=Strict, **keys)
    raise TypeError(f"no schema for {spec!r}")


def _owners() -> dict[str, str]:
    """Every key an effect may hold -> the kind it belongs to."""
    owners: dict[str, str] = {}
    for kind in KINDS.values():
        for name in kind.fields:
            owners.setdefault(name, kind.key)
    return owners


class _EffectBase(Strict):
    @model_validator(mode="after")
    def _exactly_one(self):
        present = [k for k in KINDS if getattr(self, k) is not None]
        if len(present) != 1:
            got = Both(present) if present else msg("none_of_them")
            raise _fail("effect", msg("effect_one", listed=Either(KINDS), got=got))
        for name, owner in _owners().items():
            if name not in KINDS and getattr(self, name) is not None and owner != present[0]:
                raise _fail("effect", msg("effect_belongs", name=name, owner=owner))
        return self


EffectModel = create_model(
    "EffectModel", __base__=_EffectBase,
    **{name: (Optional[_field_type(spec, name)], None)
       for kind in KINDS.values() for name, spec in kind.fields.items()},
)


# ---- cards and combos ---------------------------------------------------------------------


class CardModel(Strict):
    id: Id
    type: StrictStr
    title: Title
    text: Optional[LongText] = None
    tags: list[Id] = []
    copies: Range(1, 4) = 1
    image: Optional[StrictStr] = None
    icon: Optional[StrictStr] = None


class RoleCardModel(CardModel):
    hours: Range(1, 60)
    personal: dict[StrictStr, PersonalValue] = {}
    social: dict[StrictStr, SocialValue] = {}
    on_play: list[EffectModel] = []  # once a game, when the card first joins somebody's week
    advice: Optional[Choice(ADVICE_VALUES)] = None  # what the advisor and the next step may do with it


class TaskCardModel(RoleCardModel):
    requires: list[Id] = []


class EventCardModel(CardModel):
    text: LongText
    effects: list[EffectModel]


class OptionModel(Strict):
    label: LongText
    effects: list[EffectModel] = []


class DilemmaCardModel(CardModel):
    text: LongText
    options: Annotated[list[OptionModel], Count(2, 3, "options")]


class PromptCardModel(CardModel):
    text: LongText
    competence: Choice(COMPETENCES)
    phase: Choice(PROMPT_PHASES) = "reflect"


CARD_MODELS: dict[str, type[CardModel]] = {
    "role": RoleCardModel,
    "task": TaskCardModel,
    "event": EventCardModel,
    "dilemma": DilemmaCardModel,
    "prompt": PromptCardModel,
}


class BonusModel(Strict):
    personal: dict[StrictStr, PersonalValue] = {}
    social: dict[StrictStr, SocialValue] = {}


class ComboModel(Strict):
    id: Id
    title: Title
    text: Optional[LongText] = None
    needs: Annotated[list[StrictStr], Count(1, 12, "needs")]
    bonus: BonusModel = BonusModel()
    icon: Optional[StrictStr] = None
