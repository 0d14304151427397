"""What a scene may ask of the window that shows it: the typed host protocol.

Scenes get a `Host`, never the window class itself: a scene can be shown by the real window, by a
test or by the layout audit, as long as that offers these members.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .controller import Controller
    from .scenes.base import Scene
    from .theme import Theme


class Host(Protocol):
    controller: "Controller"
    theme: "Theme"
    clock: float  # seconds of game time, advanced by each frame's dt
    frame_no: int  # frames drawn so far

    @property
    def size(self) -> tuple[int, int]: ...

    @property
    def lang(self) -> str: ...

    @lang.setter
    def lang(self, value: str) -> None: ...

    @property
    def motion_enabled(self) -> bool: ...

    @property
    def top(self) -> "Scene": ...

    def request_frame(self) -> None: ...

    def say(self, text: str, force: bool = False) -> bool: ...

    def push(self, scene: "Scene") -> None: ...

    def pop(self) -> None: ...

    def to_title(self, notice: str = "") -> None: ...

    def is_base(self, scene: "Scene") -> bool: ...

    def change_setting(self, name: str, value: object) -> None: ...

    def resume(self, from_backup: bool = False) -> bool: ...

    def quit(self) -> None: ...
