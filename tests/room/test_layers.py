"""The room's place in the code: no pygame anywhere in it, the table's side on the standard library,
and the game loads none of it unless a room is asked for."""

import subprocess
import sys

ROOM_MODULES = ["game.room", "game.room.protocol", "game.room.client", "game.room.sharing", "game.room.timer",
                "game.room.discovery", "game.room.network", "game.room.storage", "game.room.validation",
                "game.room.wall", "game.room.limits", "game.room.exports", "game.room.pages", "game.room.server",
                "game.room.command"]


def loaded_after(code: str) -> set:
    out = subprocess.run([sys.executable, "-c", f"import sys; {code}; print(' '.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_no_module_of_the_room_loads_pygame():
    assert "pygame" not in loaded_after("; ".join(f"import {m}" for m in ROOM_MODULES))


def test_the_tables_link_needs_no_http_package_beyond_the_standard_library():
    modules = loaded_after("import game.room.client, game.room.sharing, game.room.timer")
    assert not {m for m in modules if m.split(".")[0] in ("aiohttp", "zeroconf", "jsonschema", "pygame")}


def test_the_game_window_loads_no_room_code_until_a_room_is_asked_for():
    modules = loaded_after("import game.ui.app")
    assert not {m for m in modules if m.startswith("game.room")}
