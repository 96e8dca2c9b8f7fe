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
from kbtools.freshness.words import body_keys, display_text, link_targets
from kbtools.page.model import Page, Segment

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
    new_count = len(new_keys)
    if old_keys == new_keys:  # the same words; only a link target can have changed
        old_to_new = list(range(new_count))
        covered = bytearray(b"\x01" * new_count)
    else:
        old_to_new = [_UNMAPPED] * len(old_keys)
        covered = bytearray(new_count)
        matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            old_to_new[a : a + size] = range(b, b + size)
            covered[b : b + size] = b"\x01" * size

    stale_ranges: list[tuple[int, int, int]] = []  # (segment index, first word, end word)
    retargeted: list[tuple[int, int, int]] = []  # (segment index, first new word, last new word)
    occurrences: dict[str, list[int]] | None = None
    for index, (first, end) in old.ranges.items():
        mapped = old_to_new[first:end]
        if mapped[0] != _UNMAPPED and mapped[-1] - mapped[0] == end - first - 1 and _UNMAPPED not in mapped:
            if _targets_changed(page.segments[index], english, mapped[0], mapped[-1]):
                retargeted.append((index, mapped[0], mapped[-1]))
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
    theirs = _current_elsewhere(old, old_to_new, {index for index, _, _ in stale_ranges}, new_count)
    after = _mapped_after(old_to_new, new_count)
    claimed: set[int] = set()
    for index, first, end in stale_ranges:
        segment = page.segments[index]
        source = display_text(segment.source.text) if segment.source is not None else ""
        # Its place in the current page: between the counterparts of its lined-up neighbours.
        low = before[first]
        high = after[end - 1]
        run, score = _best_run(old_keys[first:end], english, low, high, theirs)
        if run is None or score < MIN_SIMILARITY:
            run, score = _best_elsewhere(old_keys[first:end], english, covered, claimed)
        if run is None or score < MIN_SIMILARITY:
            result.stale.append(StaleSegment(segment, source, None, score))
            continue
        claimed.update(range(run[0], run[1] + 1))
        current = english.sentence(run[0], run[1])
        own = _own_words(english, run, theirs)
        diff = word_diff(display_text(segment.source.text, with_targets=True), english.text_of_words(*own))
        result.stale.append(StaleSegment(segment, source, current, score, diff))
    for index, first_word, last_word in retargeted:
        segment = page.segments[index]
        word_sentence = english.word_sentence
        current = english.sentence(word_sentence[first_word], word_sentence[last_word])
        diff = word_diff(
            display_text(segment.source.text, with_targets=True), english.text_of_words(first_word, last_word + 1)
        )
        source = display_text(segment.source.text)
        result.stale.append(StaleSegment(segment, source, current, 1.0, diff))
    result.stale.sort(key=lambda stale: stale.segment.index)

    result.missing = _missing(page, english, old, old_to_new, covered, claimed)
    return result


def _targets_changed(segment: Segment, english: EnglishPage, first_word: int, last_word: int) -> bool:
    """Whether the links of a segment whose words are all current now lead elsewhere.

    The words a reader sees are the same; a link target is not seen, and a changed one
    (a page renamed, a download moved) is still a change the translation must follow.
    """
    source = segment.source
    if source is None or "](" not in source.text:
        return False
    return link_targets(source.text) != link_targets(english.text_after_words(first_word, last_word + 1))


def _current_elsewhere(old: SourceWords, old_to_new: list[int], stale: set[int], new_count: int) -> bytearray:
    """For each current word, whether it is lined up with current text of the translated page:
    a source that did not change, or untranslated text between segments."""
    theirs = bytearray(new_count)
    segment_of = old.segment
    for position, mapped in enumerate(old_to_new):
        if mapped != _UNMAPPED and segment_of[position] not in stale:
            theirs[mapped] = 1
    return theirs


def _own_words(english: EnglishPage, run: tuple[int, int], theirs: bytearray) -> tuple[int, int]:
    """The words of the current sentences `run` that stand for the stale segment's source.

    A sentence the sxs pipeline split into several segments (at a raw tag) replaces each of
    them whole; the words at its edges lined up with the current text around the segment (the
    other segments' sources, the untranslated text between them) are theirs, not new words.
    """
    start, _ = english.sentence_word_range(run[0])
    _, stop = english.sentence_word_range(run[1])
    return _clipped(start, stop, theirs)


def _clipped(start: int, stop: int, theirs: bytearray) -> tuple[int, int]:
    low, high = start, stop
    while low < high and theirs[low]:
        low += 1
    while high > low and theirs[high - 1]:
        high -= 1
    return (low, high) if low < high else (start, stop)


def _best_run(
    keys: list[str], english: EnglishPage, low: int, high: int, theirs: bytearray
) -> tuple[tuple[int, int] | None, float]:
    """The run of one to `MAX_RUN` sentences around words [low, high) most like `keys`.

    A sentence is scored by its words less those at its edges that other, current, segments
    stand for (`theirs`): one part of a sentence split into segments is compared with its part.
    """
    if low >= high:
        return None, 0.0
    word_sentence = english.word_sentence
    first, last = word_sentence[low], word_sentence[high - 1]
    new_keys = english.words.keys
    best, best_run = 0.0, None
    for start in range(first, last + 1):
        run_start, _ = english.sentence_word_range(start)
        for stop in range(start, min(start + MAX_RUN, last + 1)):
            _, run_stop = english.sentence_word_range(stop)
            own_start, own_stop = _clipped(run_start, run_stop, theirs)
            score = Indel.normalized_similarity(keys, new_keys[own_start:own_stop])
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
