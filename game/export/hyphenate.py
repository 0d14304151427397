"""Wrapping card text into lines with proper hyphenation (Dutch and English, from pyphen's dictionaries).

One algorithm for the screen and for paper: the caller passes how wide a piece of text is
(pygame pixels or PDF millimetres). A word that does not fit a line breaks at a syllable that
the language's hyphenation dictionary allows ("Duurzaamheids-project", never
"Duurzaamheidsproj-ect"); a word that already holds a hyphen breaks there first
("ICT-|beheerder"). Only a word with no allowed break narrow enough is cut by characters, the
last resort on a line too narrow for any syllable.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

Measure = Callable[[str], float]

# Letters to keep before and after a break. Dutch compounds read best when broken between their
# parts; five letters after a break keeps most breaks there ("Verpleeg-kundige", "Duurzaamheids-
# project") without a compound dictionary.
MINIMUMS = {"nl": (2, 5), "en": (2, 3)}
DEFAULT_MINIMUM = (2, 3)
DICTIONARIES = {"nl": "nl_NL", "en": "en_GB"}
MIN_FILL = 5  # a long word starts on the line before only with a head of more letters than this


@lru_cache(maxsize=8)
def _dictionary(lang: str):
    try:
        import pyphen
    except ImportError:  # an install without pyphen still wraps, breaking long words by characters
        return None
    name: str | None = DICTIONARIES.get(lang, lang)
    if name not in pyphen.LANGUAGES:
        name = pyphen.language_fallback(name) if hasattr(pyphen, "language_fallback") else None
    if not name:
        return None
    left, right = MINIMUMS.get(lang, DEFAULT_MINIMUM)
    return pyphen.Pyphen(lang=name, left=left, right=right)


def _pieces(word: str) -> list[str]:
    """A word split after each hyphen it already holds: "ICT-beheerder" -> ["ICT-", "beheerder"]."""
    parts, start = [], 0
    for i, ch in enumerate(word):
        if ch in "-‐–" and 0 < i < len(word) - 1:
            parts.append(word[start:i + 1])
            start = i + 1
    parts.append(word[start:])
    return [p for p in parts if p]


@lru_cache(maxsize=4096)
def break_points(word: str, lang: str) -> tuple[tuple[str, str], ...]:
    """Every allowed break of `word` as (head, tail), longest head first; a head ends in "-".

    Existing hyphens are breaks without an added hyphen; the syllables of each part come from the
    dictionary (which also knows spelling changes at a break, as in older Dutch and German).
    Letters and digits in all capitals (ICT, MDT) are not split.
    """
    pieces = _pieces(word)
    dic = _dictionary(lang)
    out: list[tuple[str, str]] = []
    for i, piece in enumerate(pieces):
        before = "".join(pieces[:i])
        after = "".join(pieces[i + 1:])
        if i < len(pieces) - 1:
            out.append((before + piece, after))
        if dic is None or piece.isupper() or not any(ch.isalpha() for ch in piece):
            continue
        core = piece.rstrip("-‐–")
        for head, tail in dic.iterate(core):
            out.append((before + head + "-", tail + piece[len(core):] + after))
    out.sort(key=lambda pair: len(pair[0]), reverse=True)
    return tuple(out)


def _cut_by_characters(word: str, width: float, measure: Measure) -> tuple[str, str]:
    """The longest start of `word` that fits with a hyphen (at least one character)."""
    lo, hi = 1, max(1, len(word) - 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(word[:mid] + "-") <= width:
            lo = mid
        else:
            hi = mid - 1
    return word[:lo] + "-", word[lo:]


def split_word(word: str, width: float, measure: Measure, lang: str) -> tuple[str, str] | None:
    """(head, tail) of the longest allowed break whose head fits `width`, or None."""
    for head, tail in break_points(word, lang):
        if measure(head) <= width:
            return head, tail
    return None


def wrap(text: str, width: float, measure: Measure, lang: str) -> list[str]:
    """Lines of at most `width`. Words move to the next line whole when they fit there; a word
    wider than a whole line is hyphenated at allowed breaks (characters only as a last resort).
    Line breaks in the text are kept."""
    lines: list[str] = []
    for para in str(text).replace("\r", "").split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}" if line else word
            if measure(trial) <= width:
                line = trial
                continue
            if line:
                # fill the rest of this line with the head of a long word, if the word cannot fit
                # a line of its own anyway
                if measure(word) > width:
                    room = width - measure(line + " ")
                    split = split_word(word, room, measure, lang) if room > 0 else None
                    if split and len(split[0]) > MIN_FILL:  # "Lid van de on-" reads badly
                        lines.append(f"{line} {split[0]}")
                        word = split[1]
                    else:
                        lines.append(line)
                else:
                    lines.append(line)
                line = ""
            while measure(word) > width:
                split = split_word(word, width, measure, lang) or _cut_by_characters(word, width, measure)
                lines.append(split[0])
                word = split[1]
            line = word
        lines.append(line)
    return lines


def allowed_breaks(word: str, lang: str) -> frozenset[int]:
    """Every place in `word` (a character index) where the dictionary allows a break, whatever the
    minimum of letters kept on each side, and after each hyphen of its own."""
    places = {i + 1 for i, ch in enumerate(word) if ch in "-‐–" and 0 < i < len(word) - 1}
    try:
        import pyphen
    except ImportError:
        return frozenset(places)
    name = DICTIONARIES.get(lang, lang)
    if name in pyphen.LANGUAGES:
        start = 0
        for piece in _pieces(word):
            core = piece.rstrip("-‐–")
            places |= {start + p for p in pyphen.Pyphen(lang=name, left=1, right=1).positions(core)}
            start += len(piece)
    return frozenset(places)


def hyphen_breaks(lines: list[str], source: str) -> list[tuple[str, int]]:
    """Where wrapped `lines` break a word of `source`: (the whole word, the index of the break)."""
    out = []
    words = source.split()
    w, pos = 0, 0  # the word of the source being read, and how far into it
    for line in lines:
        for k, token in enumerate(line.split()):
            if w >= len(words):
                break
            word = words[w]
            added = token.endswith("-") and not word[pos:].startswith(token)
            piece = token[:-1] if added else token
            pos += len(piece)
            if pos >= len(word):
                w, pos = w + 1, 0
            elif k == len(line.split()) - 1:
                out.append((word, pos))
    return out


def bad_breaks(lines: list[str], source: str, lang: str) -> list[tuple[str, int]]:
    """The breaks of wrapped `lines` of `source` that the dictionary does not allow (the test of
    "no Duurzaamheidsproj-ect"); a hyphen of the word itself (ICT-beheerder) is a good break."""
    return [(word, i) for word, i in hyphen_breaks(lines, source) if i not in allowed_breaks(word, lang)]
