"""`bbb deck print`: a deck as a print-and-play PDF (cards to cut out, poster, values sheet, rules)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_action(deck_sub) -> None:
    """Add `print` to the actions of the `bbb deck` command."""
    p = deck_sub.add_parser(
        "print", help="make a print-and-play PDF of a deck",
        description="Write a PDF to play a deck on paper: every card at poker size (63 × 88 mm), nine "
                    "to an A4 sheet with crop marks, each sheet followed by its backs for double-sided "
                    "printing (flip on the long edge); then a quadrant poster, a values sheet and a rule "
                    "sheet. A card whose text does not fit is named and nothing is written (exit 1).")
    p.add_argument("deck", metavar="ID_OR_PATH", help="a built-in deck id or a deck folder")
    p.add_argument("--out", required=True, metavar="CARDS.pdf", help="the PDF file to write")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the cards (default: nl)")
    p.add_argument("--no-backs", action="store_true", help="leave out the card backs (single-sided printing)")


def run(args: argparse.Namespace) -> int:
    from game.content import DeckLoadError, find_deck, format_problem, load_deck
    from game.i18n import t

    from .print_deck import print_deck

    try:
        deck = load_deck(find_deck(args.deck))
    except DeckLoadError as exc:
        for problem in exc.problems:
            print(format_problem(problem), file=sys.stderr)
        return 1
    lang = args.lang
    if lang not in deck.languages:
        print(f"{deck.id}: this deck has no cards in '{lang}'; it has {', '.join(deck.languages)}", file=sys.stderr)
        return 1
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    try:
        report = print_deck(deck, out, lang=lang, backs=not args.no_backs)
    except OSError as exc:
        print(f"cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if report.problems:
        for too_long in report.problems:
            print(too_long.message(lang), file=sys.stderr)
        print(t(lang, "print.nothing_written", count=len(report.problems)), file=sys.stderr)
        return 1
    print(t(lang, "print.written", path=out, cards=report.cards, sheets=report.sheets, pages=report.pages))
    return 0
