"""Deck loading: load + validate (game.content.load_deck) the core deck and synthetic decks.

The synthetic decks are made in the scratch folder from the core deck: its deck.yaml, events,
dilemmas, prompts and combos, plus role and task cards cloned from the core deck's own (new
ids, numbered titles) until the deck holds 200, 1,000 or 2,000 cards, written 250 cards to a
file (a deck file holds at most 1 MiB). Each is checked to load without errors before it is
timed. Every load is a fresh call in this process (the loader keeps no cache).

No baseline: the targets are "linear in cards" (time per card of the 2,000-card deck within
1.5x that of the 200-card deck) and 2,000 cards <= 0.5 s.
"""

from __future__ import annotations

import copy
import shutil
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, not_measured, row  # noqa: E402

NAME = "decks"
TITLE = "deck loading"
SIZES = (200, 1000, 2000)
LIMIT_2000 = 0.5
PER_FILE = 250


def make_deck(core: Path, out: Path, total: int) -> Path:
    """A valid deck folder of `total` cards built from the core deck."""
    import yaml

    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(core, out)
    entry = yaml.safe_load((out / "deck.yaml").read_text(encoding="utf-8"))
    playable = []
    count = 0
    for name in entry.get("include", []):
        cards = (yaml.safe_load((out / name).read_text(encoding="utf-8")) or {}).get("cards", [])
        count += len(cards)
        playable += [c for c in cards if c.get("type") in ("role", "task")]
    count += len(entry.get("cards", []) or [])
    extra = total - count
    if extra < 0:
        raise ValueError(f"the core deck already holds {count} cards")
    clones = []
    for i in range(extra):
        src = copy.deepcopy(playable[i % len(playable)])  # shared objects would be dumped as YAML aliases
        n = i // len(playable) + 1
        src["id"] = f"{src['id']}-s{n}"
        src["title"] = {lang: (text[:52] + f" #{n}") for lang, text in src["title"].items()}
        clones.append(src)
    files = []
    for k in range(0, len(clones), PER_FILE):
        name = f"synthetic-{k // PER_FILE + 1}.yaml"
        (out / name).write_text(yaml.safe_dump({"cards": clones[k:k + PER_FILE]}, allow_unicode=True, sort_keys=False),
                                encoding="utf-8")
        files.append(name)
    text = (out / "deck.yaml").read_text(encoding="utf-8")
    old = "include: [" + ", ".join(entry["include"]) + "]"
    if old not in text:
        raise ValueError("the core deck's include line has another form than expected")
    text = text.replace(old, "include: [" + ", ".join(entry["include"] + files) + "]")
    text = text.replace(f"id: {entry['id']}", f"id: synthetic-{total}", 1)
    (out / "deck.yaml").write_text(text, encoding="utf-8")
    return out


def _time_load(path: Path, reps: int) -> tuple[list[float], int]:
    from game.content import load_deck

    times, n = [], 0
    for _ in range(reps):
        t0 = time.perf_counter()
        deck = load_deck(path)
        times.append(time.perf_counter() - t0)
        n = len(deck.cards)
    return times, n


def run(ctx) -> list[dict]:
    sys.path.insert(0, str(ROOT))
    try:
        from game.content import DeckLoadError, find_deck
    except ImportError as exc:
        return [not_measured(NAME, "load core deck", f"game.content cannot be imported: {exc}")]
    core = Path(find_deck("breder-belang"))
    rows = []
    reps = ctx.reps(5, 2)
    try:
        times, n = _time_load(core, reps)
    except DeckLoadError as exc:
        return [not_measured(NAME, "load core deck", f"the core deck does not load: {exc}")]
    rows.append(row(NAME, f"core deck ({n} cards)", "s", times, target="(info)", note=f"{1000 * sorted(times)[len(times) // 2] / n:.2f} ms/card"))
    per_card = {}
    for size in SIZES:
        try:
            path = make_deck(core, ctx.tmp / f"deck-{size}", size)
            times, n = _time_load(path, reps if size < 2000 else max(2, reps - 2))
        except (ValueError, DeckLoadError) as exc:
            rows.append(not_measured(NAME, f"synthetic {size} cards", f"could not make a valid deck: {str(exc)[:300]}"))
            continue
        med = sorted(times)[len(times) // 2]
        per_card[size] = med / n
        target = f"<= {LIMIT_2000} s" if size == 2000 else "(info)"
        ok = med <= LIMIT_2000 if size == 2000 else None
        rows.append(row(NAME, f"synthetic {size} cards", "s", times, target=target, ok=ok,
                        note=f"{1000 * med / n:.2f} ms/card", limit=LIMIT_2000 if size == 2000 else None))
    if 200 in per_card and 2000 in per_card:
        ratio = per_card[2000] / per_card[200]
        rows.append(row(NAME, "linearity (ms/card 2000 / 200)", "x", [ratio], target="<= 1.5 (linear)",
                        ok=ratio <= 1.5, note=f"{1000 * per_card[200]:.2f} -> {1000 * per_card[2000]:.2f} ms/card"))
    return rows
