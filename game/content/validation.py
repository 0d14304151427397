"""Runs a pydantic model over plain values and turns its errors into plain-language messages at a path."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from .messages import Both, Message, msg
from .schema import CARD_MODELS, nearest


@dataclass(frozen=True)
class Finding:
    """One schema problem: a path inside the validated value, whether it is about the key, and a message."""

    path: tuple
    at_key: bool
    message: Message | str  # our own words, or a plain message from the schema's validators
    suggests: str | None = None  # for an unknown key: the known key it is probably a typo of
    missing: str | None = None  # for a missing key: its name


def validate(model: type[BaseModel], data: Any) -> tuple[BaseModel | None, list[Finding]]:
    try:
        return model.model_validate(data), []
    except ValidationError as e:
        findings = [_finding(model, err) for err in e.errors(include_url=False)]
        # `tagg: x` reads as both "unknown key tagg" and "tag is missing": say it once
        typos = {f.path[:-1] + (f.suggests,) for f in findings if f.suggests}
        return None, [f for f in findings if not (f.missing and f.path + (f.missing,) in typos)]
    except RecursionError:
        return None, [Finding((), False, msg("nested"))]


_EXPECTED = {
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "string_type": "text",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
}


def _finding(model: type[BaseModel], err: dict) -> Finding:
    loc = tuple(err["loc"])
    kind, value = err["type"], err.get("input")
    if loc and loc[-1] == "[key]":
        return Finding(loc[:-1], True, _type_message(kind, value, err))
    if kind in ("missing", "extra_forbidden") and not loc:
        return Finding(loc, False, err["msg"])
    if kind == "missing":
        return Finding(loc[:-1], False, msg("key_missing", key=str(loc[-1])), missing=str(loc[-1]))
    if kind == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        near = nearest(str(loc[-1]), owner.model_fields) if owner else None
        return Finding(loc, True, unknown_key_message(str(loc[-1]), model, loc[:-1]), near)
    if kind in _EXPECTED:
        return Finding(loc, False, _type_message(kind, value, err))
    return Finding(loc, False, _words(err))  # our own validators' messages (schema._fail)


def _words(err: dict) -> Message | str:
    """A validator's message as key and parameters when it carries one (schema._fail), else its text."""
    words = (err.get("ctx") or {}).get("words")
    return words if isinstance(words, Message) else err["msg"]


def _type_message(kind: str, value: Any, err: dict) -> Message | str:
    expected = _EXPECTED.get(kind)
    if expected is None:
        return _words(err)
    expected = msg(f"expect.{expected}")
    if value is None:
        return msg("no_value", expected=expected)
    if kind.startswith("int") and isinstance(value, float):
        return msg("int_from_float", value=str(value))
    if kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return msg("number_not_text", value=str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        got = msg("got.number", value=str(value))
    elif isinstance(value, str):
        got = msg("got.text", value=value)
    elif isinstance(value, (list, dict)):
        got = msg("got.list" if isinstance(value, list) else "got.mapping")
    else:
        got = msg("got.value", value=repr(value))
    return msg("expected_got", expected=expected, got=got)


def unknown_key_message(key: str, model: type[BaseModel], parent: tuple) -> Message:
    owner = model_at(model, parent)
    known = list(owner.model_fields) if owner else []
    if owner in CARD_MODELS.values():
        users = [t for t, m in CARD_MODELS.items() if key in m.model_fields and m is not owner]
        if users:
            mine = next(t for t, m in CARD_MODELS.items() if m is owner)
            return msg("unknown_key_card", key=key, type=mine, users=Both(users))
    near = nearest(key, known)
    if near:
        return msg("unknown_key_near", key=key, near=near)
    if known:
        return msg("unknown_key_known", key=key, known=known)
    return msg("unknown_key", key=key)


def _unwrap(t: Any) -> Any:
    while True:
        origin = typing.get_origin(t)
        if origin is typing.Annotated:
            t = typing.get_args(t)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(t) if a is not type(None)]
            t = args[0] if len(args) == 1 else t
            if len(args) != 1:
                return t
        else:
            return t


def model_at(model: Any, path: tuple) -> type[BaseModel] | None:
    """The model class that validates the value at `path` (for listing its known keys)."""
    t: Any = model
    for part in path:
        t = _unwrap(t)
        if isinstance(t, type) and issubclass(t, BaseModel) and isinstance(part, str):
            field = t.model_fields.get(part)
            if field is None:
                return None
            t = field.annotation
        elif typing.get_origin(t) is list and isinstance(part, int):
            t = typing.get_args(t)[0]
        elif typing.get_origin(t) is dict:
            t = typing.get_args(t)[1]
        else:
            return None
    t = _unwrap(t)
    return t if isinstance(t, type) and issubclass(t, BaseModel) else None
