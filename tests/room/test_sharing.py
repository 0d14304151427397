"""What a table shares with the room: anonymous unless the players choose more, and always a valid result."""

import json

from game.room.sharing import ShareChoice, shared_lines, shared_result
from game.room.validation import check_result
from tests.room.helpers import bot_result

NAMES = ("Noor de Vries", "Sam Jansen", "Ali Öztürk")


def answered(seed: int) -> dict:
    """A table game with typed reflection answers, as a solo player types them."""
    result = bot_result(seed=seed, players=3, names=NAMES)
    for p in result["summary"]["players"]:
        p["answers"] = [{"round": 1, "prompt": "reflectie-1", "text": f"Mijn geheime antwoord van {p['name']}"}]
    result["log"].append({"type": "answer", "text": "Mijn geheime antwoord in het log"})
    result["deck"]["source"] = "/home/noor.devries/spellen/breder-belang"
    return result


def test_by_default_no_name_no_typed_answer_and_no_folder_leaves_the_table():
    result = answered(51)
    shared = shared_result(result)
    text = json.dumps(shared, ensure_ascii=False)
    for word in ("Noor", "Sam", "Ali", "geheime", "devries", "/home"):
        assert word not in text, word
    assert shared["summary"]["players"][0]["personal_fit"] == result["summary"]["players"][0]["personal_fit"]
    assert shared["summary"]["table"] == result["summary"]["table"]
    assert result["summary"]["players"][0]["name"] == "Noor de Vries"  # the table's own copy is untouched


def test_initials_when_the_table_chose_them_and_answers_only_when_chosen():
    result = answered(52)
    initials = shared_result(result, ShareChoice(initials=True))
    assert [p["name"] for p in initials["summary"]["players"]] == ["NDV", "SJ", "AÖ"]
    assert initials["setup"]["names"] == ["NDV", "SJ", "AÖ"]
    assert "geheime" not in json.dumps(initials, ensure_ascii=False)
    answers = shared_result(result, ShareChoice(answers=True))
    assert answers["summary"]["players"][0]["answers"][0]["text"].startswith("Mijn geheime antwoord")
    assert "Noor" not in json.dumps(answers["summary"]["players"][0]["name"])


def test_a_boost_keeps_who_gave_it_as_far_as_names_are_shared():
    result = answered(53)
    boosts = [b for p in shared_result(result)["summary"]["players"] for b in p["boosts"]]
    assert boosts and all(b["giver"] in ("", None) for b in boosts)


def test_what_is_shared_is_still_a_valid_result():
    for choice in (ShareChoice(), ShareChoice(True, False), ShareChoice(True, True)):
        assert isinstance(check_result(shared_result(answered(54), choice)), dict)


def test_the_summary_can_say_what_is_shared_in_both_languages():
    assert len(shared_lines("nl")) == 3 and "laptop" in " ".join(shared_lines("nl"))
    assert shared_lines("en", ShareChoice(True, True)) != shared_lines("en")
