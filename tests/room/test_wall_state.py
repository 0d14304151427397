"""What the wall shows: a dot per player, the tables' progress, the room's coverage and the opening
question about what nobody covers."""

from game.export.results import game_key
from game.room.storage import RoomStore
from game.room.timer import TimerState, started, state_of, timer_text, paused, resumed
from game.room.wall import wall_state
from tests.room.helpers import bot_result


def filled(tmp_path, *results):
    store = RoomStore(tmp_path)
    for i, r in enumerate(results):
        store.touch_table(f"{i:024d}", {"round": 4, "rounds": 4, "phase": "summary", "players": 1, "mode": "solo"})
        store.add_result(f"token{i:020d}", game_key(r), f"{i:024d}", r)
    return store


def test_one_dot_per_player_with_a_public_id_that_is_not_the_take_home_link(tmp_path):
    store = filled(tmp_path, bot_result(seed=61), bot_result(seed=62, players=3))
    state = wall_state(store.results(), store.tables(), False, TimerState(), 0.0)
    ids = [p["id"] for p in state["players"]]
    assert len(ids) == len(set(ids)) == 4
    assert not any("token" in i for i in ids)
    assert state["counts"] == {"results": 2, "players": 4, "tables": 2}


def test_the_coverage_is_summed_over_every_player_of_the_room(tmp_path):
    a, b = bot_result(seed=63, players=2), bot_result(seed=64)
    store = filled(tmp_path, a, b)
    state = wall_state(store.results(), store.tables(), False, TimerState(), 0.0)
    for row in state["coverage"]:
        expected = sum(c for r in (a, b) for p in r["summary"]["players"]
                       for th, c, _ in p["social_dimensions"] if th == row["theme"])
        assert abs(row["total"] - expected) < 0.01
    nobody = [row["label"] for row in state["coverage"] if row["total"] == 0]
    assert state["nobody"] == nobody
    assert state["least"] == "" if nobody else state["least"] in [row["label"] for row in state["coverage"]]


def test_hidden_dots_are_not_even_in_the_data(tmp_path):
    store = filled(tmp_path, bot_result(seed=65, players=2))
    state = wall_state(store.results(), store.tables(), True, TimerState(), 0.0)
    assert state["players"] == [] and state["counts"]["players"] == 2


def test_full_names_posted_by_another_tool_show_as_initials(tmp_path):
    store = filled(tmp_path, bot_result(seed=66, players=2, names=("Noor de Vries", "SJ")))
    labels = [p["label"] for p in wall_state(store.results(), store.tables(), False, TimerState(), 0.0)["players"]]
    assert labels == ["NDV", "SJ"]


def test_the_round_timer_counts_down_pauses_and_says_so():
    t = started(120, now=1000.0)
    assert state_of(t, 1030.0).remaining == 90
    assert timer_text("nl", state_of(t, 1000.0)) == "Nog 2 minuten"
    assert timer_text("nl", state_of(t, 1075.0)) == "Nog 45 seconden"
    assert timer_text("en", state_of(t, 1200.0)) == "Time is up"
    p = paused(t, 1060.0)
    assert state_of(p, 5000.0).remaining == 60 and state_of(p, 5000.0).paused
    assert state_of(resumed(p, 2000.0), 2010.0).remaining == 50
    assert timer_text("nl", TimerState()) == ""
