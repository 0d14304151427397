"""The problems screen shows the checker's lines in the player's language, with a counted heading."""

from game.content import check_deck
from game.ui.scenes.error import DeckProblemsScene


def lines_of(scene) -> list[str]:
    return [block[1] for block in scene.doc.blocks if block[0] == "p"]


def test_a_deck_with_problems_is_explained_in_dutch_and_in_english(new_app, tmp_path):
    deck_dir = tmp_path / "kapot"
    deck_dir.mkdir()
    (deck_dir / "deck.yaml").write_text("format: 1\nid: kapot\ntitle: 'open\n", encoding="utf-8")
    problems = check_deck(deck_dir)
    app = new_app()
    for lang, heading, line in (
            ("nl", "Het kaartspel kan niet worden geladen: 1 probleem.", ": fout: kaartspel: een aanhalingsteken"),
            ("en", "The deck cannot be loaded: 1 problem.", ": error: deck: a quote opened here is never closed")):
        app.lang = lang
        scene = DeckProblemsScene(app, problems)
        app.push(scene)
        app.step([], 1 / 30)
        shown = lines_of(scene)
        assert shown[0].startswith(heading)
        assert line in shown[1], shown
        app.pop()
