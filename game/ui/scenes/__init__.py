"""One module per screen of the game; each scene handles events, updates with dt and draws.

Importing this package imports every screen, and each registers itself by its `name` in
`SCENES` (see scenes/base.py): the window shows `SCENES[route.scene]`.
"""

from . import (boost, dilemma, error, event, explain, handover, join_room, pause, reflect, room, rules,  # noqa: F401
               settings_scene, setup, summary, title, turn, values)
from .base import SCENES, Scene

__all__ = ["SCENES", "Scene"]
