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

from kbtools.page.html_elements import is_html_element

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
# Starts the word that stands for a link target in `display_text(..., with_targets=True)`.
LINK_TARGET_MARK, LINK_TARGET_END = "\x02", "\x03"
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
# A tag with no attributes: a placeholder (`<PatchGUID>`) when its name is no HTML element.
_HREF = re.compile(r"""<a\s[^<>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))[^<>]*>""", re.I)
_HREF_LINK = re.compile(_HREF.pattern + r"(.*?)</a\s*>", re.I | re.S)
_BARE_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)\s*/?>")


def _blank(match: re.Match[str]) -> str:
    text = match.group(0)
    return "".join("\n" if char == "\n" else " " for char in text) if "\n" in text else " " * len(text)


def _placeholder_name(text: str) -> str | None:
    """The name of a placeholder written like a tag (`<Name>`, `</mask>`), else None."""
    bare = _BARE_TAG.fullmatch(text)
    if bare is None or is_html_element(bare.group(1)):
        return None
    return bare.group(1)


def _blank_markup(match: re.Match[str]) -> str:
    """Markup blanked; a placeholder keeps its name, which a reader of the English sees."""
    text = match.group(0)
    if text[0] == "<" and (name := _placeholder_name(text)) is not None:
        start = text.index(name)
        return " " * start + name + " " * (len(text) - start - len(name))
    return _blank(match)


def mask_markup(text: str) -> str:
    """The text with markup replaced by spaces, same length, same line breaks."""
    return _ORDINAL.sub(_blank, _MARKUP.sub(_blank_markup, text))


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

    A cheap view for telling equal pages: no offsets are kept; the link targets follow the words.
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
    text = "\n".join(pieces)
    body = _ORDINAL.sub(" ", _MARKUP.sub(_blank_markup, text))
    keys = WORD.findall(body)
    if "_" in body:
        keys = [key for key in map(word_key, keys) if key]
    # A link that now leads elsewhere is a change a reader does not see: the page must be compared.
    keys.extend(LINK_TARGET_MARK + target for target in link_targets(text))
    return keys


def words_of(text: str) -> list[str]:
    """The word keys of a piece of Markdown (a span's text, a sentence)."""
    masked = mask_markup(text)
    return [key for key in (word_key(m.group(0)) for m in WORD.finditer(masked)) if key]


def _tag_as_seen(match: re.Match[str]) -> str:
    text = match.group(0)
    return text if _placeholder_name(text) is not None else ""


def link_targets(text: str) -> list[str]:
    """The targets of the links of a piece of Markdown, Markdown's and HTML's `<a href>`, in order."""
    found = []
    if "](" in text:
        found.extend((match.start(), _target_of(match.group(0))) for match in _LINK_TARGET.finditer(text))
    if "<" in text:
        found.extend((match.start(), _href_of(match)) for match in _HREF.finditer(text))
    return [target for _, target in sorted(found)]


def _href_of(match: re.Match[str]) -> str:
    return html.unescape(next(value for value in match.groups()[:3] if value is not None)).strip()


def _html_link_with_target(match: re.Match[str]) -> str:
    """`<a href="x">text</a>` as `text` and the target word, placed as for a Markdown link."""
    return match.group(4) + " " + LINK_TARGET_MARK + _href_of(match).replace(" ", "%20") + LINK_TARGET_END


def _target_of(link_end: str) -> str:
    inner = link_end[2:-1].strip()
    return inner.split(None, 1)[0] if inner else ""


def display_text(text: str, *, with_targets: bool = False) -> str:
    """A piece of Markdown as a reader sees it: one line, no markup, links as their text.

    With `with_targets`, each link's target follows its text as one word that starts with
    `LINK_TARGET_MARK` and ends with `LINK_TARGET_END` (punctuation may follow): a reader does
    not see it, a diff must still tell when it changed.
    """
    text = _LINE_PREFIX.sub("", text)
    if "](" in text:
        if with_targets:
            text = _LINK_TARGET.sub(
                lambda m: "] " + LINK_TARGET_MARK + _target_of(m.group(0)).replace(" ", "%20") + LINK_TARGET_END, text
            )
        else:
            text = _LINK_TARGET.sub("]", text)
    if "<" in text or "[!" in text or "**" in text:
        if with_targets and "<" in text:
            text = _HREF_LINK.sub(_html_link_with_target, text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _DISPLAY_DROP.sub("", text)
        text = _DISPLAY_BREAK.sub(" ", text)
        text = _DISPLAY_TAG.sub(_tag_as_seen, text)
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
