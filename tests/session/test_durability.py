"""Nothing is lost: every write reaches the disk in order, a changed deck is never replayed
into another game, and a finished game's result is written once, however it is resumed."""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from game.content import load_deck
from game.core.bots import choose
from game.export import save_result
from game.session import DeckChanged, Session, atomic_write_json
from game.paths import decks_dir

from ..core.decks import make_deck

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(os.name == "nt", reason="Windows cannot open a folder to sync it")
def test_the_file_its_backup_and_then_the_folder_are_synced(tmp_path, monkeypatch):
    path = tmp_path / "autosave.json"
    atomic_write_json(path, {"step": 1})
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        info = os.fstat(fd)
        events.append(("sync", "folder" if stat.S_ISDIR(info.st_mode) else info.st_ino))
        real_fsync(fd)

    def replace(source, target):
        events.append(("rename", os.stat(source).st_ino, Path(target).name))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write_json(path, {"step": 2})
    renames = [e for e in events if e[0] == "rename"]
    assert [e[2] for e in renames] == ["autosave.json.bak", "autosave.json"]
    for _, inode, _ in renames:  # each file's data is on disk before its name points at it
        assert events.index(("sync", inode)) < events.index(next(e for e in renames if e[1] == inode))
    assert events[-1] == ("sync", "folder"), "the renames themselves are synced, after the last one"
    assert json.loads((tmp_path / "autosave.json.bak").read_text()) == {"step": 1}


READ_ONLY_GAME = """
import sys
from game.core.bots import choose
from game.session import Session
from tests.core.decks import make_deck
deck = make_deck()
session = Session.start(deck, ["Sam"], autosave_path=__import__("pathlib").Path(sys.argv[1]) / "autosave.json")
for _ in range(3):
    assert session.act(choose(deck, session.state, "balanced")) is None  # play goes on
print(session.save_error.reason if session.save_error else "saved")
"""


def _without_root_override():
    """Root writes anywhere, whatever a folder's mode says, through the capability to override
    file modes. Drop it from the bounding set: the program started next runs without it."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_a_read_only_data_folder_is_reported_and_play_goes_on():
    outer = Path(tempfile.mkdtemp(prefix="bbb-ro-"))
    try:
        folder = outer / "data"
        folder.mkdir()
        for p in (outer, folder):
            p.chmod(0o555)
        drop = _without_root_override if sys.platform.startswith("linux") and os.geteuid() == 0 else None
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
        out = subprocess.run([sys.executable, "-c", READ_ONLY_GAME, str(folder)], capture_output=True, text=True,
                             cwd=ROOT, env=env, preexec_fn=drop, timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
        assert out.stdout.strip() == "cannot_write"
        assert not (folder / "autosave.json").exists()
    finally:
        for p in (outer, outer / "data"):
            p.chmod(0o755)
        shutil.rmtree(outer)


@pytest.fixture
def deck_folder(tmp_path):
    folder = tmp_path / "lob-klas"
    shutil.copytree(decks_dir() / "lob-klas", folder)
    return folder


def play(session, actions):
    deck = session.deck
    for _ in range(actions):
        if session.state.phase == "summary":
            return
        assert session.act(choose(deck, session.state, "balanced")) is None


def test_a_game_whose_deck_changed_is_not_resumed(tmp_path, deck_folder):
    session = Session.start(load_deck(deck_folder), ["Sam", "Noor"], seed=3, autosave_path=tmp_path / "autosave.json")
    play(session, 8)
    assert Session.resume(tmp_path / "autosave.json").state.to_json() == session.state.to_json()

    roles = deck_folder / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8") + "\n# een regel erbij\n", encoding="utf-8")
    with pytest.raises(DeckChanged) as caught:
        Session.resume(tmp_path / "autosave.json")
    assert caught.value.reason == "deck_changed" and caught.value.deck_id == "lob-klas"


def test_a_finished_game_resumed_from_its_backup_writes_no_second_result(tmp_path, deck_folder):
    autosave = tmp_path / "autosave.json"
    results = tmp_path / "results"
    session = Session.start(load_deck(deck_folder), ["Sam", "Noor"], seed=5, autosave_path=autosave)
    play(session, 1000)
    assert session.state.phase == "summary"

    def write_result(s):  # what the game does when it reaches the summary
        path = save_result(s.deck, s.summary(), list(s.state.log), s.save, results)
        s.save.result_file = path.name
        s.autosave()
        return path

    first = write_result(session)
    again = Session.resume(autosave.with_name("autosave.json.bak"), autosave_path=autosave)
    assert again.save.result_file == "", "the backup is the step before the result was noted"
    assert write_result(again) == first
    assert sorted(p.name for p in results.iterdir()) == [first.name]


def test_the_same_game_always_maps_to_the_same_result_file(tmp_path):
    from tests.export.helpers import finished, setup_of

    deck, state, summary = finished(["Sam", "Noor"], seed=2)
    a = save_result(deck, summary, list(state.log), setup_of(state), tmp_path)
    b = save_result(deck, summary, list(state.log), setup_of(state, lang="en"), tmp_path)
    assert a == b and len(list(tmp_path.iterdir())) == 1
    deck2, state2, summary2 = finished(["Sam", "Noor"], seed=3)
    c = save_result(deck2, summary2, list(state2.log), setup_of(state2), tmp_path)
    assert c != a and len(list(tmp_path.iterdir())) == 2


def test_a_file_that_happens_to_have_the_name_is_never_overwritten(tmp_path):
    from game.export.results import build_result, result_name
    from tests.export.helpers import finished, setup_of

    deck, state, summary = finished(["Sam"], seed=2)
    taken = tmp_path / result_name(build_result(deck, summary, list(state.log), setup_of(state)))
    taken.write_text("my notes", encoding="utf-8")
    written = save_result(deck, summary, list(state.log), setup_of(state), tmp_path)
    assert written != taken and written.name.endswith("~2.json")
    assert taken.read_text(encoding="utf-8") == "my notes"
