"""The ending as data: what the summary tells each player and the table."""

from game.core.bots import choose, play_game
from game.core.rules import new_game
from game.core.scoring import player_scores
from game.core.summary import COVERED_SHARE, summarize

from .decks import make_deck, role
from .helpers import ok

DECK = make_deck([role("zorgbaan", 28, {"plezier": 1}, {"zorg": 3}), role("leraar", 24, {"groei": 2}, {"onderwijs": 3})])


def test_the_summary_gives_each_player_both_fits_and_a_quadrant():
    state = play_game(DECK, ["Sam", "Noor"], ["social", "personal"], seed=4)
    summary = summarize(DECK, state)
    for i, p in enumerate(summary.players):
        scores = player_scores(DECK, state, i)
        assert p.personal_fit == round(scores.personal.total, 2)
        assert p.social_fit == round(scores.social.total, 2)
        assert p.quadrant in ("high_high", "high_low", "low_high", "low_low")
        assert sum(h for _, h in p.mix) == p.hours <= p.budget


def test_the_table_sees_which_needs_it_covers_together_and_which_nobody_covers():
    state = play_game(DECK, ["Sam", "Noor", "Ali"], "balanced", seed=2)
    table = summarize(DECK, state).table
    totals = {t: c for t, c, _ in table.coverage}
    assert set(table.covered) == {t for t, c in totals.items() if c >= COVERED_SHARE}
    assert set(table.uncovered) == {t for t, c in totals.items() if c == 0}
    assert set(table.covered) | set(table.underserved) | set(table.uncovered) == set(DECK.social_ids)


def test_every_player_gets_a_concrete_next_step():
    summary = summarize(DECK, play_game(DECK, ["Sam"], "personal", seed=8))
    step = summary.players[0].next_step
    assert step.kind in ("explore", "keep") and (step.card is None or DECK.has_card(step.card))


def test_the_start_player_moves_on_every_round():
    state = new_game(DECK, ["Sam", "Noor", "Ali"], seed=1)
    starts = []
    while state.phase != "summary":
        if state.phase == "event":
            starts.append(state.start_player)
        state = ok(DECK, state, choose(DECK, state, "balanced"))
    assert starts == [0, 1, 2, 0]


def test_reflection_questions_take_the_four_career_competences_in_turn():
    state = new_game(DECK, ["Sam"], seed=1)
    seen = []
    while state.phase != "summary":
        if state.phase == "reflect" and (not seen or seen[-1][0] != state.round):
            seen.append((state.round, DECK.card(state.prompt).competence))
        state = ok(DECK, state, choose(DECK, state, "balanced"))
    assert [c for _, c in seen] == ["reflectie", "exploratie", "sturing", "netwerken"]


def test_a_table_gets_discussion_questions_and_a_solo_player_reflection_questions():
    for names, phase in ((["Sam"], "reflect"), (["Sam", "Noor"], "discuss")):
        state = new_game(DECK, names, seed=1)
        while state.phase != "reflect":
            state = ok(DECK, state, choose(DECK, state, "balanced"))
        assert DECK.card(state.prompt).phase == phase
