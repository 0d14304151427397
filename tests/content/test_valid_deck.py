"""A small valid deck loads into the core Deck with everything in place."""

from game.content import check_deck, load_deck
from game.core.deck import AddEffect, HoursEffect, NeedEffect, OfferEffect, Text


def test_a_valid_deck_has_no_problems(make_deck):
    assert check_deck(make_deck().path) == []


def test_a_valid_deck_loads_to_a_correct_deck_object(make_deck):
    folder = make_deck().path
    deck = load_deck(folder)
    assert deck.id == "test-deck"
    assert deck.version == "0.1"
    assert deck.source == str(folder)
    assert deck.languages == ("nl", "en")
    assert deck.title == Text({"nl": "Testspel", "en": "Test game"})
    assert deck.hand_size == 3 and deck.hours_per_week == 40 and deck.market_size == 4
    assert deck.balance_dimension == "rust"
    assert deck.personal_ids == ("plezier", "groei", "rust")
    assert deck.social_dimension("zorg").need == 4
    assert deck.personal_dimension("groei").question.get("en") == "Do you want to learn?"
    assert [c.id for c in deck.cards][:3] == ["verpleegkundige", "mantelzorger", "leraar"]
    nurse = deck.card("verpleegkundige")
    assert nurse.hours == 32 and dict(nurse.personal) == {"plezier": 1, "groei": 2}
    assert nurse.image == "nurse.png"
    assert deck.card("mantelzorger").copies == 2
    assert deck.card("mentor").requires == ("zorg",)
    assert deck.card("vergrijzing").effects == (NeedEffect({"zorg": 1}),)
    assert deck.card("crisis").effects == (HoursEffect(-4, "current"),)
    assert deck.card("droogte").effects[1] == HoursEffect(2, "all")
    offer = deck.card("subsidie").effects[0]
    assert isinstance(offer, OfferEffect) and offer.tag == "zorg" and dict(offer.social) == {"zorg": 1}
    dilemma = deck.card("extra-dienst")
    assert dilemma.options[0].effects == (AddEffect("mentor"),)
    assert [o.label.get("en") for o in dilemma.options] == ["Yes", "No"]
    assert deck.card("p-sturing").phase == "end" and deck.card("p-reflectie").phase == "reflect"
    combo = deck.combos[0]
    assert combo.needs == ("verpleegkundige", "tag:zorg") and dict(combo.bonus_social) == {"zorg": 2}
    assert deck.quadrants["high_high"].get("nl") == "Responsieve loopbaan"


def test_the_fingerprint_is_16_hex_characters_and_changes_with_the_files(make_deck, variant):
    first = load_deck(make_deck().path).fingerprint
    again = load_deck(make_deck().path).fingerprint
    changed = load_deck(make_deck(variant("hours: 32", "hours: 31")).path).fingerprint
    assert len(first) == 16 and int(first, 16) >= 0
    assert first == again != changed


def test_a_one_language_deck_may_use_plain_strings(make_deck):
    deck_yaml = """\
format: 1
id: een-taal
title: Eén taal
languages: [nl]
hand_size: 3
dimensions:
  personal: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]
  social: [{id: x, name: X, need: 1}, {id: y, name: Y, need: 2}, {id: z, name: Z, need: 5}]
cards:
""" + "".join(
        f"  - {{id: r{i}, type: role, title: Rol {i}, hours: 8, personal: {{a: 1}}}}\n" for i in range(6)
    ) + "".join(
        f"  - {{id: e{i}, type: event, title: Gebeurtenis {i}, text: Iets gebeurt., effects: [{{need: {{x: 1}}}}]}}\n"
        for i in range(6)
    ) + "".join(
        f"  - {{id: p-{c}, type: prompt, title: Vraag, text: Wat denk je, competence: {c}}}\n"
        for c in ("reflectie", "exploratie", "sturing", "netwerken")
    )
    deck = load_deck(make_deck(deck_yaml).path)
    assert deck.title == Text({"nl": "Eén taal"})
    assert deck.card("r0").title.get("nl") == "Rol 0"


def test_included_files_are_read_in_listed_order_after_deck_yaml_cards(make_deck, variant):
    deck_yaml = variant("balance_dimension: rust\n", "balance_dimension: rust\ninclude: [b.yaml, a.yaml]\n")
    files = {
        "a.yaml": "cards:\n  - {id: uit-a, type: role, title: {nl: A, en: A}, hours: 2, personal: {rust: 1}}\n",
        "b.yaml": "cards:\n  - {id: uit-b, type: role, title: {nl: B, en: B}, hours: 2, personal: {rust: 1}}\n"
                  "combos:\n  - {id: ab, title: {nl: AB, en: AB}, needs: [uit-a, uit-b]}\n",
    }
    deck = load_deck(make_deck(deck_yaml, files).path)
    assert [c.id for c in deck.cards][-2:] == ["uit-b", "uit-a"]
    assert [c.id for c in deck.combos] == ["zorgduo", "ab"]


def test_the_game_may_add_an_optional_version_key(make_deck, variant):
    deck = load_deck(make_deck(variant('version: "0.1"\n', "")).path)
    assert deck.version == ""
