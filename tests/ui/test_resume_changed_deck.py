"""A saved game whose deck has changed since it began is not replayed into another game: the
title says so, and a new game starts normally."""

import shutil

from game.__main__ import build_parser
from game.content import load_deck
from game.core.bots import choose
from game.i18n import t
from game.paths import decks_dir
from game.ui.app import open_window


def test_a_changed_deck_is_named_on_the_title_and_a_new_game_can_start(tmp_path):
    folder = tmp_path / "lob-klas"
    shutil.copytree(decks_dir() / "lob-klas", folder)
    args = build_parser().parse_args(["play", "--data-dir", str(tmp_path / "data"), "--size", "1280x720"])
    app = open_window(args)
    deck = load_deck(folder)
    app.controller.start_game(deck, ["Sam"], 4, 3, "nl", 0)
    for _ in range(6):
        app.controller.act(choose(deck, app.controller.session.state, "balanced"))

    events = folder / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    assert app.resume() is False
    assert app.top.name == "title"
    assert t("nl", "save_problem.deck_changed") in app.controller.title_notice
    assert app.top.widget("new").enabled
    assert not app.controller.backup_offered  # the backup holds the same game with the old deck: no way out
    assert app.top.widget("backup") is None
