"""Segment markup (inline Markdown and HTML from a translation) to HTML that is safe to publish.

A translation is untrusted input: after rendering, the HTML goes through an nh3 allow-list, so
no script, style, event attribute or `javascript:` URL from a segment reaches the site.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape, unescape

import nh3
from markdown_it import MarkdownIt

from kbtools.kb.records import repaired_references
from kbtools.site.links import SAFE_SCHEMES, LinkResolver

ALLOWED_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "code", "kbd", "var", "samp", "br", "sup", "sub", "u", "s", "del", "span"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

# Characters that Markdown, attr_list (`{: onfocus=... }`) or a raw-HTML scan give a meaning to.
# In generated pages they are written as character references, which every browser reads as
# the character and Python-Markdown passes through untouched: escaped HTML stays inert even
# where it lands inside Markdown (a heading, a table cell).
_MARKDOWN_CHARS = re.compile(r"[\\`*_{}\[\]()<>!|#~^\"']")
_TAG_OR_ENTITY = re.compile(r"(<[^<>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")
_ATTRIBUTE = re.compile(r'(\s[a-zA-Z-]+=")([^"]*)(")')


@lru_cache(maxsize=1)
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True})


def sanitize(html: str, resolver: LinkResolver | None = None, page: str = "") -> str:
    """Keep only allow-listed tags and attributes; send each href through `resolver`."""

    def filter_attribute(tag: str, attribute: str, value: str) -> str | None:
        if attribute != "href":
            return value
        return resolver.resolve(value, page) if resolver is not None else None

    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(SAFE_SCHEMES),
        attribute_filter=filter_attribute,
        strip_comments=True,
        link_rel="noopener",
    )


def render_markup(text: str, resolver: LinkResolver, page: str) -> str:
    """Render one segment's inline Markdown to sanitised HTML for the site page `page`."""
    if not text:
        return ""
    # Machine translation takes character references apart (`&\\# 0034;`): made whole again, they
    # show as the character, and Markdown reads them as text, so no reference becomes markup.
    text = repaired_references(text)
    if not any(char in text for char in "*_`[<&\\!"):
        return escape(text, quote=False)
    return sanitize(_inline_parser().renderInline(text), resolver, page)


def inert(html: str) -> str:
    """Well-formed, escaped HTML with every Markdown metacharacter of its text and attribute
    values written as a character reference, so no Markdown pass can make markup of it."""
    parts = _TAG_OR_ENTITY.split(html)
    for index, part in enumerate(parts):
        if index % 2 == 0:
            parts[index] = _references(part)
        elif part.startswith("<"):
            parts[index] = _ATTRIBUTE.sub(lambda m: m.group(1) + _attribute_value(m.group(2)) + m.group(3), part)
    return "".join(parts)


def _references(text: str) -> str:
    return _MARKDOWN_CHARS.sub(lambda m: f"&#{ord(m.group(0))};", text)


def _attribute_value(value: str) -> str:
    pieces = _TAG_OR_ENTITY.split(value)
    return "".join(piece if index % 2 else _references(piece) for index, piece in enumerate(pieces))


def escaped_text(text: str) -> str:
    """Plain text as inert HTML, fit for a text node or a quoted attribute."""
    return inert(escape(text))


def plain_title(markup: str) -> str:
    """Segment markup as the escaped plain text of a page title (front matter, `<title>`, nav).

    MkDocs themes print titles unescaped, so the text is escaped here, quotes included.
    """
    return escape(unescape(plain_text(_inline_parser().renderInline(markup))))


def plain_text(markup: str) -> str:
    """Markup with every tag (and script or style content) removed, for titles and attributes."""
    return nh3.clean(markup, tags=set(), attributes={}, strip_comments=True).strip()
