"""A table without a window, for the room's tests: bots play a real Session with a real RoomLink
attached (the same listener hook and client the game uses), at a player-like pace.

    python tests/room/table_bot.py --room URL --room-code CODE --data-dir DIR --seed S --players N --pace SECONDS

With --go-file PATH the table plays up to its last move, writes `ready` in its data folder, waits
until PATH exists, and makes the last move at the moment written in it (seconds since the epoch):
many tables then finish at the same instant.

After the game it stays, like a table on its summary screen, until the hub has its result (or
--linger seconds have passed), then exits 0 when the outbox is empty and 3 when it is not.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def wait_for_go(data_dir: Path, go_file: Path) -> None:
    import time

    (data_dir / "ready").write_text("ready", encoding="utf-8")
    pause = threading.Event()
    while not go_file.exists():
        pause.wait(0.005)
    at = float(go_file.read_text(encoding="utf-8"))
    pause.wait(max(0.0, at - time.time()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--room", required=True)
    ap.add_argument("--room-code", required=True)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--players", type=int, default=1)
    ap.add_argument("--pace", type=float, default=0.0, help="seconds a player thinks per move")
    ap.add_argument("--linger", type=float, default=120.0)
    ap.add_argument("--go-file")
    a = ap.parse_args(argv)

    from game.content import find_deck, load_deck
    from game.core.bots import choose
    from game.core.rules import apply
    from game.room.client import RoomLink
    from game.session import Session

    deck = load_deck(find_deck("breder-belang"))
    names = ["Ik"] if a.players == 1 else [f"Speler {i + 1}" for i in range(a.players)]
    link = RoomLink(a.room, a.room_code, a.data_dir)
    session = Session.start(deck, names, rounds=4, seed=a.seed, autosave_path=Path(a.data_dir) / "autosave.json")
    link.attach(session)
    think = threading.Event()
    styles = ["balanced", "social", "personal", "random"][: len(names)]
    while session.state.phase != "summary":
        action = choose(deck, session.state, styles)
        if action is None:
            print("the bots found no move", file=sys.stderr)
            return 2
        if a.pace:
            think.wait(a.pace)  # a player thinking, not a wait for anything
        if a.go_file and getattr(apply(deck, session.state, action), "phase", "") == "summary":
            wait_for_go(Path(a.data_dir), Path(a.go_file))
        invalid = session.act(action)
        if invalid is not None:
            print(f"invalid move {action}: {invalid}", file=sys.stderr)
            return 2
    done = threading.Event()

    def watch():
        while link.waiting() and not done.is_set():
            done.wait(0.05)
        done.set()

    threading.Thread(target=watch, daemon=True).start()
    done.wait(a.linger)
    done.set()
    left = link.waiting()
    link.close()
    return 0 if left == 0 else 3


if __name__ == "__main__":
    sys.exit(main())
