"""A damaged autosave is reported in one sentence on the title, the previous version is offered, play goes on."""

import json

import pytest

from game.__main__ import build_parser
from game.ui.app import open_window


def make_app(tmp_path):
    args = build_parser().parse_args(["play", "--data-dir", str(tmp_path), "--size", "1280x720"])
    app = open_window(args)
    return app


def finish_some_moves(app, moves=6):
    from game.content import find_deck, load_deck
    from game.core.bots import choose

    deck = load_deck(find_deck("breder-belang"))
    app.controller.start_game(deck, ["Sam"], 4, 3, "nl", 0)
    for _ in range(moves):
        app.controller.act(choose(deck, app.controller.session.state, "balanced"))
    return app.controller.session.state.to_json()


@pytest.mark.parametrize("damage", [b"", b'{"format": "breder-belang-boost/save", "vers', b"\x00\x01 binary",
                                    b'{"a": 1}', b'{"format": "breder-belang-boost/save", "version": 99}'])
def test_a_damaged_autosave_offers_the_previous_version(tmp_path, damage):
    app = make_app(tmp_path)
    before_last = None
    finish_some_moves(app)
    before_last = json.loads((tmp_path / "autosave.json.bak").read_text())
    (tmp_path / "autosave.json").write_bytes(damage)
    assert app.resume() is False
    assert app.top.name == "title" and app.controller.backup_offered
    assert app.controller.title_notice.count(".") <= 2  # one clear sentence (plus the offer)
    assert app.resume(from_backup=True) is True
    assert app.controller.session.state.log == before_last["log"]


def test_without_a_good_backup_the_title_just_says_so_and_a_new_game_can_start(tmp_path):
    app = make_app(tmp_path)
    (tmp_path / "autosave.json").write_bytes(b"garbage")
    assert app.resume() is False
    assert not app.controller.backup_offered and app.controller.title_notice
    assert app.top.widget("new").enabled
