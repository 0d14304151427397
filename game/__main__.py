"""The `bbb` command: parse the arguments and hand over to the part of the program that does the work."""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__


def _add_play(sub) -> None:
    p = sub.add_parser(
        "play", help="start the game (the default when no command is given)",
        description="Start the game in a window. Without options you choose everything on screen.")
    p.add_argument("--deck", metavar="ID_OR_PATH", help="a built-in deck id (e.g. breder-belang) or a deck folder")
    p.add_argument("--lang", choices=("nl", "en"), help="language of the screens and cards (default: nl)")
    p.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 switches)")
    p.add_argument("--data-dir", metavar="DIR", help="keep saves, results and settings in DIR (e.g. a USB stick)")
    p.add_argument("--continue", dest="resume", action="store_true", help="resume the autosaved game")
    p.add_argument("--autoplay", action="store_true", help="let bots play a whole game through the screens (demo)")
    p.add_argument("--solo", action="store_true", help="with --autoplay: one player")
    p.add_argument("--players", type=int, metavar="N", help="with --autoplay: a table of N players (2-6)")
    p.add_argument("--rounds", type=int, metavar="N", help="number of rounds, 3-6 (default 4)")
    p.add_argument("--seed", metavar="S", help="same seed and same choices give the same game")
    p.add_argument("--screenshots", metavar="DIR", help="with --autoplay or --monkey: save a PNG of every scene in DIR")
    p.add_argument("--pace", type=float, default=0.0, metavar="SECONDS", help="with --autoplay: wait between bot actions")
    p.add_argument("--export", action="store_true", help="with --autoplay: also write PDF and PNG of the summary")
    p.add_argument("--monkey", type=int, metavar="N", help="send N random input events through the screens (testing)")
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x720")
    p.add_argument("--ui-scale", type=float, metavar="F", help="scale of text and buttons, 1.0-2.0")
    p.add_argument("--high-contrast", action="store_true", help="high-contrast colours")
    p.add_argument("--reduced-motion", action="store_true", help="no animations")
    p.add_argument("--voice", action="store_true", help="speak the focused element (when a speech engine exists)")
    p.add_argument("--audit-layout", action="store_true",
                   help="check every screen at every size, UI scale and contrast for cut or overlapping text; exit 1 on a problem")
    p.add_argument("--out", metavar="DIR", help="with --audit-layout: write a screenshot of each failing screen in DIR")
    p.add_argument("--room", metavar="URL", help="send progress and results to the room's hub (see `bbb host`)")
    p.add_argument("--room-code", metavar="CODE", help="with --room: the code the wall shows")


def _add_check(sub) -> None:
    p = sub.add_parser(
        "check", help="check deck folders and list every problem",
        description="Check one or more deck folders (or built-in deck ids). Prints every problem as "
                    "FILE:LINE:COLUMN: error|warning: SECTION: KEY: message, then a count. "
                    "Exit status 0 without errors, 1 with errors, 2 when called wrongly.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a deck folder or a built-in deck id")


# Commands that live beside their own code: command name -> module with add_parser(sub) and
# run(args) -> int. They are imported only when named (or for --help), so that starting the
# game does not pay for the simulation, the spreadsheet route or the PDF report.
EXTRA_COMMANDS = {
    "simulate": "game.authoring.simulate_command",
    "deck": "game.authoring.csv_command",
    "report": "game.export.report_command",
    "host": "game.room.command",
}


def _extra_modules(names) -> list:
    import importlib

    return [importlib.import_module(EXTRA_COMMANDS[n]) for n in dict.fromkeys(names)]


def build_parser(extras: list | None = None) -> argparse.ArgumentParser:
    """The whole command line; `extras` are the extra command modules to include (default: all)."""
    parser = argparse.ArgumentParser(
        prog="bbb",
        description="Breder Belang Boost: a card game about work that suits you (zin) and work "
                    "that society needs (zinvol). Without a command, the game starts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check that this installation works: load every deck, let bots play a solo "
                             "and a table game on a hidden screen, write every export, exit 0 when all is well")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_play(sub)
    _add_check(sub)
    for extra in _extra_modules(EXTRA_COMMANDS) if extras is None else extras:
        extra.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """The whole program's one error boundary: whatever goes wrong ends in one sentence on the
    terminal, the details in error.log in the data folder, and exit status 1; never a traceback."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before anything imports pygame
    if getattr(sys, "frozen", False):  # the built program: a worker process of the hub starts here
        import multiprocessing

        multiprocessing.freeze_support()
    from .crash import install_excepthook, quiet_broken_pipe, report_crash

    install_excepthook()
    context: dict = {}
    try:
        status = _dispatch(list(sys.argv[1:] if argv is None else argv), context)
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe shows here, inside the boundary, not at exit
        return status
    except BrokenPipeError:  # `bbb check DECK | head -1`: the reader has all it wanted
        quiet_broken_pipe()
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - this is the boundary
        return report_crash(exc, context.get("data_dir"))


def check_deck_before_play(deck: str) -> int:
    """0 when the deck of `bbb play --deck` loads; otherwise its problems on stderr and 1, before
    any window opens (and before bots or the monkey could wait on a problems screen)."""
    from .content import DeckLoadError, check_deck, find_deck, format_problem

    try:
        folder = find_deck(deck)
    except DeckLoadError as exc:
        for problem in exc.problems:
            print(format_problem(problem), file=sys.stderr)
        return 1
    problems = check_deck(folder)
    errors = sum(p.is_error for p in problems)
    if not errors:
        return 0
    for problem in problems:
        print(format_problem(problem), file=sys.stderr)
    print(f"bbb: the game does not start with this deck: {errors} error{'s' if errors != 1 else ''} "
          f"(bbb check {deck} lists them too)", file=sys.stderr)
    return 1


def _dispatch(argv: list[str], context: dict) -> int:
    if argv[:1] == ["--smoke-test"]:
        from .smoke import run_smoke_test

        return run_smoke_test(argv[1:])
    commands = {"play", "check", *EXTRA_COMMANDS}
    if not argv or (argv[0] not in commands and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]  # `bbb` alone, or `bbb --deck x`, starts the game
    extras = _extra_modules([argv[0]]) if argv[0] in EXTRA_COMMANDS else (
        None if argv[0] in ("-h", "--help") else [])
    args = build_parser(extras).parse_args(argv)
    context["data_dir"] = getattr(args, "data_dir", None)
    if args.command == "check":
        from .content import run_check

        return run_check(args.paths)
    if args.command == "play":
        if bool(args.room) != bool(args.room_code):
            print("--room and --room-code go together: the hub's address and the code on its wall", file=sys.stderr)
            return 2
        if args.room:
            from .room.protocol import AddressError, room_base_url

            try:
                room_base_url(args.room)
            except AddressError as exc:
                print(f"--room: {exc}", file=sys.stderr)
                return 2
        if args.deck:
            status = check_deck_before_play(args.deck)
            if status:
                return status
        from .ui.app import run

        return run(args)
    return _extra_modules([args.command])[0].run(args)


if __name__ == "__main__":
    sys.exit(main())
