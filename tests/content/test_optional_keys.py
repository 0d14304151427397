"""Optional keys a deck may add to format 1: icons, display names of tags, and cards that change
society when played (`on_play`). Decks without them stay valid."""

from game.content import load_deck

NURSE = "    tags: [zorg]\n    image: nurse.png\n"


def test_a_deck_without_the_optional_keys_loads_as_before(make_deck):
    deck = load_deck(make_deck().path)
    assert deck.tag_names == {} and deck.card("verpleegkundige").icon is None
    assert deck.card("verpleegkundige").on_play == ()


def test_a_card_names_an_icon_of_the_bundled_set(make_deck, variant):
    deck = load_deck(make_deck(variant(NURSE, NURSE + "    icon: stethoscope\n")).path)
    assert deck.card("verpleegkundige").icon == "stethoscope"


def test_an_unknown_icon_is_an_error_that_offers_the_nearest_name(make_deck, variant, the):
    deck = make_deck(variant(NURSE, NURSE + "    icon: stethoscoop\n"))
    p = the(deck.errors(), section="card verpleegkundige", key="icon")
    assert "'stethoscoop' is not an icon" in p.message and "did you mean 'stethoscope'?" in p.message
    assert p.line == deck.line("icon: stethoscoop")


def test_dimensions_and_combos_may_name_icons_too(make_deck, variant, the):
    deck = make_deck(variant("{id: zorg, name: {nl: Zorg, en: Care}, need: 4}",
                             "{id: zorg, name: {nl: Zorg, en: Care}, need: 4, icon: heart-handshake}",
                             "    title: {nl: Zorgduo, en: Care pair}\n",
                             "    title: {nl: Zorgduo, en: Care pair}\n    icon: no-such-icon-name\n"))
    p = the(deck.errors(), section="combo zorgduo", key="icon")
    assert "'no-such-icon-name' is not an icon" in p.message
    fixed = make_deck(deck.text().replace("no-such-icon-name", "users"))
    loaded = load_deck(fixed.path)
    assert loaded.social_dimension("zorg").icon == "heart-handshake" and loaded.combos[0].icon == "users"


TAGS = "tags:\n  zorg: {nl: Zorg, en: Care}\n"


def test_tags_get_display_names_per_language(make_deck, variant):
    deck = make_deck(variant("cards:\n", TAGS + "cards:\n"))
    assert deck.warnings() == []
    assert load_deck(deck.path).tag_names["zorg"].get("en") == "Care"


def test_a_tag_name_needs_every_language_of_the_deck(make_deck, variant, the):
    deck = make_deck(variant("cards:\n", "tags:\n  zorg: {nl: Zorg}\n" + "cards:\n"))
    assert "has no 'en' text" in the(deck.errors(), key="tags.zorg").message


def test_a_named_tag_that_no_card_uses_and_a_used_tag_without_a_name_are_warnings(make_deck, variant, the):
    deck = make_deck(variant("cards:\n", "tags:\n  zorgg: {nl: Zorg, en: Care}\n" + "cards:\n"))
    assert "no card has the tag 'zorgg'" in the(deck.warnings(), key="tags.zorgg").message
    assert "this tag has no display name: zorg" in the(deck.warnings(), key="tags").message
    assert deck.errors() == []


ON_PLAY = ("  - {id: mentor, type: task, title: {nl: Mentor, en: Mentor}, hours: 4, requires: [zorg], "
           "social: {onderwijs: 1}}\n")


def on_play(effects: str) -> str:
    return ON_PLAY.replace("social: {onderwijs: 1}}", f"social: {{onderwijs: 1}}, on_play: {effects}}}")


def test_a_role_or_task_may_change_society_when_it_is_played(make_deck, variant):
    deck = load_deck(make_deck(variant(ON_PLAY, on_play("[{need: {onderwijs: -1}}, "
                                                        "{offer: {tag: zorg, personal: {groei: 1}}}]"))).path)
    kinds = [type(e).__name__ for e in deck.card("mentor").on_play]
    assert kinds == ["NeedEffect", "OfferEffect"]


def test_on_play_effects_are_checked_like_every_effect(make_deck, variant, the):
    deck = make_deck(variant(ON_PLAY, on_play("[{need: {onderwis: -1}}]")))
    assert "did you mean 'onderwijs'?" in the(deck.errors(), key="on_play[0].need.onderwis").message


def test_a_card_that_joins_a_week_cannot_add_another_card(make_deck, variant, the):
    deck = make_deck(variant(ON_PLAY, on_play("[{add: leraar}]")))
    p = the(deck.errors(), key="on_play[0].add")
    assert "'add' belongs in a dilemma option" in p.message and "no second card" in p.message
