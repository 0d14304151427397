"""Run the performance benchmarks of Breder Belang Boost; print a table and write JSON.

    python bench/run.py                  # every benchmark, full repetitions (about 3-4 minutes)
    python bench/run.py --quick          # fewer repetitions
    python bench/run.py --only frame     # one benchmark (names: see --list); commas for several
    xvfb-run -s "-screen 0 1920x1080x24" python bench/run.py   # on a real X display

Each benchmark runs against its baseline in this same run (see bench/README.md). The table
shows per row the median over the repetitions, the spread (min-max), the baseline's median,
the ratio to it, the target and whether the median meets it. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from common import Context, display_kind, machine_info, not_measured  # noqa: E402

MODULES = ["startup", "new_game", "frame_time", "idle", "deck_loading", "simulation", "memory", "export", "room"]


def load_modules():
    return [importlib.import_module(m) for m in MODULES]


def fmt(v, unit: str = "") -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        if abs(v) >= 100:
            s = f"{v:.0f}"
        elif abs(v) >= 10:
            s = f"{v:.1f}"
        elif abs(v) >= 1:
            s = f"{v:.2f}"
        else:
            s = f"{v:.3f}"
    else:
        s = str(v)
    return f"{s} {unit}".strip()


def verdict(r: dict) -> str:
    if r["status"] != "measured":
        return "NOT MEASURED"
    if r.get("ok") is None:
        return "info"
    return "ok" if r["ok"] else "MISSED"


def table_lines(rows: list[dict], markdown: bool = False) -> list[str]:
    head = ["benchmark", "metric", "median", "spread (min-max)", "baseline", "ratio", "target", "result"]
    body = []
    for r in rows:
        if r["status"] != "measured":
            body.append([r["bench"], r["metric"], "-", "-", "-", "-", r.get("target") or "-",
                         "not measured: " + r["note"][:90 if not markdown else 400]])
            continue
        u = r["unit"]
        spread = f"{fmt(r['min'])}-{fmt(r['max'])}" if len(r["reps"]) > 1 else "(1 rep)"
        base = fmt(r["baseline"]["median"], u) if "baseline" in r else "-"
        ratio = f"{r['ratio']:.2f}x" if "ratio" in r else "-"
        body.append([r["bench"], r["metric"], fmt(r["median"], u), spread, base, ratio, r.get("target") or "-",
                     verdict(r)])
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(c.replace("|", "/") for c in b) + " |" for b in body]
        return out
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h) for i, h in enumerate(head)]
    widths[-1] = min(widths[-1], 60)
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths))
    out = [line, "-" * len(line)]
    out += ["  ".join(c.ljust(w) for c, w in zip(b, widths)) for b in body]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (for a first look, not for records)")
    ap.add_argument("--only", metavar="NAME[,NAME]", help="run only these benchmarks (see --list)")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    ap.add_argument("--json", metavar="PATH", default=str(BENCH / "results.json"), help="where to write the JSON")
    ap.add_argument("--markdown", action="store_true", help="also print the table as Markdown (for RESULTS.md)")
    a = ap.parse_args(argv)
    modules = load_modules()
    if a.list:
        for m in modules:
            print(f"{m.NAME:12} {m.TITLE}")
        return 0
    if a.only:
        wanted = {w.strip() for w in a.only.split(",") if w.strip()}
        unknown = wanted - {m.NAME for m in modules} - set(MODULES)
        if unknown:
            print(f"unknown benchmark(s): {', '.join(sorted(unknown))}; see --list", file=sys.stderr)
            return 2
        modules = [m for m in modules if m.NAME in wanted or m.__name__ in wanted]

    env = {"PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    if not os.environ.get("SDL_AUDIODRIVER"):
        env["SDL_AUDIODRIVER"] = "dummy"  # no sound device needed; the same for game and baselines
    if os.environ.get("DISPLAY") and os.environ.get("SDL_VIDEODRIVER", "x11") != "dummy":
        env["SDL_VIDEODRIVER"] = "x11"
    else:
        env["SDL_VIDEODRIVER"] = "dummy"
    display = display_kind({**os.environ, **env})
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="bbb-bench-") as tmp:
        ctx = Context(quick=a.quick, tmp=Path(tmp), env=env, display=display)
        info = machine_info(ctx)
        print(f"Breder Belang Boost benchmarks - display: {display}"
              + ("" if display != "dummy" else " (SDL dummy driver: no real presentation; run under xvfb-run for X11)"))
        print(f"{info['cpu']}, {info['cores']} cores, Python {info['python']}, pygame-ce {info['pygame_ce']}, "
              f"SDL {info['sdl']}, load average before: {info.get('load_before', 0):.2f}"
              + ("  (quick)" if a.quick else ""))
        rows = []
        for m in modules:
            t0 = time.time()
            print(f"  {m.NAME} ...", end="", flush=True)
            try:
                got = m.run(ctx)
            except Exception as exc:  # noqa: BLE001 - a broken benchmark must not hide the others
                tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
                got = [not_measured(m.NAME, m.TITLE, f"the benchmark failed: {tb}")]
            for r in got:
                r["seconds"] = round(time.time() - t0, 1)
            rows += got
            print(f" {time.time() - t0:.1f} s")
    total = time.time() - started
    print()
    for line in table_lines(rows):
        print(line)
    if a.markdown:
        print()
        for line in table_lines(rows, markdown=True):
            print(line)
    missed = [r for r in rows if r["status"] == "measured" and r.get("ok") is False]
    unmeasured = [r for r in rows if r["status"] != "measured"]
    print(f"\n{len(rows)} rows: {len(missed)} missed their target, {len(unmeasured)} not measured; "
          f"ran {total:.0f} s")
    for r in unmeasured:
        print(f"  not measured: {r['bench']} / {r['metric']}: {r['note']}")
    for r in rows:
        if r["status"] == "measured" and r.get("note"):
            print(f"  note {r['bench']} / {r['metric']}: {r['note']}")
    out = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "quick": a.quick,
           "display": display, "machine": info, "seconds": round(total, 1), "rows": rows}
    path = Path(a.json)
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
