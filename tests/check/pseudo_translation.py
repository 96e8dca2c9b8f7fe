"""A mechanical, meaning-preserving translation: the source with its ordinary words swapped for filler.

Every identifier, number, code span, link URL, tag, entity, `{placeholder}`, escape and SAL annotation (`[in]`,
`[in, out]`: tokens, not words) is kept as it is; only
all-lowercase words change (`the` -> `lorem`), the same way wherever they stand, so that one
term is translated one way. A checker must find
nothing wrong with such a translation but `untranslated` (which it cannot tell from a source
with no ordinary words).
"""

from __future__ import annotations

import re

from kbtools.page import parse_text
from kbtools.page.model import Page

FILLER = "lorem"
# What is kept as it is, in one alternation; group `word` is what changes.
_TOKEN = re.compile(
    r"(?P<code>(`+)[^`]*?\2)"
    r"|(?P<url>\]\([^)]*\))"
    r"|(?P<tag>\\?<[^<>]*>)"
    r"|(?P<entity>&#?\w+;)"
    r"|(?P<placeholder>\{[\\&]?\w+\})"
    r"|(?P<annotation>\\?\[(?:in|out|optional|retval|opt)(?:\s*,\s*(?:in|out|optional|retval|opt))*\\?\])"
    r"|(?P<escape>\\.)"
    r"|(?P<autolink>https?://\S+)"
    r"|(?<![\w.:\\/@%$-])(?P<word>[a-z]{2,})(?![\w.:\\/@%$-])"
)


def pseudo_translate(source: str) -> str:
    return _TOKEN.sub(lambda m: FILLER if m.group("word") else m.group(0), source)


def pseudo_page(page: Page) -> str:
    """The page's text with every paired target replaced by the pseudo-translation of its source."""
    text = page.text or ""
    spans = sorted(
        ((s.target.start, s.target.end, pseudo_translate(s.source.text)) for s in page.segments if s.paired),  # type: ignore[union-attr]
        reverse=True,
    )
    for start, end, replacement in spans:
        text = text[:start] + replacement + text[end:]
    return text


def pseudo_translated(page: Page) -> Page:
    return parse_text(pseudo_page(page), page.path)


# Rules about the file and the span structure judge what the page already was, not the
# translation: a broken page stays broken whatever its targets say.
STRUCTURE_RULES = frozenset(
    {
        "encoding",
        "unreadable-file",
        "frontmatter",
        "malformed-markup",
        "unpaired-segment",
        "segment-id-mismatch",
        "duplicate-segment-id",
        "unsafe-html",
    }
)
