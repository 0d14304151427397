"""A class of 30: thirty tables post to one hub at once, and the hub survives kill -9 in the middle.

The tables are real: `bbb play --autoplay --room` on SDL's dummy driver (the whole game through its
screens), or, for the crash test, tests/room/table_bot.py (a real Session and RoomLink without a
window, at a player's pace). They run with a lower CPU priority (nice 10): in a classroom each table
is its own laptop, so the hub should not have to share two cores with thirty games. Each test prints
the time from a table's last move to its dots on the wall.
"""

import json
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from tests.room.helpers import ROOT, HubProcess, WallListener, child_env, room, wait_until

TABLES = 30
FINISH_TIMEOUT = 420.0
# How long a result may take from a table's last move to its dots on the wall before the test calls
# the hub stuck. The one-second target is measured by bench/room.py (median and p99 over repetitions,
# beside a bare aiohttp baseline): on a shared two-core machine thirty games, the hub and whatever
# else runs share the cores, so a time bound in a test would measure the machine, not the hub.
STUCK_AFTER = 20.0


def sent_envelopes(data_dir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((data_dir / "room-outbox" / "sent").glob("*.json"))]


def waiting_envelopes(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "room-outbox").glob("*.json"))


def table_args(i: int) -> list[str]:
    """A class mixes solo players and small tables: every third one solo, the others 2 to 5 players."""
    return ["--solo"] if i % 3 == 0 else ["--players", str(2 + i % 4)]


def table_bot(tmp_path: Path, hub: HubProcess, i: int, *extra: str, nice: bool = True) -> subprocess.Popen:
    return subprocess.Popen(
        [*(["nice", "-n", "10"] if nice else []), sys.executable, str(ROOT / "tests" / "room" / "table_bot.py"),
         "--room", hub.base, "--room-code", hub.code, "--data-dir", str(tmp_path / f"table{i}"),
         "--seed", str(200 + i), "--players", str(1 + i % 4), *extra],
        cwd=ROOT, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish_all(procs: list) -> None:
    for p in procs:
        _, err = p.communicate(timeout=FINISH_TIMEOUT)
        assert p.returncode == 0, err[-2000:]


def kill_left(procs: list) -> None:
    for p in procs:
        if p.poll() is None:
            p.kill()
            p.wait()


def wall_times(hub: HubProcess, wall: WallListener, data_dirs: list) -> list[tuple[float, float]]:
    """Per table: (its game's end -> its players on the wall, the hub's acceptance -> on the wall), seconds."""
    body = room(hub)
    out = []
    for d in data_dirs:
        envelopes = sent_envelopes(d)
        assert len(envelopes) == 1 and not waiting_envelopes(d)
        envelope = envelopes[0]
        index = body["results"].index(envelope["result"])  # what the hub stores is what the table sent
        number = body["received"][index]["table"]
        markers = [p["id"] for p in wall.last["players"] if p["table"] == number]
        assert len(markers) == len(envelope["result"]["summary"]["players"])
        on_wall = min(wall.first_seen[m] for m in markers)
        accepted = datetime.fromisoformat(body["received"][index]["received"]).timestamp()
        out.append((on_wall - envelope["queued"], on_wall - accepted))
    return out


def test_thirty_tables_finishing_at_the_same_moment_all_reach_the_room_and_the_wall(tmp_path):
    hub = HubProcess(tmp_path / "hub").start()
    wall = WallListener(hub.base, hub.wall_key)
    go = tmp_path / "go"
    procs = [table_bot(tmp_path, hub, i, "--go-file", str(go)) for i in range(TABLES)]
    try:
        wait_until(lambda: all((tmp_path / f"table{i}" / "ready").exists() for i in range(TABLES)), FINISH_TIMEOUT,
                   "thirty tables at their last move")
        (tmp_path / "go.tmp").write_text(repr(time.time() + 0.3), encoding="utf-8")
        (tmp_path / "go.tmp").replace(go)
        finish_all(procs)
        players = sum(1 + i % 4 for i in range(TABLES))
        wait_until(lambda: wall.last["counts"]["players"] == players, 5, "every player on the wall")
        assert len(wall.last["players"]) == players and len(room(hub)["results"]) == TABLES
        times = sorted(wall_times(hub, wall, [tmp_path / f"table{i}" for i in range(TABLES)]))
        print(f"30 tables at once, end of game -> on the wall: median {times[TABLES // 2][0]:.3f} s, "
              f"worst {times[-1][0]:.3f} s")
        assert times[-1][0] <= STUCK_AFTER, times
    finally:
        kill_left(procs)
        wall.close()
        assert hub.stop() == 0


def test_real_autoplay_tables_with_room_put_every_player_on_the_wall(tmp_path):
    """The whole game through its screens, `--room` on the command line, solo and table games."""
    hub = HubProcess(tmp_path / "hub").start()
    wall = WallListener(hub.base, hub.wall_key)
    count = 6
    procs = []
    try:
        for i in range(count):
            procs.append(subprocess.Popen(
                ["nice", "-n", "10", sys.executable, "-m", "game", "play", "--autoplay", *table_args(i),
                 "--seed", str(100 + i), "--size", "1024x600", "--data-dir", str(tmp_path / f"table{i}"),
                 "--room", hub.base, "--room-code", hub.code],
                cwd=ROOT, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
        finish_all(procs)
        body = room(hub)
        assert len(body["results"]) == count
        players = sum(len(r["summary"]["players"]) for r in body["results"])
        wait_until(lambda: wall.last["counts"]["players"] == players, 5, "every player on the wall")
        for result in body["results"]:  # anonymous unless the players chose otherwise
            assert all(p["name"] == "" and p["answers"] == [] for p in result["summary"]["players"])
            assert result["deck"]["source"] == ""
        times = wall_times(hub, wall, [tmp_path / f"table{i}" for i in range(count)])
        print("real tables, end of game -> on the wall: " + ", ".join(f"{a:.2f}" for a, _ in times) + " s; "
              "accepted -> on the wall: " + ", ".join(f"{b:.2f}" for _, b in times) + " s")
        assert max(a for a, _ in times) <= STUCK_AFTER, times
        assert len(wall.last["tables"]) == count and all(t["finished"] for t in wall.last["tables"])
    finally:
        kill_left(procs)
        wall.close()
        assert hub.stop() == 0


def test_kill_9_of_the_hub_mid_run_loses_no_accepted_result_and_waiting_results_arrive_after_restart(tmp_path):
    hub = HubProcess(tmp_path / "hub").start()
    procs, dirs = [], []
    try:
        for i in range(TABLES):
            dirs.append(tmp_path / f"table{i}")
            pace = (0.005, 0.02, 0.05, 0.12)[i % 4]  # quick and slow tables: some finish during the outage
            procs.append(table_bot(tmp_path, hub, i, "--pace", str(pace), "--linger", "180"))
        wait_until(lambda: len(room(hub)["results"]) >= 8, 180, "the first results")
        hub.kill9()
        accepted = [e for d in dirs for e in sent_envelopes(d)]  # every result the hub answered 201 to
        assert accepted
        wait_until(lambda: sum(len(waiting_envelopes(d)) for d in dirs) >= 3, 180,
                   "tables finishing while the hub is down")
        hub.start()  # same folder, same port: the tables know only this address
        body = room(hub)
        for envelope in accepted:
            assert envelope["result"] in body["results"]
        finish_all(procs)
        body = room(hub)
        assert len(body["results"]) == TABLES
        keys = {json.dumps(r["summary"], sort_keys=True) for r in body["results"]}
        assert len(keys) == TABLES  # none twice
        for d in dirs:
            assert not waiting_envelopes(d) and len(sent_envelopes(d)) == 1
    finally:
        kill_left(procs)
        if hub.proc.poll() is None:
            assert hub.stop() == 0
