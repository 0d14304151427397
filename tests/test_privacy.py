"""Privacy: the program opens no network connection; everything stays on the machine.

The one exception is the room (game/room/), and only when asked for: `bbb host` on the
facilitator's laptop, `bbb play --room` on a table; see docs/room.md and tests/room/."""

import ast
import socket
from pathlib import Path

import pytest

import game
from game.content import find_deck, load_deck
from game.core.bots import play_game
from game.core.summary import summarize

NETWORK_MODULES = {"socket", "ssl", "urllib", "http", "requests", "ftplib", "smtplib", "telnetlib",
                   "xmlrpc", "asyncio", "webbrowser", "httpx", "aiohttp"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_of_the_program_imports_a_network_library_except_the_room():
    package = Path(game.__file__).parent
    offenders = {str(p.relative_to(package)): imported_modules(p) & NETWORK_MODULES
                 for p in package.rglob("*.py") if p.relative_to(package).parts[0] != "room"}
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach another machine fails the test loudly."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_a_whole_game_with_every_export_and_a_report_opens_no_connection(no_network, tmp_path):
    from game.export import save_pdf, save_png, save_result
    from game.__main__ import main

    deck = load_deck(find_deck("breder-belang"))
    state = play_game(deck, ["Sam", "Noor", "Ali"], ["balanced", "social", "random"], seed=3)
    summary = summarize(deck, state)
    setup = {"names": ["Sam", "Noor", "Ali"], "rounds": 4, "seed": 3, "mode": "table", "lang": "nl"}
    save_result(deck, summary, state.log, setup, tmp_path)
    save_pdf(deck, summary, tmp_path, "nl")
    save_png(deck, summary, tmp_path, "nl")
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "r.pdf")]) == 0
    assert no_network == []
