"""Numbers on screen and on paper follow the language: 2,62 in Dutch, 2.62 in English."""

import pytest

from game.i18n.numbers import number, signed


@pytest.mark.parametrize("value, lang, decimals, text", [
    (2.62, "nl", 2, "2,62"), (2.62, "en", 2, "2.62"), (66.4, "nl", 0, "66"), (-3, "nl", 0, "\u22123"),
    (-0.004, "en", 2, "0.00"), (1234.5, "nl", 1, "1234,5"),
])
def test_a_number_is_written_as_the_language_writes_it(value, lang, decimals, text):
    assert number(value, lang, decimals) == text


@pytest.mark.parametrize("value, text", [(3, "+3"), (-1.5, "\u22121,5"), (0, "0"), (0.04, "0,0")])
def test_a_change_carries_its_sign(value, text):
    assert signed(value, "nl", 1 if isinstance(value, float) else 0) == text
