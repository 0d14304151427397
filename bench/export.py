"""Export: the summary of a 6-player game -> PDF handout, PNG cards and result JSON.

Each repetition is a fresh child process: the bots play a 6-player game on the core deck
(not timed), then the child times importing game.export and one call each of
save_pdf(deck, summary, folder, "nl"), save_png(deck, summary, folder, "nl") and
save_result(deck, summary, log, setup, folder) into a fresh folder (the "first export" a player
gets after a game, which pays for loading fonts), and then the same three calls again ("warm").
No baseline: the target is absolute, on the first export including the import.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ChildFailed, not_measured, run_child, row  # noqa: E402

NAME = "export"
TITLE = "export PDF + PNG + JSON, 6 players"
TARGET = "<= 1 s together"
LIMIT = 1.0
PARTS = ("import", "pdf", "png", "json")


def run(ctx) -> list[dict]:
    reps = ctx.reps(3, 1)
    results = []
    try:
        for _ in range(reps):
            results.append(run_child(ctx, [__file__, "--child"], timeout=180))
    except ChildFailed as exc:
        return [not_measured(NAME, "export total", f"the export could not run: {exc}", TARGET)]
    missing = results[0].get("missing")
    if missing:
        return [not_measured(NAME, "export total", f"game.export lacks {missing}", TARGET)]
    rows = []
    for part in PARTS:
        rows.append(row(NAME, f"first {part}", "s", [r["first"][part] for r in results], target="(info)",
                        note=results[0].get("notes", {}).get(part, "")))
    total = [sum(r["first"].values()) for r in results]
    med = sorted(total)[len(total) // 2]
    rows.append(row(NAME, "first export total (incl. import)", "s", total, target=TARGET, ok=med <= LIMIT, limit=LIMIT,
                    note="fresh process per rep; what a player waits for after their first game"))
    warm = [sum(r["warm"].values()) for r in results]
    rows.append(row(NAME, "warm export total", "s", warm, target="(info)",
                    note="pdf {:.3f} + png {:.3f} + json {:.3f} s (last rep)".format(
                        results[-1]["warm"]["pdf"], results[-1]["warm"]["png"], results[-1]["warm"]["json"])))
    return rows


def child() -> None:
    from ui_setup import PLAYERS, STYLES

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    from game.content import find_deck, load_deck
    from game.core import summarize
    from game.core.bots import play_game

    deck = load_deck(find_deck("breder-belang"))
    state = play_game(deck, PLAYERS, STYLES, seed=1)
    summary = summarize(deck, state)
    setup = {"names": list(PLAYERS), "rounds": state.rounds, "seed": state.seed, "mode": state.mode, "lang": "nl"}
    first = {}
    t0 = time.perf_counter()
    import game.export as ex

    first["import"] = time.perf_counter() - t0
    missing = [n for n in ("save_pdf", "save_png", "save_result") if not hasattr(ex, n)]
    if missing:
        print(json.dumps({"missing": ", ".join(missing)}))
        return

    def round_(folder: Path) -> dict:
        out = {}
        t = time.perf_counter()
        pdf = ex.save_pdf(deck, summary, folder, "nl")
        out["pdf"] = time.perf_counter() - t
        t = time.perf_counter()
        pngs = ex.save_png(deck, summary, folder, "nl")
        out["png"] = time.perf_counter() - t
        t = time.perf_counter()
        res = ex.save_result(deck, summary, list(state.log), setup, folder)
        out["json"] = time.perf_counter() - t
        for p in [pdf, res, *(pngs if isinstance(pngs, list) else [pngs])]:
            if not Path(p).is_file():
                raise RuntimeError(f"export did not write {p}")
        return out

    with tempfile.TemporaryDirectory() as d:
        first.update(round_(Path(d) / "first"))
        warm = round_(Path(d) / "warm")
        n_png = len(list((Path(d) / "warm").glob("*.png")))
        pdf_kb = sum(p.stat().st_size for p in (Path(d) / "warm").glob("*.pdf")) / 1024
    print(json.dumps({"first": first, "warm": warm,
                      "notes": {"png": f"{n_png} PNG files", "pdf": f"{pdf_kb:.0f} KiB"}}))


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
