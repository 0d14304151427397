"""A process killed at any moment (kill -9) resumes at the last completed action.

An autoplaying table game is killed again and again, each time right after a chosen number of
saves (BBB_KILL_AFTER_SAVES makes the program send itself SIGKILL then, so no kill depends on
how busy the machine is), and continued with `--continue`. Each continued run must start from
the save: it saves once on resuming and once per action, so after N saves its log is exactly
N - 1 actions longer than the log it was killed with. A run that fell back to a new game with the
same seed would make the same moves, but from an empty log. The game then ends in the same
summary as the same game played without interruption.
"""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

SEED = "kill-test"
KILL_AFTER = (5, 1, 9, 2, 7, 3, 6)  # saves per run before the kill; the game has 37 actions


def autoplay(data_dir: Path, *extra: str, kill_after: int | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("BBB_KILL_AFTER_SAVES", None)
    if kill_after is not None:
        env["BBB_KILL_AFTER_SAVES"] = str(kill_after)
    cmd = [sys.executable, "-m", "game", "play", "--autoplay", "--players", "3", "--seed", SEED,
           "--rounds", "3", "--data-dir", str(data_dir), "--size", "1024x600", *extra]
    return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=180)


def final_summary(data_dir: Path) -> dict:
    results = sorted((data_dir / "results").glob("*.json"))
    assert len(results) == 1, f"expected one result, found {[p.name for p in results]}"
    return json.loads(results[0].read_text(encoding="utf-8"))["summary"]


def saved_log(data_dir: Path) -> list:
    return json.loads((data_dir / "autosave.json").read_text(encoding="utf-8"))["log"]


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is a POSIX signal")
def test_a_game_killed_seven_times_resumes_from_each_save_and_ends_as_if_never_interrupted(tmp_path):
    reference = tmp_path / "reference"
    done = autoplay(reference)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    expected = final_summary(reference)
    full_log = saved_log(reference)

    interrupted = tmp_path / "interrupted"
    log: list = []
    for n, saves in enumerate(KILL_AFTER):
        run = autoplay(interrupted, "--continue", kill_after=saves)
        assert run.returncode == -signal.SIGKILL, f"run {n} was not killed: {run.stderr.decode()[-2000:]}"
        before, log = log, saved_log(interrupted)
        added = saves - 1  # the first save of a run is the one made on starting or resuming
        assert len(log) == len(before) + added, (
            f"run {n}: killed after {saves} saves with {len(log)} actions saved; a run that resumed "
            f"from the {len(before)} actions of the save would have {len(before) + added}")
        assert log == full_log[:len(log)], f"run {n} did not continue the same game"
    last = autoplay(interrupted, "--continue")
    assert last.returncode == 0, last.stderr.decode()[-2000:]
    assert saved_log(interrupted) == full_log
    assert final_summary(interrupted) == expected
