"""The game window: events in, a time step in, a frame out. Holds the scene stack and shows the
scene the controller's route names; everything about the game itself is in game.ui.controller."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path
from typing import Callable, Iterable

import pygame

from ..i18n import t
from .coach import Coach
from .controller import DEFAULT_SIZE, MIN_SIZE, Controller
from . import toasts
from .input import HeldKeys
from .scenes.base import Scene
from .text import clear_cache, take_cut_count
from .widgets import forget_faces
from .theme import Theme
from .drivers.voice import Narrator
from .voice import Voice
from .widgets import fit_caches_to

MAX_TEXT_SHRINKS = 12  # 0.9 ** 11 ≈ 0.31: from 200 % down to the 100 % layout and below
IDLE_NAP_MS = 30  # how long the idle loop sleeps between looks at the event queue
IDLE_WAIT_MS = 5000
TICK_WAIT_MS = 100
KEY_REPEAT = (400, 40)  # held arrows and Backspace repeat; activation keys never do (see HeldKeys)


class QuitGame(Exception):
    pass


class Window:
    """One window showing one Controller's game. `step(events, dt)` is one frame."""

    def __init__(self, controller: Controller, size: tuple[int, int] | None = None, fullscreen: bool = False,
                 people_watch: bool = True, screenshots: str | None = None) -> None:
        self.controller = controller
        settings = controller.settings
        # Motion (Scene.animate) only for people: never for bots, the monkey or headless tests.
        self.motion_possible = people_watch and os.environ.get("SDL_VIDEODRIVER") != "dummy"
        self.clock = 0.0
        self._frame_requested = False
        self.narrator = Narrator(self, settings.voice)
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(*KEY_REPEAT)
        self.fullscreen = fullscreen
        self.surface = self._open_window(size or DEFAULT_SIZE)
        self.theme = Theme(settings.high_contrast, settings.ui_scale, self.size)
        self.theme.projector = settings.projector
        fit_caches_to(self.size)
        pygame.display.set_caption(t(self.lang, "app.title"))
        self.stack: list[Scene] = []
        self.running = True
        self.exit_code = 0
        self.held = HeldKeys()
        self._presented = False
        self._needs_draw = True
        self.frame_no = 0
        self._left_scenes = False  # frames drawn: a scene can tell that the window still shows its last one
        self.shots_dir = Path(screenshots) if screenshots else None
        self._shot_count = 0
        self.after_event: Callable[[], None] | None = None  # the monkey checks its invariants here
        self.quit_to_title = False  # the monkey keeps playing after "Stoppen"
        self.room_badge = ""  # the room's header over game screens (game/ui/room_badge.py)
        # the guided first round (game/ui/coach.py): for people, not for bots or headless tests
        self.coach_possible = self.motion_possible and not controller.options.bot_driven
        self.coach = Coach(self)
        self._badge_checked = -1.0
        controller.on_change(self.show_route)

    # ----------------------------------------------------------------- what scenes ask for
    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    @property
    def lang(self) -> str:
        return self.controller.lang

    @lang.setter
    def lang(self, value: str) -> None:
        self.controller.lang = value

    @property
    def top(self) -> Scene:
        return self.stack[-1]

    @property
    def motion_enabled(self) -> bool:
        """The one switch for animations (Scene.animate): False with reduced motion, for bots, the
        monkey and on the headless test driver."""
        return self.motion_possible and not self.controller.settings.reduced_motion

    def request_frame(self) -> None:
        """An animation is running: draw the next frame too, and do not sleep until input."""
        self._frame_requested = True

    def is_base(self, scene: Scene) -> bool:
        return bool(self.stack) and self.stack[0] is scene

    # ----------------------------------------------------------------- window
    def _open_window(self, size: tuple[int, int]) -> pygame.Surface:
        flags = pygame.RESIZABLE
        if self.fullscreen:
            flags |= pygame.FULLSCREEN
            size = (0, 0)
        surface = pygame.display.set_mode(size, flags)
        try:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except Exception:  # not every video driver supports a minimum size
            pass
        return surface

    def resize(self, size: Iterable[int]) -> None:
        w, h = size
        size = (max(MIN_SIZE[0], int(w)), max(MIN_SIZE[1], int(h)))
        current = pygame.display.get_surface()
        if current is None or current.get_size() != size:
            self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        else:
            self.surface = current
        self.theme.window = self.size
        fit_caches_to(self.size)
        for scene in self.stack:
            scene.relayout()
        self._needs_draw = True

    def toggle_fullscreen(self) -> None:
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            pass
        screen = pygame.display.get_surface()
        assert screen is not None  # the window is open
        self.resize(screen.get_size())

    # ----------------------------------------------------------------- voice and settings
    @property
    def voice(self) -> Voice:
        return self.narrator.voice

    @voice.setter
    def voice(self, voice: Voice) -> None:
        self.narrator.voice = voice

    def say(self, text: str, force: bool = False) -> bool:
        return self.narrator.say(text, force)

    def change_setting(self, name: str, value: object) -> None:
        """A setting chosen on the settings screen (or V for the voice): used at once and remembered."""
        if name == "voice" and bool(value) != self.voice.enabled:
            value = self.narrator.switch(bool(value))
        self.controller.change_setting(name, value)
        self.apply_settings()

    def apply_settings(self) -> None:
        settings = self.controller.settings
        self.voice.lang = self.lang
        self.theme.high_contrast = settings.high_contrast
        self.theme.ui_scale = settings.ui_scale
        self.theme.projector = settings.projector
        self.theme.reload()
        clear_cache()
        forget_faces()
        pygame.display.set_caption(t(self.lang, "app.title"))
        for scene in self.stack:
            scene.relayout()
        self._needs_draw = True

    def use_fit(self, scene: Scene) -> None:
        self.theme.fit = scene.fit

    # ----------------------------------------------------------------- scene stack
    def set_scene(self, scene: Scene) -> None:
        for old in self.stack:
            old.leave()
        self.stack = [scene]
        scene.enter()
        self._screen_changed()

    def push(self, scene: Scene) -> None:
        self.stack.append(scene)
        scene.enter()
        self._screen_changed()

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop().leave()
            self.top.relayout()
        self._screen_changed()

    def _screen_changed(self) -> None:
        self.held.screen_changed()  # a key held now does not act on the new screen
        self._needs_draw = True
        self._left_scenes = True

    def to_title(self, notice: str = "") -> None:
        from .scenes.title import TitleScene

        self.controller.title_notice = notice
        self.set_scene(TitleScene(self))

    def resume(self, from_backup: bool = False) -> bool:
        """Continue the autosaved game; on failure the title says why (and may offer the backup)."""
        if self.controller.resume(from_backup):
            return True
        self.to_title(self.controller.title_notice)
        return False

    def show_route(self) -> None:
        """Show the scene the game state asks for; the same moment keeps its scene (and selection)."""
        from .scenes import SCENES

        route = self.controller.route()
        scene_key = (route.key, route.scene)
        base = self.stack[0] if self.stack else None
        if base is not None and base.route_key == scene_key and base.name == route.scene:
            for old in self.stack[1:]:
                old.leave()
            self.stack = [base]
            base.relayout()
            self._needs_draw = True
            return
        scene = SCENES[route.scene](self)
        scene.route_key = scene_key
        self.set_scene(scene)

    # ----------------------------------------------------------------- quitting and errors
    def quit(self) -> None:
        self.controller.autosave()
        if self.quit_to_title:  # the monkey keeps playing: quitting leads back to the title
            self.to_title()
            return
        self.running = False

    def fail(self, exc: BaseException) -> None:
        """Never a traceback to the player: log it, autosave, show a calm error screen."""
        from .scenes.error import ErrorScene

        self.controller.log_error(exc)
        self.set_scene(ErrorScene(self, str(exc)[:200]))

    # ----------------------------------------------------------------- events
    def dispatch(self, event: pygame.event.Event) -> None:
        et = event.type
        if et == pygame.QUIT:
            self.quit()
            return
        if et == pygame.VIDEORESIZE:
            self.resize(event.size)
            return
        if et == pygame.WINDOWSIZECHANGED:
            self.resize((event.x, event.y))
            return
        if et in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self._needs_draw = True
            return
        if et in (pygame.WINDOWFOCUSLOST, pygame.KEYUP):
            self.held.release(event)
            return
        if et == pygame.KEYDOWN and not self.held.press(event):
            return  # a held key's repeat that must not act again (see game.ui.input)
        if self._coach_input(event):
            return
        if et in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN):
            self.top.skip_animations()  # any input skips running animations to their end
        self.use_fit(self.top)
        if et == pygame.KEYDOWN and self._window_key(event):
            self._needs_draw = True
            return
        if et in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL,
                  pygame.KEYDOWN, pygame.TEXTINPUT, pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            self.top.handle(event)
            if et != pygame.MOUSEMOTION:
                self._needs_draw = True

    def _coach_input(self, event: pygame.event.Event) -> bool:
        """A click or tap on the guided round's box is the coach's (True); any other key, click or
        tap goes on to the game, and the coach moves on with it."""
        if not self.coach.showing():
            return False
        et = event.type
        pos = None
        if et == pygame.MOUSEBUTTONDOWN and event.button == 1 and not getattr(event, "touch", False):
            pos = event.pos
        elif et == pygame.FINGERDOWN:
            pos = (int(event.x * self.size[0]), int(event.y * self.size[1]))
        if pos is not None and self.coach.click(pos):
            self.repaint_all()
            return True
        if et in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN) and not getattr(event, "touch", False):
            self.coach.game_input()
            self.repaint_all()
        return False

    def _window_key(self, event: pygame.event.Event) -> bool:
        """F11, V (voice), Esc (pause) and Ctrl+Z (undo): the keys every screen shares."""
        key, mod = event.key, event.mod
        if key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if key == pygame.K_F1 or (getattr(event, "unicode", "") == "?" and not self.top.typing()):
            self.show_rules()
            return True
        if key == pygame.K_v and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META) \
                and not self.top.typing():
            self.change_setting("voice", not self.voice.enabled)
            return True
        if key == pygame.K_ESCAPE:
            if not self.top.on_escape():
                from .scenes.pause import PauseScene

                self.push(PauseScene(self))
            return True
        if key == pygame.K_z and mod & pygame.KMOD_CTRL:
            self.top.on_undo()
            return True
        return False

    def show_rules(self) -> None:
        """? or F1 on any screen: the rules over it (Esc or "Terug" comes back to where you were)."""
        from .scenes.rules import RulesScene

        if self.top.name != "rules":
            self.push(RulesScene(self))

    def needs_draw(self) -> bool:
        return self._needs_draw or self._frame_requested or any(s.dirty for s in self.stack)

    def draw(self) -> None:
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].overlay:
            start -= 1
        self._frame_requested = False
        self.frame_no += 1
        for _ in range(MAX_TEXT_SHRINKS):
            take_cut_count()
            for scene in self.stack[start:]:
                self.use_fit(scene)
                scene.draw(self.surface)
            # Text cut at a large UI scale: lay the screen out smaller and draw it again, before
            # anyone sees the cut version.
            if not take_cut_count() or not self.top.shrink_for_text():
                break
        self.use_fit(self.top)
        # over the scenes, after their fit: the room's header, boost notices and the guided first round
        self._draw_room_badge()
        toasts.draw(self.surface, self)
        if self.coach.showing():
            self.coach.draw(self.surface)
        for scene in self.stack:
            scene.dirty = False
        self._needs_draw = False
        pygame.display.flip()
        if not self._presented:
            self._presented = True
            self._mark_first_frame()
        self._maybe_screenshot()

    def repaint_all(self) -> None:
        """Something drawn over the scenes changed: a scene that paints only what changed since its
        last frame (the turn) paints all of it when a frame number was skipped."""
        self.frame_no += 1
        self._needs_draw = True

    def _update_room_badge(self) -> None:
        """The room's header text, looked at twice a second of game time; a change draws a frame."""
        from .room_badge import badge_text, shows_badge

        if self.controller.room is None and not self.room_badge:
            return
        if 0 <= self.clock - self._badge_checked < 0.5:
            return
        self._badge_checked = self.clock
        text = badge_text(self.controller.room, self.lang) if self.stack and shows_badge(self.top) else ""
        if text != self.room_badge:
            self.room_badge = text
            self.repaint_all()  # the old header's pixels must go

    def _draw_room_badge(self) -> None:
        from .room_badge import draw_badge

        if self.room_badge and self.stack and self.top.route_key is not None:
            notes = self.top.notes()
            below = max(self.theme.s("pad"), self.theme.px(30)) if notes else 0
            draw_badge(self.surface, self.theme, self.room_badge, below)

    def _mark_first_frame(self) -> None:
        """For bench/startup.py: BBB_BENCH_FIRST_FRAME=path receives the monotonic clock at the
        moment the first frame is presented."""
        target = os.environ.get("BBB_BENCH_FIRST_FRAME")
        if target:
            try:
                Path(target).write_text(repr(time.monotonic()), encoding="utf-8")
            except OSError:
                pass

    def _maybe_screenshot(self) -> None:
        if self.shots_dir is None:
            return
        scene = self.top
        if scene.photographed:
            return
        scene.photographed = True
        self._shot_count += 1
        self.shots_dir.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.surface, str(self.shots_dir / f"{self._shot_count:03d}-{scene.name}.png"))

    # ----------------------------------------------------------------- the loop
    def step(self, events: Iterable[pygame.event.Event], dt: float) -> None:
        """One frame: events to the top scene, update with the time step, draw if something changed."""
        for event in events:
            self.dispatch(event)
            if self.after_event is not None:
                self.after_event()
            if not self.running:
                return
        self.clock += dt
        if toasts.due(self.clock):
            self._needs_draw = True  # a boost notice goes
        self.use_fit(self.top)
        self.top.update(dt)
        self._update_room_badge()
        if self.coach.check():
            self.repaint_all()
        if self.needs_draw():
            self.draw()
        self.narrator.announce()
        if self._left_scenes:
            # A scene left behind holds surfaces in reference cycles (its buttons' callbacks
            # point back at it): free them now, after the new screen is shown, rather than
            # whenever the collector would have come by.
            self._left_scenes = False
            gc.collect()

    def safe_step(self, events: Iterable[pygame.event.Event], dt: float, let_through: bool = False) -> None:
        """A frame; an exception becomes the calm error screen (bots let it through)."""
        try:
            self.step(events, dt)
        except QuitGame:
            raise
        except Exception as exc:
            if let_through:
                raise
            self.fail(exc)

    def run_loop(self) -> int:
        """Play until the player quits."""
        clock = pygame.time.Clock()
        while self.running:
            try:
                events = self.wait_for_events()
                self.safe_step(events, min(clock.tick() / 1000.0, 0.5))
            except QuitGame:
                break
        return self.exit_code

    def wait_for_events(self) -> list[pygame.event.Event]:
        """The next events. While something moves, frames come at 60 per second; while nothing
        does, the loop sleeps in short naps and checks for input in between. SDL's own
        event.wait polls and costs about 2.5 % of a core; napping costs about 0.4 % (bench/idle.py),
        for at most IDLE_NAP_MS of extra input delay."""
        if self._frame_requested:
            first = pygame.event.wait(1000 // 60)
            return ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
        ticking = any(s.wants_ticks() for s in self.stack) or bool(self.room_badge)
        deadline = time.monotonic() + (TICK_WAIT_MS if ticking else IDLE_WAIT_MS) / 1000
        while True:
            events = pygame.event.get()
            if events or time.monotonic() >= deadline or self.needs_draw():
                return events
            time.sleep(IDLE_NAP_MS / 1000)
