"""The game without a window: options, settings, the session, which screen the game state asks
for, the result file, exports, opening the results folder and the error log.

Nothing here imports pygame: tests drive a whole game through a Controller alone, and the window
(game.ui.window) only shows what `route()` names and passes the player's choices back.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..core.actions import Invalid
from ..core.deck import Deck
from ..i18n import t
from ..paths import user_data_dir
from ..session.save import read_save
from ..session.session import Session
from ..session.storage import StorageError
from .settings import Settings, overrides_from_args, to_store

# The deck checker (pydantic) and the export writers (fpdf2, Pillow) load when first used: they
# cost start-up time a player would wait for. The rules and the session are the standard library.

# Lay-out sizes the window accepts (smaller windows cut the layout; larger than 4K is not tested).
MIN_SIZE = (1024, 600)
MAX_SIZE = (3840, 2160)
DEFAULT_SIZE = (1280, 720)


def parse_size(text: str | None) -> tuple[int, int] | None:
    """"1280x720" -> (1280, 720), kept within MIN_SIZE..MAX_SIZE; None when it is not a size."""
    if not text:
        return None
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        return None
    return max(MIN_SIZE[0], min(MAX_SIZE[0], w)), max(MIN_SIZE[1], min(MAX_SIZE[1], h))


@dataclass(frozen=True)
class PlayOptions:
    """`bbb play`'s command line, read once (the rest of the UI never looks at argparse)."""

    deck: str | None = None
    players: int | None = None
    solo: bool = False
    rounds: int | None = None
    seed: str | None = None
    data_dir: str | None = None
    resume: bool = False
    autoplay: bool = False
    monkey: int = 0
    pace: float = 0.0
    export: bool = False
    screenshots: str | None = None
    size: tuple[int, int] | None = None
    fullscreen: bool = False
    audit_layout: bool = False
    out: str | None = None
    room: str | None = None  # the hub's address (`bbb play --room URL --room-code CODE`)
    room_code: str | None = None

    @classmethod
    def from_args(cls, args: object) -> "PlayOptions":
        def get(name: str, default: Any = None) -> Any:
            value = getattr(args, name, default)
            return default if value is None else value

        return cls(deck=get("deck"), players=get("players"), solo=bool(get("solo", False)),
                   rounds=get("rounds"), seed=None if get("seed") is None else str(get("seed")),
                   data_dir=get("data_dir"), resume=bool(get("resume", False)),
                   autoplay=bool(get("autoplay", False)), monkey=int(get("monkey", 0) or 0),
                   pace=float(get("pace", 0.0) or 0.0), export=bool(get("export", False)),
                   screenshots=get("screenshots"), size=parse_size(get("size")),
                   fullscreen=bool(get("fullscreen", False)), audit_layout=bool(get("audit_layout", False)),
                   out=get("out"), room=get("room"), room_code=get("room_code"))

    @property
    def bot_driven(self) -> bool:
        """Bots, the monkey or the layout audit press the buttons: no person is watching."""
        return self.autoplay or self.monkey > 0 or self.audit_layout


@dataclass(frozen=True)
class Route:
    """What the game state asks the window to show.

    `key` names the moment (the same key: the same screen, kept with its selection); `handover`
    is the player who must get the laptop first (None: no hand-over, or it was confirmed);
    `scene` is the registered scene name to show."""

    key: tuple[Any, ...]
    handover: int | None
    scene: str


@dataclass(frozen=True)
class ExportOutcome:
    """What a player is told after pressing an export button: a sentence, and the files."""

    message: str
    paths: tuple[Path, ...] = ()
    ok: bool = True


class Controller:
    """One player's (or one table's) run of the game, without a window.

    Listeners added with `on_change` are called after every change of the game state (a move, an
    undo, a new or resumed game, a confirmed hand-over): the window then shows `route()`."""

    def __init__(self, options: PlayOptions, deck_override: Deck | None = None,
                 settings_overrides: dict[str, Any] | None = None) -> None:
        self.options = options
        self.deck_override = deck_override
        data = options.data_dir
        if options.monkey and not data:
            data = tempfile.mkdtemp(prefix="bbb-monkey-")
        self.data_dir = user_data_dir(data)
        self.autosave_path = self.data_dir / "autosave.json"
        self.stored_settings = Settings.load(self.data_dir)
        # Command-line settings hold for this run only; they are never written to settings.json
        # (see game/ui/settings.py), unless the player changes them on the settings screen.
        self.setting_overrides: dict[str, Any] = dict(settings_overrides or {})
        self.settings = self.stored_settings.copy()
        for name, value in self.setting_overrides.items():
            setattr(self.settings, name, value)
        self.lang: str = self.settings.lang
        self.session: Session | None = None
        self.handed: tuple[Any, ...] | None = None  # the route key of the last confirmed hand-over
        self.result_path: Path | None = None
        self.result_problem = ""  # a sentence when the result file could not be written
        self.backup_offered = False
        self.title_notice = ""
        self._listeners: list[Callable[[], None]] = []
        self.room: Any = None  # the link to the room's hub (game/room/client.py)
        self.room_name = ""  # the hub's name or address, for "Verbonden met zaal …"
        self.room_share: Any = None  # what the players chose to share on the summary (a ShareChoice)
        if options.room and options.room_code:
            self.join_room(options.room, options.room_code)

    # ----------------------------------------------------------------- listeners
    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        if self.session is not None and self.route().scene == "summary":
            self.finish()
        for listener in list(self._listeners):
            listener()

    # ----------------------------------------------------------------- settings
    def change_setting(self, name: str, value: Any) -> None:
        """A setting chosen on the settings screen (or V for the voice): used at once and remembered."""
        setattr(self.settings, name, value)
        self.setting_overrides.pop(name, None)
        self.lang = self.settings.lang
        self.stored_settings = to_store(self.settings, self.stored_settings, self.setting_overrides)
        self.stored_settings.save(self.data_dir)

    # ----------------------------------------------------------------- the room
    def join_room(self, url: str, code: str, name: str = "") -> Any:
        """Link this table to the room's hub at `url` (with --room, or from the join screen after
        the hub accepted the code). A game in progress is followed from now on; a link made
        earlier is closed (what it still had to send stays in the outbox and goes with the new one)."""
        from ..room.client import RoomLink

        link = RoomLink(url, code, self.data_dir)
        old, self.room = self.room, link
        self.room_name = name or link.base
        self.room_share = None
        if old is not None:
            if self.session is not None and old.observe in self.session.listeners:
                self.session.listeners.remove(old.observe)
            old.close(wait=0)  # never on the screen's time: its thread finishes by itself
        if self.session is not None:
            link.attach(self.session)
        return link

    def leave_room(self) -> None:
        """Unlink the table from the room (results not yet sent stay in the outbox)."""
        old, self.room = self.room, None
        self.room_name, self.room_share = "", None
        if old is not None:
            if self.session is not None and old.observe in self.session.listeners:
                self.session.listeners.remove(old.observe)
            old.close(wait=0)  # never on the screen's time: its thread finishes by itself

    def share_with_room(self, choice: Any = None) -> str:
        """Send this game's result to the room again with what the players chose to share (`None`:
        as chosen before, anonymous at first); the take-home link of the result at the hub."""
        if self.room is None or self.session is None:
            return ""
        from ..export.results import build_result
        from ..room.sharing import ANONYMOUS

        if choice is not None:
            self.room_share = choice
        session = self.session
        result = build_result(session.deck, session.summary(), list(session.state.log), session.save)
        link: str = self.room.share(result, self.room_share or ANONYMOUS)
        return link

    # ----------------------------------------------------------------- decks and games
    def deck_choices(self) -> list[tuple[str, Deck | Path]]:
        """(label, source) per deck; source is a Deck (tests, an override) or a folder path."""
        if self.deck_override is not None:
            return [(self.deck_override.title.get(self.lang), self.deck_override)]
        from ..content.library import builtin_deck_paths

        return [(p.name, p) for p in builtin_deck_paths()]

    def load_deck(self, source: Deck | str | Path) -> Deck:
        """A Deck, or raises DeckLoadError."""
        if not isinstance(source, (str, Path)):
            return source
        from ..content.library import find_deck
        from ..content.loader import load_deck

        path = source if isinstance(source, Path) else find_deck(source)
        deck: Deck = load_deck(path)
        return deck

    def start_game(self, deck: "Deck", names: list[str], rounds: int, seed: int | str, lang: str,
                   timer: int) -> None:
        self.lang = lang
        self.session = Session.start(deck, list(names), rounds=rounds, seed=seed, lang=lang, timer=timer,
                                     autosave_path=self.autosave_path)
        self._new_session()
        self._changed()

    def _new_session(self) -> None:
        self.handed = None
        self.result_path = None
        self.result_problem = ""
        if self.room is not None and self.session is not None:
            self.room.attach(self.session)

    @property
    def backup_path(self) -> Path:
        return self.autosave_path.with_name(self.autosave_path.name + ".bak")

    def has_autosave(self) -> bool:
        return self.autosave_path.is_file()

    def resume(self, from_backup: bool = False) -> bool:
        """Resume the autosave (or its `.bak`); on failure `title_notice` holds one calm sentence
        and, when the previous save is still good, `backup_offered` is True."""
        from ..content.errors import DeckLoadError  # the content package loads the deck checker

        path = self.backup_path if from_backup else self.autosave_path
        self.backup_offered = False
        self.title_notice = ""
        try:
            session = Session.resume(path, autosave_path=self.autosave_path, deck=self.deck_override)
        except DeckLoadError:
            self.title_notice = t(self.lang, "title.save_deck")
            return False
        except StorageError as exc:
            if exc.reason == "missing" and not from_backup:
                self.title_notice = t(self.lang, "title.save_missing")
                return False
            # The backup is one step older and made with the same deck: no help when the deck changed.
            self.backup_offered = not from_backup and exc.reason != "deck_changed" and self._backup_is_good()
            key = ("title.save_bad_backup" if self.backup_offered
                   else "title.save_deck_changed" if exc.reason == "deck_changed" else "title.save_bad")
            self.title_notice = t(self.lang, key, reason=t(self.lang, f"save_problem.{exc.reason}"))
            return False
        self.session = session
        save = session.save
        self.lang = save.lang if save.lang in ("nl", "en") else self.lang
        self._new_session()
        session.autosave()  # a game resumed from the backup becomes the autosave again
        self._changed()
        return True

    def _backup_is_good(self) -> bool:
        try:
            read_save(self.backup_path)
            return True
        except StorageError:
            return False

    @property
    def timer_seconds(self) -> int:
        return int(self.session.save.timer) if self.session else 0

    def act(self, action: Any) -> Invalid | None:
        assert self.session is not None, "a move needs a game"
        result: Invalid | None = self.session.act(action)
        if result is None:
            self._changed()
        return result

    def undo(self) -> Invalid | None:
        if self.session is None:
            return None
        result: Invalid | None = self.session.undo()
        if result is None:
            self._changed()
        return result

    def autosave(self) -> None:
        if self.session is not None:
            self.session.autosave()

    @property
    def save_problem(self) -> str:
        """A sentence for the screen while the game cannot be saved (a full disk, a folder that
        cannot be written), else empty. It clears itself as soon as a save works again."""
        error = self.session.save_error if self.session is not None else None
        if error is None:
            return ""
        reason = getattr(error, "reason", "cannot_write")
        key = "save_error.disk_full" if reason == "disk_full" else "save_error.cannot_write"
        return t(self.lang, key, folder=str(Path(getattr(error, "path", self.autosave_path)).parent))

    # ----------------------------------------------------------------- routing
    def route(self) -> Route:
        """The screen the current game state asks for."""
        assert self.session is not None, "routing needs a game"
        s = self.session.state
        table = s.mode == "table"
        key: tuple[Any, ...]
        who: int | None
        if s.phase == "values":
            key, who, name = ("values", s.current), (s.current if table else None), "values"
        elif s.phase == "event":
            key, who, name = ("event", s.round), None, "event"
        elif s.phase == "turn":
            key = ("turn", s.round, s.turns_done)
            who = s.current if table else None
            name = "room" if s.room_request else "dilemma" if s.dilemma else "turn"
        elif s.phase == "boost" and table and s.boost_pending:
            key, who, name = ("boost-answer", s.round, s.boosts_done), int(s.boost_pending["to"]), "boost"
        elif s.phase == "boost":
            key, who, name = ("boost", s.round, s.boosts_done), (s.current if table else None), "boost"
        elif s.phase == "reflect":
            key, who, name = ("reflect", s.round), None, "reflect"
        else:
            key, who, name = ("summary",), None, "summary"
        if who is not None and self.handed == key:
            who = None
        return Route(key, who, "handover" if who is not None else name)

    def confirm_handover(self, key: tuple[Any, ...]) -> None:
        self.handed = key
        self._changed()

    # ----------------------------------------------------------------- results and exports
    def results_dir(self) -> Path:
        return self.data_dir / "results"

    def export_setup(self) -> dict[str, Any]:
        assert self.session is not None
        save = self.session.save
        return {"names": list(save.names), "rounds": save.rounds, "seed": save.seed, "mode": save.mode,
                "lang": self.lang, "timer": save.timer}

    def finish(self) -> None:
        """A finished game's result file, written once: not again when the summary is shown again,
        and not again when the game was resumed from a save made before its result was written."""
        session = self.session
        if session is None or session.save.result_file or self.result_path is not None:
            return
        earlier = self._earlier_result()
        if earlier is not None:
            self.result_path = earlier
            session.save.result_file = earlier.name
            session.autosave()
            return
        outcome = self._write("json")
        if outcome.ok and outcome.paths:
            self.result_path = outcome.paths[0]
            session.save.result_file = self.result_path.name
            session.autosave()
        else:
            self.result_problem = outcome.message

    def _earlier_result(self) -> Path | None:
        """A result file of this very game (same deck, seed, players and moves) already written."""
        import json

        assert self.session is not None
        save = self.session.save
        folder = self.results_dir()
        try:
            candidates = sorted(folder.glob("*.json"))
        except OSError:
            return None
        log = [dict(a) if isinstance(a, dict) else a for a in self.session.state.log]
        for path in candidates:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(data, dict):
                continue
            setup = data.get("setup") or {}
            if (data.get("deck", {}).get("id") == self.session.deck.id and setup.get("seed") == save.seed
                    and setup.get("names") == list(save.names) and data.get("log") == _plain(log)):
                return path
        return None

    def export(self, name: str) -> ExportOutcome:
        """Write the summary in the registered format `name`; the sentence names the files."""
        return self._write(name)

    def _write(self, name: str) -> ExportOutcome:
        assert self.session is not None
        try:
            from ..export.formats import FORMATS, ExportRequest
        except ImportError:
            return ExportOutcome(t(self.lang, "export.unavailable"), ok=False)
        fmt = FORMATS[name]
        request = ExportRequest(self.session.deck, self.session.summary(), list(self.session.state.log),
                                self.export_setup(), self.lang, self.results_dir())
        try:
            paths = tuple(fmt.write(request))
        except Exception as exc:  # a full disk or a read-only stick must not end the game
            if self.options.monkey:
                raise
            reason = getattr(exc, "detail", "") or getattr(exc, "strerror", "") or str(exc)
            return ExportOutcome(t(self.lang, "export.failed", reason=str(reason)[:120]), ok=False)
        files = ", ".join(p.name for p in paths)
        return ExportOutcome(t(self.lang, "export.saved", path=files), paths)

    def open_results_folder(self) -> str:
        """Open the results folder in the system's file manager; the sentence says where it is."""
        folder = self.results_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return t(self.lang, "export.failed", reason=str(exc)[:120])
        if self.options.bot_driven or os.environ.get("SDL_VIDEODRIVER") == "dummy":
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

    def close(self) -> None:
        """The program ends: the room link sends what it still has."""
        if self.room is not None:
            self.room.close()

    # ----------------------------------------------------------------- errors
    def log_error(self, exc: BaseException) -> None:
        """Write the traceback to error.log in the data folder and autosave; never raises."""
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            with open(self.data_dir / "error.log", "a", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError:
            pass
        try:
            self.autosave()
        except Exception:  # the error screen must appear even when saving fails too
            pass


def _plain(value: Any) -> Any:
    """JSON's view of a value (tuples as lists), to compare a log with one read from a file."""
    import json

    return json.loads(json.dumps(value, default=_as_json))


def _as_json(value: Any) -> Any:
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return to_json()
    raise TypeError(f"not JSON: {type(value).__name__}")


def settings_overrides(args: object) -> dict[str, Any]:
    """The settings given on the command line (one run only)."""
    return dict(overrides_from_args(args))
