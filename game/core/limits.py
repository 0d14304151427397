"""The ranges of the numbers on cards and in the game (the deck format's contract)."""

PERSONAL_MIN, PERSONAL_MAX = -3, 3
SOCIAL_MIN, SOCIAL_MAX = 0, 3
NEED_MIN, NEED_MAX = 1, 5
MAX_BUDGET = 80  # no event takes a week's hours above this
