"""The one way drivers reach the scenes: for a move the bots chose, the widget a player would
click next (a card first, then the button) or the text they would type.

Scenes know nothing of bots; this module reads their widgets by id. A new scene whose default
button is its only move needs nothing here.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable

import pygame

from ..scenes.base import Scene


def action_kind(action: Any) -> str | None:
    """The move's type, for a move given as a dict or as an object with a `type`."""
    if action is None:
        return None
    if isinstance(action, dict):
        return action.get("type")
    return getattr(action, "type", None)


def action_field(action: Any, name: str, default: Any = None) -> Any:
    if isinstance(action, dict):
        return action.get(name, default)
    return getattr(action, name, default)


def _rect(scene: Scene, wid: str | None) -> pygame.Rect | None:
    w = scene.widget(wid) if wid else None
    return w.rect if w is not None and w.enabled else None


def _default(scene: Scene, action: Any) -> pygame.Rect | None:
    return _rect(scene, scene.default_id)


def _title(scene: Scene, action: Any) -> pygame.Rect | None:
    """Bots told to continue press "Doorgaan", or "Vorige versie laden" once the autosave turned
    out damaged; otherwise (and after a failed resume) "Nieuw spel"."""
    controller = scene.controller
    wants_resume = controller.options.resume and controller.has_autosave()
    if controller.backup_offered:
        choice = "backup"
    elif wants_resume and not controller.title_notice:
        choice = "continue"
    else:
        choice = "new"
    return _rect(scene, choice) or _default(scene, action)


def _turn(scene: Any, action: Any) -> pygame.Rect | None:
    kind = action_kind(action)
    if not kind:
        return _rect(scene, "end")

    def card(zone: str, inst: str) -> pygame.Rect | None:
        wdg = scene.widget(f"{zone}:{inst}")
        if wdg is not None:
            return wdg.rect
        cards = scene.zone_cards(zone)
        if inst not in cards:
            return None
        page = cards.index(inst) // max(1, scene.per_page[zone])
        turn = scene.widget(f"page:{zone}:{1 if page > scene.pages[zone] else -1}")
        return turn.rect if turn is not None else None

    def zone_of(inst: str) -> str:
        return "hand" if inst in scene.state.player.hand else "market"

    target = action_field(action, "card")
    if kind == "play":
        if scene.sel_mix:
            return card("mix", scene.sel_mix)
        if scene.sel_take != target:
            return card(zone_of(target), target)
        return _rect(scene, "play")
    if kind == "swap":
        out = action_field(action, "out")
        if scene.sel_mix != out:
            return card("mix", out)
        if scene.sel_take != target:
            return card(zone_of(target), target)
        return _rect(scene, "swap")
    if kind == "drop":
        if scene.sel_take:
            return card(zone_of(scene.sel_take), scene.sel_take)
        if scene.sel_mix != target:
            return card("mix", target)
        return _rect(scene, "drop")
    return _rect(scene, "end")


def _dilemma(scene: Scene, action: Any) -> pygame.Rect | None:
    if action_kind(action) == "resolve_dilemma":
        return _rect(scene, f"option:{action_field(action, 'option')}")
    return _default(scene, action)


def _values(scene: Any, action: Any) -> pygame.Rect | None:
    if action_kind(action) == "choose_values":
        for d, v in action_field(action, "weights", {}).items():
            if scene.weights.get(d) != v:
                return _rect(scene, f"{d}:{v}")
    return _rect(scene, "confirm")


def _boost(scene: Any, action: Any) -> pygame.Rect | None:
    kind = action_kind(action)
    if not kind:
        return _default(scene, action)
    if kind == "give_boost":
        to = action_field(action, "to")
        if scene.target != to:
            return _rect(scene, f"to:{to}")
        zone = "market" if action_field(action, "offer") else "theirs"
        target = action_field(action, "card")
        if scene.sel != (zone, target):
            return _rect(scene, f"{zone}:{target}")
        return _rect(scene, "give")
    wid = {"accept_boost": "accept", "decline_boost": "decline", "pass": "skip"}.get(kind)
    return _rect(scene, wid)


def _reflect(scene: Any, action: Any) -> pygame.Rect | None:
    return _rect(scene, "next")


def _room(scene: Any, action: Any) -> pygame.Rect | None:
    """Making room: the cards to let go as chips (the screen chose the cheapest beforehand),
    then "Maak ruimte"; or "Houd mijn week"."""
    kind = action_kind(action)
    if kind == "make_room":
        out = set(action_field(action, "out", ()))
        for inst in scene.state.players[scene.request["player"]].mix:
            if (inst in out) != (inst in scene.out):
                return _rect(scene, f"out:{inst}")
        return _rect(scene, "make")
    if kind == "keep_week":
        return _rect(scene, "keep")
    return _default(scene, action)


CLICKS: dict[str, Callable[[Any, Any], pygame.Rect | None]] = {
    "title": _title, "turn": _turn, "dilemma": _dilemma, "values": _values, "boost": _boost, "reflect": _reflect,
    "room": _room,
}


class SceneAdapter:
    """Per scene, what a player does next for a chosen move."""

    def __init__(self) -> None:
        self._typed: weakref.WeakSet[Scene] = weakref.WeakSet()  # scenes where the bots typed already

    def rect_for(self, scene: Scene, action: Any) -> pygame.Rect | None:
        """Where a player would click next to take `action` (None: the scene's default button)."""
        return CLICKS.get(scene.name, _default)(scene, action)

    def text_for(self, scene: Scene, action: Any) -> str | None:
        """Text a player would type first on this screen (a solo reflection's answer), once."""
        if scene.name != "reflect" or getattr(scene, "solo", False) is False or scene in self._typed:
            return None
        self._typed.add(scene)
        return scene.t("reflect.autoplay_answer")
