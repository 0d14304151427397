"""An installed game finds its fonts, strings and decks inside its package, wherever it is started.

The wheel carries `assets/` and `decks/` as `game/assets` and `game/decks` (pyproject.toml); CI
builds the real wheel, installs it in a fresh environment and runs the smoke test outside the
checkout. Here the same layout is laid out by hand, which is quick enough for every test run.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def installed_copy(site: Path) -> Path:
    """The package as the wheel installs it: game/ with assets/ and decks/ inside."""
    shutil.copytree(ROOT / "game", site / "game", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "assets", site / "game" / "assets")
    shutil.copytree(ROOT / "decks", site / "game" / "decks")
    return site / "game"


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(site))
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_an_installed_game_reads_its_assets_and_decks_from_inside_its_package(tmp_path):
    package = installed_copy(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import game, game.paths as p; from game.i18n import t; "
            "print(game.__file__); print(p.assets_dir()); print(p.decks_dir()); print(t('en', 'title.new'))")
    out = run_installed(tmp_path / "site", elsewhere, "-c", code)
    assert out.returncode == 0, out.stderr
    module, assets, decks, new_game = out.stdout.splitlines()
    assert Path(module).parent == package
    assert Path(assets) == package / "assets" and Path(decks) == package / "decks"
    assert new_game == "New game"


def test_an_installed_game_checks_its_built_in_decks_from_any_folder(tmp_path):
    installed_copy(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = run_installed(tmp_path / "site", elsewhere, "-m", "game", "check", "breder-belang")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "decks/breder-belang: 0 errors" in out.stdout


def test_a_source_checkout_reads_the_top_level_folders():
    from game.paths import assets_dir, decks_dir

    assert assets_dir() == ROOT / "assets" and decks_dir() == ROOT / "decks"
