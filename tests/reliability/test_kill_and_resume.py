"""A process killed at any moment (kill -9) resumes at the last completed action.

An autoplaying table game is killed at 20 random moments and continued each time; it ends in
the same summary as the same game played without interruption. This holds because the bots'
choices follow from the game state and its seed alone, and every action is saved atomically.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

KILLS = int(os.environ.get("BBB_KILLS", "20"))
SEED = "kill-test"


def autoplay(data_dir: Path, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    cmd = [sys.executable, "-m", "game", "play", "--autoplay", "--players", "3", "--seed", SEED,
           "--rounds", "3", "--data-dir", str(data_dir), "--size", "1024x600", *extra]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def final_summary(data_dir: Path) -> dict:
    results = sorted((data_dir / "results").glob("*.json"))
    assert results, "the game never reached its summary"
    return json.loads(results[-1].read_text(encoding="utf-8"))["summary"]


def logged_actions(data_dir: Path) -> int:
    try:
        return len(json.loads((data_dir / "autosave.json").read_text(encoding="utf-8"))["log"])
    except (OSError, ValueError, KeyError):
        return 0


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is a POSIX signal")
def test_a_game_killed_twenty_times_ends_as_if_never_interrupted(tmp_path):
    reference = tmp_path / "reference"
    done = autoplay(reference)
    assert done.wait(timeout=120) == 0, done.stderr.read().decode()[-2000:]
    expected = final_summary(reference)

    interrupted = tmp_path / "interrupted"
    rng = random.Random(2024)
    progress = []
    for _ in range(KILLS):
        game = autoplay(interrupted, "--continue", "--pace", "0.02")
        time.sleep(rng.uniform(0.3, 1.2))
        game.send_signal(signal.SIGKILL)
        game.wait(timeout=30)
        progress.append(logged_actions(interrupted))
    print("actions saved at each kill:", progress)
    assert progress == sorted(progress), "a resume went back in time"
    assert progress[-1] > 0, "no kill happened after the game had started"
    last = autoplay(interrupted, "--continue")
    assert last.wait(timeout=120) == 0, last.stderr.read().decode()[-2000:]
    assert final_summary(interrupted) == expected
