"""The current English page: plain Markdown read into sentences and words with positions.

The page goes through the same reader as a translated page (`page.reader`), so its front
matter, code ranges and markdown-it block structure are found the same way; it simply has no
segments.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from pathlib import Path

from kbtools.freshness.model import CurrentSentence
from kbtools.freshness.sentences import Sentence, prose_units, split_sentences
from kbtools.freshness.words import Words, body_keys, display_text, mask_markup
from kbtools.page.input_file import PAGE_LIMIT, InputFileError, found_within, read_input_file
from kbtools.page.model import Page
from kbtools.page.reader import parse_bytes


class EnglishPage:
    """A current English page: its sentences, and its words with the sentence each is in.

    Sentences need the block structure, which costs more than the rest of the comparison;
    they are found on first use, as most translated pages are told equal by `body_keys`.
    """

    def __init__(self, page: Page, error: str | None = None) -> None:
        self.page = page
        self.error = error
        self._masked: str | None = None
        self._body_keys: list[str] | None = None
        self._sentences: list[Sentence] | None = None
        self._words = Words()
        self._word_sentence: list[int] = []

    @property
    def path(self) -> Path:
        return self.page.path

    @property
    def date(self) -> str | None:
        front = self.page.front_matter
        value = front.get("ms.date") if front is not None else None
        return str(value) if value is not None else None

    @property
    def masked(self) -> str:
        if self._masked is None:
            self._masked = mask_markup(self.page.text or "")
        return self._masked

    @property
    def body_keys(self) -> list[str]:
        """The words of the body outside code, in order."""
        if self._body_keys is None:
            self._body_keys = body_keys(self.page) if self.page.text is not None else []
        return self._body_keys

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._split()
        return self._sentences  # type: ignore[return-value]

    @property
    def words(self) -> Words:
        """The words of the prose, in order."""
        if self._sentences is None:
            self._split()
        return self._words

    @property
    def word_sentence(self) -> list[int]:
        """The index of the sentence each word of `words` is in."""
        if self._sentences is None:
            self._split()
        return self._word_sentence

    def _split(self) -> None:
        self._sentences = []
        if self.page.text is None:
            return
        text, masked = self.page.text, self.masked
        words, word_sentence, sentences = self._words, self._word_sentence, self._sentences
        for unit, (start, end) in enumerate(prose_units(self.page)):
            for sentence in split_sentences(text, start, end, unit):
                before = len(words)
                words.add(masked, sentence.start, sentence.end)
                if len(words) > before:
                    word_sentence.extend([len(sentences)] * (len(words) - before))
                    sentences.append(sentence)

    def sentence(self, first: int, last: int | None = None) -> CurrentSentence:
        """Sentence `first` (through `last`) as a reader sees it, with its position."""
        start = self.sentences[first].start
        end = self.sentences[first if last is None else last].end
        line, column = self.page.position(start)
        markdown = (self.page.text or "")[start:end]
        return CurrentSentence(line, column, display_text(markdown), markdown)

    def text_of_words(self, first: int, end: int) -> str:
        """Words [first, end) as `display_text(..., with_targets=True)` shows them.

        From the start of its sentence when `first` opens one, to the end of its sentence when
        `end - 1` closes one, so that the punctuation and links around them are kept.
        """
        words, word_sentence = self.words, self.word_sentence
        first_sentence, last_sentence = word_sentence[first], word_sentence[end - 1]
        start = words.starts[first]
        if first == 0 or word_sentence[first - 1] != first_sentence:
            start = self.sentences[first_sentence].start
        stop = self._end_after(end)
        if end == len(words) or word_sentence[end] != last_sentence:
            stop = self.sentences[last_sentence].end
        return display_text((self.page.text or "")[start:stop], with_targets=True)

    def text_after_words(self, first: int, end: int) -> str:
        """The Markdown from word `first` up to the word after `end - 1`, within its sentence.

        The link targets of words [first, end) are in it: a target follows its text.
        """
        return (self.page.text or "")[self.words.starts[first] : self._end_after(end)]

    def _end_after(self, end: int) -> int:
        words = self.words
        stop = words.starts[end] if end < len(words) else len(self.page.text or "")
        return min(stop, self.sentences[self.word_sentence[end - 1]].end)

    def sentence_words(self, index: int) -> list[str]:
        """The word keys of one sentence."""
        first, last = self.sentence_word_range(index)
        return self.words.keys[first:last]

    def sentence_word_range(self, index: int) -> tuple[int, int]:
        sentence = self.sentences[index]
        starts = self.words.starts
        return bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)


def read_english(path: Path, root: Path | None = None) -> EnglishPage:
    """Read a current English page. Never raises for bad content: `error` says what is wrong.

    With `root` (the English folder the user named), a page whose symlinks lead out of it is
    not read: `en/reboot.md -> ../.git/config` must not publish a token.
    """
    if root is not None and not found_within(path, root):
        reason = f"symlink to {os.path.realpath(path)}, outside {root}: not read"
        return EnglishPage(Page(path=path, text=None, read_error=reason), reason)
    try:
        data = read_input_file(path, PAGE_LIMIT, "page")
    except InputFileError as error:
        reason = str(error).removeprefix(f"{path}: ")
        return EnglishPage(Page(path=path, text=None, read_error=reason), reason)
    return english_page(parse_bytes(data, path))


def english_page(page: Page) -> EnglishPage:
    """The English page of a parsed page."""
    if page.text is None:
        problem = page.decode_error
        if problem is None:
            return EnglishPage(page, "not text")
        return EnglishPage(page, f"{problem.message} (line {problem.line}, column {problem.column})")
    return EnglishPage(page)
