"""The game state is data: `apply` never changes the state it was given, not even deep inside."""

import json

from game.content import load_deck
from game.core.bots import choose, play_game
from game.core.rules import apply, new_game
from game.core.state import GameState
from game.paths import decks_dir


def _scribble(value) -> int:
    """Change every list and dict inside `value`, all the way down; returns how many it changed."""
    changed = 0
    if isinstance(value, list):
        for item in value:
            changed += _scribble(item)
        value.append("scribbled")
        changed += 1
    elif isinstance(value, dict):
        for item in list(value.values()):
            changed += _scribble(item)
        value["scribbled"] = 1
        changed += 1
    return changed


def _deck():
    return load_deck(decks_dir() / "breder-belang")


def test_changing_a_copy_deep_inside_leaves_the_original_as_it_was():
    deck = _deck()
    state = play_game(deck, ["Sam", "Noor", "Ali"], "balanced", seed=4)
    assert state.offers and any(p.boosts for p in state.players), "the game should hold nested data"
    before = json.dumps(state.to_json(), sort_keys=True)
    copied = state.copy()
    changed = 0
    for name in GameState.__dataclass_fields__:
        value = getattr(copied, name)
        if name == "players":
            for p in value:
                changed += sum(_scribble(getattr(p, f)) for f in ("weights", "mix", "hand", "boosts", "answers"))
        elif name == "log":
            copied.log.append({"type": "pass"})  # entries are written once and never changed
        else:
            changed += _scribble(value)
    assert changed > 30
    assert json.dumps(state.to_json(), sort_keys=True) == before


def test_no_move_of_a_whole_game_changes_the_state_it_was_applied_to():
    deck = _deck()
    state = new_game(deck, ["Sam", "Noor"], seed=9)
    seen = []
    while (move := choose(deck, state, ["social-first", "random"])) is not None:
        seen.append((state, json.dumps(state.to_json(), sort_keys=True)))
        state = apply(deck, state, move)
    assert state.phase == "summary" and len(seen) > 30
    for earlier, snapshot in seen:
        assert json.dumps(earlier.to_json(), sort_keys=True) == snapshot


def test_a_state_survives_its_json_form():
    state = play_game(_deck(), ["Sam"], "balanced", seed=2)
    assert GameState.from_json(json.loads(json.dumps(state.to_json()))).to_json() == state.to_json()
