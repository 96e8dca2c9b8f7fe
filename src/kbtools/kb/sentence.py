"""Plain sentences from the inline Markdown of spans, and the localized maps built from them."""

from __future__ import annotations

import re

from kbtools.kb.record import LocalizedSegment, LocalizedText
from kbtools.page import Segment, Span

SOURCE_LOCALE = "en-US"

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACE = re.compile(r"\s+")
_HTML_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}
_ENTITY = re.compile("|".join(map(re.escape, _HTML_ENTITIES)))
# What an HTML parser reads as markup: a tag, an end tag, a comment or a declaration. The tag
# scan of inline Markdown leaves some (`<iframe srcdoc="<img ...>">` keeps its outer tag), and
# an escaped `\<img onerror=...\>` or `&lt;script&gt;` is a tag again once unescaped.
# Each becomes a space; what is left has no `<` before a letter, `!`, `/` or `?`.
_MARKUP = re.compile(r"<[A-Za-z!/?][^<>]*>?")


def plain(span: Span | None) -> str:
    """The span's text with markup, escapes and runs of whitespace removed."""
    if span is None:
        return ""
    text = span.inline.plain
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: _HTML_ENTITIES[m.group(0)], text)
    return plain_text(text)


def plain_text(text: str) -> str:
    """Text with nothing an HTML parser would read as markup, and runs of white space as one.

    The records' plain-text fields (titles, summaries, requirement rows, see-also titles) are
    published as JSON to clients that may put them into HTML as they are; the site escapes them.
    """
    if "<" in text:
        text = _MARKUP.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def source_plain(segment: Segment) -> str:
    """The English source sentence of a segment as plain text."""
    return plain(segment.source)


def localized_plain(segments: list[Segment], locale: str) -> LocalizedText:
    """The plain text of consecutive segments joined, in the source and the target locale."""
    english = " ".join(filter(None, (plain(s.source) for s in segments)))
    translated = " ".join(filter(None, (plain(s.target) for s in segments)))
    text: LocalizedText = {}
    if english:
        text[SOURCE_LOCALE] = english
    if translated:
        text[locale] = translated
    return text


def localized_segment(segment: Segment, locale: str, block: int = 0, list_item: int | None = None) -> LocalizedSegment:
    """A segment as `{id, block, list_item, en-US, <locale>}`, each side its inline Markdown."""
    values: dict[str, str] = {}
    if segment.source is not None:
        values[SOURCE_LOCALE] = segment.source.text.strip()
    if segment.target is not None:
        values[locale] = segment.target.text.strip()
    return LocalizedSegment(id=segment.id, block=block, list_item=list_item, **values)
