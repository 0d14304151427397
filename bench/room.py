"""The room: thirty tables post their result at the same moment; how long until each is on the wall.

Each repetition is a fresh child process that starts a fresh hub (`python -m game host --bind
127.0.0.1 --port 0 --no-announce` with a scratch data folder), opens the wall's live stream (the one
the page uses) and posts one warm-up result. Then 30 threads, released together by a barrier, each
POST one real result JSON (bot games of 1-4 players on the core deck, made before timing) with the
room code and their own table id. Per result the time runs from just before its POST to the moment
the wall's stream first shows that result's players: checking, storing and the live update
together. The same child then does the same against bench/baselines/bare_hub.py (aiohttp that only
parses the JSON and streams the list), alternating the order per repetition.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, ChildFailed, not_measured, percentile, row, run_child  # noqa: E402

NAME = "room"
TITLE = "30 tables post at once: POST -> wall update"
TARGET = "p99 <= 1000 ms"
LIMIT_MS = 1000.0
TABLES = 30


def run(ctx) -> list[dict]:
    reps = ctx.reps(3, 1)
    game, base = [], []
    try:
        for i in range(reps):
            out = run_child(ctx, [__file__, "--child", "game-first" if i % 2 == 0 else "baseline-first"], timeout=300)
            game.append(out["game"])
            base.append(out["baseline"])
    except ChildFailed as exc:
        return [not_measured(NAME, "POST -> wall", f"the room could not run: {exc}", TARGET)]
    med = [percentile(r, 50) for r in game]
    p99 = [percentile(r, 99) for r in game]
    p99_ok = sorted(p99)[len(p99) // 2] <= LIMIT_MS
    return [
        row(NAME, "30 tables: POST -> wall, median", "ms", med, [percentile(r, 50) for r in base], target="(info)",
            note=f"{TABLES} results posted together per rep; game hub vs bare aiohttp hub"),
        row(NAME, "30 tables: POST -> wall, p99", "ms", p99, [percentile(r, 99) for r in base], target=TARGET,
            ok=p99_ok, limit=LIMIT_MS,
            note="includes the schema check, the SQLite commit (WAL, synchronous=FULL) and the wall's server-sent event"),
    ]


# ----------------------------------------------------------------------------- the child


class Stream:
    """The wall's server-sent events; the monotonic time each wall id was first seen."""

    def __init__(self, base: str, key: str) -> None:
        import http.client
        from urllib.parse import urlsplit

        parts = urlsplit(base)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        self.conn.request("GET", "/api/wall/stream" + (f"?key={key}" if key else ""))
        self.resp = self.conn.getresponse()
        self.seen: dict[str, float] = {}
        self.lock = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        data = []
        try:
            for raw in self.resp:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("data: "):
                    data.append(line[6:])
                elif not line and data:
                    now = time.monotonic()
                    state = json.loads("".join(data))
                    data = []
                    with self.lock:
                        for p in state["players"]:
                            self.seen.setdefault(p["id"].split("-")[0], now)
                        self.lock.notify_all()
        except (OSError, ValueError):
            return

    def wait_for(self, ids, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.lock:
            while not all(str(i) in self.seen for i in ids):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.lock.wait(left)
        return True


def post(base: str, code: str, body: bytes, table: str) -> int:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        conn.request("POST", "/api/results", body=body, headers={"X-Room-Code": code, "X-Room-Table": table,
                                                                 "Content-Type": "application/json"})
        resp = conn.getresponse()
        data = json.loads(resp.read())
        if resp.status != 201:
            raise RuntimeError(f"POST answered {resp.status}: {data}")
        return data["wall_id"]
    finally:
        conn.close()


def start_hub(cmd: list[str]) -> tuple[subprocess.Popen, str, str, str]:
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in proc.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Ctrl+C"):
            break
    if not lines or not lines[0].startswith("http://"):
        raise RuntimeError(f"the hub did not start: {lines}")
    code = next((ln.split()[2] for ln in lines if ln.startswith("room code: ")), "")
    key = lines[0].rsplit("key=", 1)[1] if "key=" in lines[0] else ""
    return proc, lines[0].rsplit("/wall", 1)[0], code, key


def one_round(cmd: list[str], bodies: list[bytes], warm: bytes) -> list[float]:
    import secrets
    import signal

    proc, base, code, key = start_hub(cmd)
    try:
        stream = Stream(base, key)
        first = post(base, code, warm, secrets.token_urlsafe(18))
        if not stream.wait_for([first], 60):
            raise RuntimeError("the warm-up result never reached the wall")
        barrier = threading.Barrier(len(bodies))
        started: list = [None] * len(bodies)
        ids: list = [None] * len(bodies)
        errors: list = []

        def table(i: int) -> None:
            name = secrets.token_urlsafe(18)
            barrier.wait()
            started[i] = time.monotonic()
            try:
                ids[i] = post(base, code, bodies[i], name)
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=table, args=(i,)) for i in range(len(bodies))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        if errors:
            raise RuntimeError(f"{len(errors)} posts failed: {errors[0]}")
        if not stream.wait_for(ids, 60):
            raise RuntimeError("not every result reached the wall within 60 s")
        return [(stream.seen[str(w)] - s) * 1000 for w, s in zip(ids, started)]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def child(order: str) -> None:
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    from game.content import find_deck, load_deck
    from game.core.bots import play_game
    from game.core.summary import summarize
    from game.export.results import build_result

    deck = load_deck(find_deck("breder-belang"))

    def result(seed: int, players: int) -> bytes:
        names = ["Ik"] if players == 1 else [f"Speler {i + 1}" for i in range(players)]
        state = play_game(deck, names, ["balanced", "social", "personal", "random"][:players], seed=seed)
        setup = {"names": names, "rounds": state.rounds, "seed": seed, "mode": state.mode, "lang": "nl"}
        return json.dumps(build_result(deck, summarize(deck, state), list(state.log), setup)).encode("utf-8")

    bodies = [result(1000 + i, 1 + i % 4) for i in range(TABLES)]
    warm = result(999, 2)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        hubs = {"game": [PYTHON, "-m", "game", "host", "--bind", "127.0.0.1", "--port", "0", "--no-announce",
                         "--data-dir", str(Path(tmp) / "hub")],
                "baseline": [PYTHON, str(Path(__file__).resolve().parent / "baselines" / "bare_hub.py")]}
        for name in (("game", "baseline") if order == "game-first" else ("baseline", "game")):
            out[name] = one_round(hubs[name], bodies, warm)
    print(json.dumps(out))


if __name__ == "__main__":
    if "--child" in sys.argv:
        child(sys.argv[sys.argv.index("--child") + 1])
