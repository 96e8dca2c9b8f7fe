"""Text for a terminal or a CI log: what a file name or a page holds, shown, never obeyed.

A newline in a file name would start a new line that GitHub Actions reads as a workflow command
(`::error ...`); an ESC from a page would drive the terminal. `printable` writes every control
character, line or paragraph separator, bidirectional override and undecodable byte of a file
name as a visible escape (`\\n`, `\\x1b`, `\\u202e`, `\\xff`), so that one message stays one line.
Tabs are kept: they move the cursor and nothing else.
"""

from __future__ import annotations

import re

# C0 and C1 controls but tab, DEL, line and paragraph separators, bidi embeddings, overrides
# and isolates, and the lone surrogates that stand for a file name's undecodable bytes.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte the file system holds
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` (a str, a Path, anything) as one line that a terminal or CI log shows as it is."""
    return _UNPRINTABLE.sub(_escape, str(text))
