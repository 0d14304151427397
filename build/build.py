"""Make a one-folder build of the game for this platform into dist/ (PyInstaller).

    python build/build.py            build
    python build/build.py --smoke    build, then run the built program's smoke test
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "BrederBelangBoost"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def built_program() -> Path:
    if sys.platform == "darwin":
        return ROOT / "dist" / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    return ROOT / "dist" / NAME / (NAME + (".exe" if os.name == "nt" else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the built program's smoke test")
    args = parser.parse_args()
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('PyInstaller is missing: python -m pip install -e ".[build]"', file=sys.stderr)
        return 2
    work = ROOT / "build" / "work"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--distpath", str(ROOT / "dist"), "--workpath", str(work), str(ROOT / "build" / "bbb.spec")]
    print("+", " ".join(cmd))
    if subprocess.call(cmd, cwd=ROOT) != 0:
        return 1
    program = built_program()
    size = folder_size(program.parent if sys.platform != "darwin" else ROOT / "dist" / f"{NAME}.app")
    print(f"built {program.relative_to(ROOT)}: {size / 1e6:.1f} MB")
    if args.smoke:
        env = dict(os.environ, SDL_VIDEODRIVER=os.environ.get("SDL_VIDEODRIVER", "dummy"),
                   SDL_AUDIODRIVER="dummy")
        print("+", program, "--smoke-test")
        return subprocess.call([str(program), "--smoke-test"], env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
