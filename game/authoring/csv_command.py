"""`bbb deck to-csv` and `bbb deck from-csv`: edit a deck in a spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import csv_io


def add_parser(sub) -> None:
    p = sub.add_parser(
        "deck", help="turn a deck into a spreadsheet (CSV) and back, or print it to play on paper",
        description="Edit a deck in a spreadsheet: `to-csv` writes the whole deck as one CSV file "
                    "(one row per card, combination, dimension and the deck header; one column per "
                    "language for every text); `from-csv` turns such a file back into a deck folder "
                    "that `bbb check` accepts. See docs/deck-authoring.md for the columns.")
    deck_sub = p.add_subparsers(dest="deck_command", metavar="ACTION")
    to = deck_sub.add_parser("to-csv", help="write a deck as one CSV file",
                             description="Write a deck (built-in id or folder) as one CSV file in UTF-8.")
    to.add_argument("deck", metavar="ID_OR_PATH", help="a built-in deck id or a deck folder")
    to.add_argument("out", metavar="OUT.csv", help="the CSV file to write")
    to.add_argument("--semicolon", action="store_true",
                    help="separate columns with ';' (what Dutch Excel expects) instead of ','")
    back = deck_sub.add_parser("from-csv", help="turn a CSV file into a deck folder",
                               description="Read a CSV file (',' or ';' separated, as saved by a "
                                           "spreadsheet) and write a deck folder with deck.yaml, "
                                           "cards.yaml and combos.yaml, then check it.")
    back.add_argument("csv", metavar="IN.csv", help="the CSV file to read")
    back.add_argument("out", metavar="OUT_FOLDER", help="the deck folder to write (made if missing)")
    back.add_argument("--force", action="store_true", help="write into a folder that already holds a deck.yaml")
    from game.export.print_command import add_action

    add_action(deck_sub)


def run(args: argparse.Namespace) -> int:
    from game.content import DeckLoadError, check_deck, find_deck, format_problem, load_deck

    if args.deck_command == "print":
        from game.export.print_command import run as run_print

        return run_print(args)

    if args.deck_command == "to-csv":
        try:
            deck = load_deck(find_deck(args.deck))
        except DeckLoadError as e:
            for p in e.problems:
                print(format_problem(p), file=sys.stderr)
            return 1
        csv_io.write_csv(deck, args.out, delimiter=";" if args.semicolon else ",")
        print(f"{args.out}: {len(deck.cards)} cards, {len(deck.combos)} combinations written")
        return 0
    if args.deck_command == "from-csv":
        out = Path(args.out)
        if (out / "deck.yaml").exists() and not args.force:
            print(f"{out} already holds a deck.yaml; choose another folder or add --force", file=sys.stderr)
            return 2
        parts, problems = csv_io.read_csv(args.csv)
        for row_problem in problems:
            print(row_problem, file=sys.stderr)
        if parts is None:
            print(f"{args.csv}: {len(problems)} problems; nothing written", file=sys.stderr)
            return 1
        for note in csv_io.write_deck_folder(parts, out, images_from=Path(args.csv).resolve().parent):
            print(f"note: {note}", file=sys.stderr)
        found = check_deck(out)
        for p in found:
            print(format_problem(p), file=sys.stderr)
        errors = sum(p.is_error for p in found)
        print(f"{out}: deck written; check: {errors} errors, {len(found) - errors} warnings")
        return 1 if errors else 0
    print("usage: bbb deck to-csv ID_OR_PATH OUT.csv | bbb deck from-csv IN.csv OUT_FOLDER | "
          "bbb deck print ID_OR_PATH --out CARDS.pdf", file=sys.stderr)
    return 2
