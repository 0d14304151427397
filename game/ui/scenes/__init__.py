"""One module per screen of the game; each scene handles events, updates with dt and draws."""

from .boost import BoostScene
from .dilemma import DilemmaScene
from .event import EventScene
from .reflect import ReflectScene
from .room import RoomScene
from .summary import SummaryScene
from .turn import TurnScene
from .values import ValuesScene

# The game scenes the app routes to from the phase of the game state.
SCENES = {
    "values": ValuesScene,
    "event": EventScene,
    "turn": TurnScene,
    "dilemma": DilemmaScene,
    "room": RoomScene,
    "boost": BoostScene,
    "reflect": ReflectScene,
    "summary": SummaryScene,
}
