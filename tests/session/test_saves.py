"""Saves: written atomically after every action, resumed exactly, bad files reported in one sentence."""

import json
import os

import pytest

from game.core.bots import choose
from game.session import Session, StorageError, atomic_write_json, read_save
from game.session.save import SAVE_FORMAT

from ..core.decks import make_deck

DECK = make_deck()


def start(tmp_path, names=("Sam", "Noor")):
    return Session.start(DECK, list(names), seed=7, autosave_path=tmp_path / "autosave.json")


def resume(path):
    save = read_save(path)
    return Session(DECK, save, path)


def test_every_action_is_autosaved_and_resumes_at_the_exact_position(tmp_path):
    session = start(tmp_path)
    for _ in range(12):
        assert session.act(choose(DECK, session.state, "balanced")) is None
    again = resume(tmp_path / "autosave.json")
    assert again.state.to_json() == session.state.to_json()


def test_the_previous_good_save_is_kept_as_a_backup(tmp_path):
    session = start(tmp_path)
    session.act(choose(DECK, session.state, "balanced"))
    backup = tmp_path / "autosave.json.bak"
    assert backup.exists()
    assert len(json.loads(backup.read_text())["log"]) == len(session.state.log) - 1


def test_undo_is_saved_too(tmp_path):
    session = start(tmp_path, names=("Sam",))
    while session.state.phase != "turn":
        session.act(choose(DECK, session.state, "balanced"))
    session.act({"type": "play", "card": session.state.player.hand[0]})
    assert session.can_undo
    assert session.undo() is None
    assert resume(tmp_path / "autosave.json").state.to_json() == session.state.to_json()


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b'{"format": "breder-belang-boost/save", "ver', "corrupt"),
    (b"\x00\xff\xfe binary", "corrupt"),
    (b'{"hello": "world"}', "foreign"),
    (json.dumps({"format": SAVE_FORMAT, "version": 99}).encode(), "future"),
    (json.dumps({"format": SAVE_FORMAT, "version": 1, "deck": {}}).encode(), "corrupt"),
])
def test_a_bad_save_file_is_reported_with_its_reason(tmp_path, content, reason):
    path = tmp_path / "autosave.json"
    path.write_bytes(content)
    with pytest.raises(StorageError) as caught:
        read_save(path)
    assert caught.value.reason == reason


def test_a_save_whose_log_does_not_replay_is_refused(tmp_path):
    start(tmp_path)
    data = json.loads((tmp_path / "autosave.json").read_text())
    data["log"] = [{"type": "play", "card": "nothing#1"}]
    (tmp_path / "autosave.json").write_text(json.dumps(data))
    with pytest.raises(ValueError):
        resume(tmp_path / "autosave.json")


def test_a_write_that_fails_leaves_the_last_good_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "autosave.json"
    atomic_write_json(path, {"good": True})

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StorageError) as caught:
        atomic_write_json(path, {"good": False})
    assert caught.value.reason == "disk_full"
    assert json.loads(path.read_text()) == {"good": True}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_full_disk_during_play_is_reported_and_play_goes_on(tmp_path, monkeypatch):
    session = start(tmp_path)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert session.act(choose(DECK, session.state, "balanced")) is None
    assert session.save_error.reason == "disk_full"
