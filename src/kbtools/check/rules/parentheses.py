"""Parentheses that the target closes before it opens them."""

from __future__ import annotations

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.inline import visible_prose
from kbtools.page.model import Segment

# Full-width parentheses (zh, ja) pair as the ASCII ones do: a translation may mix them.
_FULL_WIDTH = str.maketrans("（）", "()")


def _first_unopened(text: str) -> int | None:
    """The offset of the first `)` with no `(` open before it, or None."""
    depth = 0
    for offset, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return offset
    return None


def _readable(text: str) -> str:
    return visible_prose(text).translate(_FULL_WIDTH)


@segment_rule(
    "broken-parentheses",
    family="markup",
    severity="warning",
    summary="The target closes a parenthesis before it opens one (`) 為輸入 y 的相同維度 (s`), where the source's are in order.",
    explanation="""
Machine translation that reorders a sentence moves a parenthesis without its partner: `same
dimension(s) as input y` becomes `) 為輸入 y 的相同維度 (s`, `(ERROR_PCW_BASE + 0x2d)` becomes
`_PCW _ BASE + 0x2d)  (錯誤`, `AssocCreate (prior to Windows Vista)` becomes `Windows Vista) 之前的
AssocCreate (`. The words that were inside the parentheses are now outside them and the reader
cannot tell what the aside qualifies. The rule reports a target (outside inline code and link
URLs, full-width parentheses counted as ASCII ones) that has as many parentheses of each kind as
its source, but closes one before any is open, where the source never does.
""",
    example="""
source: same dimension(s) as input y
target: ) 為輸入 y 的相同維度 (s
""",
)
def broken_parentheses(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    raw = segment.target.text
    if ")" not in raw and "）" not in raw:
        return None
    target = _readable(raw)
    offset = _first_unopened(target)
    if offset is None:
        return None
    source = _readable(segment.source.text)
    if _first_unopened(source) is not None:
        return None
    if source.count("(") != target.count("(") or source.count(")") != target.count(")"):
        return None  # one lost or added: another change than a move
    context_text = target[max(0, offset - 20) : offset + 1].strip()
    return f"a parenthesis is closed before it is opened: '{context_text}'"
