"""`bbb --smoke-test`: prove an installed or built program works, end to end, without a player.

Loads every built-in deck, lets bots play a solo and a table game through the real scenes on a
hidden (dummy) display, writes every export into a temporary folder, checks the files, exits 0.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def _say(line: str) -> None:
    print(f"smoke: {line}", flush=True)


def _check_decks() -> list[str]:
    from .content import builtin_deck_paths, check_deck

    problems = []
    paths = builtin_deck_paths()
    if not paths:
        problems.append("no built-in decks found")
    for path in paths:
        errors = [p for p in check_deck(path) if p.severity == "error"]
        _say(f"deck {path.name}: {len(errors)} errors")
        if errors:
            problems.append(f"deck {path.name} has {len(errors)} errors")
    return problems


def _play(data_dir: Path, extra: list[str]) -> int:
    from .__main__ import build_parser
    from .ui.app import run

    args = build_parser(extras=[]).parse_args(
        ["play", "--autoplay", "--export", "--seed", "7", "--rounds", "3", "--data-dir", str(data_dir),
         "--size", "1280x720", *extra])
    return run(args)


def _check_outputs(results: Path, players: int) -> list[str]:
    """Every registered export format wrote valid files (PNG: one card per player), and the
    result JSON holds every player."""
    from .export.formats import FORMATS, looks_right

    problems = []
    counts = []
    for fmt in FORMATS.values():
        files = sorted(results.glob(f"*{fmt.suffix}"))
        counts.append(f"{len(files)} {fmt.name.upper()}")
        least = players if fmt.name == "png" else 1
        if len(files) < least or not all(looks_right(fmt, p) for p in files):
            problems.append(f"{fmt.name}: {len(files)} file(s), expected at least {least} valid ones")
    for path in sorted(results.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if len(data.get("summary", {}).get("players", [])) != players:
            problems.append(f"{path.name}: expected {players} players")
    _say(f"{players} player(s): " + ", ".join(counts))
    return problems


def run_smoke_test(argv: list[str] | None = None) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .paths import project_root

    _say(f"assets and decks from {project_root()}")
    problems = _check_decks()
    with tempfile.TemporaryDirectory(prefix="bbb-smoke-") as tmp:
        for players, extra in ((1, ["--solo"]), (3, ["--players", "3"])):
            data_dir = Path(tmp) / f"p{players}"
            status = _play(data_dir, extra)
            if status != 0:
                problems.append(f"autoplay with {players} player(s) exited {status}")
                continue
            problems += _check_outputs(data_dir / "results", players)
        finished = sorted((Path(tmp) / "p1" / "results").glob("*.json"))
        if finished:
            from .room.selfcheck import check_room_install

            problems += check_room_install(finished[0], Path(tmp) / "room", _say)
    for problem in problems:
        _say(f"FAILED: {problem}")
    _say("ok" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(run_smoke_test(sys.argv[1:]))
