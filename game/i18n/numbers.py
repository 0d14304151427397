"""Numbers as each language writes them: a decimal comma in Dutch, a point in English, a real minus sign."""

from __future__ import annotations

DECIMAL_MARK = {"nl": ",", "en": "."}
MINUS = "\u2212"


def number(value: float, lang: str, decimals: int = 0) -> str:
    """`2.62` -> "2,62" in Dutch and "2.62" in English; `-3` -> "−3"; no "-0" after rounding."""
    text = f"{value:.{decimals}f}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text.replace("-", MINUS).replace(".", DECIMAL_MARK.get(lang, "."))


def signed(value: float, lang: str, decimals: int = 0) -> str:
    """A change with its sign: "+3", "−1,5", "0"."""
    text = number(value, lang, decimals)
    return "+" + text if not text.startswith(MINUS) and text.strip("0,.") else text
