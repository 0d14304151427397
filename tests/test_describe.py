"""What the screen says an effect did reads right for who it hit: 'jij' in a solo game, a name at a table."""

from dataclasses import replace

from game.core.deck import Text, frozen_map
from game.i18n.describe import describe_effect

from tests.core.decks import make_deck

DECK = replace(make_deck(), tag_names=frozen_map({"filler": Text.of({"nl": "Bijbaantjes", "en": "Side jobs"})}))


def says(entry, names, lang="nl"):
    return describe_effect(DECK, entry, lang, names)


def test_an_event_that_hits_the_one_player_of_a_solo_game_speaks_to_them():
    entry = {"kind": "hours", "delta": -8, "who": "current", "players": [0]}
    assert says(entry, ["Sam"]) == "Jij: 8 uur minder per week."
    assert says(entry, ["Sam"], "en") == "You: 8 hours less per week."
    assert says(entry, ["Sam", "Noor"]) == "Sam: 8 uur minder per week."


def test_an_event_for_everyone_names_everyone_at_a_table_and_the_player_solo():
    entry = {"kind": "hours", "delta": 4, "who": "all", "players": [0, 1]}
    assert says(entry, ["Sam", "Noor"]) == "Iedereen: 4 uur meer per week."
    assert says({**entry, "players": [0]}, ["Sam"]) == "Jij: 4 uur meer per week."


def test_a_card_that_must_make_room_says_whose_week_and_how_many_hours():
    entry = {"kind": "add", "card": "filler-1", "player": 1, "added": False, "reason": "make_room", "over": 6}
    assert says(entry, ["Sam", "Noor"]).startswith("filler-1 past niet in de week van Noor: 6 uur te veel.")
    assert says({**entry, "player": 0}, ["Sam"]).startswith("filler-1 past niet in je week: 6 uur te veel.")


def test_cards_with_a_tag_are_named_by_the_tags_display_name():
    entry = {"kind": "offer", "tag": "filler", "personal": {"plezier": -1}, "social": {}}
    assert says(entry, ["Sam"], "en") == "Cards with ‘Side jobs’ change: plezier \u22121."


def test_a_card_that_changes_society_says_who_played_it():
    entry = {"kind": "on_play", "card": "filler-2", "player": 0}
    assert says(entry, ["Sam", "Noor"]) == "Sam speelt filler-2: dat verandert iets voor iedereen."
    assert says(entry, ["Sam"]) == "Je speelt filler-2: dat verandert iets voor iedereen."
