"""English text as words: what two versions of a sentence are compared by.

Two Englishes are the same when they say the same words in the same order. Markdown and HTML
markup, link targets, character references, backslash escapes, whitespace and punctuation do
not count: the current English page is plain Markdown, the English inside an sxs page went
through the localization pipeline (anchors added to headings, ids wrapped in spans, escapes
added or dropped), and neither is compared by its bytes. Letter case counts: a property name
whose case changed is a changed requirement.

Masking keeps every offset: a masked character becomes a space (newlines stay), so a word's
offsets in the masked text are its offsets in the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kbtools.page.model import Page

# What is not prose: comments, tags, autolinks, link targets, character references, docs
# alerts ([!NOTE]) and the label a page writes for one instead ("**Note:**", "Note:"), the text
# of images (translated with no source to compare with) and the ordinal of an ordered list item.
_MARKUP = re.compile(
    r"(?=[<\]&\[!*NTICWntic])(?:"
    r"<!--.*?-->"
    r"|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>"
    r"|<(?:https?|ftp|mailto):[^<>\s]*>"
    r"|\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\[!(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]"
    r"|\*\*(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING)[ \t]*:?[ \t]*\*\*(?:[ \t]*:)?"
    r"|(?-i:(?<!\w)(?:Note|NOTE|Tip|TIP|Important|IMPORTANT|Caution|CAUTION|Warning|WARNING)[ \t]*:(?=\s|<|\*|$))"
    r"|!\[(?:[^\[\]\n]|\[[^\]\n]*\])*\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\))?)",
    re.S | re.I,
)
_ORDINAL = re.compile(r"^[ \t]*(?:>[ \t]*)*[0-9]{1,9}[.)](?=[ \t]|$)", re.M)
# A word: letters, digits and underscores, where an underscore may be escaped (`Component\_`).
WORD = re.compile(r"\w+(?:\\_\w*)*|\\_\w*(?:\\_\w*)*")
_SPACE = re.compile(r"\s+")
_DISPLAY_DROP = re.compile(
    r"<!--.*?-->|\[!(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING)\][ \t]*"
    r"|\*\*(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING)[ \t]*:?[ \t]*\*\*(?:[ \t]*:)?[ \t]*",
    re.S | re.I,
)
_DISPLAY_BREAK = re.compile(r"<br\s*/?>|</?(?:p|li|td|th|tr|dt|dd|dl|div|table|ul|ol|blockquote|h[1-6])\b[^<>]*>", re.I)
_DISPLAY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
# Container and heading markers at the start of a line: `> `, `- `, `1. `, `## `.
_LINE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?", re.M)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]*)>", re.I)
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_EMPHASIS_MARK = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_BRACKET = re.compile(r"!?\[|\]")


def _blank(match: re.Match[str]) -> str:
    text = match.group(0)
    return "".join("\n" if char == "\n" else " " for char in text) if "\n" in text else " " * len(text)


def mask_markup(text: str) -> str:
    """The text with markup replaced by spaces, same length, same line breaks."""
    return _ORDINAL.sub(_blank, _MARKUP.sub(_blank, text))


def word_key(raw: str) -> str:
    """How a word compares: escapes resolved, emphasis underscores at its edges dropped."""
    if "\\" in raw:
        raw = raw.replace("\\_", "_")
    return raw.strip("_")


@dataclass
class Words:
    """Words of a text in order, each with its key and its offsets in the text."""

    keys: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def add(self, masked: str, start: int, end: int) -> None:
        """Append the words of masked[start:end]."""
        keys, starts, ends = self.keys, self.starts, self.ends
        for match in WORD.finditer(masked, start, end):
            key = word_key(match.group(0))
            if key:
                keys.append(key)
                starts.append(match.start())
                ends.append(match.end())

    def __len__(self) -> int:
        return len(self.keys)


def body_keys(page: Page, cuts: list[tuple[int, int]] = ()) -> list[str]:
    """The word keys of a page's body less fenced code and the `cuts` (offset ranges, in order).

    A cheap view for telling equal pages: no offsets are kept.
    """
    text = page.text or ""
    start = 0
    front = page.front_matter
    if front is not None and front.end_line:
        start = page.lines.line_start(front.end_line + 1) if front.end_line < page.lines.line_count else len(text)
    pieces = []
    for cut_start, cut_end in sorted([*page.code_ranges, *cuts]):
        if cut_end <= start:
            continue
        pieces.append(text[start : max(start, cut_start)])
        start = max(start, cut_end)
    pieces.append(text[start:])
    body = _ORDINAL.sub(" ", _MARKUP.sub(" ", "\n".join(pieces)))
    keys = WORD.findall(body)
    if "_" in body:
        keys = [key for key in map(word_key, keys) if key]
    return keys


def words_of(text: str) -> list[str]:
    """The word keys of a piece of Markdown (a span's text, a sentence)."""
    masked = mask_markup(text)
    return [key for key in (word_key(m.group(0)) for m in WORD.finditer(masked)) if key]


def display_text(text: str) -> str:
    """A piece of Markdown as a reader sees it: one line, no markup, links as their text."""
    text = _LINE_PREFIX.sub("", text)
    if "](" in text:
        text = _LINK_TARGET.sub("]", text)
    if "<" in text or "[!" in text or "**" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _DISPLAY_DROP.sub("", text)
        text = _DISPLAY_BREAK.sub(" ", text)
        text = _DISPLAY_TAG.sub("", text)
    if "[" in text or "]" in text:
        text = _BRACKET.sub("", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS_MARK.sub("", text.replace("\\*", "\x00").replace("\\_", "\x01"))
        text = text.replace("\x00", "\\*").replace("\x01", "\\_")
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()
