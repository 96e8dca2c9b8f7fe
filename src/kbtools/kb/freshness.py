"""A record's freshness: is its page's translation current with the English page of today?

Built from the comparison in `kbtools.freshness` (page model -> comparison -> this part of the
record); the site and the API publish it as it is. The current English is what a developer
needs: a stale requirement row carries both the English the translation was made from and the
English now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from kbtools.freshness.model import PageFreshness
    from kbtools.freshness.tree import EnglishTree
    from kbtools.page.model import Page, Segment

REQUIREMENTS_HEADING = "Requirements"


class DiffPart(BaseModel):
    """A run of words kept, removed (`delete`) or added (`insert`) in the English."""

    op: Literal["equal", "delete", "insert"]
    text: str


class StaleSegment(BaseModel):
    """A segment whose English source is no longer in the English page."""

    id: str
    source: str = Field(description="The English the translation was made from.")
    current: str | None = Field(description="The current English sentence that replaced it; null: removed.")
    english_line: int | None = Field(default=None, description="Where the current sentence is in the English page.")
    similarity: float = Field(ge=0, le=1, description="How alike the two are in words.")
    diff: list[DiffPart] = []


class MissingSentence(BaseModel):
    """A sentence of the English page that no segment translates."""

    text: str
    english_line: int
    after: str | None = Field(default=None, description="The id of the segment it follows.")


class RequirementChange(BaseModel):
    """A row of the requirements table whose English changed since the translation."""

    label: str
    translated_from: str = Field(description="The row's English as the translation has it.")
    current: str = Field(description="The row's English now.")


class Freshness(BaseModel):
    """Whether the translation is current with the English page, and what changed if not."""

    current: bool
    english_path: str
    compared: int = Field(description="Segments compared with the English page.")
    stale: list[StaleSegment] = []
    missing: list[MissingSentence] = []
    requirements: list[RequirementChange] = []
    ms_date: str | None = Field(default=None, description="The English page's date when translated.")
    ms_sourcegitcommit: str | None = None
    ms_lasthandoff: str | None = None
    english_ms_date: str | None = Field(default=None, description="The current English page's ms.date.")
    error: str | None = Field(default=None, description="Why the English page could not be compared.")


def record_freshness(page: Page, tree: EnglishTree) -> Freshness | None:
    """The freshness of a property page; None when the English tree has no page for it."""
    from kbtools.freshness.tree import page_freshness

    result = page_freshness(page, tree)
    if result is None:
        return None
    record = freshness(result, page)
    if result.english_path.is_relative_to(tree.root):
        record.english_path = result.english_path.relative_to(tree.root).as_posix()
    return record


def freshness(result: PageFreshness, page: Page) -> Freshness:
    provenance = result.provenance
    stale = [
        StaleSegment(
            id=item.segment.id,
            source=item.source,
            current=item.current.text if item.current is not None else None,
            english_line=item.current.line if item.current is not None else None,
            similarity=round(item.similarity, 3),
            diff=[DiffPart(op=part.op, text=part.text) for part in item.diff],
        )
        for item in result.stale
    ]
    missing = [
        MissingSentence(
            text=item.sentence.text, english_line=item.sentence.line, after=item.after.id if item.after else None
        )
        for item in result.missing
    ]
    return Freshness(
        current=result.current,
        english_path=result.english_path.as_posix(),
        compared=result.compared,
        stale=stale,
        missing=missing,
        requirements=_requirement_changes(result, page),
        ms_date=provenance.date,
        ms_sourcegitcommit=provenance.source_commit,
        ms_lasthandoff=provenance.handoff,
        english_ms_date=provenance.english_date,
        error=result.error,
    )


def _requirement_changes(result: PageFreshness, page: Page) -> list[RequirementChange]:
    """Rows of the requirements table holding a stale segment or followed by a new sentence."""
    from kbtools.freshness.words import display_text

    now: dict[int, str] = {item.segment.index: item.current.text if item.current else "" for item in result.stale}
    added: dict[int, list[str]] = {}
    for item in result.missing:
        if item.after is not None:
            added.setdefault(item.after.index, []).append(item.sentence.text)
    rows: dict[int, list[list[Segment]]] = {}
    for block in page.blocks:
        if block.kind != "table_cell" or block.row is None or block.row == 0 or not _in_requirements(block):
            continue
        cells = rows.setdefault(block.row, [])
        cells.append(block.segments)
    changes = []
    for cells in rows.values():
        segments = [segment for cell in cells for segment in cell]
        if not any(s.index in now or s.index in added for s in segments) or len(cells) < 2:
            continue
        label = " ".join(display_text(s.source.text) for s in cells[0] if s.source is not None)
        before: list[str] = []
        after: list[str] = [text for s in cells[0] for text in added.get(s.index, [])]
        for segment in (s for cell in cells[1:] for s in cell):
            if segment.source is None:
                continue
            source = display_text(segment.source.text)
            before.append(source)
            replaced = now.get(segment.index, source)
            if replaced:
                after.append(replaced)
            after.extend(added.get(segment.index, []))
        changes.append(RequirementChange(label=label, translated_from=" ".join(before), current=" ".join(after)))
    return changes


def _in_requirements(block) -> bool:
    heading = block.heading
    if heading is None:
        return False
    from kbtools.freshness.words import display_text

    return any(
        s.source is not None and display_text(s.source.text).strip() == REQUIREMENTS_HEADING for s in heading.segments
    )
