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
SIZE_LIMIT_MB = 70  # a USB stick, a school share, a download on a slow network


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def biggest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    """The largest files and folders inside the bundle (one level below `_internal`), for the log."""
    inner = folder / "_internal" if (folder / "_internal").is_dir() else folder
    sizes = [(p.name, folder_size(p) if p.is_dir() else p.stat().st_size) for p in inner.iterdir()]
    return sorted(sizes, key=lambda x: -x[1])[:count]


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
    folder = program.parent if sys.platform != "darwin" else ROOT / "dist" / f"{NAME}.app"
    size = folder_size(folder)
    print(f"built {program.relative_to(ROOT)}: {size / 1e6:.1f} MB (limit {SIZE_LIMIT_MB} MB)")
    print("largest parts: " + ", ".join(f"{name} {n / 1e6:.1f} MB" for name, n in biggest_parts(folder)))
    if size > SIZE_LIMIT_MB * 1e6:
        print(f"error: the build is {size / 1e6:.1f} MB, more than {SIZE_LIMIT_MB} MB: something the game "
              "never imports came along (see the excludes in build/bbb.spec)", file=sys.stderr)
        return 1
    if args.smoke:
        env = dict(os.environ, SDL_VIDEODRIVER=os.environ.get("SDL_VIDEODRIVER", "dummy"),
                   SDL_AUDIODRIVER="dummy")
        print("+", program, "--smoke-test")
        return subprocess.call([str(program), "--smoke-test"], env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
