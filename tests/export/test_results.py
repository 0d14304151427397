"""The result file: everything of a finished game, versioned, safe to name, and checked when read."""

import json
import os

import pytest

from game.core import new_game, summarize
from game.core.replay import replay
from game.core.summary import Summary
from game.export import RESULT_FORMAT, RESULT_VERSION, ResultError, build_result, load_result, save_result
from game.export.results import result_filename
from game.session.save import SaveData
from tests.export.helpers import finished, setup_of


def as_json(data):
    """What a value becomes after a trip through a JSON file (tuples turn into lists)."""
    return json.loads(json.dumps(data))


def test_a_result_holds_format_version_deck_setup_summary_and_log():
    deck, state, summary = finished(["Anna", "Bram"], seed=3)
    data = build_result(deck, summary, state.log, setup_of(state))
    assert data["format"] == RESULT_FORMAT and data["version"] == RESULT_VERSION
    assert data["created"]
    assert data["deck"] == {"id": deck.id, "version": deck.version, "fingerprint": deck.fingerprint,
                            "source": ""}
    assert data["setup"] == {"names": ["Anna", "Bram"], "rounds": 3, "seed": 3, "mode": "table", "lang": "nl"}
    assert data["summary"] == as_json(summary.to_json())
    assert as_json(data) == data  # nothing that JSON cannot hold
    assert data["log"] == state.log


def test_the_summary_survives_the_round_trip_through_the_file(tmp_path):
    deck, state, summary = finished(["Anna", "Bĳna Ĳsbrand", "Chloë"], seed=5)
    path = save_result(deck, summary, state.log, setup_of(state), tmp_path)
    data = load_result(path)
    assert as_json(Summary.from_json(data["summary"]).to_json()) == data["summary"]
    assert Summary.from_json(data["summary"]) == summary


def test_setup_and_log_replay_to_the_same_summary(tmp_path):
    deck, state, summary = finished(["Anna", "Bram", "Cas"], seed=11)
    data = load_result(save_result(deck, summary, state.log, setup_of(state), tmp_path))
    setup = data["setup"]
    initial = new_game(deck, setup["names"], rounds=setup["rounds"], seed=setup["seed"], mode=setup["mode"])
    replayed = replay(deck, initial, data["log"])
    assert as_json(summarize(deck, replayed).to_json()) == data["summary"]


def test_the_setup_may_be_the_save_data_of_the_session(tmp_path):
    deck, state, summary = finished(["Solo"], seed=2)
    save = SaveData(deck.id, "", deck.fingerprint, ["Solo"], 3, 2, "solo", lang="en", timer=60)
    data = build_result(deck, summary, state.log, save)
    assert data["setup"] == {"names": ["Solo"], "rounds": 3, "seed": 2, "mode": "solo", "lang": "en", "timer": 60}


@pytest.mark.parametrize("names", [
    ["", "  "], ["a" * 500, "b" * 300], ["李雷", "Зоя"], ["../../etc/passwd", "C:\\con"], ["CON", "nul.txt"],
    ["🙂🚀", "Ĳsbrand"], ["Anna\nNieuw\tregel", "x:y*z?<>|\""],
])
def test_any_player_name_gives_a_safe_file_name(tmp_path, names):
    deck, state, summary = finished(names, seed=1)
    path = save_result(deck, summary, state.log, setup_of(state), tmp_path)
    assert path.parent == tmp_path and path.suffix == ".json"
    assert len(path.name) <= 120
    assert not set(path.name) & set('/\\:*?"<>|\n\t')
    assert load_result(path)["setup"]["names"] == [str(n) for n in names]


def test_saving_the_same_game_twice_keeps_one_file(tmp_path):
    deck, state, summary = finished(["Anna", "Bram"], seed=3)
    first = save_result(deck, summary, state.log, setup_of(state), tmp_path)
    second = save_result(deck, summary, state.log, setup_of(state), tmp_path)
    assert first == second and [p.name for p in tmp_path.iterdir()] == [first.name]


def test_a_result_is_named_by_deck_names_and_game():
    from game.export.results import build_result, game_key, result_name

    deck, state, summary = finished(["Bĳna Ĳsbrand", "Eva"], seed=3)
    data = build_result(deck, summary, state.log, setup_of(state))
    assert result_name(data) == f"test-bijna-ijsbrand-eva-{game_key(data)[:12]}.json"


def test_handout_file_names_show_date_time_deck_and_names():
    deck, state, summary = finished(["Bĳna Ĳsbrand", "Eva"], seed=3)
    from datetime import datetime

    name = result_filename(deck, summary, datetime(2025, 3, 4, 9, 8, 7))
    assert name == "2025-03-04-090807-test-bijna-ijsbrand-eva.json"


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path):
    deck, state, summary = finished(["Anna", "Bram"], seed=3)
    return build_result(deck, summary, state.log, setup_of(state))


def test_a_file_that_is_not_json_is_refused_with_a_reason(tmp_path):
    with pytest.raises(ResultError) as err:
        load_result(_write(tmp_path, "x.json", "{ not json"))
    assert err.value.reason == "not_json" and "not JSON" in str(err.value)


def test_json_of_something_else_is_not_a_result(tmp_path):
    with pytest.raises(ResultError) as err:
        load_result(_write(tmp_path, "x.json", {"format": "breder-belang-boost/save", "version": 1}))
    assert err.value.reason == "not_a_result"


def test_a_result_with_a_broken_summary_is_malformed(tmp_path, good):
    del good["summary"]["players"][0]["personal_fit"]
    with pytest.raises(ResultError) as err:
        load_result(_write(tmp_path, "x.json", good))
    assert err.value.reason == "malformed" and "summary" in err.value.detail


def test_a_result_without_its_log_is_malformed(tmp_path, good):
    del good["log"]
    with pytest.raises(ResultError) as err:
        load_result(_write(tmp_path, "x.json", good))
    assert err.value.reason == "malformed" and "log" in err.value.detail


def test_a_result_from_a_newer_program_asks_for_an_update(tmp_path, good):
    good["version"] = RESULT_VERSION + 1
    with pytest.raises(ResultError) as err:
        load_result(_write(tmp_path, "x.json", good))
    assert err.value.reason == "future_version" and "newer" in err.value.detail


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:  # sparse: no 33 MiB on disk
        handle.truncate(33 * 1024 * 1024)
    with pytest.raises(ResultError) as err:
        load_result(path)
    assert err.value.reason == "too_big"


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(ResultError) as err:
        load_result(_write(tmp_path, "x.json", ""))
    assert err.value.reason == "empty"


def test_the_schema_document_names_every_top_level_field(good):
    doc = (os.path.join(os.path.dirname(__file__), "..", "..", "docs", "results-schema.md"))
    text = open(doc, encoding="utf-8").read()
    for key in good:
        assert f"`{key}`" in text, key
    assert RESULT_FORMAT in text
