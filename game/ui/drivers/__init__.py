"""What plays the game instead of a person: bots (autoplay), the monkey, and the layout audit.

Each reaches the screens only through `adapter.SceneAdapter`: where a player would click or what
they would type to take a move. The production scenes know nothing of them.
"""
