"""A player's handout is two pages at most, however much they wrote, made or were given."""

import dataclasses
import io

import pytest
from pypdf import PdfReader

from game.content import find_deck, load_deck
from game.core import summarize
from game.core.bots import play_game
from game.export import build_pdf


def pages_of(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def class_deck():
    return load_deck(find_deck("lob-klas"))


def crowded(deck, players: int = 1):
    """A finished game whose first player typed long answers to every round, was given a boost every
    round and is one card away from every combination."""
    names = ["Bĳna Ĳsbrand"] + [f"Speler {i}" for i in range(2, players + 1)]
    state = play_game(deck, names, ["social", "personal", "balanced", "random", "social", "personal"][:players],
                      seed=8, rounds=6)
    summary = summarize(deck, state)
    prompts = [c.id for c in deck.cards_of("prompt")]
    long_answer = ("Ik merk dat ik energie krijg van werken met mensen, maar ook dat ik rust nodig heb. " * 30)
    player = dataclasses.replace(
        summary.players[0],
        answers=tuple({"round": r, "prompt": prompts[r % len(prompts)], "text": long_answer} for r in range(1, 7)),
        boosts=tuple({"round": r, "giver": None, "kind": "advice", "card": summary.players[0].mix[0][0] + "#1",
                      "out": None, "accepted": r % 2 == 0} for r in range(1, 7)),
        near_combos=tuple((c.id, c.needs[0]) for c in deck.combos),
    )
    return dataclasses.replace(summary, players=(player, *summary.players[1:]))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_crowded_solo_handout_is_two_pages(class_deck, lang):
    pages = pages_of(build_pdf(class_deck, crowded(class_deck), lang))
    assert len(pages) == 2
    assert "Bĳna Ĳsbrand" in pages[0]
    assert "energie krijg" in pages[1], "the answers are shortened, not left out"


def test_in_a_crowded_table_handout_each_player_has_two_pages(class_deck):
    pages = pages_of(build_pdf(class_deck, crowded(class_deck, players=3), "nl"))
    assert len(pages) == 3 * 2 + 1


def test_a_handout_with_room_to_spare_keeps_everything(class_deck):
    state = play_game(class_deck, ["Sam"], ["balanced"], seed=2, rounds=3)
    summary = summarize(class_deck, state)
    pages = pages_of(build_pdf(class_deck, summary, "nl"))
    assert len(pages) == 2
    from game.export.prompts import reflection_prompts

    for card in reflection_prompts(class_deck, summary.players[0]):
        assert card.title.get("nl") in pages[1].replace("\n", " ")
