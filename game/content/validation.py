"""Runs a pydantic model over plain values and turns its errors into plain-language messages at a path."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from .schema import CARD_MODELS, nearest


@dataclass(frozen=True)
class Finding:
    """One schema problem: a path inside the validated value, whether it is about the key, and a message."""

    path: tuple
    at_key: bool
    message: str
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
        return None, [Finding((), False, "nested too deeply; a deck needs only a few levels")]


_EXPECTED = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
}


def _finding(model: type[BaseModel], err: dict) -> Finding:
    loc = tuple(err["loc"])
    kind, value = err["type"], err.get("input")
    if loc and loc[-1] == "[key]":
        return Finding(loc[:-1], True, _type_message(kind, value, err))
    if kind in ("missing", "extra_forbidden") and not loc:
        return Finding(loc, False, err["msg"])
    if kind == "missing":
        return Finding(loc[:-1], False, f"the required key '{loc[-1]}' is missing", missing=str(loc[-1]))
    if kind == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        near = nearest(str(loc[-1]), owner.model_fields) if owner else None
        return Finding(loc, True, unknown_key_message(str(loc[-1]), model, loc[:-1]), near)
    if kind in _EXPECTED:
        return Finding(loc, False, _type_message(kind, value, err))
    return Finding(loc, False, err["msg"])  # our own PydanticCustomError messages, already plain


def _type_message(kind: str, value: Any, err: dict) -> str:
    expected = _EXPECTED.get(kind)
    if expected is None:
        return err["msg"]
    if value is None:
        return f"has no value; expected {expected}"
    if kind.startswith("int") and isinstance(value, float):
        return f"expected a whole number, got {value}; write it without decimals"
    if kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"YAML read {value} as a number; expected text, so put it in quotes ('{value}')"
    got = {list: "a list", dict: "a mapping", str: f"the text '{value}'"}.get(type(value), f"{value!r}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        got = f"the number {value}"
    return f"expected {expected}, got {got}"


def unknown_key_message(key: str, model: type[BaseModel], parent: tuple) -> str:
    owner = model_at(model, parent)
    known = list(owner.model_fields) if owner else []
    if owner in CARD_MODELS.values():
        users = [t for t, m in CARD_MODELS.items() if key in m.model_fields and m is not owner]
        if users:
            mine = next(t for t, m in CARD_MODELS.items() if m is owner)
            return f"unknown key '{key}' for a {mine} card; '{key}' belongs on {' and '.join(users)} cards"
    near = nearest(key, known)
    if near:
        return f"unknown key '{key}'; did you mean '{near}'?"
    if known:
        return f"unknown key '{key}'; expected one of: {', '.join(known)}"
    return f"unknown key '{key}'"


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
