"""The English a translated page was made from: its words in page order, each with its segment.

Inside a segment only the source span counts (the target is the translation); outside segments
the page's own text counts too (identifiers, numbers and code that were never translated), so
that it lines up with the same text in the current English page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kbtools.freshness.sentences import prose_units
from kbtools.freshness.words import Words, mask_markup
from kbtools.page.model import Page

NO_SEGMENT = -1


@dataclass
class SourceWords:
    """Words of the English at translation time; `segment[i]` is the index of word i's segment."""

    words: Words = field(default_factory=Words)
    segment: list[int] = field(default_factory=list)
    # segment index -> (first word, end word) of its source, for sources with words
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)


def translation_ranges(page: Page) -> list[tuple[int, int]]:
    """Offsets of the translations: each target span and, up to its source text, the lookup tags."""
    ranges = []
    cursor = 0
    for segment in page.segments:
        target, source = segment.target, segment.source
        if target is None or target.tag_start < cursor:
            continue
        stop = source.start if source is not None and source.start > target.tag_start else target.end
        ranges.append((target.tag_start, stop))
        cursor = stop
    return ranges


def masked_source_text(page: Page, translations: list[tuple[int, int]]) -> str:
    """The page text with every translation blanked and markup masked: only English words remain.

    Offsets are the page's: a blanked or masked character becomes a space.
    """
    text = page.text or ""
    pieces: list[str] = []
    cursor = 0
    for start, stop in translations:
        pieces.append(text[cursor:start])
        pieces.append(_blank(text[start:stop]))
        cursor = stop
    pieces.append(text[cursor:])
    return mask_markup("".join(pieces))


def _blank(text: str) -> str:
    return "".join("\n" if char == "\n" else " " for char in text) if "\n" in text else " " * len(text)


def source_words(page: Page, masked: str) -> SourceWords:
    """The words of the prose of a translated page as its English source said them."""
    result = SourceWords()
    if page.text is None:
        return result
    words = result.words
    for start, end in prose_units(page):
        words.add(masked, start, end)
    owners = [(s.source.start, s.source.end, s.index) for s in page.segments if s.source is not None]
    # Sources and words are both in page order: one pass gives each word its segment.
    segment_of = result.segment
    ranges = result.ranges
    owner = 0
    for position, word_start in enumerate(words.starts):
        while owner < len(owners) and owners[owner][1] <= word_start:
            owner += 1
        if owner < len(owners) and owners[owner][0] <= word_start:
            index = owners[owner][2]
            segment_of.append(index)
            first = ranges[index][0] if index in ranges else position
            ranges[index] = (first, position + 1)
        else:
            segment_of.append(NO_SEGMENT)
    return result
