"""Patterns of one shape, matched without the regex compiler.

The patterns built per term and per token (a term with its punctuation in full-width forms and
stray spaces, a token with escapes, inserted white space and other forms of its characters) are
a sequence of literal text, one character of a set, an optional character (`\\s?`, `\\\\?`) and
runs of white space (` *`), between two guards: no word character before, none after. Python's
regex compiler, written in Python, spends 0.6 M to 3.4 M instructions on each such pattern, more
than the rest of a page's check. `Sequence` matches the same text the pattern matches, with the
same backtracking order (greedy optional characters and runs, then the lookahead), at the
positions a search for its first required element proposes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

# The kinds of element.
LITERAL = "literal"  # the text as it is
ONE_OF = "one of"  # one character of a set
OPTIONAL = "optional"  # greedy `x?`: a character the predicate accepts, or none
RUN = "run"  # greedy `[...]*`: any number of characters of a set

Element = tuple[str, object]


class SequenceMatch:
    """The part of `re.Match` the callers read."""

    __slots__ = ("begin", "stop", "string")

    def __init__(self, string: str, begin: int, stop: int) -> None:
        self.string, self.begin, self.stop = string, begin, stop

    def span(self) -> tuple[int, int]:
        return self.begin, self.stop

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self, index: int = 0) -> str:
        if index:
            raise IndexError("no such group")
        return self.string[self.begin : self.stop]


class Sequence:
    """`(?<!B)` elements `(?!A)`: `before` and `after` reject the character on either side (None:
    no guard). Needs one element that is not optional nor a run."""

    def __init__(
        self,
        elements: list[Element],
        before: Callable[[str], bool] | None = None,
        after: Callable[[str], bool] | None = None,
    ) -> None:
        self.elements = tuple(elements)
        self.before, self.after = before, after
        required = [i for i, (kind, _) in enumerate(self.elements) if kind in (LITERAL, ONE_OF)]
        if not required or any(kind == RUN for kind, _ in self.elements[: required[0]]):
            raise ValueError("a sequence needs a required element before any run")
        self.first = required[0]
        kind, value = self.elements[self.first]
        self.anchors = (value,) if kind == LITERAL else tuple(sorted(value))  # type: ignore[arg-type]
        # The optional characters before the first required element: how far before an anchor
        # a match may start.
        self.reach = self.first

    def _end(self, text: str, index: int, at: int, end: int | None) -> int:
        """Where a match of the elements from `index` on, begun at `at`, ends (-1: none)."""
        elements = self.elements
        size = len(text)
        while index < len(elements):
            kind, value = elements[index]
            if kind == LITERAL:
                if not text.startswith(value, at):  # type: ignore[arg-type]
                    return -1
                at += len(value)  # type: ignore[arg-type]
            elif kind == ONE_OF:
                if at >= size or text[at] not in value:  # type: ignore[operator]
                    return -1
                at += 1
            elif kind == OPTIONAL:
                if at < size and value(text[at]):  # type: ignore[operator]
                    got = self._end(text, index + 1, at + 1, end)
                    if got != -1:
                        return got
            else:  # RUN
                stop = at
                while stop < size and text[stop] in value:  # type: ignore[operator]
                    stop += 1
                for point in range(stop, at, -1):
                    got = self._end(text, index + 1, point, end)
                    if got != -1:
                        return got
            index += 1
        if end is not None and at != end:
            return -1
        if self.after is not None and at < size and self.after(text[at]):
            return -1
        return at

    def _starts(self, text: str, pos: int) -> list[int]:
        """Where a match may start, from `pos` on, left to right."""
        found = set()
        for anchor in self.anchors:
            at = text.find(anchor, pos)
            while at != -1:
                found.update(range(max(at - self.reach, pos), at + 1))
                at = text.find(anchor, at + 1)
        return sorted(found)

    def finditer(self, text: str) -> Iterator[SequenceMatch]:
        done = 0
        for start in self._starts(text, 0):
            if start < done:
                continue
            if self.before is not None and start and self.before(text[start - 1]):
                continue
            end = self._end(text, 0, start, None)
            if end != -1:
                yield SequenceMatch(text, start, end)
                done = end

    def search(self, text: str) -> SequenceMatch | None:
        return next(self.finditer(text), None)

    def fullmatch(self, text: str) -> SequenceMatch | None:
        end = self._end(text, 0, 0, len(text))
        return None if end == -1 else SequenceMatch(text, 0, end)


def spelled_term(term: str, punctuation: dict[str, frozenset[str]], word: Callable[[str], bool]) -> Sequence:
    """The term with each of its punctuation characters in any of its forms (`punctuation`),
    a white space character allowed on either side, and no `word` character on either side of
    it: the pattern `(?<!W)` + the term, each such character `\\s?[forms]\\s?` + `(?!W)`."""
    elements: list[Element] = []
    piece = ""
    for char in term:
        if char in punctuation:
            if piece:
                elements.append((LITERAL, piece))
                piece = ""
            elements += [(OPTIONAL, str.isspace), (ONE_OF, punctuation[char]), (OPTIONAL, str.isspace)]
        else:
            piece += char
    if piece:
        elements.append((LITERAL, piece))
    return Sequence(elements, word, word)


def is_word_character(char: str) -> bool:
    """What `\\w` matches in a pattern of text (not bytes)."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> Sequence:
    return Sequence([(LITERAL, word)], is_word_character, is_word_character)


def find_word(word: str, text: str, ignore_case: bool = False) -> SequenceMatch | re.Match[str] | None:
    """`re.search(rf"(?<![\\w]){re.escape(word)}(?![\\w])", text, re.I if ignore_case else 0)`,
    mostly without compiling the pattern: case is set aside by lowering both, for an ASCII word
    in a text without a letter that the case-blind pattern matches to an ASCII letter but
    `str.lower` does not lower to it (`terms._FOLDS_ELSEWHERE`), whose offsets lowering keeps."""
    if not word:
        return re.search(r"(?<![\w])(?![\w])", text)
    if not ignore_case:
        return _whole_word(word).search(text)
    from kbtools.check.rules.terms import _FOLDS_ELSEWHERE

    if word.isascii() and not _FOLDS_ELSEWHERE.search(text):
        lowered = text.lower()
        if len(lowered) == len(text):
            found = _whole_word(word.lower()).search(lowered)
            return None if found is None else SequenceMatch(text, found.begin, found.stop)
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text, re.IGNORECASE)
