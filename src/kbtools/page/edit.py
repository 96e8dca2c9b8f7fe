"""Change the text of target spans, and nothing else, byte for byte.

Fixes and imported translations are edits of target spans by segment id. The page model's
offsets are in its text with line breaks made LF and a byte-order mark dropped; edits are made
in the file's own bytes (its line breaks and mark kept), and the result is read back: when the
page would not read as the same segments, with the same sources and the new targets, the edit
is refused and the bytes stay as they were.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping

from kbtools.page.model import Page, Segment
from kbtools.page.reader import parse_bytes

_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile(r"\r*\n|\r")


class EditRefused(Exception):
    """An edit that cannot be made safely; the message says why (one line)."""


def editable_segments(page: Page) -> dict[str, Segment]:
    """Paired segments by id, less ids that occur more than once (an edit could not tell them apart)."""
    counts = Counter(s.id for s in page.segments)
    return {s.id: s for s in page.segments if s.paired and counts[s.id] == 1}


class _Offsets:
    """Maps offsets in the page model's text (LF line breaks) to offsets in the file's text."""

    def __init__(self, raw: str) -> None:
        self.normal: list[int] = []  # where each multi-character line break is in the LF text
        self.extra: list[int] = []  # characters the file has more than the LF text, up to there
        if "\r" not in raw:
            return
        extra = 0
        for match in _LINE_BREAK.finditer(raw):
            width = match.end() - match.start()
            if width != 1:
                self.normal.append(match.start() - extra)
                extra += width - 1
                self.extra.append(extra)

    def raw(self, offset: int) -> int:
        index = bisect_left(self.normal, offset)
        return offset + (self.extra[index - 1] if index else 0)


def replace_targets(data: bytes, page: Page, texts: Mapping[str, str]) -> bytes:
    """The file's bytes with the target span of each segment id in `texts` holding the new text.

    `page` must have been read from `data`. Raises `EditRefused` (and changes nothing) when a
    segment is missing, a text would break the page's structure, or the page would not read back.
    """
    if page.text is None:
        raise EditRefused("the page is not readable text")
    segments = editable_segments(page)
    prefix = _BOM if data.startswith(_BOM) else b""
    raw = data[len(prefix) :].decode("utf-8")
    offsets = _Offsets(raw)
    cuts = []
    for segment_id, text in texts.items():
        segment = segments.get(segment_id)
        if segment is None:
            raise EditRefused(f"segment {segment_id} is not a single paired segment of the page")
        target = segment.target
        assert target is not None
        if text == target.text:
            continue
        if "\n" in text or "\r" in text:
            raise EditRefused(f"segment {segment_id}: a translation may not hold a line break")
        cuts.append((offsets.raw(target.start), offsets.raw(target.end), text))
    if not cuts:
        return data
    cuts.sort()
    pieces, cursor = [], 0
    for start, end, text in cuts:
        pieces.append(raw[cursor:start])
        pieces.append(text)
        cursor = end
    pieces.append(raw[cursor:])
    result = prefix + "".join(pieces).encode("utf-8")
    _verify(page, parse_bytes(result, page.path), texts)
    return result


def _verify(before: Page, after: Page, texts: Mapping[str, str]) -> None:
    """The edited page reads as the same segments with the same sources and the new targets."""
    if (
        after.text is None
        or len(after.segments) != len(before.segments)
        or len(after.markup_errors) != len(before.markup_errors)
    ):
        raise EditRefused("the new text would change the page's span structure")
    for old, new in zip(before.segments, after.segments, strict=True):
        if old.id != new.id or old.paired != new.paired:
            raise EditRefused(f"segment {old.id}: the new text would change the page's span structure")
        if old.source is not None and (new.source is None or new.source.text != old.source.text):
            raise EditRefused(f"segment {old.id}: the new text would change an English source")
        expected = texts.get(old.id, old.target.text if old.target is not None else None)
        if (new.target.text if new.target is not None else None) != expected:
            raise EditRefused(f"segment {old.id}: the new text would not read back as written")


def unified_diff(name: str, before: bytes, after: bytes) -> str:
    """The change of one page as a unified diff (`a/NAME`, `b/NAME`), for people and `patch -p1`."""
    import difflib

    old = before.decode("utf-8", "replace").splitlines(keepends=True)
    new = after.decode("utf-8", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
