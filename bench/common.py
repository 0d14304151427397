"""Shared helpers of the benchmark suite: statistics, result rows, child processes, the machine.

Every benchmark module has `NAME`, `TITLE` and `run(ctx) -> list[dict]`; each dict is one row
of the results table (see `row()`). A benchmark that cannot measure something returns a row
with `status` "not measured" and the reason, never a made-up number.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable


@dataclass
class Context:
    """What every benchmark gets: repetition count, a scratch folder and the child environment."""

    quick: bool
    tmp: Path
    env: dict = field(default_factory=dict)
    display: str = "dummy"

    def reps(self, full: int, quick: int = 2) -> int:
        return quick if self.quick else full


# --------------------------------------------------------------------------- statistics


def percentile(values, p: float) -> float:
    """The p-th percentile (0..100) with linear interpolation between the closest ranks."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summary(values) -> dict:
    xs = [float(v) for v in values]
    return {"reps": xs, "median": statistics.median(xs), "min": min(xs), "max": max(xs),
            "iqr": percentile(xs, 75) - percentile(xs, 25)}


def row(bench: str, metric: str, unit: str, values=None, baseline=None, target: str = "", ok=None,
        note: str = "", status: str = "measured", limit=None) -> dict:
    """One table row. `values`/`baseline` are per-repetition numbers; `ok` True/False/None."""
    r = {"bench": bench, "metric": metric, "unit": unit, "status": status, "target": target, "ok": ok,
         "note": note}
    if values:
        r.update(summary(values))
    if baseline:
        r["baseline"] = summary(baseline)
        if values and r["baseline"]["median"] > 0:
            r["ratio"] = r["median"] / r["baseline"]["median"]
    if limit is not None:
        r["limit"] = limit
    return r


def not_measured(bench: str, metric: str, why: str, target: str = "") -> dict:
    return row(bench, metric, "", target=target, status="not measured", note=why)


# --------------------------------------------------------------------------- child processes


def child_env(ctx: Context, **extra) -> dict:
    """The children's environment. Byte-code caching is left on, as for an installed program
    (pip and PyInstaller ship compiled modules): a shell that sets PYTHONDONTWRITEBYTECODE would
    otherwise make every start compile the game's sources again."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(ctx.env)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_child(ctx: Context, args: list[str], timeout: float = 120.0, **env) -> dict:
    """Run `python args...`; the child prints one JSON object on its last stdout line."""
    proc = subprocess.run([PYTHON, *args], cwd=ROOT, env=child_env(ctx, **env), capture_output=True,
                          text=True, timeout=timeout)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-6:]
        raise ChildFailed(f"exit {proc.returncode}: " + " | ".join(tail))
    return json.loads(lines[-1])


class ChildFailed(RuntimeError):
    pass


def monotonic() -> float:
    """CLOCK_MONOTONIC is one clock for every process on the machine: start and marker compare."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def proc_cpu_seconds(pid: int) -> float:
    """user + system CPU time of a running process, from /proc (no psutil)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------- the machine


def display_kind(env: dict) -> str:
    driver = env.get("SDL_VIDEODRIVER", "")
    if driver == "dummy" or not env.get("DISPLAY"):
        return "dummy"
    return f"x11 (DISPLAY={env.get('DISPLAY')})"


def machine_info(ctx: Context) -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "display": ctx.display}
    try:
        out = subprocess.run([PYTHON, "-c", "import os; os.environ['PYGAME_HIDE_SUPPORT_PROMPT']='1'; import pygame;"
                              "print(pygame.version.ver, '.'.join(map(str, pygame.get_sdl_version())))"],
                             capture_output=True, text=True, timeout=30, env=child_env(ctx)).stdout.split()
        info["pygame_ce"], info["sdl"] = out[0], out[1]
    except Exception:  # noqa: BLE001 - only information
        info["pygame_ce"] = info["sdl"] = "unknown"
    try:
        info["load_before"] = os.getloadavg()[0]
    except OSError:
        pass
    return info
