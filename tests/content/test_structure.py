"""Keys, types and ranges: every problem points at the offending key or value and says what is expected."""

import pytest

from game.content import check_deck


def test_an_unknown_key_names_the_nearest_known_key(make_deck, variant, the):
    deck = make_deck(variant("    hours: 32\n", "    hour: 32\n"))
    p = the(deck.errors(), key="hour")
    assert p.file == deck.file()
    assert (p.line, p.column) == (deck.line("hour: 32"), 5)
    assert p.section == "card verpleegkundige"
    assert p.message.startswith("unknown key 'hour'; did you mean 'hours'?")
    assert not any("required key 'hours'" in q.message for q in deck.errors()), "the typo is reported once"


def test_an_unknown_key_without_a_near_match_lists_the_known_keys(make_deck, variant, the):
    deck = make_deck(variant("hand_size: 3\n", "hand_size: 3\nzzz: 1\n"))
    p = the(deck.errors(), key="zzz")
    assert p.section == "deck" and p.line == deck.line("zzz: 1")
    assert "unknown key 'zzz'; expected one of:" in p.message and "hand_size" in p.message


def test_a_key_of_another_card_type_says_which_cards_it_belongs_on(make_deck, variant, the):
    deck = make_deck(variant("{id: crisis, type: event,", "{id: crisis, type: event, hours: 3,"))
    p = the(deck.errors(), section="card crisis", key="hours")
    assert "belongs on role and task cards" in p.message


def test_a_missing_required_key_is_reported_at_its_card(make_deck, variant, the):
    deck = make_deck(variant("{id: leraar, type: role, title: {nl: Leraar, en: Teacher}, hours: 24, ",
                             "{id: leraar, type: role, title: {nl: Leraar, en: Teacher}, "))
    p = the(deck.errors(), section="card leraar")
    assert p.line == deck.line("id: leraar") and "required key 'hours' is missing" in p.message


def test_an_unknown_card_type_offers_the_nearest_type(make_deck, variant, the):
    deck = make_deck(variant("{id: leraar, type: role,", "{id: leraar, type: rol,"))
    p = the(deck.errors(), section="card leraar", key="type")
    assert p.column == deck.column("rol,") and "did you mean 'role'?" in p.message


def test_all_problems_are_reported_in_one_run(make_deck, variant):
    deck = make_deck(variant("hours: 32", "hours: 99", "hand_size: 3", "hand_size: 12",
                             "competence: netwerken", "competence: netwerk"))
    keys = {p.key for p in deck.errors()}
    assert {"hours", "hand_size", "competence"} <= keys


@pytest.mark.parametrize(
    "old, new, section, key, expected",
    [
        ("hours: 32", "hours: 61", "card verpleegkundige", "hours", "61 is out of range; expected a whole number from 1 to 60"),
        ("hours: 32", "hours: 0", "card verpleegkundige", "hours", "from 1 to 60"),
        ("personal: {plezier: 1, groei: 2}", "personal: {plezier: 4, groei: 2}", "card verpleegkundige", "personal.plezier", "from -3 to 3"),
        ("social: {zorg: 3}", "social: {zorg: -1}", "card verpleegkundige", "social.zorg", "from 0 to 3"),
        ("need: 4}", "need: 6}", "dimensions.social", "zorg.need", "from 1 to 5"),
        ("copies: 2", "copies: 5", "card mantelzorger", "copies", "from 1 to 4"),
        ("hand_size: 3", "hand_size: 9", "deck", "hand_size", "from 3 to 8"),
        ("hand_size: 3", "hand_size: 3\nhours_per_week: 7", "deck", "hours_per_week", "from 8 to 80"),
        ("hand_size: 3", "hand_size: 3\nmarket_size: 9", "deck", "market_size", "from 0 to 8"),
        ("hand_size: 3", "hand_size: 3\nactions_per_turn: 4", "deck", "actions_per_turn", "from 1 to 3"),
        ("    - {id: rust, name: {nl: Rust, en: Rest}}\n", "", "dimensions.personal", "", "has 2 personal dimensions; expected 3 to 8"),
        ("      - {label: {nl: Nee, en: \"No\"}, effects: [{hours: 2}]}\n", "", "card extra-dienst", "options", "has 1 options; expected 2 to 3"),
        ("title: {nl: Verpleegkundige, en: Nurse}", "title: {nl: Verpleegkundige, en: " + "N" * 61 + "}", "card verpleegkundige", "title", "the 'en' text has 61 characters; a title holds at most 60"),
        ("text: {nl: Minder tijd.,", "text: {nl: " + "x" * 401 + ",", "card crisis", "text", "a text holds at most 400"),
    ],
)
def test_numbers_counts_and_text_lengths_stay_in_range(make_deck, variant, the, old, new, section, key, expected):
    deck = make_deck(variant(old, new))
    p = the(deck.errors(), section=section, key=key)
    assert expected in p.message and p.file == deck.file()
    if new:
        assert p.line == deck.line(new.splitlines()[-1])


def test_a_range_error_points_at_the_value_not_the_card(make_deck, variant, the):
    deck = make_deck(variant("copies: 2", "copies: 5"))
    p = the(deck.errors(), key="copies")
    assert (p.line, p.column) == (deck.line("copies: 5"), deck.column("5, personal"))


def test_ids_use_only_lowercase_letters_digits_and_dashes(make_deck, variant, the):
    deck = make_deck(variant("{id: leraar,", "{id: Leraar Basis,"))
    p = the(deck.errors(), key="id", section="card Leraar Basis")
    assert "is not a valid id" in p.message and "'leraar-basis'" in p.message


def test_format_is_required(make_deck, variant, the):
    deck = make_deck(variant("format: 1\n", ""))
    assert "required key 'format' is missing" in the(deck.errors(), section="deck").message


def test_a_higher_format_says_the_deck_is_made_for_a_newer_game(make_deck, variant, the):
    deck = make_deck(variant("format: 1\n", "format: 2\nsomething_new: true\n"))
    p = the(deck.errors(), key="format")
    assert p.line == 1 and "made for a newer version of the game" in p.message
    assert len(deck.errors()) == 1


@pytest.mark.parametrize("card", ["crisis", "extra-dienst", "p-reflectie"])
def test_events_dilemmas_and_prompts_need_a_text(make_deck, variant, the, card):
    texts = {
        "crisis": "text: {nl: Minder tijd., en: Less time.}, ",
        "extra-dienst": '    text: {nl: "Help je mee?", en: "Do you help?"}\n',
        "p-reflectie": 'text: {nl: "Wat gaf je energie?", en: "What gave you energy?"}, ',
    }
    deck = make_deck(variant(texts[card], ""))
    assert "required key 'text' is missing" in the(deck.errors(), section=f"card {card}").message


def test_a_prompt_competence_is_one_of_the_four(make_deck, variant, the):
    deck = make_deck(variant("competence: netwerken", "competence: netwerk"))
    p = the(deck.errors(), section="card p-netwerken", key="competence")
    assert "expected one of reflectie, exploratie, sturing, netwerken; did you mean 'netwerken'?" in p.message


def test_a_prompt_phase_is_reflect_discuss_or_end(make_deck, variant, the):
    deck = make_deck(variant("phase: end", "phase: eind"))
    assert "expected one of reflect, discuss, end" in the(deck.errors(), key="phase").message


@pytest.mark.parametrize(
    "effect, expected",
    [
        ("{need: {zorg: +1}, hours: 2}", "exactly one of need, hours, offer or add; this one has need and hours"),
        ("{who: all}", "this one has none of them"),
        ("{need: {zorg: +1}, who: all}", "'who' belongs only with an 'hours' effect"),
    ],
)
def test_each_effect_has_exactly_one_kind_and_who_only_with_hours(make_deck, variant, the, effect, expected):
    deck = make_deck(variant("effects: [{need: {zorg: +1}}]", f"effects: [{effect}]"))
    p = the(deck.errors(), section="card vergrijzing", key="effects[0]")
    assert expected in p.message


def test_who_is_all_current_or_random(make_deck, variant, the):
    deck = make_deck(variant("who: current", "who: iedereen"))
    assert "expected one of all, current, random" in the(deck.errors(), key="effects[0].who").message


def test_problems_deep_in_a_dilemma_name_the_full_key(make_deck, variant, the):
    deck = make_deck(variant("effects: [{hours: 2}]", "effects: [{hours: 2.5}]"))
    p = the(deck.errors(), section="card extra-dienst", key="options[1].effects[0].hours")
    assert "expected a whole number, got 2.5" in p.message


def test_languages_are_required(make_deck, variant, the):
    deck = make_deck(variant("languages: [nl, en]\n", ""))
    assert "required key 'languages' is missing" in the(deck.errors(), section="deck").message


def test_a_text_missing_a_language_is_an_error(make_deck, variant, the):
    deck = make_deck(variant("title: {nl: Leraar, en: Teacher}", "title: {nl: Leraar}"))
    p = the(deck.errors(), section="card leraar", key="title")
    assert "has no 'en' text" in p.message and p.column == deck.column("{nl: Leraar}")


def test_a_plain_string_text_in_a_two_language_deck_is_an_error(make_deck, variant, the):
    deck = make_deck(variant("title: {nl: Leraar, en: Teacher}", "title: Leraar"))
    assert "is a plain text, but this deck has languages nl, en" in the(deck.errors(), key="title").message


def test_an_included_file_holds_only_cards_and_combos(make_deck, variant, the):
    deck = make_deck(variant("hand_size: 3\n", "hand_size: 3\ninclude: [extra.yaml]\n"),
                     {"extra.yaml": "cards: []\nhand_size: 4\n"})
    p = the(deck.errors(), key="hand_size", file=deck.file("extra.yaml"))
    assert p.line == 2 and "holds only 'cards:' and/or 'combos:'" in p.message


def test_deck_yaml_must_be_a_mapping(make_deck, the):
    deck = make_deck("- just\n- a list\n")
    assert "expected a mapping of keys" in the(deck.errors()).message


def test_an_empty_value_says_it_has_no_value(make_deck, variant, the):
    deck = make_deck(variant("tags: [zorg]\n", "tags:\n"))
    assert "has no value; expected a list" in the(deck.errors(), key="tags").message


def test_check_deck_on_a_path_that_is_not_a_folder_gives_one_error(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    for path in (tmp_path / "file.txt", tmp_path / "missing"):
        problems = check_deck(path)
        assert len(problems) == 1 and problems[0].is_error
        assert "expected a deck folder" in problems[0].message


def test_check_deck_on_a_folder_without_deck_yaml_gives_one_error(tmp_path):
    problems = check_deck(tmp_path)
    assert len(problems) == 1 and problems[0].file.endswith("deck.yaml")
    assert "is missing" in problems[0].message
