"""The game window: the scene stack, routing from the game state to a scene, the loop, autosave."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from ..core.actions import Invalid
from ..i18n import t
from ..paths import user_data_dir
from .settings import Settings, overrides_from_args, to_store
from .text import clear_cache, reset_caches, take_cut_count
from .theme import Theme
from .voice import Voice

if TYPE_CHECKING:  # the rules and the session load when the first game starts, not at start-up
    from ..session import Session

MIN_SIZE = (1024, 600)
DEFAULT_SIZE = (1280, 720)
MAX_TEXT_SHRINKS = 12  # 0.9 ** 11 ≈ 0.31: from 200 % down to the 100 % layout and below
IDLE_NAP_MS = 30  # how long the idle loop sleeps between looks at the event queue
IDLE_WAIT_MS = 5000
TICK_WAIT_MS = 100
AUTOPLAY_DT = 1 / 30


def parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        return None
    return max(MIN_SIZE[0], min(3840, w)), max(MIN_SIZE[1], min(2160, h))


class QuitGame(Exception):
    pass


class App:
    """One window. `run_loop` until the player quits; scenes ask the app to act, route and switch."""

    def __init__(self, args, deck_override=None, headless_size=None) -> None:
        self.args = args
        self.deck_override = deck_override
        self.monkey = bool(getattr(args, "monkey", None))
        self.autoplay = bool(getattr(args, "autoplay", False))
        data = getattr(args, "data_dir", None)
        if self.monkey and not data:
            data = tempfile.mkdtemp(prefix="bbb-monkey-")
        self.data_dir = user_data_dir(data)
        self.autosave_path = self.data_dir / "autosave.json"
        self.stored_settings = Settings.load(self.data_dir)
        # Command-line settings hold for this run only; they are never written to settings.json
        # (see game/ui/settings.py), unless the player changes them on the settings screen.
        self.setting_overrides = overrides_from_args(args)
        self.settings = self.stored_settings.copy()
        for name, value in self.setting_overrides.items():
            setattr(self.settings, name, value)
        self.lang = self.settings.lang
        # Motion (Scene.animate) only for people: never for bots, the monkey or headless tests.
        self.motion_possible = not (self.monkey or self.autoplay or os.environ.get("SDL_VIDEODRIVER") == "dummy")
        self.clock = 0.0  # seconds of game time, advanced by each frame's dt
        self._frame_requested = False
        self.voice = Voice(self.settings.voice, lang=self.lang)
        self._spoken_scene = None
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        size = headless_size or parse_size(getattr(args, "size", None)) or DEFAULT_SIZE
        self.fullscreen = bool(getattr(args, "fullscreen", False))
        self.surface = self._open_window(size)
        self.size = self.surface.get_size()
        self.theme = Theme(self.settings.high_contrast, self.settings.ui_scale, self.size)
        pygame.display.set_caption(t(self.lang, "app.title"))
        self.session: Session | None = None
        self.stack: list = []
        self.running = True
        self.exit_code = 0
        self.handed = None  # the route key of the last hand-over the players confirmed
        self.result_path: Path | None = None
        self.backup_offered = False
        self._presented = False
        self.title_notice = ""
        self.shots_dir = Path(args.screenshots) if getattr(args, "screenshots", None) else None
        self._shot_seen: set[int] = set()
        self._shot_count = 0
        self._needs_draw = True
        self.rng = random.Random(str(getattr(args, "seed", None) or 0))
        self._prev_state = None
        self._initial_cards: Counter | None = None
        self._autoplay_summary_steps = 0
        self.room = None  # the link to the room's hub with --room (game/room/client.py)
        if getattr(args, "room", None) and getattr(args, "room_code", None):
            from ..room.client import RoomLink

            self.room = RoomLink(args.room, args.room_code, self.data_dir)

    # ----------------------------------------------------------------- window
    def _open_window(self, size):
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

    def resize(self, size) -> None:
        size = (max(MIN_SIZE[0], int(size[0])), max(MIN_SIZE[1], int(size[1])))
        if pygame.display.get_surface() is None or pygame.display.get_surface().get_size() != size:
            self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        else:
            self.surface = pygame.display.get_surface()
        self.size = self.surface.get_size()
        self.theme.window = self.size
        for scene in self.stack:
            scene.relayout()
        self._needs_draw = True

    # ----------------------------------------------------------------- motion and voice
    @property
    def motion_enabled(self) -> bool:
        """The one switch for animations (Scene.animate): False with reduced motion, in autoplay,
        in monkey mode and on the headless test driver."""
        return self.motion_possible and not self.settings.reduced_motion

    def request_frame(self) -> None:
        """An animation is running: draw the next frame too, and do not sleep until input."""
        self._frame_requested = True

    def say(self, text: str, force: bool = False) -> bool:
        self.voice.lang = self.lang
        return self.voice.say(text, force=force)

    def set_voice(self, on: bool) -> bool:
        """Switch the voice for this run; says so. Returns whether it is on (False without an engine)."""
        self.voice.lang = self.lang
        if not on:
            self.voice.set_enabled(False, farewell=t(self.lang, "voice.off") if self.voice.enabled else "")
            return False
        self.voice.set_enabled(True)
        if not self.voice.available:
            self.voice.set_enabled(False)
            if self.stack:
                self.top.message = t(self.lang, "voice.none")
                self.top.dirty = True
            return False
        text = t(self.lang, "voice.on")
        if self.stack:
            self._use_fit(self.top)
            text += " " + self.top.spoken_text()
        self.say(text, force=True)
        return True

    def toggle_voice(self) -> None:
        """V: the voice on or off, remembered like a change on the settings screen."""
        self.change_setting("voice", not self.voice.enabled)

    def _use_fit(self, scene) -> None:
        self.theme.fit = getattr(scene, "fit", 1.0)

    def _speak_new_scene(self) -> None:
        """Each new screen says its main content once (after its first draw, so headings are known)."""
        if not self.stack:
            return
        scene = self.top
        key = (id(scene), getattr(scene, "route_key", None))
        if key == self._spoken_scene:
            return
        self._spoken_scene = key
        if self.voice.enabled:
            self._use_fit(scene)
            self.say(scene.spoken_text())

    def toggle_fullscreen(self) -> None:
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            pass
        self.resize(pygame.display.get_surface().get_size())

    def change_setting(self, name: str, value) -> None:
        """A setting chosen on the settings screen (or V for the voice): used at once and remembered."""
        setattr(self.settings, name, value)
        self.setting_overrides.pop(name, None)
        if name == "voice" and bool(value) != self.voice.enabled:
            self.settings.voice = self.set_voice(bool(value))
        self.apply_settings()

    def apply_settings(self) -> None:
        self.lang = self.settings.lang
        self.voice.lang = self.lang
        self.theme.high_contrast = self.settings.high_contrast
        self.theme.ui_scale = self.settings.ui_scale
        self.theme.reload()
        clear_cache()
        self.stored_settings = to_store(self.settings, self.stored_settings, self.setting_overrides)
        self.stored_settings.save(self.data_dir)
        pygame.display.set_caption(t(self.lang, "app.title"))
        for scene in self.stack:
            scene.relayout()
        self._needs_draw = True

    # ----------------------------------------------------------------- scene stack
    @property
    def top(self):
        return self.stack[-1]

    def set_scene(self, scene) -> None:
        self.stack = [scene]
        scene.enter()
        self._needs_draw = True

    def push(self, scene) -> None:
        self.stack.append(scene)
        scene.enter()
        self._needs_draw = True

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
            self.top.relayout()
        self._needs_draw = True

    def to_title(self, notice: str = "") -> None:
        from .scenes.title import TitleScene

        self.title_notice = notice
        self.set_scene(TitleScene(self))

    # ----------------------------------------------------------------- decks and games
    def deck_choices(self) -> list[tuple[str, object]]:
        """(label, source) per deck; source is a Deck (tests) or a folder path."""
        if self.deck_override is not None:
            return [(self.deck_override.title.get(self.lang), self.deck_override)]
        from ..content import builtin_deck_paths

        return [(p.name, p) for p in builtin_deck_paths()]

    def load_deck(self, source):
        """A Deck, or raises DeckLoadError."""
        if not isinstance(source, (str, Path)):
            return source
        from ..content import find_deck, load_deck

        path = source if isinstance(source, Path) else find_deck(source)
        return load_deck(path)

    def start_game(self, deck, names, rounds, seed, lang, timer) -> None:
        self.lang = lang
        from ..session import Session  # the rules load when the first game starts, not at start-up

        self.session = Session.start(deck, list(names), rounds=rounds, seed=seed, lang=lang, timer=timer,
                                     autosave_path=self.autosave_path)
        self._new_session()
        self.route()

    def _new_session(self) -> None:
        self.handed = None
        self.result_path = None
        self._initial_cards = None
        self._prev_state = self.session.state
        if self.room is not None:
            self.room.attach(self.session)

    def resume(self, from_backup: bool = False) -> bool:
        """Resume the autosave (or its `.bak`); on failure the title shows one calm sentence and,
        when the previous save is still good, offers it."""
        from ..content import DeckLoadError
        from ..session import Session, StorageError

        path = self.backup_path if from_backup else self.autosave_path
        self.backup_offered = False
        try:
            self.session = Session.resume(path, autosave_path=self.autosave_path, deck=self.deck_override)
        except DeckLoadError:
            self.to_title(t(self.lang, "title.save_deck"))
            return False
        except StorageError as exc:
            if exc.reason == "missing" and not from_backup:
                self.to_title(t(self.lang, "title.save_missing"))
                return False
            self.backup_offered = not from_backup and self._backup_is_good()
            key = "title.save_bad_backup" if self.backup_offered else "title.save_bad"
            self.to_title(t(self.lang, key, reason=t(self.lang, f"save_problem.{exc.reason}")))
            return False
        save = self.session.save
        self.lang = save.lang if save.lang in ("nl", "en") else self.lang
        self._new_session()
        self.session.autosave()  # a game resumed from the backup becomes the autosave again
        self.route()
        return True

    @property
    def backup_path(self) -> Path:
        return self.autosave_path.with_name(self.autosave_path.name + ".bak")

    def _backup_is_good(self) -> bool:
        from ..session.save import read_save
        from ..session.storage import StorageError

        try:
            read_save(self.backup_path)
            return True
        except StorageError:
            return False

    def has_autosave(self) -> bool:
        return self.autosave_path.is_file()

    @property
    def timer_seconds(self) -> int:
        return self.session.save.timer if self.session else 0

    def act(self, action: dict) -> Invalid | None:
        result = self.session.act(action)
        if isinstance(result, Invalid):
            return result
        self.route()
        return None

    def undo(self) -> Invalid | None:
        if self.session is None:
            return None
        result = self.session.undo()
        if result is None:
            self.route()
        return result

    # ----------------------------------------------------------------- routing
    def route_key(self):
        """(key, hand-over player or None, scene name) for the current game state."""
        s = self.session.state
        table = s.mode == "table"
        if s.phase == "values":
            return ("values", s.current), (s.current if table else None), "values"
        if s.phase == "event":
            return ("event", s.round), None, "event"
        if s.phase == "turn":
            key = ("turn", s.round, s.turns_done)
            scene = "room" if s.room_request else "dilemma" if s.dilemma else "turn"
            return key, (s.current if table else None), scene
        if s.phase == "boost":
            if table and s.boost_pending:
                return ("boost-answer", s.round, s.boosts_done), s.boost_pending["to"], "boost"
            return ("boost", s.round, s.boosts_done), (s.current if table else None), "boost"
        if s.phase == "reflect":
            return ("reflect", s.round), None, "reflect"
        return ("summary",), None, "summary"

    def route(self) -> None:
        from .scenes import SCENES
        from .scenes.handover import HandoverScene

        key, who, name = self.route_key()
        if who is not None and self.handed != key:
            scene = HandoverScene(self, who, key)
        else:
            scene = SCENES[name](self)
        scene.route_key = (key, name if who is None or self.handed == key else "handover")
        base = self.stack[0] if self.stack else None
        if base is not None and getattr(base, "route_key", None) == scene.route_key and type(base) is type(scene):
            self.stack = [base]
            base.relayout()
        else:
            self.set_scene(scene)
        if name == "summary" and not self.session.save.result_file:
            self.save_result()
        self._needs_draw = True

    def confirm_handover(self, key) -> None:
        self.handed = key
        self.route()

    # ----------------------------------------------------------------- results
    def results_dir(self) -> Path:
        return self.data_dir / "results"

    def export_setup(self) -> dict:
        save = self.session.save
        return {"names": list(save.names), "rounds": save.rounds, "seed": save.seed, "mode": save.mode,
                "lang": self.lang}

    def save_result(self) -> str:
        """Write the result JSON once; returns a sentence for the screen."""
        try:
            from ..export import save_result
        except ImportError:
            return t(self.lang, "export.unavailable")
        try:
            self.result_path = save_result(self.session.deck, self.session.summary(), list(self.session.state.log),
                                           self.export_setup(), self.results_dir())
            self.session.save.result_file = self.result_path.name
            self.session.autosave()
            return t(self.lang, "export.saved", path=str(self.result_path))
        except Exception as exc:  # a full disk or a read-only stick must not end the game
            if self.monkey:
                raise
            return t(self.lang, "export.failed", reason=str(exc)[:120])

    def export(self, kind: str) -> str:
        try:
            from .. import export as ex
            fn = ex.save_pdf if kind == "pdf" else ex.save_png
        except (ImportError, AttributeError):
            return t(self.lang, "export.unavailable")
        try:
            out = fn(self.session.deck, self.session.summary(), self.results_dir(), self.lang)
            paths = out if isinstance(out, list) else [out]
            return t(self.lang, "export.saved", path=", ".join(str(p) for p in paths))
        except Exception as exc:
            if self.monkey:
                raise
            return t(self.lang, "export.failed", reason=str(exc)[:120])

    def open_results_folder(self) -> str:
        folder = self.results_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return t(self.lang, "export.failed", reason=str(exc)[:120])
        if self.monkey or self.autoplay or os.environ.get("SDL_VIDEODRIVER") == "dummy":
            return t(self.lang, "export.folder", path=str(folder))
        try:
            if sys.platform.startswith("win"):
                os.startfile(str(folder))  # type: ignore[attr-defined]
            elif sys.platform == "darwin":
                subprocess.Popen(["open", str(folder)])
            else:
                subprocess.Popen(["xdg-open", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            pass
        return t(self.lang, "export.folder", path=str(folder))

    # ----------------------------------------------------------------- quitting and errors
    def quit(self) -> None:
        if self.session is not None:
            self.session.autosave()
        if self.monkey:  # the monkey keeps playing: quitting leads back to the title
            self.to_title()
            return
        self.running = False

    def fail(self, exc: BaseException) -> None:
        """Never a traceback to the player: log it, autosave, show a calm error screen."""
        from .scenes.error import ErrorScene

        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            with open(self.data_dir / "error.log", "a", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError:
            pass
        if self.session is not None:
            try:
                self.session.autosave()
            except Exception:
                pass
        self.set_scene(ErrorScene(self, str(exc)[:200]))

    # ----------------------------------------------------------------- events
    def dispatch(self, event) -> None:
        et = event.type
        if et == pygame.QUIT:
            self.quit()
            return
        if et in (pygame.VIDEORESIZE,):
            self.resize(event.size)
            return
        if et == pygame.WINDOWSIZECHANGED:
            self.resize((event.x, event.y))
            return
        if et in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self._needs_draw = True
            return
        if et in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN):
            self.top.skip_animations()  # any input skips running animations to their end
        self._use_fit(self.top)
        if et == pygame.KEYDOWN:
            if event.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_v and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META) \
                    and not self._typing():
                self.toggle_voice()
                self._needs_draw = True
                return
            if event.key == pygame.K_ESCAPE:
                if not self.top.on_escape():
                    from .scenes.pause import PauseScene

                    self.push(PauseScene(self))
                self._needs_draw = True
                return
            if event.key == pygame.K_z and event.mod & pygame.KMOD_CTRL:
                handler = getattr(self.top, "on_undo", None)
                if handler:
                    handler()
                self._needs_draw = True
                return
        if et in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL,
                  pygame.KEYDOWN, pygame.TEXTINPUT, pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            scene = self.top
            scene.handle(event)
            if et != pygame.MOUSEMOTION:
                self._needs_draw = True

    def _typing(self) -> bool:
        """True while a text field has the focus: V then types a v."""
        w = self.top.focused() if self.stack else None
        return w is not None and w.kind == "field"

    def needs_draw(self) -> bool:
        return self._needs_draw or self._frame_requested or any(s.dirty for s in self.stack)

    def draw(self) -> None:
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].overlay:
            start -= 1
        self._frame_requested = False
        for _ in range(MAX_TEXT_SHRINKS):
            take_cut_count()
            for scene in self.stack[start:]:
                self._use_fit(scene)
                scene.draw(self.surface)
            # Text cut at a large UI scale: lay the screen out smaller and draw it again, before
            # anyone sees the cut version.
            if not take_cut_count() or not self.top.shrink_for_text():
                break
        self._use_fit(self.top)
        for scene in self.stack:
            scene.dirty = False
        self._needs_draw = False
        pygame.display.flip()
        if not self._presented:
            self._presented = True
            self._mark_first_frame()
        self._maybe_screenshot()

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
        if getattr(scene, "_photographed", False):
            return
        scene._photographed = True
        self._shot_count += 1
        self.shots_dir.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.surface, str(self.shots_dir / f"{self._shot_count:03d}-{scene.name}.png"))

    # ----------------------------------------------------------------- the loop
    def step(self, events, dt: float) -> None:
        """One frame: events to the top scene, update with the time step, draw if something changed."""
        for event in events:
            self.dispatch(event)
            if self.monkey:
                self.check_invariants()
            if not self.running:
                return
        self.clock += dt
        self._use_fit(self.top)
        self.top.update(dt)
        if self.needs_draw():
            self.draw()
        self._speak_new_scene()

    def run_loop(self) -> int:
        clock = pygame.time.Clock()
        monkey_left = int(getattr(self.args, "monkey", 0) or 0)
        pace = float(getattr(self.args, "pace", 0.0) or 0.0)
        while self.running:
            try:
                if self.autoplay:
                    if pace:
                        pygame.time.wait(int(pace * 1000))
                    self.autoplay_step()
                    events = pygame.event.get()
                    dt = AUTOPLAY_DT
                elif self.monkey:
                    if monkey_left <= 0:
                        break
                    monkey_left -= 1
                    pygame.event.get()  # drop whatever the system sent; only the monkey plays
                    events = self.monkey_events()
                    dt = AUTOPLAY_DT
                else:
                    events = self._wait_for_events()
                    dt = min(clock.tick() / 1000.0, 0.5)
                self.safe_step(events, dt)
            except QuitGame:
                break
        return self.exit_code

    def _wait_for_events(self) -> list:
        """The next events. While something moves, frames come at 60 per second; while nothing
        does, the loop sleeps in short naps and checks for input in between. SDL's own
        event.wait polls and costs about 2.5 % of a core; napping costs about 0.4 % (bench/idle.py),
        for at most IDLE_NAP_MS of extra input delay."""
        if self._frame_requested:
            first = pygame.event.wait(1000 // 60)
            return ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
        ticking = any(s.wants_ticks() for s in self.stack)
        deadline = time.monotonic() + (TICK_WAIT_MS if ticking else IDLE_WAIT_MS) / 1000
        while True:
            events = pygame.event.get()
            if events or time.monotonic() >= deadline or self.needs_draw():
                return events
            time.sleep(IDLE_NAP_MS / 1000)

    def safe_step(self, events, dt: float) -> None:
        """A frame; an exception becomes the calm error screen (monkey and autoplay let it through)."""
        try:
            self.step(events, dt)
        except QuitGame:
            raise
        except Exception as exc:
            if self.monkey or self.autoplay:
                raise
            self.fail(exc)

    # ----------------------------------------------------------------- autoplay
    def bot_action(self):
        from ..core.bots import choose

        if self.session is None or getattr(self.top, "route_key", None) is None:
            return None
        if self.top.name == "handover":
            return None
        return choose(self.session.deck, self.session.state, ["balanced", "social", "personal", "random"])

    def autoplay_step(self) -> None:
        scene = self.top
        if self._needs_draw or any(s.dirty for s in self.stack):
            return  # let the frame be drawn (and photographed) first
        if scene.name == "summary":
            self._autoplay_summary_steps += 1
            if self._autoplay_summary_steps == 1 and getattr(self.args, "export", False):
                for kind in ("pdf", "png"):
                    message = self.export(kind)
                    print(message)
            if self._autoplay_summary_steps == 2:
                rect = scene.widget("how").rect if scene.widget("how") else None
                if rect:
                    self.post_click(rect.center)
                    return
            if self._autoplay_summary_steps >= 2:
                raise QuitGame
            self._needs_draw = True
            return
        if scene.name == "explain":
            self.post_key(pygame.K_ESCAPE)
            return
        action = self.bot_action()
        text = scene.autoplay_text(action) if hasattr(scene, "autoplay_text") else None
        if text:
            for ch in text:
                pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
            return
        rect = scene.rect_for(action)
        if rect is None:
            raise RuntimeError(f"autoplay: scene {scene.name} has no widget for {action}")
        self.post_click(rect.center)

    def post_click(self, pos) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False))

    def post_key(self, key, mod=0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))

    # ----------------------------------------------------------------- the monkey
    def monkey_events(self) -> list:
        r = self.rng
        w, h = self.size
        roll = r.random()
        E = pygame.event.Event
        widgets = [x for x in self.top.widgets if x.enabled]
        if roll < 0.45 and widgets:
            pos = r.choice(widgets).rect.center
            return [E(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
                    E(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)]
        if roll < 0.55:
            pos = (r.randrange(w), r.randrange(h))
            return [E(pygame.MOUSEBUTTONDOWN, pos=pos, button=r.choice((1, 1, 3, 4, 5)), touch=False)]
        if roll < 0.62:
            return [E(pygame.FINGERDOWN, x=r.random(), y=r.random(), dx=0.0, dy=0.0, finger_id=0, touch_id=0,
                      pressure=1.0),
                    E(pygame.FINGERUP, x=r.random(), y=r.random(), dx=0.0, dy=0.0, finger_id=0, touch_id=0,
                      pressure=0.0)]
        if roll < 0.68:
            x, y = r.randrange(w), r.randrange(h)
            return [E(pygame.MOUSEMOTION, pos=(x, y), rel=(r.randint(-50, 50), r.randint(-50, 50)),
                      buttons=(1, 0, 0), touch=False),
                    E(pygame.MOUSEWHEEL, x=0, y=r.choice((-1, 1)), flipped=False, precise_x=0.0, precise_y=0.0,
                      touch=False)]
        if roll < 0.9:
            key = r.choice([pygame.K_TAB, pygame.K_TAB, pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN,
                            pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP,
                            pygame.K_DOWN, pygame.K_BACKSPACE, pygame.K_z, pygame.K_PAGEDOWN, pygame.K_a])
            mod = r.choice((0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL))
            return [E(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)]
        if roll < 0.96:
            return [E(pygame.TEXTINPUT, text=r.choice(["a", "Z", "é", " ", "7", "ß", "—"]))]
        size = (r.randint(1024, 2200), r.randint(600, 1300))
        return [E(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])]

    def check_invariants(self) -> None:
        if self.session is None:
            return
        from ..core.scoring import fits, mix_hours
        from ..core.state import card_of

        deck, s = self.session.deck, self.session.state

        def cards(state) -> Counter:
            return Counter(z for z in state.all_cards() if deck.card(card_of(z)).type in ("role", "task", "dilemma"))

        if self._initial_cards is None:
            self._initial_cards = cards(self.session.initial)
        now = cards(s)
        if now != self._initial_cards:
            lost = self._initial_cards - now
            extra = now - self._initial_cards
            raise AssertionError(f"cards lost {dict(lost)} or duplicated {dict(extra)}")
        prev = self._prev_state if self._prev_state is not None and len(self._prev_state.players) == len(s.players) else None
        for i, p in enumerate(s.players):
            hours = mix_hours(deck, p.mix)
            grew = prev is not None and len(s.log) > len(prev.log) and hours > mix_hours(deck, prev.players[i].mix)
            if hours > p.budget and grew:  # undo may bring back a week an event made too full; a move may not
                raise AssertionError(f"{p.name}'s week grew past the budget: {hours} > {p.budget}")
            pf, sf = fits(deck, p.mix, p.budget, p.weights, s.needs, s.offers)
            if not (0 <= pf <= 100 and 0 <= sf <= 100):
                raise AssertionError(f"scores out of range: {pf}, {sf}")
        self._prev_state = s


def run(args) -> int:
    """`bbb play`: open the window and play until the player quits (exit status 0)."""
    app = App(args)
    try:
        app.to_title()
        # Bots start from the title screen like a player would (with --continue they press
        # "Doorgaan"); a player with --continue goes straight back into the game.
        if getattr(args, "resume", False) and not getattr(args, "autoplay", False):
            app.resume()
        elif getattr(args, "monkey", None) and (args.deck or args.players or args.solo):
            _start_monkey_game(app, args)
        return app.run_loop()
    finally:
        if app.room is not None:
            app.room.close()
        reset_caches()
        pygame.quit()


def _start_monkey_game(app: App, args) -> None:
    """`--monkey N --deck D --players K`: begin inside a game of that deck and size, so that a
    monkey run is sure to cover it; after the summary the monkey roams the menus as usual."""
    deck = app.load_deck(args.deck or "breder-belang")
    players = 1 if args.solo else (args.players or 1)
    names = [t(app.lang, "setup.you")] if players == 1 else [f"P{i + 1}" for i in range(players)]
    app.start_game(deck, names, args.rounds or 4, args.seed or 0, app.lang, 0)
