"""A deck must be playable; some things load but look wrong and get a warning."""

from game.content import load_deck


def test_a_deck_needs_twice_hand_size_role_and_task_cards_counting_copies(make_deck, variant, the):
    deck = make_deck(variant("hand_size: 3", "hand_size: 4"))
    p = the(deck.errors(), section="deck", key="cards")
    assert p.line == deck.line("cards:") and "6 role and task cards (counting copies); with hand_size 4 it needs at least 8" in p.message


def test_a_deck_needs_at_least_six_events(make_deck, variant, the):
    deck = make_deck(variant("{id: rustig, type: event,", "{id: rustig, type: dilemma, options: [], "))
    assert "5 event cards; it needs at least 6" in the(deck.errors(), key="cards").message


def test_a_deck_needs_a_prompt_for_every_competence(make_deck, variant, the):
    deck = make_deck(variant("competence: sturing", "competence: netwerken"))
    assert "no prompt card for sturing" in the(deck.errors(), key="cards").message


def test_a_card_title_too_long_for_a_card_face_is_a_warning(make_deck, variant, the):
    title = "Een heel lange titel die niet op de kaart past"
    deck = make_deck(variant("title: {nl: Leraar, en: Teacher}", f"title: {{nl: {title}, en: Teacher}}"))
    p = the(deck.warnings(), section="card leraar", key="title")
    assert p.severity == "warning" and f"the 'nl' title has {len(title)} characters; more than 40" in p.message
    assert load_deck(deck.path).card("leraar").title.get("nl") == title


def test_a_card_text_too_long_for_a_card_face_is_a_warning(make_deck, variant, the):
    deck = make_deck(variant("text: {nl: Minder tijd.,", "text: {nl: " + "lang " * 40 + ","))
    assert "more than 180 does not fit on a card face" in the(deck.warnings(), section="card crisis").message


def test_a_role_without_any_value_is_a_warning(make_deck, variant, the):
    deck = make_deck(variant("personal: {plezier: 2}, social: {natuur: 2}", "personal: {plezier: 0}"))
    p = the(deck.warnings(), section="card boswachter")
    assert (p.file, p.line) == (deck.file(), deck.line("{id: boswachter"))
    assert "has no personal or social value" in p.message


def test_a_combo_needing_one_copy_twice_can_never_be_met(make_deck, variant, the):
    deck = make_deck(variant('needs: [verpleegkundige, "tag:zorg"]', "needs: [verpleegkundige, verpleegkundige]"))
    p = the(deck.warnings(), section="combo zorgduo", key="needs")
    assert (p.line, p.column) == (deck.line("needs: [verpleegkundige, verpleegkundige]"), 12)
    assert "can never be met" in p.message and "more distinct cards" in p.message


def test_a_combo_needing_an_event_can_never_be_met(make_deck, variant, the):
    deck = make_deck(variant('needs: [verpleegkundige, "tag:zorg"]', "needs: [verpleegkundige, crisis]"))
    assert "'crisis' is a event card, and only role and task cards join a mix" in the(deck.warnings()).message


def test_a_combo_needing_more_hours_than_a_week_can_hold_can_never_be_met(make_deck, variant, the):
    deck = make_deck(variant('needs: [verpleegkundige, "tag:zorg"]', "needs: [verpleegkundige, leraar]"))
    p = the(deck.warnings(), section="combo zorgduo")
    assert "at least 56 hours" in p.message and "(44 hours)" in p.message


def test_warnings_do_not_stop_a_deck_from_loading(make_deck, variant):
    deck = make_deck(variant('needs: [verpleegkundige, "tag:zorg"]', "needs: [verpleegkundige, leraar]"))
    assert load_deck(deck.path).combos[0].needs == ("verpleegkundige", "leraar")
