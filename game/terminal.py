"""Text made safe for one line of a terminal or a log: control characters shown as escapes.

A deck key with a newline, a carriage return or an ESC must not break the one-line
`FILE:LINE:COLUMN` format of the checker, nor send codes to the terminal; bidirectional overrides
must not reorder what the reader sees.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029{_BIDI}]")


def _escape(match: re.Match) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` with every control, line-separator and bidirectional-control character written as an
    escape (`\\n`, `\\x1b`, `\\u2028`), so that it prints as one plain line."""
    return _UNSAFE.sub(_escape, text)
