"""What drives the window besides a person's hands: bots (autoplay), the monkey, the layout
audit, and the narrator that reads the screens aloud.

The players among them reach the screens only through `adapter.SceneAdapter`: where a player
would click or what they would type to take a move. The production scenes know nothing of them.
"""
