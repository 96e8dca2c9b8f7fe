"""Property categories from `property-reference.md`, itself an sxs page.

A property belongs to the `##` section of that page whose table lists it (a link to its
page) in the first column; the category is the English heading of that section.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from kbtools.kb.sections import outline
from kbtools.page import Page

REFERENCE_PAGE = "property-reference.md"


def link_slug(target: str) -> str | None:
    """The page stem a relative `.md` link points at (`-disablemedia.md#x` -> `-disablemedia`)."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path.endswith(".md") or "://" in path:
        return None
    return PurePosixPath(path).stem


def read_categories(page: Page) -> dict[str, str]:
    """Slug -> category for every property listed in the reference page's tables."""
    categories: dict[str, str] = {}
    for section in outline(page).sections:
        for block in section.blocks:
            if block.kind != "table_cell" or block.column != 0 or not block.row:
                continue
            for segment in block.segments:
                target = page.wrapping_link(segment)
                if target is None and segment.source is not None:
                    links = segment.source.inline.links
                    target = links[0].target if links else None
                slug = link_slug(target) if target else None
                if slug and section.title:
                    categories.setdefault(slug, section.title)
    return categories
