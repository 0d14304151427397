"""The one family of errors the program raises for bad input: each a ValueError with a place or a reason.

Callers catch `GameError` (or a subclass) and show its sentence; anything else is a bug.
"""


class GameError(ValueError):
    """Bad input from outside the program: a deck, a save, a result file, a spreadsheet, a move."""
