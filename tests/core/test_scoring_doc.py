"""docs/scoring.md tells the truth: its constants and its worked example are recomputed with the code."""

import re
from pathlib import Path

import pytest

from game.core import scoring
from game.core.deck import Deck, PersonalDimension, SocialDimension

from .decks import role, t

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def table(marker: str) -> list[list[str]]:
    """The rows (without the header) of the markdown table right after `<!-- marker -->`."""
    text = doc_text()
    start = text.index(f"<!-- {marker} -->")
    lines = text[start:].splitlines()[1:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            if rows:
                break
            continue
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    assert len(rows) > 2, f"no table after {marker}"
    return rows[2:]  # skip the header and the |---| line


def number(cell: str) -> float:
    return float(cell.replace("−", "-").replace("+", ""))


def close(shown: str, value: float, what: str) -> None:
    """`shown` is `value` at the precision it is printed with."""
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    assert abs(number(shown) - value) <= 0.5 * 10 ** -decimals + 1e-9, f"{what}: the doc says {shown}, the code {value}"


def values(cell: str) -> dict[str, int]:
    return {k: int(v.replace("−", "-")) for k, v in re.findall(r"(\w+) ([+−-]?\d+)", cell)}


def example():
    text = doc_text()
    week = int(re.search(r"a standard week of (\d+) hours", text).group(1))
    budget = int(re.search(r"Sam's budget is (\d+) hours", text).group(1))
    cards = [role(r[0], int(r[1]), values(r[3]), values(r[4])) for r in table("worked-example:cards")]
    sort = {r[0]: int(r[1]) for r in table("worked-example:sort")}
    needs = {r[0]: int(r[1]) for r in table("worked-example:needs")}
    deck = Deck("example", t("example"), ("nl",), tuple(PersonalDimension(d, t(d)) for d in sort),
                tuple(SocialDimension(th, t(th), n) for th, n in needs.items()), tuple(cards),
                hours_per_week=week, balance_dimension="balans")
    return deck, [f"{c.id}#1" for c in cards], budget, sort, needs


def test_the_constants_table_is_the_code():
    shown = {r[0].strip("`"): r[1] for r in table("scoring-constants")}
    assert [float(x) for x in shown.pop("SORT_WEIGHTS").split(",")] == [scoring.SORT_WEIGHTS[k] for k in (1, 2, 3)]
    for name, cell in shown.items():
        assert float(cell) == getattr(scoring, name), name
    assert f"`MODEL_VERSION = {scoring.MODEL_VERSION}`" in doc_text()


def test_the_cards_weigh_their_share_of_the_standard_week_and_the_sort_gives_the_shares():
    deck, _, _, sort, _ = example()
    for row in table("worked-example:cards"):
        close(row[2], int(row[1]) / deck.hours_per_week, f"w of {row[0]}")
    shares = dict(zip(deck.personal_ids, scoring.value_shares(deck, sort)))
    for name, pile, weight, share in table("worked-example:sort"):
        close(weight, scoring.sort_weight(int(pile)), f"W of {name}")
        close(share, shares[name], f"share of {name}")


def test_every_number_of_the_worked_example_is_what_the_code_computes():
    deck, mix, budget, sort, needs = example()
    sc = scoring.score(deck, mix, budget, sort, needs)
    offers, contributions = scoring._offers(deck, mix, budget, ())
    for name, o, sat, points in table("worked-example:personal"):
        close(o, offers[name], f"o of {name}")
        close(sat, scoring.satisfaction(offers[name]), f"sat of {name}")
        close(points, sum(p.points for p in sc.personal.parts if p.dimension == name), f"points of {name}")
    themes = {th.id: th for th in sc.themes}
    for name, c, f, points in table("worked-example:social"):
        close(c, themes[name].contribution, f"c of {name}")
        close(f, themes[name].served, f"f of {name}")
        close(points, themes[name].points, f"points of {name}")
    for card, personal, social in table("worked-example:parts"):
        close(personal, sum(p.points for p in sc.personal.parts if p.ref == card), f"personal part of {card}")
        close(social, sum(p.points for p in sc.social.parts if p.ref == card), f"social part of {card}")
    totals = dict(re.findall(r"^\s+([PS]) = .*= ([\d.]+)\s*$", doc_text(), re.M))
    close(totals["P"], sc.personal.total, "P")
    close(totals["S"], sc.social.total, "S")


def test_what_changes_the_example_and_what_does_not():
    deck, mix, budget, sort, needs = example()
    for change, p_shown, s_shown in table("worked-example:changes"):
        week, b, w, n = list(mix), budget, dict(sort), dict(needs)
        if m := re.fullmatch(r"budget (\d+)", change):
            b = int(m.group(1))
        elif m := re.fullmatch(r"need (\w+) (\d+)", change):
            n[m.group(1)] = int(m.group(2))
        elif change == "opposite sort":
            w = {d: 4 - pile for d, pile in sort.items()}
        elif m := re.fullmatch(r"only (\S+)", change):
            week = [f"{m.group(1)}#1"]
        else:
            pytest.fail(f"the doc names a change the test does not know: {change}")
        p, s = scoring.fits(deck, week, b, w, n)
        close(p_shown, p, f"P after {change}")
        close(s_shown, s, f"S after {change}")
