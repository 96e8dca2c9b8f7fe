"""Align a translated page's English sources with the current English page.

1. The English at translation time (the sources, and the untranslated text between them) and the
   English now are two word sequences; difflib's SequenceMatcher lines them up in page order.
   A segment whose words all fall, in one run, into matching blocks is current.
2. A segment that is not lined up is still current when its words occur, in order, anywhere in
   the current page (a moved sentence): "stale" means the English no longer says it.
3. A stale segment is matched with the current sentence that replaced it: the candidates are the
   sentences between the current page's counterparts of its nearest lined-up neighbours (its
   place in the block structure), one to three in a row, scored by word-level similarity
   (rapidfuzz's Indel distance over words). Below `MIN_SIMILARITY` it was removed.
4. A current sentence with a word that nothing covers (no lined-up source, no stale segment that
   now reads as it) is missing from the translation.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

from kbtools.freshness.diff import word_diff
from kbtools.freshness.english import EnglishPage
from kbtools.freshness.model import MissingSentence, PageFreshness, Provenance, StaleSegment
from kbtools.freshness.source import NO_SEGMENT, SourceWords, masked_source_text, source_words, translation_ranges
from kbtools.freshness.words import body_keys, display_text
from kbtools.page.model import Page

# Below this word-level similarity, a stale source is reported as removed, not as reworded.
MIN_SIMILARITY = 0.5
# A stale source may now read as up to this many current sentences (a sentence split in two).
MAX_RUN = 3
# Outside its place (a restructured page), a current sentence no source covers still replaces a
# stale source when their words, case ignored, are at least this similar.
MIN_SIMILARITY_ELSEWHERE = 0.75
_UNMAPPED = -1


def provenance(page: Page, english: EnglishPage | None) -> Provenance:
    """The translation's `ms.date`, `ms.sourcegitcommit`, `ms.lasthandoff`, and the English date."""
    front = page.front_matter
    values = [None, None, None]
    if front is not None:
        for index, key in enumerate(("ms.date", "ms.sourcegitcommit", "ms.lasthandoff")):
            value = front.get(key)
            values[index] = str(value) if value not in (None, "") else None
    english_date = english.date if english is not None else None
    return Provenance(values[0], values[1], values[2], english_date)


def compare_page(page: Page, english: EnglishPage, *, quick: bool = True) -> PageFreshness:
    """Which segments of `page` are stale and which sentences of `english` it misses.

    With `quick`, a page whose English words equal the current page's, outside code, is told
    current without its block structure (most pages: the block parse is the costly part).
    """
    result = PageFreshness(page.path, english.path, provenance(page, english))
    if english.error is not None:
        result.error = english.error
        return result
    if page.text is None:
        return result
    translations = translation_ranges(page)
    if quick and body_keys(page, translations) == english.body_keys:
        result.compared = sum(1 for s in page.segments if s.source is not None)
        return result
    old = source_words(page, masked_source_text(page, translations))
    result.compared = sum(1 for s in page.segments if s.source is not None)
    old_keys, new_keys = old.words.keys, english.words.keys
    if old_keys == new_keys:
        return result
    new_count = len(new_keys)
    old_to_new = [_UNMAPPED] * len(old_keys)
    covered = bytearray(new_count)
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        old_to_new[a : a + size] = range(b, b + size)
        covered[b : b + size] = b"\x01" * size

    stale_ranges: list[tuple[int, int, int]] = []  # (segment index, first word, end word)
    occurrences: dict[str, list[int]] | None = None
    for index, (first, end) in old.ranges.items():
        mapped = old_to_new[first:end]
        if mapped[0] != _UNMAPPED and mapped[-1] - mapped[0] == end - first - 1 and _UNMAPPED not in mapped:
            continue
        if occurrences is None:
            occurrences = {}
            for position, key in enumerate(new_keys):
                occurrences.setdefault(key, []).append(position)
        found = _occurrence(old_keys[first:end], new_keys, occurrences.get(old_keys[first], []), covered)
        if found is not None:
            covered[found : found + end - first] = b"\x01" * (end - first)
            continue
        stale_ranges.append((index, first, end))

    before = _mapped_before(old_to_new)
    after = _mapped_after(old_to_new, new_count)
    claimed: set[int] = set()
    for index, first, end in stale_ranges:
        segment = page.segments[index]
        source = display_text(segment.source.text) if segment.source is not None else ""
        # Its place in the current page: between the counterparts of its lined-up neighbours.
        low = before[first]
        high = after[end - 1]
        run, score = _best_run(old_keys[first:end], english, low, high)
        if run is None or score < MIN_SIMILARITY:
            run, score = _best_elsewhere(old_keys[first:end], english, covered, claimed)
        if run is None or score < MIN_SIMILARITY:
            result.stale.append(StaleSegment(segment, source, None, score))
            continue
        claimed.update(range(run[0], run[1] + 1))
        current = english.sentence(run[0], run[1])
        result.stale.append(StaleSegment(segment, source, current, score, word_diff(source, current.text)))

    result.missing = _missing(page, english, old, old_to_new, covered, claimed)
    return result


def _best_run(keys: list[str], english: EnglishPage, low: int, high: int) -> tuple[tuple[int, int] | None, float]:
    """The run of one to `MAX_RUN` sentences around words [low, high) most like `keys`."""
    if low >= high:
        return None, 0.0
    word_sentence = english.word_sentence
    first, last = word_sentence[low], word_sentence[high - 1]
    best, best_run = 0.0, None
    for start in range(first, last + 1):
        words: list[str] = []
        for stop in range(start, min(start + MAX_RUN, last + 1)):
            words.extend(english.sentence_words(stop))
            score = Indel.normalized_similarity(keys, words)
            if score > best:
                best, best_run = score, (start, stop)
    return best_run, best


def _best_elsewhere(
    keys: list[str], english: EnglishPage, covered: bytearray, claimed: set[int]
) -> tuple[tuple[int, int] | None, float]:
    """The one current sentence, anywhere on the page, with a word nothing covers and not yet
    claimed, whose words are closest to `keys` (case ignored); None below `MIN_SIMILARITY_ELSEWHERE`."""
    folded = [key.casefold() for key in keys]
    best, best_run = 0.0, None
    for index in range(len(english.sentences)):
        if index in claimed:
            continue
        first, end = english.sentence_word_range(index)
        if first >= end or all(covered[first:end]):
            continue
        score = Indel.normalized_similarity(folded, [key.casefold() for key in english.sentence_words(index)])
        if score > best:
            best, best_run = score, (index, index)
    if best < MIN_SIMILARITY_ELSEWHERE:
        return None, best
    return best_run, best


def _occurrence(keys: list[str], new_keys: list[str], starts: list[int], covered: bytearray) -> int | None:
    """Where `keys` occur in a row in the current page: an uncovered place first."""
    size = len(keys)
    fallback = None
    for start in starts:
        if new_keys[start : start + size] == keys:
            if not any(covered[start : start + size]):
                return start
            if fallback is None:
                fallback = start
    return fallback


def _mapped_before(old_to_new: list[int]) -> list[int]:
    """For each old word, where the current page goes on after the last lined-up word before it."""
    result = []
    last = 0
    for mapped in old_to_new:
        result.append(last)
        if mapped != _UNMAPPED:
            last = mapped + 1
    return result


def _mapped_after(old_to_new: list[int], new_count: int) -> list[int]:
    """For each old word, the counterpart of the first lined-up word after it."""
    result = [new_count] * len(old_to_new)
    following = new_count
    for position in range(len(old_to_new) - 1, -1, -1):
        result[position] = following
        if old_to_new[position] != _UNMAPPED:
            following = old_to_new[position]
    return result


def _missing(
    page: Page, english: EnglishPage, old: SourceWords, old_to_new: list[int], covered: bytearray, claimed: set[int]
) -> list[MissingSentence]:
    # For each current word, the last old word lined up at or before it.
    anchor_of = [-1] * len(covered)
    for old_position, new_position in enumerate(old_to_new):
        if new_position != _UNMAPPED:
            anchor_of[new_position] = old_position
    last = -1
    for position, anchor in enumerate(anchor_of):
        if anchor == -1:
            anchor_of[position] = last
        else:
            last = anchor
    missing: list[MissingSentence] = []
    reported: set[int] = set()
    word_sentence = english.word_sentence
    for position, is_covered in enumerate(covered):
        if is_covered:
            continue
        index = word_sentence[position]
        if index in claimed or index in reported:
            continue
        reported.add(index)
        first, _ = english.sentence_word_range(index)
        anchor = anchor_of[first - 1] if first > 0 else -1
        after = None
        if anchor == -1:
            line, column = _body_start(page), 1
        else:
            segment_index = old.segment[anchor]
            if segment_index != NO_SEGMENT:
                after = page.segments[segment_index]
                line, column = after.line, after.column
            else:
                line, column = page.position(old.words.starts[anchor])
        missing.append(MissingSentence(english.sentence(index), line, column, after))
    return missing


def _body_start(page: Page) -> int:
    front = page.front_matter
    return front.end_line + 1 if front is not None and front.end_line else 1
