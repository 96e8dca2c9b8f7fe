"""Text that XML 1.0 cannot carry as characters (controls, a lone CR, surrogates): by code point."""

from __future__ import annotations

import re

# Characters an XML 1.0 document cannot hold, and CR, which XML parsers turn into LF.
NOT_XML = re.compile("[^\u0009\u000a\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def split_unsafe(text: str) -> list[str | int]:
    """The text as runs of characters XML keeps and code points (int) that it does not."""
    parts: list[str | int] = []
    cursor = 0
    for match in NOT_XML.finditer(text):
        if match.start() > cursor:
            parts.append(text[cursor : match.start()])
        parts.append(ord(match.group(0)))
        cursor = match.end()
    if cursor < len(text):
        parts.append(text[cursor:])
    return parts
