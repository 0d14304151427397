"""What a table sends to the room: anonymous by default; initials and typed answers only when chosen.

Names and typed reflection answers stay on the table's laptop unless the players choose, on the
summary, to share them. Without that choice the hub gets the scores, the weeks and the table's
coverage, with every name empty and every typed answer left out; the folder the deck was loaded
from (which may hold a user name) never leaves the laptop.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from ..export.words import initials


@dataclass(frozen=True)
class ShareChoice:
    initials: bool = False  # the players' initials on the wall and in the room's report
    answers: bool = False  # the typed reflection answers

    def to_json(self) -> dict:
        return {"initials": self.initials, "answers": self.answers}

    @classmethod
    def from_json(cls, data: object) -> "ShareChoice":
        data = data if isinstance(data, dict) else {}
        return cls(bool(data.get("initials")), bool(data.get("answers")))


ANONYMOUS = ShareChoice()


def shared_result(result: dict, choice: ShareChoice = ANONYMOUS) -> dict:
    """A copy of `result` holding only what `choice` allows; the original is not changed."""
    out = copy.deepcopy(result)
    names = list(out.get("setup", {}).get("names", []))
    shown = {name: (initials(name) if choice.initials and name.strip() else "") for name in names}
    if "setup" in out:
        out["setup"]["names"] = [shown.get(n, "") for n in names]
    if isinstance(out.get("deck"), dict):
        out["deck"]["source"] = ""
    for player in out.get("summary", {}).get("players", []):
        player["name"] = shown.get(player.get("name", ""), "")
        for boost in player.get("boosts", []):
            if isinstance(boost.get("giver"), str):  # None is the advisor and stays None
                boost["giver"] = shown.get(boost["giver"], "")
        if not choice.answers:
            player["answers"] = []
    if not choice.answers:
        for action in out.get("log", []):
            if action.get("type") == "answer":
                action["text"] = ""
    return out


def shared_lines(lang: str, choice: ShareChoice = ANONYMOUS) -> list[str]:
    """What is shared, in words for the summary screen (the players see it before choosing)."""
    from ..i18n import t

    lines = [t(lang, "room.share_always")]
    lines.append(t(lang, "room.share_initials_yes" if choice.initials else "room.share_initials_no"))
    lines.append(t(lang, "room.share_answers_yes" if choice.answers else "room.share_answers_no"))
    return lines
