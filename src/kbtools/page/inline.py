"""Inline Markdown inside one span: code, links, emphasis, raw HTML and the plain text.

A span holds one sentence, so a small scanner that knows the CommonMark rules these pages
use (backtick code spans first, then links, then emphasis) is exact enough and an order of
magnitude cheaper than a full markdown-it-py inline parse per span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
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
_HTML_TAG = re.compile(r"</?([A-Za-z][\w:-]*)(?:\s[^<>]*)?/?>")
_PLACEHOLDER = "\x00"
_STRONG_EDGE = "\x01"  # keeps emphasis boundaries after `**x**` is unwrapped
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


def parse_inline(text: str) -> Inline:
    inline = Inline()
    if "`" in text:
        inline.code = [m.group(2).strip() if m.group(2).strip() else m.group(2) for m in _CODE.finditer(text)]
        rest = _CODE.sub(_PLACEHOLDER, text)
    else:
        rest = text
    if "](" in rest:
        for m in _LINK.finditer(rest):
            target = m.group(3)
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            inline.links.append(Link(m.group(2), target, image=bool(m.group(1))))
        rest = _LINK.sub(lambda m: m.group(2), rest)
    if "<" in rest:
        for m in _HTML_HREF.finditer(rest):
            target = m.group(2) if m.group(2) is not None else (m.group(3) if m.group(3) is not None else m.group(4))
            inline.links.append(Link("", target or "", image=m.group(1).lower() == "img", html=True))
        for m in _AUTOLINK.finditer(rest):
            inline.links.append(Link(m.group(1), m.group(1)))
        rest = _AUTOLINK.sub(lambda m: m.group(1), rest)
        inline.html_tags = [m.group(1).lower() for m in _HTML_TAG.finditer(rest)]
        if inline.html_tags:
            rest = _HTML_TAG.sub(" ", rest)
    if "*" in rest or "_" in rest:
        inline.strong = [m.group(1) or m.group(2) for m in _STRONG.finditer(rest)]
        rest = _STRONG.sub(lambda m: _STRONG_EDGE + (m.group(1) or m.group(2)) + _STRONG_EDGE, rest)
        inline.emphasis = [m.group(1) or m.group(2) for m in _EMPHASIS.finditer(rest)]
        rest = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), rest).replace(_STRONG_EDGE, "")
    if "\\" in rest:
        rest = _ESCAPE.sub(r"\1", rest)
    inline.plain = rest.replace(_PLACEHOLDER, " ")
    return inline
