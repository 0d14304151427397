"""The `bbb` command never shows a traceback and never hangs: one sentence, error.log, exit 1.

Each test runs the real command in a fresh process, as a user would.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.content.conftest import VALID_DECK

ROOT = Path(__file__).resolve().parents[1]


def bbb(*args: str, env: dict | None = None, timeout: float = 60, cwd: Path | None = None):
    full_env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout, cwd=cwd or ROOT)


@pytest.fixture
def bad_deck(tmp_path) -> Path:
    folder = tmp_path / "bad-deck"
    folder.mkdir()
    (folder / "deck.yaml").write_text(VALID_DECK.replace("id: test-deck", "id: Test Deck")
                                      .replace("    image: nurse.png\n", ""), encoding="utf-8")
    return folder


def test_a_window_that_cannot_open_is_one_sentence_and_a_log(tmp_path):
    out = bbb("play", "--data-dir", str(tmp_path), env={"SDL_VIDEODRIVER": "bogus"})
    assert out.returncode == 1
    assert "Traceback" not in out.stderr + out.stdout
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "something went wrong" in lines[0] and "bogus" in lines[0]
    log = tmp_path / "error.log"
    assert str(log) in lines[0]
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_an_error_that_escapes_main_goes_through_the_excepthook(tmp_path):
    code = "import game.crash as c; c.install_excepthook(); raise ValueError('boom\\x1b[31m')"
    env = dict(os.environ, BBB_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        f"bbb: something went wrong and the program stopped (ValueError: boom\\x1b[31m); "
        f"the details are in {tmp_path / 'error.log'}"]
    assert "ValueError: boom" in (tmp_path / "error.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("how", [[], ["--autoplay", "--solo"], ["--monkey", "50"]])
def test_a_bad_deck_is_listed_and_the_game_exits_1_before_a_window_opens(bad_deck, tmp_path, how):
    # With a video driver that does not exist, opening a window would fail with its own message.
    out = bbb("play", "--deck", str(bad_deck), "--data-dir", str(tmp_path / "data"), *how,
              env={"SDL_VIDEODRIVER": "bogus"}, timeout=30)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert lines[0].startswith(f"{bad_deck / 'deck.yaml'}:")
    assert "'Test Deck' is not a valid id" in lines[0]
    assert "does not start with this deck: 1 error" in lines[-1]
    assert "bogus" not in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "data" / "autosave.json").exists()


def test_an_unknown_deck_is_one_line_and_exit_1(tmp_path):
    out = bbb("play", "--deck", "no-such-deck", "--data-dir", str(tmp_path), env={"SDL_VIDEODRIVER": "bogus"})
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1 and "no-such-deck" in out.stderr


def test_check_piped_into_head_ends_quietly(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    bad_cards = "".join(f"  - {{id: Bad Card {i}, type: role, title: T, hours: 1}}\n" for i in range(1500))
    (folder / "deck.yaml").write_text(VALID_DECK.split("cards:")[0] + "cards:\n" + bad_cards, encoding="utf-8")
    cmd = f"{sys.executable} -m game check {folder} | head -1"
    out = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.stderr == ""
    assert len(out.stdout.splitlines()) == 1 and "Bad Card 0" in out.stdout
