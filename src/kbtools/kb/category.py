"""Property categories from `property-reference.md`, itself an sxs page.

A property belongs to the `##` section of that page whose table lists it in the first
column; the category is the English heading of that section. Tables are Markdown pipe
tables or raw HTML `<table>`s; a listed property is known by its name (the English cell text)
and by the page its link points at. The name wins: one row links ParentProductCode to the
ParentOriginalDatabase page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from kbtools.kb.record import LocalizedText
from kbtools.kb.sections import Section, outline
from kbtools.kb.sentence import localized_plain, plain
from kbtools.page import Page, Segment

REFERENCE_PAGE = "property-reference.md"

_CELL_OR_ROW = re.compile(r"<(tr|td|th)\b", re.I)


@dataclass
class Categories:
    """The category of each listed property, by English name and by linked page slug."""

    by_name: dict[str, str] = field(default_factory=dict)
    by_slug: dict[str, str] = field(default_factory=dict)
    titles: dict[str, LocalizedText] = field(default_factory=dict)

    def category(self, name: str, slug: str) -> str | None:
        return self.by_name.get(name) or self.by_slug.get(slug)

    def title(self, category: str | None) -> LocalizedText:
        """The category's heading in each locale (`{"en-US": "Configuration", "zh-TW": ...}`)."""
        return dict(self.titles.get(category, {})) if category else {}

    def update(self, other: Categories) -> None:
        for key, value in other.by_name.items():
            self.by_name.setdefault(key, value)
        for key, value in other.by_slug.items():
            self.by_slug.setdefault(key, value)
        for key, title in other.titles.items():
            self.titles.setdefault(key, title)


def link_slug(target: str) -> str | None:
    """The page stem a relative `.md` link points at (`-disablemedia.md#x` -> `-disablemedia`)."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path.endswith(".md") or "://" in path:
        return None
    return PurePosixPath(path).stem


def _first_column_segments(page: Page, section: Section) -> list[Segment]:
    """Segments in the first column of the body rows of the section's tables."""
    found: list[Segment] = []
    text = page.text or ""
    for block in section.blocks:
        if block.kind == "table_cell":
            if block.column == 0 and block.row:
                found.extend(block.segments)
        elif block.kind == "html" and block.segments:
            start = page.lines.line_start(block.start_line)
            end = page.lines.line_start(block.end_line + 1) if block.end_line < page.lines.line_count else len(text)
            marks = [(m.start(), m.group(1).lower()) for m in _CELL_OR_ROW.finditer(text, start, end)]
            for segment in block.segments:
                column, header = -1, False
                for offset, tag in marks:
                    if offset > segment.anchor.tag_start:
                        break
                    if tag == "tr":
                        column, header = -1, False
                    else:
                        column += 1
                        header = tag == "th"
                if column == 0 and not header:
                    found.append(segment)
    return found


def read_categories(page: Page) -> Categories:
    """The categories listed by the reference page's tables."""
    categories = Categories()
    for section in outline(page).sections:
        if not section.title:
            continue
        if section.heading is not None:
            locale = page.locale or "und"
            categories.titles.setdefault(section.title, localized_plain(section.heading.segments, locale))
        for segment in _first_column_segments(page, section):
            name = plain(segment.source)
            if name:
                categories.by_name.setdefault(name, section.title)
            target = page.wrapping_link(segment)
            if target is None and segment.source is not None and segment.source.inline.links:
                target = segment.source.inline.links[0].target
            slug = link_slug(target) if target else None
            if slug:
                categories.by_slug.setdefault(slug, section.title)
    return categories
