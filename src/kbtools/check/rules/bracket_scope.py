"""Words moved into the literal brackets of the target (`\\[僅限 Windows Vista 桌面應用程式\\]`)."""

from __future__ import annotations

import re

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.model import Segment

_CODE_SPAN = re.compile(r"`[^`]*`")
_BRACKETED = re.compile(r"\\\[(.*?)\\\]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_EMPTY = re.compile(r"\\\[\s*\\\]")
# What `copied-token` owns inside brackets: a numbered placeholder (`[2]`), an annotation (`[in]`).
_TOKEN_GROUP = re.compile(r"\s*(?:\d+|(?:in|out|optional|retval|opt|ref|unique|reserved)(?:\s*,\s*[a-z]+)*)\s*")


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
inside them, outside inline code, and brackets that the target empties where the source's hold
words (`La \\[ \\] sezione MST` for `The \\[mst\\] section`): their words stand outside them.
Where the source's brackets hold only numbered placeholders or annotations (`\\[2\\]`, `\\[in\\]`),
`copied-token` reports them.
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
    found = []
    # Brackets the target empties (`La \\[ \\] sezione MST` for `The \\[mst\\] section`): what
    # they held now stands outside them, a placeholder or a qualifier no longer marked.
    emptied = len(_EMPTY.findall(target)) - len(_EMPTY.findall(source))
    if emptied > 0 and not all(_TOKEN_GROUP.fullmatch(group) for group in _BRACKETED.findall(source)):
        found.append(f"{emptied} pair(s) of brackets empty in the target, whose words stand outside them")
    target_inside, _ = _inside_and_outside(target)
    if target_inside:
        source_inside, source_outside = _inside_and_outside(source)
        moved = [word for word in target_inside if word in source_outside and word not in source_inside]
        if moved:
            words = " ".join(moved)
            found.append(f"'{words}', outside the brackets in the source, is inside them in the target")
    return found or None
