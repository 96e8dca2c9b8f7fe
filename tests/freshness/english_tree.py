"""An English tree rebuilt from sxs pages themselves: every pair replaced by its source.

Such a tree is exactly the English each translation was made from, so comparing the translated
pages with it must find nothing stale, nothing missing and nothing orphaned.
"""

from __future__ import annotations

import re
from pathlib import Path

from kbtools.page.model import Page, Segment
from kbtools.page.reader import read_page

# After a source span's text: its closing tag, then the closing tag of the lookup wrapper.
_PAIR_END = re.compile(r"</span\s*>(?:\s*</span\s*>)?")


def pair_extent(page: Page, segment: Segment) -> tuple[int, int]:
    """Offsets of a whole pair in the page text, from the target's tag to the lookup's end."""
    assert segment.target is not None and segment.source is not None and page.text is not None
    end = _PAIR_END.match(page.text, segment.source.end)
    return segment.target.tag_start, end.end() if end else segment.source.end


def english_text(page: Page) -> str:
    """The page with each pair replaced by its source span's text, the rest as it is."""
    assert page.text is not None
    pieces = []
    cursor = 0
    for segment in page.segments:
        if not segment.paired:
            continue
        start, end = pair_extent(page, segment)
        if start < cursor:
            continue
        pieces.append(page.text[cursor:start])
        pieces.append(segment.source.text)
        cursor = end
    pieces.append(page.text[cursor:])
    return "".join(pieces)


def rebuild(translated: Path, english: Path) -> int:
    """Write the English of every page under `translated` to the same path under `english`."""
    count = 0
    for path in sorted(translated.rglob("*.md")):
        page = read_page(path)
        if page.text is None:
            continue
        target = english / path.relative_to(translated)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(english_text(page), encoding="utf-8")
        count += 1
    return count
