"""What a teacher and a facilitator may trust in every built-in deck: complete, named, fair and in both languages."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from game.content import builtin_deck_paths, check_deck, find_deck, load_deck
from game.core.deck import COMPETENCES, HoursEffect, NeedEffect, OfferEffect
from game.core.scoring import fits

BUILTIN = [p.name for p in builtin_deck_paths()]
AGE_DECKS = ("lob-onderbouw", "lob-bovenbouw")
LANGS = ("nl", "en")
# The study card of each classroom deck: the tag that marks it.
STUDY_TAG = {"lob-onderbouw": "school", "lob-bovenbouw": "opleiding", "lob-klas": "opleiding"}

# Words that are Dutch and not English, so an English text must not hold them.
DUTCH_WORDS = {
    "het", "een", "kaarten", "kaart", "zorg", "onderwijs", "techniek", "vmbo", "havo", "vwo", "mbo",
    "hbo", "pabo", "bbl", "mdt", "tekortsector", "commercieel", "hybride", "vrijwillig", "vrijwilliger",
    "leren", "zekerheid", "balans", "verbinding", "gemeenschap", "leefomgeving", "welvaart", "groei",
    "plezier", "opleiding", "startspeler", "speler",
}
# Tag ids that are also ordinary English words.
ENGLISH_TAG_WORDS = {"coaching", "online", "project", "routine", "sport", "stage", "content", "flex", "school", "club"}


@pytest.fixture(scope="module", params=BUILTIN)
def deck(request):
    return load_deck(find_deck(request.param))


def texts_of(deck, lang):
    """(where, text) for every text a player can read in this deck."""
    out = [("title", deck.title.get(lang))]
    for d in (*deck.personal, *deck.social):
        out.append((d.id, d.name.get(lang)))
        if getattr(d, "question", None):
            out.append((d.id, d.question.get(lang)))
    for q, label in deck.quadrants.items():
        out.append((q, label.get(lang)))
    for tag, name in deck.tag_names.items():
        out.append((f"tag {tag}", name.get(lang)))
    for card in deck.cards:
        out.append((card.id, card.title.get(lang)))
        if card.text:
            out.append((card.id, card.text.get(lang)))
        for option in card.options:
            out.append((card.id, option.label.get(lang)))
    for combo in deck.combos:
        out.append((combo.id, combo.title.get(lang)))
        if combo.text:
            out.append((combo.id, combo.text.get(lang)))
    return out


def words(text):
    return set(re.findall(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*", text.lower()))


# ---- every built-in deck ---------------------------------------------------------------------


def test_the_age_decks_are_built_in():
    assert set(AGE_DECKS) | {"breder-belang", "werkenden", "lob-klas"} <= set(BUILTIN)


@pytest.mark.parametrize("deck_id", BUILTIN)
def test_a_built_in_deck_has_no_errors_and_no_warnings(deck_id):
    problems = check_deck(find_deck(deck_id))
    assert not problems, "\n".join(f"{p.file}:{p.line}: {p.severity}: {p.section}: {p.message}" for p in problems)


def test_every_card_combination_and_value_has_an_icon(deck):
    missing = [c.id for c in deck.cards if not c.icon] + [c.id for c in deck.combos if not c.icon]
    missing += [d.id for d in (*deck.personal, *deck.social) if not d.icon]
    assert not missing, f"{deck.id}: no icon for {', '.join(missing)}"


def test_every_tag_a_card_carries_has_a_name_in_both_languages(deck):
    used = {t for card in deck.cards for t in card.tags}
    unnamed = sorted(t for t in used if t not in deck.tag_names or not all(deck.tag_names[t].has(x) for x in LANGS))
    assert not unnamed, f"{deck.id}: tags without a display name: {', '.join(unnamed)}"


def test_an_event_names_the_tags_it_changes_by_their_display_names(deck):
    """‘Zorg’ on the screen, never the id ‘zorg’, and in English the English name."""
    for event in deck.cards_of("event"):
        offered = {e.tag for e in event.effects if isinstance(e, OfferEffect)}
        for lang in LANGS:
            quoted = set(re.findall(r"‘([^’]+)’", event.text.get(lang)))
            names = {deck.tag_names[t].get(lang) for t in offered}
            assert quoted <= names, f"{deck.id}/{event.id} ({lang}) quotes {quoted - names}, not a name of {offered}"
            assert names <= quoted, f"{deck.id}/{event.id} ({lang}) changes {names - quoted} without saying so"


def test_every_competence_has_a_question_for_a_table_and_one_for_alone(deck):
    phases = Counter((p.competence, p.phase) for p in deck.cards_of("prompt"))
    for competence in COMPETENCES:
        assert sum(n for (c, _), n in phases.items() if c == competence) >= 4, (deck.id, competence)
        assert phases[(competence, "reflect")] >= 1, (deck.id, competence, "reflect")
        assert phases[(competence, "discuss")] >= 1, (deck.id, competence, "discuss")


def test_a_prompt_asks_one_thing(deck):
    for prompt in deck.cards_of("prompt"):
        for lang in LANGS:
            text = prompt.text.get(lang)
            assert text.count("?") <= 1, f"{deck.id}/{prompt.id} ({lang}) asks more than one question: {text}"


def test_an_event_that_hits_one_player_speaks_to_that_player(deck):
    """Solo or at a table, whoever it hits: "Je …" / "You …", never "the starting player"."""
    for event in deck.cards_of("event"):
        if not any(isinstance(e, HoursEffect) and e.who in ("current", "random") for e in event.effects):
            continue
        nl, en = event.text.get("nl"), event.text.get("en")
        assert re.search(r"\b[Jj]e\b", nl) and not re.search(r"speler", nl, re.I), f"{deck.id}/{event.id}: {nl}"
        assert re.search(r"\b[Yy]ou\b", en) and not re.search(r"player", en, re.I), f"{deck.id}/{event.id}: {en}"


def test_no_event_assumes_that_a_player_has_a_job(deck):
    job = re.compile(r"\b(je|jouw) (organisatie|werkgever|baas|afdeling)\b|bedrijfsarts|"
                     r"\byour (organisation|employer|boss|department)\b|company doctor", re.I)
    for event in deck.cards_of("event"):
        for lang in LANGS:
            assert not job.search(event.text.get(lang)), f"{deck.id}/{event.id} ({lang}): {event.text.get(lang)}"


def test_no_text_names_a_starting_player(deck):
    for lang in LANGS:
        for where, text in texts_of(deck, lang):
            assert not re.search(r"startspeler|starting player", text, re.I), f"{deck.id}/{where}: {text}"


def test_english_texts_hold_no_dutch_words(deck):
    dutch_tags = {t for card in deck.cards for t in card.tags} - ENGLISH_TAG_WORDS
    for where, text in texts_of(deck, "en"):
        found = words(text) & (DUTCH_WORDS | dutch_tags)
        assert not found, f"{deck.id}/{where}: Dutch {sorted(found)} in “{text}”"


def test_every_deck_lets_players_change_society_not_only_serve_it(deck):
    """Watts (seed 002): cards that change a need or an offer for everyone when first played."""
    changers = [c for c in deck.cards_of("role", "task") if c.on_play]
    assert len(changers) >= 2, f"{deck.id}: {len(changers)} cards change society"
    for card in changers:
        assert all(isinstance(e, (NeedEffect, OfferEffect)) for e in card.on_play), card.id


# ---- the decks by age --------------------------------------------------------------------------


@pytest.mark.parametrize("deck_id", AGE_DECKS)
def test_an_age_deck_is_a_full_classroom_deck(deck_id):
    deck = load_deck(find_deck(deck_id))
    assert set(LANGS) <= set(deck.languages)
    assert len(deck.cards_of("role", "task")) >= 30
    assert len(deck.cards_of("event")) >= 10
    assert len(deck.cards_of("dilemma")) >= 5
    assert len(deck.combos) >= 8
    per_competence = Counter(p.competence for p in deck.cards_of("prompt"))
    assert per_competence == {c: 4 for c in COMPETENCES}


@pytest.mark.parametrize("deck_id", AGE_DECKS)
def test_school_is_part_of_the_week_and_gives_value_through_what_it_prepares_for(deck_id):
    deck = load_deck(find_deck(deck_id))
    study = [c for c in deck.cards_of("role") if STUDY_TAG[deck_id] in c.tags]
    assert len(study) >= 8
    for card in study:
        assert card.hours >= 20, card.id
        assert 1 <= sum(card.social.values()) <= 2 and max(card.social.values()) <= 2, card.id


def _sorts(deck):
    """Equal weights, and each value in turn very important with the rest less important."""
    ids = deck.personal_ids
    return [{d: 2 for d in ids}] + [{d: (3 if d == top else 1) for d in ids} for top in ids]


@pytest.mark.parametrize("deck_id", list(STUDY_TAG))
def test_every_study_is_kept_by_advice_and_life_circumstances_are_never_suggested(deck_id):
    deck = load_deck(find_deck(deck_id))
    for card in deck.cards_of("role"):
        if STUDY_TAG[deck_id] in card.tags:
            assert card.advice == "never-replace", card.id
    carers = [c for c in deck.cards_of("role", "task") if "familie" in c.tags or "mantel" in c.id]
    assert carers and all(c.advice == "never-suggest" for c in carers)


@pytest.mark.parametrize("deck_id", list(STUDY_TAG))
def test_the_advisor_never_tells_a_student_to_leave_school(deck_id):
    """With every card of the deck within reach, the solo advisor and the summary's next step may
    suggest something beside the study, never swapping the study for something else."""
    from game.core.advisor import advise
    from game.core.rules import new_game
    from game.core.summary import summarize

    deck = load_deck(find_deck(deck_id))
    study = [c for c in deck.cards_of("role") if STUDY_TAG[deck_id] in c.tags]
    others = sorted((c for c in deck.cards_of("role", "task") if c not in study and not c.requires),
                    key=lambda c: c.id)
    advised = 0
    for weights in _sorts(deck):
        for school in study:
            for extra in [None] + others[::5]:
                week = [school] + ([extra] if extra and extra.hours + school.hours <= deck.hours_per_week else [])
                state = new_game(deck, ["Noor"], seed=1)
                p = state.players[0]
                p.weights, p.mix, p.hand = dict(weights), [f"{c.id}#1" for c in week], []
                state.market = [f"{c.id}#1" for c in deck.cards_of("role", "task") if c not in week]
                advice = advise(deck, state, 0)
                for move in (advice.social, advice.personal):
                    advised += move is not None
                    assert move is None or move.out != f"{school.id}#1", (weights, move)
                step = summarize(deck, state).players[0].next_step
                assert step.out != school.id, (weights, step)
    assert advised > 0  # the advisor does give advice in these weeks, just never to leave school
