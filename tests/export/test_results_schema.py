"""docs/results.schema.json describes every result the game writes: each built-in deck, each table
size from 1 to 6, and it refuses what is not a result."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from game.content import builtin_deck_paths, load_deck
from game.core import summarize
from game.core.bots import play_game
from game.export import build_result

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "results.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
STYLES = ["balanced", "social", "personal", "random", "balanced", "social"]


def test_the_schema_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def result_of(deck, players: int, seed: int = 11) -> dict:
    names = [f"Speler {i + 1}" for i in range(players)]
    state = play_game(deck, names, STYLES[:players], seed=seed, rounds=3)
    setup = {"names": names, "rounds": state.rounds, "seed": state.seed, "mode": state.mode, "lang": "en",
             "timer": 0}
    return json.loads(json.dumps(build_result(deck, summarize(deck, state), list(state.log), setup)))


@pytest.fixture(scope="module", params=[p.name for p in builtin_deck_paths()])
def deck(request):
    return load_deck(builtin_deck_paths()[[p.name for p in builtin_deck_paths()].index(request.param)])


@pytest.mark.parametrize("players", range(1, 7))
def test_every_result_of_every_deck_and_table_size_matches_the_schema(deck, players):
    errors = sorted(VALIDATOR.iter_errors(result_of(deck, players)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


@pytest.mark.parametrize("damage", [
    lambda r: r.pop("summary"),
    lambda r: r.update(version=3),
    lambda r: r.update(scoring_model="two"),
    lambda r: r["summary"]["players"][0]["social_themes"][0].__setitem__(2, 1.5),
    lambda r: r["summary"]["players"][0].update(personal_fit=101),
    lambda r: r["summary"]["players"][0].update(quadrant="middle"),
    lambda r: r["setup"].update(rounds=9),
    lambda r: r["log"].append({"card": "x"}),
    lambda r: r["summary"]["players"][0]["mix"].append(["x", "8 hours"]),
])
def test_the_schema_refuses_a_damaged_result(damage):
    deck = load_deck(builtin_deck_paths()[0])
    result = result_of(deck, 2)
    assert VALIDATOR.is_valid(result)
    broken = copy.deepcopy(result)
    damage(broken)
    assert not VALIDATOR.is_valid(broken)
