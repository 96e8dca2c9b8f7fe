"""Inline Markdown inside one span: code, links, emphasis, raw HTML and the plain text.

A span holds one sentence, so a small scanner that knows the CommonMark rules these pages
use (backtick code spans first, then links, then emphasis) is exact enough and an order of
magnitude cheaper than a full markdown-it-py inline parse per span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# A backslash escapes an opening backtick (`\``), never a closing one: escapes do not work
# inside code.
_CODE = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_LINK = re.compile(
    r"(!?)\[((?:\\.|[^\[\]\\]|\[[^\]]*\])*)\]"
    r"\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_HTML_HREF = re.compile(r"""<(a|img)\b[^>]*?\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]*)>", re.I)
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\w])__(?=\S)(.+?)(?<=\S)__(?![\w])", re.S)
_EMPHASIS = re.compile(
    r"(?<![*\w\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?!\*)|(?<![\w\\])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w])"
)
# A tag name may have a namespace (`<v:shape>`), but `<v: *element* ...>` (syntax in prose) is no tag.
_HTML_TAG = re.compile(r"</?([A-Za-z][\w-]*(?::[A-Za-z][\w-]*)?)(?:\s[^<>]*)?/?>")
_PLACEHOLDER = "\x00"
_STRONG_EDGE = "\x01"  # keeps emphasis boundaries after `**x**` is unwrapped
_BACKSLASH = "\x02"  # an escaped backslash, kept apart so that it escapes nothing after it
_LITERAL_STAR = "\x03"  # `\*`: a literal asterisk, which neither opens nor closes emphasis
_LITERAL_UNDERSCORE = "\x04"  # `\_`, likewise
_TAG_MARK = "\x05"  # where a tag was: not white space, so `**<tag>**` stays bold
_LITERALS = str.maketrans(
    {_BACKSLASH: "\\", _LITERAL_STAR: "*", _LITERAL_UNDERSCORE: "_", _STRONG_EDGE: None, _TAG_MARK: " "}
)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(slots=True)
class Link:
    text: str
    target: str
    image: bool = False
    html: bool = False


@dataclass(slots=True)
class Inline:
    """What one span's Markdown contains. `plain` is its text with markup and URLs removed."""

    code: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    strong: list[str] = field(default_factory=list)
    emphasis: list[str] = field(default_factory=list)
    html_tags: list[str] = field(default_factory=list)
    plain: str = ""


# A link's URL (no white space in it, unless in `<...>`; `\](` is an escaped bracket, no link) or a tag.
_URL_OR_TAG = re.compile(r"(?<!\\)\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\)|<[^>]*>")


def markdown_links(text: str) -> list[Link]:
    """The Markdown links of a text with no code span and no HTML link in it.

    Cheaper than `parse_inline` and equal to its `links` for such a text; link texts keep
    their inline markup, as there.
    """
    links = []
    for match in _LINK.finditer(text):
        target = match.group(3)
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        links.append(Link(match.group(2), target, image=bool(match.group(1))))
    return links


def markdown_link_targets(text: str) -> list[str]:
    """Targets of the Markdown links of a text with no code span in it (cheaper than parse_inline)."""
    return [link.target for link in markdown_links(text)]


# Several rules ask for the visible text of the same span: computed once per text.
@lru_cache(maxsize=4096)
def visible_text(text: str) -> str:
    """The span's raw text less link URLs, tags and backslash escapes; markers stay.

    A cheap view for rules that look for words and numbers a reader sees (a URL such as
    `remove.md` must not pass for the name REMOVE), without a full inline parse.
    """
    if "](" in text or "<" in text:
        text = _URL_OR_TAG.sub(" ", text)
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def _unescape(match: re.Match[str]) -> str:
    return match.group(1)


_CODE_SPAN_TEXT = re.compile(r"`[^`]*`")


# The rules that read words ask for it on both sides of every segment: computed once per text.
@lru_cache(maxsize=4096)
def visible_prose(text: str) -> str:
    """`visible_text` less its code spans, each one space: the words and numbers of the span
    outside code (`inline-code-mismatch` compares the code)."""
    visible = visible_text(text)
    return _CODE_SPAN_TEXT.sub(" ", visible) if "`" in visible else visible


def parse_inline(text: str) -> Inline:
    inline = Inline()
    rest = text
    if "`" in rest:
        code = inline.code

        def take_code(match: re.Match[str]) -> str:
            content = match.group(2)
            code.append(content.strip() or content)
            return _PLACEHOLDER

        rest = _CODE.sub(take_code, rest)
    if "](" in rest:
        links = inline.links

        def take_link(match: re.Match[str]) -> str:
            target = match.group(3)
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            links.append(Link(match.group(2), target, image=bool(match.group(1))))
            return match.group(2)

        rest = _LINK.sub(take_link, rest)
    if "<" in rest:
        for m in _HTML_HREF.finditer(rest):
            target = m.group(2) if m.group(2) is not None else (m.group(3) if m.group(3) is not None else m.group(4))
            inline.links.append(Link("", target or "", image=m.group(1).lower() == "img", html=True))
        if "://" in rest or "mailto:" in rest:
            for m in _AUTOLINK.finditer(rest):
                inline.links.append(Link(m.group(1), m.group(1)))
            rest = _AUTOLINK.sub(lambda m: m.group(1), rest)
        tags = inline.html_tags

        def take_tag(match: re.Match[str]) -> str:
            tags.append(match.group(1).lower())
            return _TAG_MARK

        rest = _HTML_TAG.sub(take_tag, rest)
    escaped = "\\" in rest
    if escaped:
        rest = rest.replace("\\\\", _BACKSLASH).replace("\\*", _LITERAL_STAR).replace("\\_", _LITERAL_UNDERSCORE)
    if "**" in rest or "__" in rest:
        strong = inline.strong

        def take_strong(match: re.Match[str]) -> str:
            content = match.group(1) or match.group(2)
            strong.append(content.translate(_LITERALS))
            return _STRONG_EDGE + content + _STRONG_EDGE

        rest = _STRONG.sub(take_strong, rest)
    if "*" in rest or "_" in rest:
        emphasis = inline.emphasis

        def take_emphasis(match: re.Match[str]) -> str:
            content = match.group(1) or match.group(2)
            emphasis.append(content.translate(_LITERALS))
            return content

        rest = _EMPHASIS.sub(take_emphasis, rest)
    if _STRONG_EDGE in rest:
        rest = rest.replace(_STRONG_EDGE, "")
    if _TAG_MARK in rest:
        rest = rest.replace(_TAG_MARK, " ")
    if escaped:
        rest = _ESCAPE.sub(_unescape, rest).translate(_LITERALS)
    inline.plain = rest.replace(_PLACEHOLDER, " ") if _PLACEHOLDER in rest else rest
    return inline
