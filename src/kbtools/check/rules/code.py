"""Inline code inside segments."""

from __future__ import annotations

from collections import Counter

from kbtools.check.difference import describe_difference
from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.model import Segment


@segment_rule(
    "inline-code-mismatch",
    family="code",
    severity="error",
    summary="The inline code spans of target and source differ.",
    explanation="""
Inline code (`` `msiexec /i` ``, `` `MsiGetProperty` ``) is copied, never translated: a reader
types it as shown. A code span whose content changed, or that was dropped or added, gives the
reader of the translation a command or name that does not exist. A target that only wraps a
name of the source in backticks loses nothing and is not reported; an escaped backtick
(a backslash before a backtick) is a literal character, not code.
""",
    example="""
source: Run `msiexec /a package.msi`.
target: 執行 `msiexec / a package。msi`。
""",
)
def inline_code_mismatch(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    if "`" not in segment.target.text and "`" not in segment.source.text:
        return None
    target, source = Counter(segment.target.inline.code), Counter(segment.source.inline.code)
    if target == source:
        return None
    if not source - target and all(code in segment.source.text for code in target - source):
        return None  # the translation marked a name of the source as code: nothing lost
    return "inline code differs from the source: " + describe_difference(source, target, lambda c: f"`{c}`")
