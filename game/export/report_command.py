"""The `bbb report` command: result files of a workshop or a class -> one report PDF and a chart PNG."""

from __future__ import annotations

import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser(
        "report", help="make a workshop report (PDF + PNG) from saved results",
        description="Gather the result files (.json) that the game saved, from files or folders "
                    "(folders are searched with all their subfolders), and write one report PDF: "
                    "everyone on one chart, the spread per value, the most and least chosen cards, "
                    "the combinations made and what the whole room adds to society's needs. "
                    "The same game found twice counts once; a damaged result is skipped with a line "
                    "saying why, other JSON files (such as autosave.json) quietly. One language for the "
                    "whole report (--lang). A PNG of the main chart is written beside the PDF.")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER", help="result files or folders holding them")
    p.add_argument("--out", required=True, metavar="REPORT.pdf", help="where to write the report PDF")
    p.add_argument("--anonymous", action="store_true", help="leave all names off the report")
    p.add_argument("--lang", choices=("nl", "en"), default="nl",
                   help="language of the whole report, whatever language each game was played in (default: nl)")


def run(args) -> int:
    from .report import gather, write_report

    def warn(line: str) -> None:
        print(line, file=sys.stderr)

    gathered = gather(args.paths, warn)
    if gathered.not_results:
        shown = ", ".join(sorted({p.name for p in gathered.not_results})[:3])
        more = ", …" if len({p.name for p in gathered.not_results}) > 3 else ""
        warn(f"skipped {len(gathered.not_results)} file(s) that are not results ({shown}{more})")
    if not gathered.groups:
        print("no results found: nothing to report", file=sys.stderr)
        return 1
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    try:
        written = write_report(gathered, out, lang=args.lang, anonymous=args.anonymous)
    except OSError as exc:
        print(f"cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    results = sum(len(g.results) for g in gathered.groups)
    players = sum(len(g.players) for g in gathered.groups)
    extra = f", {gathered.duplicates} duplicate(s) counted once" if gathered.duplicates else ""
    print(f"wrote {', '.join(str(p) for p in written)}: {results} result(s), {players} participant(s), "
          f"{len(gathered.groups)} deck version(s), {len(gathered.skipped) + len(gathered.not_results)} file(s) "
          f"skipped{extra}")
    return 0
