"""Bold that the target widens from a name to the words around it."""

from __future__ import annotations

import re

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.model import Segment

_BOLD = re.compile(r"\*\*([^*]+?)\*\*")
# A name alone in bold: `**TRUE**`, `**OpenDatabase**`, `**Installer.OpenDatabase**`.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:(?:\.|::)[A-Za-z_][A-Za-z0-9_]*)*")
# What may touch a name and still be part of it (`IDropTargetHelper：:D ragenter` is another name).
_JOINING = frozenset("._:：-\\")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def _widened(name: str, bold: str) -> str | None:
    """The words besides the name that the bold text holds, or None when it holds the name
    alone (punctuation aside) or only inside a longer name."""
    for match in re.finditer(re.escape(name), bold):
        before = bold[match.start() - 1] if match.start() else " "
        after = bold[match.end()] if match.end() < len(bold) else " "
        if before.isascii() and (before.isalnum() or before in _JOINING):
            continue
        if after.isascii() and (after.isalnum() or after in _JOINING):
            continue
        if before == "(" and after == ")":
            return None  # `**純量 (scalar)**`: the name given beside its translation
        rest = (bold[: match.start()] + " " + bold[match.end() :]).strip()
        if any(char.isalpha() for char in rest):
            return rest
        return None
    return None


@segment_rule(
    "emphasis-scope",
    family="markup",
    severity="warning",
    summary="The bold that marks a name in the source covers other words in the target (`**則傳回 TRUE**`, `**metodo OpenDatabase**`).",
    explanation="""
Bold marks a name in these pages: a value (`Returns **TRUE** if successful`), a method (`The
**OpenDatabase** method`), an element (`an **ENTRY** element`). Machine translation that reorders
the sentence moves the closing `**` past words of the sentence, so that the bold now marks a verb
or a noun too (`**則傳回 TRUE**`, `**為 FALSE**`, `il **metodo OpenDatabase**`, `**значение
NULL**`): the reader can no longer tell the name from the prose around it. The rule reports a
bold name of the source (one word shaped like a name, dots and `::` allowed) that the target
writes inside a bold text holding other words, where target and source have as many bold texts
(a bold lost or added is `markup-mismatch`'s). Punctuation swept into the bold (`**Start,**`),
a name given in parentheses beside its translation (`**純量 (scalar)**`) and a bold name whose
punctuation changed (`protected-term`'s) are left alone.
""",
    example="""
source: Returns **TRUE** if successful, or **FALSE** otherwise.
target: 如果成功， **則傳回 TRUE** ，否則傳回 **FALSE** 。
""",
)
def emphasis_scope(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    source, target = segment.source.text, segment.target.text
    if "**" not in source or "**" not in target:
        return None
    source_bold = [text.strip() for text in _BOLD.findall(source)]
    names = {text for text in source_bold if _NAME.fullmatch(text)}
    # A name that a longer bold text of the source holds too (`**Remove**` and `**Add or Remove
    # Programs**`) may stand in that text's bold in the target.
    names = {name for name in names if not any(name in text and name != text for text in source_bold)}
    if not names:
        return None
    target_bold = [text.strip() for text in _BOLD.findall(target)]
    if len(target_bold) != len(source_bold):
        return None
    # A bold name whose punctuation changed (`IOleControl：： FreezeEvents`) is protected-term's.
    folded_source = {_NOT_ALPHANUMERIC.sub("", text) for text in source_bold}
    problems = []
    for bold in target_bold:
        if bold in names or bold in source_bold or _NOT_ALPHANUMERIC.sub("", bold) in folded_source:
            continue
        for name in sorted(names, key=len, reverse=True):
            if name in bold:
                rest = _widened(name, bold)
                if rest is not None and rest not in source_bold:
                    problems.append(f"the bold of '{name}' covers '{bold}' in the target")
                break
    return problems or None
