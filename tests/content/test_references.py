"""Every reference resolves: dimension ids, card ids, tags; ids are unique across files."""

import pytest

INCLUDE = ("hand_size: 3\n", "hand_size: 3\ninclude: [more.yaml]\n")


@pytest.mark.parametrize(
    "old, new, section, key, at",
    [
        ("personal: {plezier: 1, groei: 2}", "personal: {plezer: 1, groei: 2}", "card verpleegkundige", "personal.plezer", "plezer"),
        ("social: {zorg: 3}", "social: {zorgg: 3}", "card verpleegkundige", "social.zorgg", "zorgg"),
        ("effects: [{need: {zorg: +1}}]", "effects: [{need: {zorgg: +1}}]", "card vergrijzing", "effects[0].need.zorgg", "zorgg"),
        ("personal: {groei: 1}, social: {zorg: 1}}}]", "personal: {groeien: 1}, social: {zorg: 1}}}]", "card subsidie", "effects[0].offer.personal.groeien", "groeien"),
        ("bonus: {personal: {groei: 1}, social: {zorg: 2}}", "bonus: {personal: {groei: 1}, social: {zorgg: 2}}", "combo zorgduo", "bonus.social.zorgg", "zorgg"),
    ],
)
def test_dimension_ids_resolve_and_the_nearest_is_offered(make_deck, variant, the, old, new, section, key, at):
    deck = make_deck(variant(old, new))
    p = the(deck.errors(), section=section, key=key)
    assert (p.line, p.column) == (deck.line(new), deck.column(f"{at}:"))
    assert f"'{at}'; did you mean" in p.message


def test_balance_dimension_is_a_personal_dimension(make_deck, variant, the):
    deck = make_deck(variant("balance_dimension: rust", "balance_dimension: zorg"))
    p = the(deck.errors(), key="balance_dimension")
    assert p.line == deck.line("balance_dimension") and "unknown personal dimension 'zorg'" in p.message


def test_an_add_effect_names_an_existing_card(make_deck, variant, the):
    deck = make_deck(variant("effects: [{add: mentor}]", "effects: [{add: mentr}]"))
    p = the(deck.errors(), section="card extra-dienst", key="options[0].effects[0].add")
    assert "unknown card id 'mentr'; did you mean 'mentor'?" in p.message


def test_an_add_effect_names_a_role_or_task_card(make_deck, variant, the):
    deck = make_deck(variant("effects: [{add: mentor}]", "effects: [{add: crisis}]"))
    assert "'crisis' is a event card; 'add' takes a role or task card" in the(deck.errors(), key="options[0].effects[0].add").message


def test_a_combo_need_names_an_existing_card(make_deck, variant, the):
    deck = make_deck(variant('needs: [verpleegkundige, "tag:zorg"]', 'needs: [verpleegkundig, "tag:zorg"]'))
    p = the(deck.errors(), section="combo zorgduo", key="needs[0]")
    assert p.column == deck.column("verpleegkundig,") and "did you mean 'verpleegkundige'?" in p.message


@pytest.mark.parametrize(
    "old, new, section, key",
    [
        ('"tag:zorg"]', '"tag:zorgen"]', "combo zorgduo", "needs[1]"),
        ("requires: [zorg]", "requires: [zorgen]", "card mentor", "requires[0]"),
        ("offer: {tag: zorg,", "offer: {tag: zorgen,", "card subsidie", "effects[0].offer.tag"),
    ],
)
def test_tags_that_are_referred_to_are_used_by_at_least_one_card(make_deck, variant, the, old, new, section, key):
    deck = make_deck(variant(old, new))
    assert "no card has the tag 'zorgen'; did you mean 'zorg'?" in the(deck.errors(), section=section, key=key).message


def test_card_ids_are_unique_also_across_included_files(make_deck, variant, the):
    more = "cards:\n  - {id: leraar, type: role, title: {nl: L, en: L}, hours: 2, personal: {rust: 1}}\n"
    deck = make_deck(variant(*INCLUDE), {"more.yaml": more})
    p = the(deck.errors(), file=deck.file("more.yaml"), key="id")
    assert (p.line, p.column) == (2, 10)
    assert f"the card id 'leraar' is used twice (first at deck.yaml:{deck.line('id: leraar')})" in p.message


def test_combo_ids_are_unique(make_deck, variant, the):
    more = "combos:\n  - {id: zorgduo, title: {nl: Z, en: Z}, needs: [leraar]}\n"
    deck = make_deck(variant(*INCLUDE), {"more.yaml": more})
    assert "the combo id 'zorgduo' is used twice" in the(deck.errors(), key="id").message


def test_dimension_ids_are_unique(make_deck, variant, the):
    deck = make_deck(variant("{id: rust, name: {nl: Rust, en: Rest}}", "{id: groei, name: {nl: Rust, en: Rest}}"))
    assert "personal dimension id 'groei' is used twice" in the(deck.errors(), section="dimensions.personal").message


def test_an_event_cannot_add_a_card(make_deck, variant, the):
    deck = make_deck(variant("effects: [{need: {zorg: +1}}]", "effects: [{add: mentor}]"))
    assert "belongs in a dilemma option" in the(deck.errors(), section="card vergrijzing").message
