"""Segment structure: pairing, ids, nesting and emptiness."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbtools.check.registry import Hit, PageContext, page_rule, segment_rule
from kbtools.page.model import Segment, Span


@segment_rule(
    "unpaired-segment",
    family="structure",
    severity="error",
    needs_pair=False,
    summary="A target span without its source span, or a source without its target.",
    explanation="""
Every translated sentence (`<span data-ttu-id>`) must be followed by the English source it was
translated from, wrapped as `<span class="sxs-lookup"><span data-stu-id>`. A lone side means the
page was edited by hand or cut short: readers lose the source, and tools that align the two
languages (search, review, the knowledge base) lose the segment.
""",
    example="""
<span data-ttu-id="75da0-104">安裝程式會設定此值。</span>
<!-- the sxs-lookup span with data-stu-id="75da0-104" is missing -->
""",
)
def unpaired_segment(segment: Segment, context: PageContext) -> str | None:
    if context.page.markup_errors and segment.id in context.unclosed_ids:
        return None  # a span left unclosed: `malformed-markup` reports the cause
    if segment.source is None:
        return f"target span '{segment.id}' has no source span after it"
    if segment.target is None:
        return f"source span '{segment.id}' has no target span before it"
    return None


@segment_rule(
    "segment-id-mismatch",
    family="structure",
    severity="error",
    summary="A target span followed by a source span with a different id.",
    explanation="""
The `data-ttu-id` of a target and the `data-stu-id` of the source that follows it name the same
translation unit. Different ids mean the two sentences were paired by mistake (a segment was
moved, merged or split), so the source shown beside the translation is not its source.
""",
    example="""
<span data-ttu-id="75da0-104">...</span><span class="sxs-lookup"><span data-stu-id="75da0-105">...</span></span>
""",
)
def segment_id_mismatch(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    if segment.target.id != segment.source.id:
        return f"target '{segment.target.id}' is paired with source '{segment.source.id}'"
    return None


@page_rule(
    "duplicate-segment-id",
    family="structure",
    severity="error",
    summary="The same id used by two segments of a page.",
    explanation="""
Segment ids identify a translation unit within a page; translation memories, reviews and
suppression comments refer to them. Two segments with one id make those references ambiguous,
and usually mean a block was copied without being re-segmented.
""",
    example="""
<span data-ttu-id="75da0-104">甲</span>...<span data-ttu-id="75da0-104">乙</span>...
""",
)
def duplicate_segment_id(context: PageContext) -> Iterator[Hit]:
    first_line: dict[str, int] = {}
    for segment in context.page.segments:
        ident = segment.id
        if ident in first_line:
            yield Hit(f"segment id '{ident}' is already used on line {first_line[ident]}", segment)
        else:
            first_line[ident] = segment.line


@page_rule(
    "malformed-markup",
    family="structure",
    severity="error",
    summary="Unclosed or broken span structure; the rest of the page is still checked.",
    explanation="""
A segment span that is never closed, or a `</span>` that closes nothing, breaks the pairing of
every segment after it when a browser renders the page. kbtools reports where the structure
breaks, drops the broken span and goes on checking the rest of the page.
""",
    example="""
<span data-ttu-id="75da0-104">安裝程式會設定此值。<span class="sxs-lookup">...
""",
)
def malformed_markup(context: PageContext) -> Iterator[Hit]:
    page = context.page
    for error in page.markup_errors:
        segment = page.segment_by_id(error.segment) if error.segment else None
        yield Hit(error.message, segment, error.line, error.column)


# A placeholder written in angle brackets (`<version-independent ProgID>`) reads like a tag to an
# HTML parser but is the text of the sentence: only a tag with an HTML name counts as markup.
_NOT_HTML_TAG = re.compile(r"<(?!/?(?:[a-z][a-z0-9]*)(?:[\s/>]|$))(?!!--)[^<>]*>", re.I)


def _is_empty(span: Span) -> bool:
    if span.text.strip() == "":
        return True
    if "<" not in span.text:
        return False
    if _NOT_HTML_TAG.search(span.text):
        return False
    return not span.inline.plain.strip() and not span.inline.code and not span.inline.links


@segment_rule(
    "empty-segment",
    family="structure",
    severity="error",
    summary="A target or source with no text.",
    explanation="""
A segment whose target or source holds no text (only white space or empty tags) while the other
side has text shows the reader nothing in one of the languages. A segment that holds only markup
on both sides (`</dt> <dd></dd>`) has nothing to translate and is not reported. An empty target usually means a translation was lost;
an empty source, that the page was segmented wrongly.
""",
    example="""
<span data-ttu-id="75da0-104"> </span><span class="sxs-lookup"><span data-stu-id="75da0-104">The installer sets ...</span></span>
""",
)
def empty_segment(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    empty = [side for side, span in (("target", segment.target), ("source", segment.source)) if _is_empty(span)]
    if len(empty) != 1:
        return None  # both sides markup only (`</dt> <dd></dd>`): nothing to translate, nothing lost
    return f"{empty[0]} of segment '{segment.id}' is empty"
