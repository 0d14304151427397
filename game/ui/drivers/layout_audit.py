"""`bbb play --audit-layout [--out DIR]`: every screen in every state a game can show, in every
window size, UI scale and contrast the game supports, checked for text that is cut, shortened
with "…" where it must not be, outside the window or on top of other text, and for widgets that
overlap or leave the window. Prints each problem on one line; exit status 1 if there is one.
`--out DIR` writes a screenshot of each failing screen with the problem outlined.

What is checked is what a player sees: the real scenes lay out and draw at the real window size;
only the pixels are not filled in. Every draw call goes to a recording surface that keeps the
place of each text and lets the rectangles, lines and fills fall outside it (a surface of one
pixel), so that a 4K screen costs about what a small one does. The two contrasts share one
geometry (same fonts, same sizes; theme.json changes colours only): the audit lays out every
screen in both and checks that each widget is in the same place, and draws the text once.

States: a bot game per built-in deck, solo and at a table of 6, in Dutch and English, seen at
every new screen (hand-over, values, event, turn, dilemma, boost given and answered, the
advisor's offer, reflection, summary with each tab, the explanation), with the turn screen also
shown holding the deck's longest card titles with the pointer on one of them; the title, setup
(solo and table), pause menu, settings, rules, error and deck-problem screens.
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import pygame

SIZES = [(1024, 600), (1280, 720), (1920, 1080), (3840, 2160)]
SCALES = [1.0, 1.5, 2.0]
CONTRASTS = [False, True]
LANGS = ["nl", "en"]
TABLE = 6
ROUNDS = 3
SEED = 20261
PER_SCENE = 2  # game positions kept per screen kind and game (the first and the fullest)
MAX_SHRINKS = 12


@dataclass
class Problem:
    config: str
    screen: str
    detail: str


@dataclass
class Screen:
    """One state to show: a label, and how to put the window into it."""

    label: str
    show: Callable[[Any], Any]  # window -> the scene to check (its top scene)
    game: str = ""


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    screens: int = 0
    shots: int = 0


# ----------------------------------------------------------------------------- recording
class RecordingSurface(pygame.Surface):
    """A one-pixel surface that remembers where each text surface would land. Rectangles, lines and
    fills drawn on it fall outside it and cost nothing; the clip region is kept as the scene set it."""

    def __init__(self, size: tuple[int, int], texts: dict[int, tuple[str, pygame.Surface]]) -> None:
        super().__init__((1, 1))
        self.virtual_size = size
        self._clip = pygame.Rect((0, 0), size)
        self.texts = texts
        self.found: list[tuple[str, pygame.Rect]] = []
        self.clipped: list[str] = []  # texts cut at the side of the area they are drawn in

    def cover(self, rect: pygame.Rect) -> None:
        """An opaque box drawn over what is already there (a message): the text under it is hidden."""
        self.found = [(s, r) for s, r in self.found if not r.colliderect(rect)]

    def get_clip(self) -> pygame.Rect:  # type: ignore[override]
        return self._clip.copy()

    def set_clip(self, rect: Any = None) -> None:  # type: ignore[override]
        self._clip = pygame.Rect((0, 0), self.virtual_size) if rect is None else pygame.Rect(rect)

    def get_size(self) -> tuple[int, int]:  # type: ignore[override]
        return self.virtual_size

    def blit(self, source: pygame.Surface, dest: Any, area: Any = None, special_flags: int = 0) -> pygame.Rect:  # type: ignore[override]
        pos = dest.topleft if isinstance(dest, pygame.Rect) else (int(dest[0]), int(dest[1]))
        rect = pygame.Rect(pos, source.get_size() if area is None else pygame.Rect(area).size)
        known = self.texts.get(id(source))
        if known is not None and known[1] is source and area is None:
            whole = source.get_bounding_rect().move(pos)
            glyphs = whole.clip(self._clip)
            if glyphs.width > 0 and glyphs.height > 0 and known[0].strip():
                self.found.append((known[0], glyphs))
                if glyphs.width < whole.width:  # (cut at the top or bottom: a scrolling area)
                    self.clipped.append(known[0])
        return rect.clip(self._clip)


@contextmanager
def recording_text() -> Iterator[dict[int, tuple[str, pygame.Surface]]]:
    """Every text surface that game.ui renders, known by identity while the block runs."""
    from .. import text as text_module

    texts: dict[int, tuple[str, pygame.Surface]] = {}
    original = text_module.render

    def render(theme: Any, text: str, size: int, colour: Any, bold: bool = False) -> pygame.Surface:
        surf = original(theme, text, size, colour, bold)
        texts[id(surf)] = (text, surf)
        return surf

    patched = [m for name, m in list(sys.modules.items())
               if name.startswith("game.ui") and getattr(m, "render", None) is original]
    for module in patched:
        module.render = render  # type: ignore[attr-defined]
    try:
        yield texts
    finally:
        for module in patched:
            module.render = original  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------- checks
def text_problems(found: list[tuple[str, pygame.Rect]], size: tuple[int, int]) -> list[str]:
    win = pygame.Rect((0, 0), size)
    out = [f"text {s[:50]!r} outside the window at {tuple(r)}" for s, r in found if not win.contains(r)]
    for i, (a, ra) in enumerate(found):
        for b, rb in found[i + 1:]:
            both = ra.clip(rb)
            if both.width > 2 and both.height > 2 and not (a == b and ra == rb):
                out.append(f"text {a[:40]!r} overlaps {b[:40]!r} at {tuple(both)}")
    return out


def draw_as_player_sees(window: Any, surface: pygame.Surface) -> None:
    """The window's own drawing: scenes below an overlay, and the automatic shrink for cut text."""
    from ..text import take_cut_count

    stack = window.stack
    start = len(stack) - 1
    while start > 0 and stack[start].overlay:
        start -= 1
    for _ in range(MAX_SHRINKS):
        take_cut_count()
        for scene in stack[start:]:
            window.use_fit(scene)
            scene.draw(surface)
        if not take_cut_count() or not window.top.shrink_for_text():
            break
    window.use_fit(window.top)


def check_screen(window: Any, texts: dict[int, tuple[str, pygame.Surface]]) -> list[str]:
    """Problems of the top scene as the window draws it now (after its automatic shrink)."""
    from ..text import recording_cuts, take_cut_count

    stack = window.stack
    start = len(stack) - 1
    while start > 0 and stack[start].overlay:
        start -= 1
    top = window.top
    for _ in range(MAX_SHRINKS):
        below = RecordingSurface(window.size, texts)  # what an overlay covers is checked on its own
        surface = RecordingSurface(window.size, texts)
        take_cut_count()
        for scene in stack[start:-1]:
            window.use_fit(scene)
            scene.draw(below)
        with recording_cuts() as cuts:
            window.use_fit(top)
            top.draw(surface)
        if not take_cut_count() or not top.shrink_for_text():
            break
    window.use_fit(top)
    out = [f"widgets: {p}" for p in top.layout_problems()]
    out += text_problems(surface.found, window.size)
    clipped = list(surface.clipped)
    # a scrolling area is read by scrolling: every part of it is checked
    area = top.scroll_rect.height if top.scroll_rect is not None else 0
    while area > 0 and top.scroll < top.scroll_max:
        top.scroll = min(top.scroll_max, top.scroll + max(1, area * 3 // 4))
        top.relayout()
        surface = RecordingSurface(window.size, texts)
        with recording_cuts() as more:
            top.draw(surface)
        cuts += more
        clipped += surface.clipped
        out += text_problems(surface.found, window.size)
    out += [f"text cut: {c[:70]!r}" for c in dict.fromkeys(cuts)]
    out += [f"text cut at the side of its area: {c[:70]!r}" for c in dict.fromkeys(clipped)]
    return list(dict.fromkeys(out))


# ----------------------------------------------------------------------------- states
def _deck(deck_id: str) -> Any:
    from ...content import find_deck, load_deck

    return load_deck(find_deck(deck_id))


def _names(players: int, lang: str) -> list[str]:
    from ...i18n import t

    if players == 1:
        return [t(lang, "setup.you")]
    pool = ["Sam", "Noor", "Daan", "Lotte", "Milan", "Fatima"]
    return pool[:players]


def _longest_cards(deck: Any, lang: str, count: int) -> list[str]:
    cards = sorted(deck.cards_of("role", "task"), key=lambda c: -len(c.title.get(lang)))
    return [c.id for c in cards[:count]]


def game_screens(window: Any, deck_id: str, players: int, lang: str) -> list[Screen]:
    """Play one bot game and keep the game positions where a new kind of screen shows."""
    from ...core.bots import choose

    controller = window.controller
    deck = _deck(deck_id)
    game = f"{deck_id}/{'solo' if players == 1 else f'{players} players'}/{lang}"
    controller.lang = lang
    controller.start_game(deck, _names(players, lang), ROUNDS, SEED, lang, 60 if players > 1 else 0)
    kept: dict[str, list[Any]] = {}
    screens: list[Screen] = []

    def keep(kind: str, state: Any, handed: bool, variant: str = "") -> None:
        states = kept.setdefault(kind + variant, [])
        if len(states) >= PER_SCENE:
            return
        states.append(state)
        screens.append(Screen(f"{game}: {kind}{variant} #{len(states)}",
                              _showing(controller.session, state, handed, kind + variant), game))

    for _ in range(5000):
        session = controller.session
        state = session.state
        route = controller.route()
        if route.handover is not None:
            keep("handover", state, False)
            controller.confirm_handover(route.key)
            continue
        variant = ""
        if route.scene == "boost":
            variant = "-answer" if state.boost_pending else ("-give" if state.mode == "table" else "-none")
        keep(route.scene, state, True, variant)
        if route.scene == "turn" and "turn-longest" not in kept:
            keep("turn", state, True, "-longest")
        if route.scene == "turn" and "turn-overfull" not in kept and state.player.mix:
            keep("turn", state, True, "-overfull")
        if route.scene == "dilemma" and "room" not in kept:
            room = _room_state(deck, state)
            if room is not None:
                keep("room", room, True)
        if state.finished:
            break
        controller.act(choose(deck, state, ["balanced", "social", "personal", "random"]))
    return screens


def _remember_summaries(session: Any) -> None:
    """The audit shows a summary screen many times: its summary is worked out once per state."""
    if getattr(session, "_audit_summaries", None) is not None:
        return
    compute = session.summary
    cache: dict[int, tuple[Any, Any]] = {}

    def summary() -> Any:
        key = id(session.state)
        if key not in cache or cache[key][0] is not session.state:
            cache[key] = (session.state, compute())
        return cache[key][1]

    session._audit_summaries = cache
    session.summary = summary


def _room_state(deck: Any, state: Any) -> Any:
    """The dilemma answered with an option that adds a card to a week already full: the screen
    that asks what to make room for (None when no option adds a card)."""
    from ...core import actions as act
    from ...core.rules import apply
    from ...core.scoring import mix_hours

    trial = copy.deepcopy(state)
    p = trial.players[trial.current]
    if not p.mix:  # a week with cards in it, to choose from
        biggest = sorted(trial.market, key=lambda c: -deck.card(c.split("#")[0]).hours)[:2]
        for inst in biggest:
            trial.market.remove(inst)
            p.mix.append(inst)
    p.budget = max(1, mix_hours(deck, p.mix))
    options = deck.card(trial.dilemma.split("#")[0]).options
    for i in range(len(options)):
        after = apply(deck, copy.deepcopy(trial), act.resolve_dilemma(i))
        if getattr(after, "room_request", None):
            return after
    return None


def _showing(session: Any, state: Any, handed: bool, kind: str) -> Callable[[Any], Any]:
    deck = session.deck
    lang = session.save.lang
    _remember_summaries(session)

    def show(window: Any) -> Any:
        controller = window.controller
        controller.session = session
        controller.lang = lang
        shown = state
        if kind == "turn-longest":
            shown = copy.deepcopy(state)
            p = shown.players[shown.current]
            longest = _longest_cards(deck, controller.lang, len(p.hand) + len(shown.market) + 2)
            p.hand = [f"{c}#a" for c in longest[:len(p.hand) or 4]]
            shown.market = [f"{c}#b" for c in longest[len(p.hand):len(p.hand) + (len(shown.market) or 3)]]
        if kind == "turn-overfull":  # an event made the week too full: the panel says what to do
            from ...core.scoring import mix_hours

            shown = copy.deepcopy(state)
            p = shown.players[shown.current]
            p.budget = max(1, mix_hours(deck, p.mix) - 8)
        session.state = shown
        route = controller.route()
        controller.handed = route.key if handed else None
        window.stack = []
        window.show_route()
        scene = window.top
        if kind.startswith("turn"):  # the pointer on a card: the preview and the card's details show
            cards = [w for w in scene.widgets if w.kind == "card" and w.data.get("zone") != "mix"]
            if cards:
                scene.hover_id = max(cards, key=lambda w: len(w.label)).id
        return scene

    return show


def summary_screens(window: Any, screen: Screen) -> list[Screen]:
    """The summary's tabs and the explanation, from a summary screen."""
    out = []

    def tab(wid: str) -> Callable[[Any], Any]:
        def show(w: Any) -> Any:
            scene = screen.show(w)
            widget = scene.widget(wid)
            if widget is not None:
                widget.click()
            return w.top

        return show

    def explain(w: Any) -> Any:
        scene = screen.show(w)
        scene.widget("how").click()
        return w.top

    def exported(w: Any) -> Any:
        scene = screen.show(w)
        scene.message = scene.t("export.saved", path="2026-12-02-101500-breder-belang-sam-noor-daan.pdf")
        return scene

    def in_room(wid: str) -> Callable[[Any], Any]:
        """The summary of a table linked to a room: the share choice and the take-home QR. The link
        sends nothing (its thread is not started) and writes only into a folder of its own."""
        folder: list[str] = []

        def show(w: Any) -> Any:
            import tempfile

            from ...room.client import RoomLink

            if not folder:
                folder.append(tempfile.mkdtemp(prefix="bbb-audit-room-"))
            controller = w.controller
            controller.room = RoomLink("http://192.168.178.20:8765", "ABCDEF", folder[0], start=False)
            try:
                scene = screen.show(w)
                from ..scenes.summary import SummaryScene

                room_scene = SummaryScene(w)
                room_scene.route_key = scene.route_key
                w.set_scene(room_scene)
                widget = room_scene.widget(wid)
                if widget is not None:
                    widget.click()
            finally:
                controller.room = None
            return w.top

        return show

    probe = screen.show(window)
    for wid in [x.id for x in probe.widgets if x.id == "table" or x.id.startswith("player:")][:3]:
        out.append(Screen(f"{screen.label} tab {wid}", tab(wid), screen.game))
    out.append(Screen(f"{screen.label} in a room", in_room("player:0"), screen.game))
    out.append(Screen(f"{screen.label} explanation", explain, screen.game))
    out.append(Screen(f"{screen.label} export message", exported, screen.game))
    return out


def menu_screens(base: Screen | None) -> list[Screen]:
    from ..scenes.error import DeckProblemsScene, ErrorScene
    from ..scenes.pause import PauseScene
    from ..scenes.rules import RulesScene
    from ..scenes.settings_scene import SettingsScene
    from ..scenes.setup import SetupScene

    def title(w: Any) -> Any:
        w.controller.session = None
        w.to_title()
        return w.top

    def setup(table: bool) -> Callable[[Any], Any]:
        def show(w: Any) -> Any:
            title(w)
            w.push(SetupScene(w))
            if table:
                w.top._pick_mode("table")
                w.top._pick_count(TABLE)
            return w.top

        return show

    def over(cls: Any) -> Callable[[Any], Any]:
        def show(w: Any) -> Any:
            if base is not None:
                base.show(w)
            else:
                title(w)
            w.push(cls(w))
            return w.top

        return show

    def join_room(w: Any) -> Any:
        from ...room.discovery import FoundRoom
        from ..scenes.join_room import JoinRoomScene

        setup(False)(w)
        rooms = [FoundRoom("Lokaal 2.14 – begeleider", "http://192.168.178.20:8765", "192.168.178.20", 8765),
                 FoundRoom("Aula", "http://192.168.178.31:8765", "192.168.178.31", 8765)]
        w.push(JoinRoomScene(w, rooms=rooms))
        w.top.message = w.top.t("join.wrong_code")
        return w.top

    def error(w: Any) -> Any:
        w.set_scene(ErrorScene(w, "RuntimeError: " + "een heel lange foutmelding " * 8))
        return w.top

    def problems(w: Any) -> Any:
        from ...content.errors import DeckError

        title(w)
        lines = [DeckError("tasks.yaml", i + 1, 3, "tasks", f"kaart-{i}", "een kaart zonder titel " * 3)
                 for i in range(30)]
        w.push(DeckProblemsScene(w, lines))
        return w.top

    screens = [Screen("title", title), Screen("setup solo", setup(False)), Screen("setup table", setup(True)),
               Screen("join room", join_room), Screen("pause", over(PauseScene)), Screen("settings", over(SettingsScene)),
               Screen("rules", over(RulesScene)), Screen("error", error), Screen("deck problems", problems)]
    return screens


# ----------------------------------------------------------------------------- the run
def all_screens(window: Any, decks: list[str], langs: list[str], tables: list[int]) -> list[Screen]:
    screens: list[Screen] = []
    first_game: Screen | None = None
    for deck_id in decks:
        for players in tables:
            for lang in langs:
                found = game_screens(window, deck_id, players, lang)
                for screen in found:
                    screens.append(screen)
                    if first_game is None and "values" in screen.label:
                        first_game = screen
                    if " summary " in screen.label or screen.label.endswith(": summary #1"):
                        screens += summary_screens(window, screen)
    return menu_screens(first_game) + screens


def configure(window: Any, size: tuple[int, int], scale: float, contrast: bool) -> None:
    from ..text import clear_cache

    if window.size != size:
        window.resize(size)
    theme = window.theme
    window.controller.settings.ui_scale = scale
    window.controller.settings.high_contrast = contrast
    if (theme.ui_scale, theme.high_contrast) != (scale, contrast):
        theme.ui_scale, theme.high_contrast = scale, contrast
        theme.reload()
        clear_cache()


def geometry(scene: Any) -> list[tuple[str, tuple[int, int, int, int]]]:
    return [(w.id, tuple(w.rect)) for w in scene.widgets]


def audit(window: Any, screens: list[Screen], sizes: list[tuple[int, int]], scales: list[float],
          out: Path | None, say: Callable[[str], None]) -> Report:
    from ..widgets import forget_faces

    report = Report()
    seen: set[tuple[str, str, str]] = set()
    with recording_text() as texts:
        for size in sizes:
            for scale in scales:
                config = f"{size[0]}x{size[1]} at {int(scale * 100)} %"
                forget_faces()  # faces are painted (and their labels checked) again at each size
                for screen in screens:
                    configure(window, size, scale, False)
                    scene = screen.show(window)
                    problems = check_screen(window, texts)
                    # High contrast changes colours only: the same layout (at the fit the normal
                    # screen settled on) puts every widget, and so every text, in the same place.
                    fit = scene.text_fit
                    configure(window, size, scale, True)
                    scene_hc = screen.show(window)
                    scene_hc.text_fit, scene_hc._fit_for = fit, (window.size, scale)
                    scene_hc.relayout()
                    if geometry(scene_hc) != geometry(scene):
                        problems.append("high contrast lays the screen out differently")
                    report.screens += 2
                    texts.clear()
                    for detail in problems:
                        key = (config, screen.label.split(" #")[0], detail)
                        if key in seen:
                            continue
                        seen.add(key)
                        report.problems.append(Problem(config, screen.label, detail))
                        say(f"{config} · {screen.label}: {detail}")
                    if problems and out is not None:
                        report.shots += 1
                        configure(window, size, scale, False)
                        screen.show(window)
                        shoot(window, out / f"{report.shots:04d}-{size[0]}x{size[1]}-{int(scale * 100)}.png")
    return report


def shoot(window: Any, path: Path) -> None:
    """The screen as the player sees it, at full size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    surface = pygame.Surface(window.size)
    draw_as_player_sees(window, surface)
    pygame.image.save(surface, str(path))


def _part(options: dict[str, Any], part: int, parts: int) -> tuple[list[tuple[str, str, str]], int, int]:
    """One worker's share: every `parts`-th game (and, for the first worker, the menus), at every
    size, scale and contrast."""
    import argparse

    from ..app import open_window
    from ..text import reset_caches

    args = argparse.Namespace(**options)
    out = Path(args.out) / f"part{part + 1}" if args.out else None
    window = open_window(args)
    try:
        games = [(d, n, lang) for d in options["decks"] for n in (1, TABLE) for lang in LANGS][part::parts]
        screens: list[Screen] = []
        first: Screen | None = None
        for deck_id, players, lang in games:
            for screen in game_screens(window, deck_id, players, lang):
                screens.append(screen)
                if first is None and "values" in screen.label:
                    first = screen
                if screen.label.endswith(": summary #1"):
                    screens += summary_screens(window, screen)
        if part == 0:
            screens = menu_screens(first) + screens
        report = audit(window, screens, SIZES, SCALES, out, lambda line: print(line, flush=True))
    finally:
        reset_caches()
        pygame.quit()
    return [(p.config, p.screen, p.detail) for p in report.problems], report.screens, report.shots


def run_audit(args: Any) -> int:
    """`bbb play --audit-layout`: 0 when no screen has a problem, else 1 (each problem printed).
    Two worker processes share the games (the machines it runs on have two cores or more)."""
    import multiprocessing

    from ...content import builtin_deck_paths
    from ...i18n import t

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    started = time.monotonic()
    deck = getattr(args, "deck", None)
    options = {k: v for k, v in vars(args).items() if not callable(v)}
    options.update(data_dir=tempfile.mkdtemp(prefix="bbb-audit-"), size="1280x720",
                   decks=[deck] if deck else [p.name for p in builtin_deck_paths()])
    parts = max(1, min(2, os.cpu_count() or 1))
    if parts == 1:
        results = [_part(options, 0, 1)]
    else:
        with multiprocessing.get_context("spawn").Pool(parts) as pool:
            results = pool.starmap(_part, [(options, i, parts) for i in range(parts)])
    problems = sorted({p for found, _, _ in results for p in found})
    screens = sum(n for _, n, _ in results)
    seconds = time.monotonic() - started
    if problems:
        print(t("nl", "audit.problems", count=len(problems), screens=screens) + f" ({seconds:.0f} s)")
        return 1
    print(t("nl", "audit.ok", screens=screens) + f" ({seconds:.0f} s)")
    return 0
