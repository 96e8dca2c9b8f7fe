"""Words moved into the literal brackets of the target (`\\[僅限 Windows Vista 桌面應用程式\\]`)."""

from __future__ import annotations

import re

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.model import Segment

_CODE_SPAN = re.compile(r"`[^`]*`")
_BRACKETED = re.compile(r"\\\[(.*?)\\\]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def _inside_and_outside(text: str) -> tuple[dict[str, None], set[str]]:
    """The Latin words of a text inside its literal (escaped) brackets, in their order, and
    those outside."""
    if "`" in text:
        text = _CODE_SPAN.sub(" ", text)
    inside = dict.fromkeys(word for group in _BRACKETED.findall(text) for word in _LATIN_WORD.findall(group))
    return inside, set(_LATIN_WORD.findall(_BRACKETED.sub(" ", text)))


@segment_rule(
    "bracket-scope",
    family="markup",
    severity="warning",
    summary="A word the source writes outside its brackets put inside them in the target (`Windows Vista \\[desktop apps only\\]` -> `\\[僅限 Windows Vista 桌面應用程式\\]`).",
    explanation="""
Literal brackets (`\\[...\\]` in Markdown) mark what the words outside them do not say: a
qualifier (`Windows Vista [desktop apps only]`), a placeholder (`[2]`), a folder property
(`[ProgramFilesFolder]\\Red_Park\\Menu`), a section of a file (`the [Product Information]
section`). Machine translation that reorders the sentence moves the brackets with a word of
the sentence inside (`[僅限 Windows Vista 桌面應用程式]`, `[Menu di ProgramFilesFolder]`,
`[ il file 3 al ]`): the qualifier now covers the product, the placeholder holds a word. The rule
reports a Latin word that the source writes outside its brackets only and the target writes
inside them, outside inline code.
""",
    example="""
source: Windows Vista \\[desktop apps only\\]
target: \\[僅限 Windows Vista 桌面應用程式\\]
""",
)
def bracket_scope(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    target = segment.target.text
    if "\\[" not in target:
        return None
    source = segment.source.text
    if "\\[" not in source:
        return None
    target_inside, _ = _inside_and_outside(target)
    if not target_inside:
        return None
    source_inside, source_outside = _inside_and_outside(source)
    moved = [word for word in target_inside if word in source_outside and word not in source_inside]
    if not moved:
        return None
    words = " ".join(moved)
    return [f"'{words}', outside the brackets in the source, is inside them in the target"]
