"""What the stand-alone build leaves out (build/bbb.spec, `excludes`) is never needed: the smoke
test passes with every left-out module made unimportable, as it is in the built program. The real
build is made and smoke-tested by .ci/run; this finds a wrong exclude in seconds."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WITHOUT_EXCLUDED = """
import re, sys
spec = open(sys.argv[1], encoding="utf-8").read()
for name in re.findall(r'"([^"]+)"', re.search(r"excludes=\\[(.*?)\\],", spec, re.S).group(1)):
    if name != "numpy":  # not installed here; pygame asks whether it could be, which None would break
        sys.modules[name] = None  # `import name` now fails, as in the built program
from game.smoke import run_smoke_test
sys.exit(run_smoke_test([]))
"""


def excluded() -> list[str]:
    spec = (ROOT / "build" / "bbb.spec").read_text(encoding="utf-8")
    return re.findall(r'"([^"]+)"', re.search(r"excludes=\[(.*?)\],", spec, re.S).group(1))


def test_the_spec_leaves_out_what_makes_the_folder_big():
    left_out = set(excluded())
    assert {"cryptography", "pygame.mixer", "PIL._avif"} <= left_out


def test_the_game_works_without_anything_the_build_leaves_out():
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, "-c", WITHOUT_EXCLUDED, str(ROOT / "build" / "bbb.spec")], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "smoke: ok" in out.stdout
