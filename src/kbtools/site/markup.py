"""Segment markup (inline Markdown and HTML from a translation) to HTML that is safe to publish.

A translation is untrusted input: after rendering, the HTML goes through an nh3 allow-list, so
no script, style, event attribute or `javascript:` URL from a segment reaches the site.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

import nh3
from markdown_it import MarkdownIt

from kbtools.site.links import SAFE_SCHEMES, LinkResolver

ALLOWED_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "code", "kbd", "var", "samp", "br", "sup", "sub", "u", "s", "del", "span"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


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
    if not any(char in text for char in "*_`[<&\\!"):
        return escape(text, quote=False)
    return sanitize(_inline_parser().renderInline(text), resolver, page)


def plain_text(markup: str) -> str:
    """Markup with every tag (and script or style content) removed, for titles and attributes."""
    return nh3.clean(markup, tags=set(), attributes={}, strip_comments=True).strip()
