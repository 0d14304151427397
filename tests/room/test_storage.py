"""The hub's file: SQLite in WAL mode, each game stored once, and "Sessie wissen" leaves nothing behind."""

import sqlite3

import pytest

from game.export.results import game_key
from game.room.storage import DB_NAME, RoomStore, TokenTaken
from tests.room.helpers import bot_result

TOKEN_A, TOKEN_B = "a" * 24, "b" * 24
TABLE_1, TABLE_2 = "1" * 24, "2" * 24


def test_the_room_is_one_sqlite_file_in_wal_mode(tmp_path):
    store = RoomStore(tmp_path)
    assert store.journal_mode == "wal"
    assert store.path == tmp_path / DB_NAME
    store.close()


def test_results_tables_and_settings_survive_a_reopen(tmp_path):
    store = RoomStore(tmp_path)
    result = bot_result(seed=41)
    store.add_result(TOKEN_A, game_key(result), TABLE_1, result)
    store.touch_table(TABLE_1, {"round": 2, "rounds": 4, "phase": "turn", "players": 1, "mode": "solo"})
    store.put("hidden", True)
    store.close()
    again = RoomStore(tmp_path)
    assert [r.data for r in again.results()] == [result]
    assert again.tables()[0].progress["phase"] == "turn" and again.tables()[0].number == 1
    assert again.get("hidden") is True
    again.close()


def test_the_same_game_is_stored_once_whatever_its_link(tmp_path):
    store = RoomStore(tmp_path)
    result = bot_result(seed=42)
    first, new = store.add_result(TOKEN_A, game_key(result), TABLE_1, result)
    second, again = store.add_result(TOKEN_B, game_key(result), TABLE_2, result)
    assert (new, again) == (True, False) and second.token == TOKEN_A
    assert len(store.results()) == 1


def test_a_link_belongs_to_the_table_that_made_it(tmp_path):
    store = RoomStore(tmp_path)
    mine, other = bot_result(seed=43), bot_result(seed=44)
    store.add_result(TOKEN_A, game_key(mine), TABLE_1, mine)
    with pytest.raises(TokenTaken):
        store.add_result(TOKEN_A, game_key(other), TABLE_2, other)
    assert [r.data for r in store.results()] == [mine]


def test_tables_are_numbered_in_the_order_they_first_speak(tmp_path):
    store = RoomStore(tmp_path)
    assert [store.touch_table(t).number for t in (TABLE_2, TABLE_1, TABLE_2)] == [1, 2, 1]


def test_wiping_the_session_deletes_every_result_and_table_from_the_file(tmp_path):
    store = RoomStore(tmp_path)
    result = bot_result(seed=45, names=("Xylofoon Zwaantje",))
    store.add_result(TOKEN_A, game_key(result), TABLE_1, result)
    store.touch_table(TABLE_1, {"round": 1})
    store.put("code", "ABCDE")
    store.wipe()
    assert store.results() == [] and store.tables() == [] and store.get("code") == "ABCDE"
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"Xylofoon" not in raw  # not in the database, not in its journal
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM results").fetchone() == (0,)
