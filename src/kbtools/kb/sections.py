"""A page cut into its sections: the lead (before the first `##`) and each `##` section.

Sections are named by their English heading (`Remarks`, `Requirements`, `See also`), so a
translated heading never changes where a fact is looked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kbtools.kb.sentence import plain
from kbtools.page import Page, Segment
from kbtools.page.blocks import Block

LEAD = ""


@dataclass(eq=False)
class Section:
    """The blocks under one `##` heading (subsections included); `title` is the English heading."""

    title: str
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.title.casefold()

    @property
    def segments(self) -> list[Segment]:
        return [segment for block in self.blocks for segment in block.segments]


@dataclass(eq=False)
class Outline:
    """The title heading, the lead and the sections of a page, in page order."""

    title: Block | None
    lead: Section
    sections: list[Section]

    def section(self, *titles: str) -> Section | None:
        """The first section whose English heading is one of `titles` (case-insensitive)."""
        wanted = {title.casefold() for title in titles}
        for section in self.sections:
            if section.key in wanted:
                return section
        return None


def heading_text(block: Block) -> str:
    """The English text of a heading block (its source spans), or '' when it has none."""
    return " ".join(filter(None, (plain(s.source) for s in block.segments)))


def outline(page: Page) -> Outline:
    title: Block | None = None
    lead = Section(LEAD, None)
    sections: list[Section] = []
    current = lead
    for block in page.blocks:
        if block.kind == "heading" and block.level == 1 and title is None and not sections:
            title = block
            continue
        if block.kind == "heading" and block.level <= 2:
            current = Section(heading_text(block), block)
            sections.append(current)
            continue
        current.blocks.append(block)
    return Outline(title, lead, sections)
