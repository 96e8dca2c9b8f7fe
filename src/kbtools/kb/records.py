"""One property page -> one `PropertyRecord`, read from the page model only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz

from kbtools.kb.body import EXAMPLE_SECTIONS, read_body, read_examples
from kbtools.kb.category import Categories
from kbtools.kb.lifetime import read_lifetime
from kbtools.kb.property_page import english_title, is_public, property_kind, property_name
from kbtools.kb.record import LocalizedSegment, LocalizedText, OtherSection, PropertyRecord, SeeAlso, Source
from kbtools.kb.requirements import read_requirements
from kbtools.kb.sections import Outline, Section, outline
from kbtools.kb.sentence import SOURCE_LOCALE, localized_plain, localized_segment, plain, plain_text
from kbtools.kb.since import read_since
from kbtools.kb.value import read_value
from kbtools.kb.value_table import read_default, read_values
from kbtools.page import Page

UNKNOWN_LOCALE = "und"
# Kinds documented as members of automation objects, whose pages state a value type and access.
VALUE_KINDS = ("automation", "merge-module")
# Sections a field of the record holds; every other section is kept whole in `other`.
REMARKS = ("Remarks",)
DEFAULT_VALUE = ("Default Value", "Default")
PROPERTY_VALUE = ("Property value",)
SEE_ALSO = ("See also", "Related topics")
HELD_SECTIONS = frozenset(
    title.casefold()
    for title in (*REMARKS, *DEFAULT_VALUE, *PROPERTY_VALUE, *SEE_ALSO, *EXAMPLE_SECTIONS, "Requirements", "Syntax")
)
SOURCE_KEYS = ("ms.date", "ms.sourcegitcommit", "ms.translationtype", "ms.lasthandoff", "ms.assetid")

MAX_SUMMARY_SENTENCES = 12
MIN_SUMMARY_SIMILARITY = 30.0


class NotAPropertyPage(ValueError):
    """The page is readable but does not document a property."""


class UnreadablePage(ValueError):
    """The page cannot be turned into a record; the message says why."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def page_locale(page: Page) -> str:
    """The target locale of the page, or of the folder it sits in (`translations/de-DE/`)."""
    if page.locale:
        return page.locale
    folder = page.path.parent.name
    if re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", folder):
        return folder
    return UNKNOWN_LOCALE


def _section_segments(section: Section | None, locale: str) -> list[LocalizedSegment]:
    """The segments of a section, each with the index of its block and of its list item."""
    if section is None:
        return []
    segments: list[LocalizedSegment] = []
    items: dict[int, int] = {}  # list item of the page -> its index in the section
    paragraphs = [block for block in section.blocks if block.segments]
    for index, block in enumerate(paragraphs):
        item = None if block.list_item is None else items.setdefault(block.list_item, len(items))
        segments.extend(localized_segment(segment, locale, block=index, list_item=item) for segment in block.segments)
    return segments


# A character reference that machine translation took apart (`&# 0034 ;`, `& # 0034 ;`, `&\\# 0034 ;`), sometimes
# with a word of the sentence moved inside it (`&\\# profile 0034 ;`).
_GARBLED_REFERENCE = re.compile(r"&\s*\\?#\s*(?:([^\W\d_][\w'’-]*)\s+)?(?:0*(\d{1,7})|[xX]([0-9A-Fa-f]{1,6}))\s*;")
# The zero-padded number of a garbled reference (`0034`) is sign enough when the `#` has moved
# away or the `;` became a comma (`&0034; 中的資料夾 \\#`, `&\\# 0034, база данных`).
_PADDED_REFERENCE = re.compile(r"&\s*(?:\\?#\s*)?(0\d{3})\s*[;,]")


def decoded_description(text: str) -> str:
    """A front matter text with its garbled character references as the characters they stand for.

    Nine zh-TW descriptions (and as many fr-FR) write `"` as `&# 0034 ;`; shown as they are, the
    summaries in search and the API would carry raw entity text. A word moved inside a reference
    comes out after the character.
    """

    def character(match: re.Match[str]) -> str:
        code = int(match.group(2)) if match.group(2) else int(match.group(3), 16)
        if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return match.group(0)
        word = match.group(1)
        return chr(code) + (f" {word}" if word else "")

    text = _GARBLED_REFERENCE.sub(character, text)
    return _PADDED_REFERENCE.sub(lambda match: chr(int(match.group(1))), text) if "&" in text else text


def repaired_references(markup: str) -> str:
    """Segment markup with its garbled character references made well-formed (`&\\# 0034;` ->
    `&#34;`), which a Markdown renderer reads as the character itself, as text, never as markup.

    The body's sentences keep their text as the page writes it (the checker reports the garbled
    references); this is for showing them.
    """

    def reference(match: re.Match[str]) -> str:
        code = int(match.group(2)) if match.group(2) else int(match.group(3), 16)
        if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return match.group(0)
        word = match.group(1)
        return f"&#{code};" + (f" {word}" if word else "")

    if "&" not in markup:
        return markup
    markup = _GARBLED_REFERENCE.sub(reference, markup)
    return _PADDED_REFERENCE.sub(lambda match: f"&#{int(match.group(1))};", markup)


def _summary(page: Page, lead: Section, locale: str) -> LocalizedText:
    """The page description, with the English of the lead sentences it was made from.

    The sxs front matter carries only the translated description. Descriptions are made from
    the first sentences of the lead, so the English is the source of the lead prefix whose
    translation is closest to the description.
    """
    # One page spells the key `Description`; the text is the description all the same.
    description = page.front_matter.get("description", any_case=True) if page.front_matter else None
    summary: LocalizedText = {}
    if not description:
        return summary
    description = plain_text(decoded_description(" ".join(str(description).split())))
    segments = [segment for segment in lead.segments if segment.target is not None]
    best_score, best_length = 0.0, 0
    translated = ""
    for length, segment in enumerate(segments[:MAX_SUMMARY_SENTENCES], start=1):
        translated += plain(segment.target)
        score = fuzz.ratio(translated, description)
        if score > best_score:
            best_score, best_length = score, length
    english = localized_plain(segments[:best_length], locale).get(SOURCE_LOCALE)
    if english and best_score >= MIN_SUMMARY_SIMILARITY:
        summary[SOURCE_LOCALE] = english
    summary[locale] = description
    return summary


def _see_also(page: Page, section: Section | None, locale: str) -> list[SeeAlso]:
    entries: list[SeeAlso] = []
    if section is None:
        return entries
    for segment in section.segments:
        target = page.wrapping_link(segment)
        if target is None and segment.source is not None and segment.source.inline.links:
            target = segment.source.inline.links[0].target
        if target is None:
            continue
        entries.append(SeeAlso(target=target, title=localized_plain([segment], locale)))
    return entries


def _links(page: Page) -> list[str]:
    """Every link target of the English source, in page order, once each."""
    seen: dict[str, None] = {}
    for segment in page.segments:
        wrapping = page.wrapping_link(segment)
        if wrapping:
            seen.setdefault(wrapping, None)
        if segment.source is not None:
            for link in segment.source.inline.links:
                if link.target and not link.image:
                    seen.setdefault(link.target, None)
    return list(seen)


def _other_sections(shape: Outline, locale: str, kind: str) -> list[OtherSection]:
    """Sections no field holds, whole; the value section counts as held only where it is read."""
    held = HELD_SECTIONS if kind in VALUE_KINDS else HELD_SECTIONS - {title.casefold() for title in PROPERTY_VALUE}
    others = []
    for section in shape.sections:
        if section.key in held or section.heading is None:
            continue
        segments = _section_segments(section, locale)
        title = localized_plain(section.heading.segments, locale)
        others.append(OtherSection(key=section.title, title=title, segments=segments))
    return others


def _source(page: Page, path: Path, locale: str) -> Source:
    data = page.front_matter.data if page.front_matter else {}
    values = {key: str(data[key]) for key in SOURCE_KEYS if data.get(key) is not None}
    return Source(path=path.as_posix(), locale=locale, **values)


def property_record(
    page: Page, categories: Categories | None = None, path: Path | None = None, releases: Sequence[str] = ()
) -> PropertyRecord:
    """The record of a property page; `releases` are the Windows Installer versions the runtime
    pages list, in release order (for "Not supported in Windows Installer 3.1 and earlier").

    Raises `NotAPropertyPage` for other pages and `UnreadablePage` for broken ones.
    """
    if page.text is None:
        error = page.decode_error
        raise UnreadablePage(error.message if error else "not text", error.line if error else None)
    if page.front_matter is not None and page.front_matter.error:
        raise UnreadablePage(f"front matter: {page.front_matter.error}", page.front_matter.error_line)
    shape = outline(page)
    title = english_title(shape)
    name = property_name(title)
    if name is None:
        raise NotAPropertyPage(page.path.as_posix())
    return _record(page, shape, name, categories or Categories(), path or page.path, releases)


def _record(
    page: Page, shape: Outline, name: str, categories: Categories, path: Path, releases: Sequence[str]
) -> PropertyRecord:
    locale = page_locale(page)
    requirements = read_requirements(shape.section("Requirements"), locale)
    requirements.since = read_since(shape, name, releases)
    kind = property_kind(name, requirements)
    slug = path.stem
    title_segments = shape.title.segments if shape.title is not None else []
    value = None
    if kind in VALUE_KINDS:
        value = read_value(page, shape, _section_segments(shape.section(*PROPERTY_VALUE), locale))
    body = read_body(page, shape, locale)
    values = read_values(body, locale)
    sentences = [(segment.id, plain(segment.source)) for segment in page.segments if segment.source is not None]
    default_section = shape.section(*DEFAULT_VALUE)
    opening = [
        (segment.id, plain(segment.source))
        for segment in (default_section.segments if default_section is not None else [])[:1]
        if segment.source is not None
    ]
    default, default_evidence = read_default(sentences, values, opening)
    category = categories.category(name, slug)
    return PropertyRecord(
        name=name,
        slug=slug,
        kind=kind,
        public=is_public(name, kind),
        category=category,
        category_title=categories.title(category),
        title=localized_plain(title_segments, locale),
        summary=_summary(page, shape.lead, locale),
        semantics=_section_segments(shape.lead, locale),
        remarks=_section_segments(shape.section(*REMARKS), locale),
        default_value=_section_segments(shape.section(*DEFAULT_VALUE), locale),
        default=default,
        default_evidence=default_evidence,
        values=values,
        examples=read_examples(body),
        other=_other_sections(shape, locale, kind),
        value=value,
        lifetime=read_lifetime(shape, name),
        requirements=requirements,
        see_also=_see_also(page, shape.section(*SEE_ALSO), locale),
        links=_links(page),
        body=body,
        source=_source(page, path, locale),
    )


__all__ = ["NotAPropertyPage", "UnreadablePage", "page_locale", "property_record"]
