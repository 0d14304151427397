"""`bbb simulate`: let bots play many games of a deck and print a balance report."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from . import simulate as sim
from . import targets as tg


THRESHOLDS = (
    f"--strict exits with status 1 when the deck falls short of one of these thresholds: "
    f"(1) no dominated cards (a role/task card with the same type and hours as another, at least as "
    f"good on every personal and social value and better on one); "
    f"(2) at most {sim.MAX_NEVER_PLAYED_SHARE:.0%} of the role/task cards never played (from "
    f"{sim.MIN_GAMES_NEVER_PLAYED} games on); "
    f"(3) every combination can be made within one week's hours; "
    f"(4) at least {sim.MIN_COMBO_SHARE:.0%} of the combinations made at least once (from "
    f"{sim.MIN_GAMES_COMBOS} games on); "
    f"(5) the social-first bots reach a median social fit at least as high as the personal-first and "
    f"random bots "
    f"(from {sim.MIN_GAMES_STYLES} games on); "
    f"(6) every event, and every dilemma option that has effects, changes somebody's score in at least "
    f"one game (from {sim.MIN_GAMES_EFFECTS} games on); an effect that only changes hours budgets is left "
    f"out, because under fit model v2 hours are absolute: a budget changes what fits and where the comfort "
    f"line lies, not the score of the same week. "
    f"And the targets of fit model v2, each printed with its number: "
    f"(7) hours absolute: {tg.HOURS_CASES} random weeks of 1-3 cards never score a higher P or S with a "
    f"budget {tg.HOURS_CUT} h smaller; "
    f"(8) combining pays: under {tg.SORTS} random values sorts at least {tg.MIN_COMBINED_SHARE:.0%} of the "
    f"best weeks by min(P, S) (among all single cards, pairs and the best triples) hold two cards or more; "
    f"(9) one card is not a career: at most {tg.MAX_ONE_CARD_CAREER_SHARE:.0%} of the single roles and tasks, "
    f"alone under those sorts, reach the top-right quadrant; "
    f"(10) values matter: the {tg.BEST_WEEKS} best weeks of each sort score on average at least "
    f"{tg.MIN_VALUES_DIFFERENCE:.0f} points of P differently under the opposite sort (1 and 3 swapped); "
    f"(11) the mirror discriminates (from {tg.MIN_GAMES_MIRROR} solo games on, all four bot styles in turn): "
    f"p90 - p10 at least {tg.MIN_SPREAD:.0f} for P and for S, every quadrant at least "
    f"{tg.MIN_QUADRANT_SHARE:.0%} of the results, at most {tg.MAX_EXTREME_SHARE:.0%} of the fits exactly 0 or 100; "
    f"(12) events matter: every event's need changes move S of the {tg.BEST_WEEKS} best weeks serving its "
    f"themes by at least {tg.MIN_EVENT_CHANGE:.0f} points on average; "
    f"(13) everyone is needed: the median need-weighted social value per hour of practical work (tags "
    f"{', '.join(tg.PRACTICAL_TAGS)}) is not below that of office work (tags {', '.join(tg.OFFICE_TAGS)}). "
    f"The default of {sim.MIN_GAMES_COMBOS} solo games judges every threshold and target, with shares and "
    f"percentiles steady to about 1 point; the built-in decks pass --strict at {sim.MIN_GAMES_COMBOS}. A threshold that needs more games than were played, or cannot be measured on "
    f"this deck, is shown as 'skip' and does not fail."
)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "simulate", help="let bots play many games of a deck and report its balance",
        description="Let bots play many games of a deck and print a balance report: the spread of "
                    "personal and social fit per bot style, how often each card is played, cards "
                    "nobody plays, cards that are always better than another, combinations never "
                    "made, events or dilemma choices that never change a score, and the targets of "
                    "the fit model, each with its number. " + THRESHOLDS)
    p.add_argument("--deck", required=True, metavar="ID_OR_PATH",
                   help="a built-in deck id (e.g. lob-klas) or a deck folder")
    p.add_argument("--games", type=int, default=sim.MIN_GAMES_COMBOS, metavar="N",
                   help=f"number of games to play (default {sim.MIN_GAMES_COMBOS})")
    p.add_argument("--seed", default="1", metavar="S", help="seed of the first game; the same seed gives the same report")
    p.add_argument("--players", type=int, default=1, metavar="K",
                   help="1 plays solo (default); 2-6 plays a table with a mix of bot styles")
    p.add_argument("--rounds", type=int, default=4, metavar="R", help="rounds per game, 3-6 (default 4)")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 1 when the deck falls short of the thresholds above")


def _f(x: float) -> str:
    return f"{x:5.1f}"


def print_report(report: sim.BalanceReport, out: TextIO, strict: bool = False) -> bool:
    """Print the report; returns True when no threshold fails."""
    w = out.write
    mode = "solo" if report.players == 1 else f"table of {report.players}"
    w(f"Deck {report.deck_id} {report.deck_version}  ({report.deck_fingerprint})\n")
    w(f"{report.games} games, {mode}, {report.rounds} rounds, seed {report.seed}, fit model v{report.model_version}\n\n")

    w("Fit per bot style (min / p10 / median / p90 / max)\n")
    for s in report.styles:
        for label, sp in (("personal", s.personal), ("social", s.social)):
            w(f"  {s.style:<14} {label:<8} {_f(sp.min)} {_f(sp.p10)} {_f(sp.median)} {_f(sp.p90)} {_f(sp.max)}"
              f"   ({s.players} players)\n" if label == "personal" else
              f"  {s.style:<14} {label:<8} {_f(sp.min)} {_f(sp.p10)} {_f(sp.median)} {_f(sp.p90)} {_f(sp.max)}\n")
    pg = max(report.player_games, 1)
    w("\nRole and task cards: times played (entered a mix), share of games, share of final mixes\n")
    for c in sorted(report.cards, key=lambda c: (-c.final, c.id)):
        w(f"  {c.id:<32} {c.type:<4} {c.hours:>3} h  played {c.played:>6}  in {c.games_played / report.games:6.1%}"
          f" of games  final {c.final / pg:6.1%}\n")
    w(f"\nNever played: {', '.join(report.never_played) or 'none'}\n")
    w("Dominated (better > worse): " + ("; ".join(f"{a} > {b}" for a, b in report.dominated) or "none") + "\n")

    w("\nCombinations: made at some moment / in final mixes (share of player-games)\n")
    for combo in report.combos:
        extra = "" if combo.possible else "  IMPOSSIBLE within one week"
        w(f"  {combo.id:<32} {combo.made / pg:6.1%}  final {combo.final / pg:6.1%}{extra}\n")
    w(f"Never made: {', '.join(report.combos_never_made) or 'none'}\n")

    w("\nEvents and dilemma options: times, times a score changed at once, mean largest change\n")
    for e in report.events + report.options:
        note = "" if e.has_effects else "  (no effects)"
        w(f"  {e.label:<40} {e.happened:>6} {e.changed:>6}  {e.mean_change:6.2f}{note}\n")
    w(f"Events that never changed a score: {', '.join(report.events_without_effect) or 'none'}\n")
    w(f"Dilemma options that never changed a score: {', '.join(report.options_without_effect) or 'none'}\n")

    counted = " (--strict)" if strict else " (informative; --strict makes them count)"
    w(f"\nTargets of fit model v{report.model_version}{counted}\n")
    for t in report.targets:
        w(f"  [{t.status:<4}] {t.id:<22} {t.shown:<20} {t.rule}\n         {t.detail}\n")

    w("\nThresholds" + counted + "\n")
    for v in sim.judge_thresholds(report):
        w(f"  [{v.status:<4}] {v.rule}: {v.detail}\n")
    return not any(v.failed for v in sim.judge(report))


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from game.content import DeckLoadError, find_deck, format_problem, load_deck

    if args.games < 1:
        print("bbb simulate: --games must be at least 1", file=sys.stderr)
        return 2
    if not 1 <= args.players <= 6:
        print("bbb simulate: --players must be 1 (solo) to 6", file=sys.stderr)
        return 2
    if not 3 <= args.rounds <= 6:
        print("bbb simulate: --rounds must be 3 to 6", file=sys.stderr)
        return 2
    try:
        folder = find_deck(args.deck)
    except DeckLoadError as e:
        for p in e.problems:
            print(format_problem(p), file=sys.stderr)
        return 2
    try:
        deck = load_deck(folder)
    except DeckLoadError as e:
        for p in e.problems:
            print(format_problem(p), file=sys.stderr)
        print(f"{args.deck}: the deck has errors; run `bbb check {args.deck}` and fix them first", file=sys.stderr)
        return 1
    seed: int | str = int(args.seed) if str(args.seed).lstrip("-").isdigit() else args.seed
    start = time.perf_counter()
    try:
        report = sim.simulate(deck, args.games, seed=seed, players=args.players, rounds=args.rounds)
    except sim.SimulationStuck as e:
        print(f"bbb simulate: {e}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - start
    ok = print_report(report, out, strict=args.strict)
    out.write(f"\nTime: {elapsed:.2f} s, {args.games / elapsed if elapsed > 0 else float('inf'):.0f} games/s\n")
    if args.strict and not ok:
        out.write("Strict: the deck falls short of a threshold (see [fail] above)\n")
        return 1
    return 0
