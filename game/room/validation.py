"""Is a posted body a result? JSON first, then the result JSON Schema (docs/results.schema.json), then
the game's own reader; the answer is an HTTP status and one plain sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import project_root

SCHEMA_PATH = Path("docs") / "results.schema.json"


class SchemaMissing(Exception):
    """The schema file is not where the program expects it."""


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str


def schema_path() -> Path:
    return project_root() / SCHEMA_PATH


@lru_cache(maxsize=1)
def result_validator():
    """The validator of the schema file (its `$schema` picks the draft, 2020-12 expected)."""
    import jsonschema

    path = schema_path()
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SchemaMissing(f"the result schema {path} is missing") from None
    except (OSError, ValueError) as exc:
        raise SchemaMissing(f"the result schema {path} cannot be read ({exc})") from None
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema)


def parse_result(body: bytes) -> dict | Refusal:
    """The result as a dict, or a Refusal: 400 for bytes that are not JSON, 422 for JSON that is not
    a result this program reads."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return Refusal(400, f"the body is not JSON in UTF-8 ({str(exc)[:80]})")
    return check_result(data)


def check_result(data: object) -> dict | Refusal:
    from ..export.results import ResultError, validate_result

    error = next(iter(result_validator().iter_errors(data)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the result"
        return Refusal(422, f"not a valid result at {where}: {error.message[:160]}")
    try:
        return validate_result(data)
    except ResultError as exc:
        return Refusal(422, exc.detail)
