"""The card face: what every card shows, on screen and on paper — every effect in words, values as
icon pips with numbers, tags by their display names, proper hyphenation, sensible fallbacks."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content import builtin_deck_paths, load_deck
from game.core.deck import Card, Combo, DilemmaOption, PersonalDimension, SocialDimension, frozen_map
from game.core.effects import AddEffect, HoursEffect, NeedEffect, OfferEffect
from game.export.card_face import (KIND_ICONS, PERSONAL_ICONS, SHAPE_ICONS, SOCIAL_ICONS, card_face, combo_face,
                                   deck_faces, face_colours_data, legend, tag_name)
from game.export.card_layout import FaceStyle, layout_face
from game.export.hyphenate import bad_breaks, break_points, hyphen_breaks, wrap
from game.i18n import t
from game.icons import has_icon
from tests.core.decks import make_deck, role, task
from tests.core.decks import t as text

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


@pytest.fixture(scope="module")
def builtin_decks():
    return [load_deck(p) for p in builtin_deck_paths()]


def effects_deck(**extra):
    """A deck with every kind of effect: on an event, in a dilemma's options and when a card is played."""
    campaign = replace(task("actiecomite", 3, {"groei": 1}, {"zorg": 1}, tags=("zorg",)),
                       on_play=(OfferEffect("zorg", frozen_map({"plezier": 1}), frozen_map()),
                                NeedEffect(frozen_map({"zorg": -1}))))
    storm = Card("storm", "event", text("Storm"), text("Het stormt."), tags=("weer",),
                 effects=(NeedEffect(frozen_map({"zorg": 1, "onderwijs": -1})), HoursEffect(-4, "current"),
                          OfferEffect("zorg", frozen_map({"groei": -1}), frozen_map({"zorg": 1}))))
    choice = Card("keuze", "dilemma", text("Keuze"), text("Wat doe je?"),
                  options=(DilemmaOption(text("Meedoen"), (AddEffect("actiecomite"),)),
                           DilemmaOption(text("Rust"), (HoursEffect(2, "current"),)),
                           DilemmaOption(text("Loting"), (HoursEffect(-3, "random"),))))
    nurse = replace(role("verpleegkundige", 28, {"plezier": 1, "groei": 2, "balans": -2},
                         {"zorg": 3, "onderwijs": 1}, tags=("zorg", "baan")),
                    text=text("Je zorgt voor patiënten in wisselende diensten."))
    cards = [nurse, campaign, storm, choice, *extra.pop("cards", ())]
    return make_deck(cards, **extra)


# ------------------------------------------------------------------------------------- effects
def test_every_effect_of_an_event_is_on_its_face_in_words():
    deck = effects_deck()
    face = card_face(deck, "storm", "nl")
    assert len(face.effects) == 3
    need, hours, offer = (line.text for line in face.effects)
    assert t("nl", "face.effect.need_up", theme="zorg", delta="+1") in need
    assert t("nl", "face.effect.need_down", theme="onderwijs", delta="−1") in need
    assert hours == t("nl", "face.effect.hours_less", who=t("nl", "face.who.current_event"), hours=4)
    assert offer == t("nl", "face.effect.offer", tag="zorg", changes="groei −1, zorg +1")


def test_every_option_of_a_dilemma_shows_its_label_and_what_it_does():
    deck = effects_deck()
    face = card_face(deck, "keuze", "en")
    assert [o.letter for o in face.options] == ["A", "B", "C"]
    assert [o.label for o in face.options] == ["Meedoen", "Rust", "Loting"]
    assert face.options[0].effects[0].text == t("en", "face.effect.add", card="actiecomite")
    assert face.options[1].effects[0].text == t("en", "face.effect.hours_more", who=t("en", "face.who.current"),
                                                 hours=2)
    assert face.options[2].effects[0].text == t("en", "face.effect.hours_less", who=t("en", "face.who.random"),
                                                hours=3)


def test_a_card_that_changes_society_says_what_it_does_when_played():
    face = card_face(effects_deck(), "actiecomite", "nl")
    assert face.on_play_head == t("nl", "face.on_play")
    assert [line.text for line in face.on_play] == [
        t("nl", "face.effect.offer", tag="zorg", changes="plezier +1"),
        t("nl", "face.effect.need_down", theme="zorg", delta="−1")]


def test_every_effect_of_every_builtin_deck_has_words_and_an_icon(builtin_decks):
    for deck in builtin_decks:
        for lang in deck.languages:
            for card in deck.cards:
                face = card_face(deck, card, lang)
                lines = list(face.effects) + list(face.on_play) + [x for o in face.options for x in o.effects]
                expected = len(card.effects) + len(card.on_play) + sum(len(o.effects) for o in card.options)
                assert len(lines) == expected, card.id
                for line in lines:
                    assert line.text and "{" not in line.text and has_icon(line.icon), (card.id, line)


# ---------------------------------------------------------------------------------- pips and tags
def test_values_are_pips_with_the_dimension_icon_and_a_signed_number():
    deck = effects_deck()
    face = card_face(deck, "verpleegkundige", "nl")
    assert [(p.dim, p.text) for p in face.personal] == [("plezier", "+1"), ("groei", "+2"), ("balans", "−2")]
    assert [(p.dim, p.text) for p in face.social] == [("zorg", "3"), ("onderwijs", "1")]
    assert [p.icon for p in face.pips] == [PERSONAL_ICONS["plezier"], PERSONAL_ICONS["groei"],
                                           PERSONAL_ICONS["balans"], SOCIAL_ICONS["zorg"], SOCIAL_ICONS["onderwijs"]]
    assert all(p.band is not None for p in face.social), "a theme pip wears its theme's colour"


def test_a_pip_shows_what_a_card_is_worth_after_an_event_changed_its_offer():
    deck = effects_deck()
    offers = [{"tag": "zorg", "personal": {"groei": -1, "plezier": 2}, "social": {}}]
    face = card_face(deck, "verpleegkundige", "nl", offers)
    values = {p.dim: (p.value, p.base) for p in face.personal}
    assert values["groei"] == (1, 2) and values["plezier"] == (3, 1)


def test_tags_are_shown_by_their_display_names_and_else_by_their_id():
    deck = replace(effects_deck(), tag_names=frozen_map({"zorg": text("Zorgwerk")}))
    face = card_face(deck, "verpleegkundige", "nl")
    assert face.tags == ("Zorgwerk", "baan")
    storm = card_face(deck, "storm", "nl")
    assert "‘Zorgwerk’" in storm.effects[2].text, "an offer names the tag as players read it"
    assert tag_name(deck, "baan", "nl") == "baan"


def test_a_requirement_names_its_tags_by_display_name_joined_with_or():
    mentor = task("mentor", 2, {"groei": 1}, {}, requires=("zorg", "baan"))
    deck = replace(effects_deck(cards=[mentor]), tag_names=frozen_map({"zorg": text("Zorgwerk"),
                                                                       "baan": text("Een baan")}))
    face = card_face(deck, "mentor", "nl")
    assert face.requires.text == t("nl", "face.requires", tags=f"Zorgwerk {t('nl', 'face.or')} Een baan")


# ---------------------------------------------------------------------------------- bands and art
def test_a_card_wears_the_colour_of_the_theme_it_serves_most_and_its_icon():
    deck = effects_deck()
    face = card_face(deck, "verpleegkundige", "nl")
    assert face.band.key == "zorg" and face.art == SOCIAL_ICONS["zorg"]
    assert face.band.fill in OKABE_ITO, "society's themes use the colour-blind safe palette"


def test_a_tie_between_themes_goes_to_what_society_needs_most():
    deck = effects_deck(cards=[role("tweeslachtig", 8, {}, {"onderwijs": 2, "zorg": 2})])
    assert card_face(deck, "tweeslachtig", "nl").band.key == "zorg"  # need 4 beats 3


def test_a_card_without_a_theme_wears_its_type_colour_and_icon():
    deck = effects_deck(cards=[role("hobby", 4, {"plezier": 2}, {})])
    face = card_face(deck, "hobby", "nl")
    assert face.band.key == "role" and face.art == KIND_ICONS["role"]
    assert card_face(deck, "keuze", "nl").art == KIND_ICONS["dilemma"]


def test_a_cards_own_icon_wins_over_its_theme_and_an_unknown_one_falls_back():
    deck = effects_deck(cards=[replace(role("piloot", 30, {}, {"zorg": 1}), icon="plane"),
                               replace(role("vreemd", 30, {}, {"zorg": 1}), icon="no-such-icon-anywhere")])
    assert card_face(deck, "piloot", "nl").art == "plane"
    assert card_face(deck, "vreemd", "nl").art == SOCIAL_ICONS["zorg"]


def test_a_deck_of_its_own_gets_an_icon_and_a_distinct_colour_for_every_theme():
    deck = effects_deck()
    deck = replace(deck, personal=(PersonalDimension("avontuur", text("Avontuur")),
                                   PersonalDimension("geld", text("Geld"), icon="cash")),
                   social=(SocialDimension("natuur", text("Natuur"), 3), SocialDimension("kunst", text("Kunst"), 2),
                           SocialDimension("zorg", text("Zorg"), 4)),
                   cards=tuple(c for c in deck.cards if not c.playable) + (
                       role("a", 8, {"avontuur": 1}, {"natuur": 1}), role("b", 8, {"geld": 1}, {"kunst": 1})))
    entries = legend(deck, "nl")
    assert [e.icon for e in entries] == [SHAPE_ICONS[0], "cash", SHAPE_ICONS[0], SHAPE_ICONS[1], SOCIAL_ICONS["zorg"]]
    fills = [e.band.fill for e in entries if e.band]
    assert len(set(fills)) == 3 and set(fills) <= OKABE_ITO
    assert face_colours_data()["theme_bands"]["zorg"] in face_colours_data()["bands"]
    assert card_face(deck, "a", "nl").band.fill == entries[2].band.fill


def test_the_same_theme_has_the_same_colour_on_every_card_and_in_the_legend(builtin_decks):
    for deck in builtin_decks:
        colour = {e.dim: e.band.fill for e in legend(deck, "nl") if e.band}
        for face in deck_faces(deck, "nl"):
            for pip in face.social:
                assert pip.band.fill == colour[pip.dim]
            if face.band.key in colour:
                assert face.band.fill == colour[face.band.key]


def test_a_combination_shows_what_it_needs_and_its_bonus():
    deck = effects_deck(combos=[Combo("duo", text("Zorgduo"), text("Samen sterk."), ("verpleegkundige", "tag:zorg"),
                                      frozen_map({"groei": 1}), frozen_map({"zorg": 2}))])
    face = combo_face(deck, deck.combos[0], "nl")
    assert [x.text for x in face.needs] == ["verpleegkundige", t("nl", "face.needs_tag", tag="zorg")]
    assert [(p.dim, p.text) for p in face.pips] == [("groei", "+1"), ("zorg", "2")]


def test_the_words_of_a_face_name_every_value_in_full_for_the_voice():
    deck = effects_deck()
    words = card_face(deck, "verpleegkundige", "nl").words()
    assert "plezier +1" in words and "zorg 3" in words and t("nl", "face.voice.hours", hours=28) in words


# ------------------------------------------------------------------------------------ hyphenation
def chars(s: str) -> float:
    return float(len(s))


def test_dutch_words_break_at_syllables_the_dictionary_allows():
    assert wrap("Duurzaamheidsproject op je werk", 17, chars, "nl")[0] == "Duurzaamheids-"
    assert wrap("Verpleegkundige", 12, chars, "nl") == ["Verpleeg-", "kundige"]
    for width in range(7, 22):
        lines = wrap("Duurzaamheidsproject", width, chars, "nl")
        assert "Duurzaamheidsproj-" not in lines
        assert not bad_breaks(lines, "Duurzaamheidsproject", "nl"), (width, lines)


def test_the_bad_break_check_tells_a_wrong_break_from_a_right_one():
    assert bad_breaks(["Duurzaamheidsproj-", "ect"], "Duurzaamheidsproject", "nl")
    assert not bad_breaks(["Duurzaamheids-", "project"], "Duurzaamheidsproject", "nl")
    assert not bad_breaks(["ICT-", "beheerder"], "ICT-beheerder", "nl"), "a word's own hyphen is a good break"
    assert bad_breaks(["ICT-behe-", "erder"], "ICT-beheerder", "nl")
    assert bad_breaks(["Lid van de on-", "dernemingsraad"], "Lid van de ondernemingsraad", "nl") == []
    assert bad_breaks(["Lid van de onde-", "rnemingsraad"], "Lid van de ondernemingsraad", "nl") == [
        ("ondernemingsraad", 4)]


def test_a_word_with_its_own_hyphen_breaks_there_without_a_second_hyphen():
    assert ("ICT-", "beheerder") in break_points("ICT-beheerder", "nl")
    assert wrap("ICT-beheerder", 9, chars, "nl")[0] in ("ICT-", "ICT-be-")
    assert not any(h.endswith("--") for h, _ in break_points("ICT-beheerder", "nl"))


def test_english_text_uses_the_english_dictionary():
    assert wrap("Maternity", 7, chars, "en")[0] == "Mater-"


def every_title(decks) -> list[tuple[str, str]]:
    return sorted({(c.title.get(lang), lang) for d in decks for lang in d.languages for c in d.cards})


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_wrapped_titles_fit_lose_no_letter_and_break_only_where_allowed(data):
    decks = [load_deck(p) for p in builtin_deck_paths()]
    title, lang = data.draw(st.sampled_from(every_title(decks)))
    width = data.draw(st.integers(min_value=5, max_value=40))
    lines = wrap(title, width, chars, lang)
    assert re.sub(r"[\s-]", "", "".join(lines)) == re.sub(r"[\s-]", "", title)
    for line in lines:
        assert len(line) <= width or len(line.split()) == 1 and len(line) <= width + 1
    bad = bad_breaks(lines, title, lang)
    previous: dict[str, int] = {}
    for word, index in hyphen_breaks(lines, title):
        if (word, index) in bad:
            # only a piece of a word with no allowed break narrow enough may be cut by characters
            piece = word[previous.get(word, 0):]
            assert all(len(h) > width for h, _ in break_points(piece, lang)), (title, width, lines)
        previous[word] = index


# ------------------------------------------------------------------------------------- the layout
class CharMetrics:
    """Text as wide as its characters times 0.6 of the size: enough to test where things go."""

    def width(self, s: str, size: float, bold: bool = False) -> float:
        return len(s) * size * (0.62 if bold else 0.56)

    def line(self, size: float, bold: bool = False) -> float:
        return size * 1.17


STYLE = FaceStyle(title=14, body=11, small=10, pad=8, gap=6, radius=8, border=2)
COLOURS = {"face": "#FFFFFF", "face_text": "#000000", "face_muted": "#333333", "face_border": "#888888",
           "pip": "#EEEEEE", "pip_line": "#999999", "pip_text": "#000000", "pip_plus": "#006600",
           "pip_minus": "#990000", "pip_minus_bg": "#FFEEEE", "hours": "#222222", "hours_text": "#FFFFFF",
           "note": "#F5F5F5", "note_line": "#AAAAAA", "note_text": "#000000", "selected": "#0000FF",
           "focus": "#FF6600", "hover": "#000000", "fit_yes": "#006600", "fit_swap": "#885500", "fit_no": "#990000",
           "fit_ink": "#FFFFFF", "dim": "#FFFFFF60"}


def letters(s: str) -> str:
    return re.sub(r"[^0-9A-Za-zÀ-ÿ]", "", s)


def shown_text(layout) -> str:
    return letters("".join(layout.texts))


def test_a_face_that_fits_shows_every_text_of_the_card():
    deck = effects_deck()
    for face in deck_faces(deck, "nl"):
        layout = layout_face(face, 260, 2000, STYLE, CharMetrics(), COLOURS)
        assert not layout.overflow
        shown = shown_text(layout)
        for item in face.all_text():
            assert letters(item) in shown or letters(item.upper()) in shown, (face.id, item)


def test_a_small_face_drops_decoration_before_information():
    deck = effects_deck()
    face = card_face(deck, "verpleegkundige", "nl")
    roomy = layout_face(face, 260, 2000, STYLE, CharMetrics(), COLOURS)
    lean_height = layout_face(face, 260, 1, STYLE, CharMetrics(), COLOURS).needed
    lean = layout_face(face, 260, lean_height, STYLE, CharMetrics(), COLOURS)
    assert roomy.level == "art" and lean.level == "compact" and not lean.overflow
    assert letters(face.text) in shown_text(roomy) and letters(face.text) not in shown_text(lean)
    for pip in face.pips:  # every value stays as a pip with its number
        assert pip.icon in [op.icon for op in lean.ops if hasattr(op, "icon")]
    assert all(letters(x) in shown_text(lean) for x in face.tags + (face.title, face.hours_label))


def test_a_face_too_small_for_its_information_says_so_instead_of_hiding_it():
    face = card_face(effects_deck(), "storm", "nl")
    layout = layout_face(face, 260, 60, STYLE, CharMetrics(), COLOURS)
    assert layout.overflow and layout.needed > 60


def test_one_title_size_on_every_card():
    deck = effects_deck()
    sizes = set()
    for face in deck_faces(deck, "nl"):
        for height in (2000, 400, 250):
            layout = layout_face(face, 240, height, STYLE, CharMetrics(), COLOURS)
            sizes |= {op.size for op in layout.ops if getattr(op, "bold", False) and getattr(op, "text", "")
                      and face.title.startswith(op.text.rstrip("-"))}
    assert sizes == {STYLE.title}


def test_the_fit_mark_differs_in_icon_and_colour_for_each_answer():
    face = card_face(effects_deck(), "verpleegkundige", "nl")
    marks = {}
    for fit in ("fits", "swap", "no"):
        from game.export.card_layout import FaceState
        ops = layout_face(face, 260, 2000, STYLE, CharMetrics(), COLOURS, FaceState(fit=fit)).ops
        marks[fit] = {(op.icon, op.colour) for op in ops if getattr(op, "icon", None) in ("check", "arrows-exchange", "x")}
    assert len({frozenset(v) for v in marks.values()}) == 3 and all(marks.values())
