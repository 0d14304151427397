"""The shape of the code: the rules use the standard library only, and nothing below the user
interface loads pygame.

Each package's modules are imported, every one of them, in a fresh interpreter: importing only a
package would prove nothing, since the packages load their modules on first use (game.lazy).
The same rules are stated as import-linter contracts in pyproject.toml, which CI runs.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"
PYGAME_FREE = ("core", "content", "session", "export", "authoring", "i18n")


def modules_of(package: str) -> list[str]:
    """Every module of game.<package>, found on disk (not by importing the package)."""
    folder = GAME / package
    names = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(GAME.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def loaded_after_importing(modules: list[str]) -> set[str]:
    """The names in sys.modules after a fresh interpreter imported `modules` (and nothing else of ours)."""
    code = ("import importlib, json, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=GAME.parent)
    assert out.returncode == 0, out.stderr[-3000:]
    return set(json.loads(out.stdout))


def test_every_module_is_found_on_disk():
    found = {p: modules_of(p) for p in PYGAME_FREE}
    assert "game.core.rules" in found["core"] and "game.session.session" in found["session"]
    assert "game.export.results" in found["export"] and "game.content.yaml_reader" in found["content"]
    assert all(found.values())


@pytest.mark.parametrize("package", PYGAME_FREE)
def test_no_module_below_the_user_interface_loads_pygame(package):
    loaded = loaded_after_importing(modules_of(package))
    assert set(modules_of(package)) <= loaded
    assert "pygame" not in loaded, f"a module of game.{package} loads pygame"
    assert not any(m == "game.ui" or m.startswith("game.ui.") for m in loaded), f"game.{package} loads game.ui"


def test_the_rules_use_the_standard_library_only():
    modules = modules_of("core")
    loaded = loaded_after_importing(modules) - loaded_after_importing([])  # what the interpreter loads by itself
    outside = sorted({m.split(".")[0] for m in loaded} - set(sys.stdlib_module_names) - {"game"})
    assert outside == [], f"game.core loads {outside}"
    packages = {p.name for p in GAME.iterdir() if (p / "__init__.py").is_file()} - {"core"}
    ours = sorted(m for m in loaded if m.startswith("game.") and m.split(".")[1] in packages)
    assert ours == [], f"game.core loads other parts of the game: {ours}"
