"""Inline markup that the translation must keep."""

from __future__ import annotations

from collections import Counter

from kbtools.check.registry import PageContext, segment_rule
from kbtools.check.rules.html import has_unsafe_markup
from kbtools.page.model import Segment

# Tags whose count must match; anchors and formatting tags a translation may legitimately move.
_COUNTED_TAGS = {"br", "b", "strong", "i", "em", "code", "sup", "sub", "a", "img"}


@segment_rule(
    "markup-mismatch",
    family="markup",
    severity="warning",
    summary="Bold, italic or inline HTML of the source is lost or added in the target.",
    explanation="""
Emphasis and inline HTML carry meaning (a bold property name, a line break in a table cell, a
superscript). A target with fewer or more of them than its source has lost or invented that
meaning, and a dangling `**` renders as literal asterisks.
""",
    example="""
source: The **ALLUSERS** property configures ...
target: ALLUSERS 屬性會設定 ...
""",
)
def markup_mismatch(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    source_text, target_text = segment.source.text, segment.target.text
    both = source_text + target_text
    if "*" not in both and "<" not in both and "_" not in both:
        return None
    if "<" in target_text and has_unsafe_markup(target_text):
        return None  # an injected `<img onerror>`: `unsafe-html` reports the cause
    source, target = segment.source.inline, segment.target.inline
    problems = []
    if len(source.strong) != len(target.strong):
        problems.append(f"bold {len(source.strong)} -> {len(target.strong)}")
    if len(source.emphasis) != len(target.emphasis):
        problems.append(f"italic {len(source.emphasis)} -> {len(target.emphasis)}")
    source_tags = Counter(t for t in source.html_tags if t in _COUNTED_TAGS)
    target_tags = Counter(t for t in target.html_tags if t in _COUNTED_TAGS)
    if source_tags != target_tags:
        changed = sorted(set(source_tags) | set(target_tags))
        problems.extend(
            f"<{t}> {source_tags[t]} -> {target_tags[t]}" for t in changed if source_tags[t] != target_tags[t]
        )
    if not problems:
        return None
    return "markup differs from the source: " + ", ".join(problems)
