"""Numbers of the source."""

from __future__ import annotations

import re
from collections import Counter

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.inline import visible_text
from kbtools.page.model import Segment

# Digits not inside a word, a version-like run or a compound such as "3-D".
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:[.,]\d+)*(?![A-Za-z0-9_]|-[A-Za-z])")
_DIGIT = re.compile(r"[0-9０-９]")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def numbers(text: str) -> Counter[str]:
    found = _NUMBER.findall(text.translate(_FULL_WIDTH_DIGITS))
    return Counter(n.replace(",", "") for n in found)


@segment_rule(
    "number-mismatch",
    family="numbers",
    severity="warning",
    summary="A number of the source missing from the target.",
    explanation="""
Values, versions and counts carry meaning that translation must not change: "set to 2" that
became "set to 1", or a version "4.5" that was dropped, misinforms the reader. Numbers are
compared in the text outside code and links (those have rules of their own); full-width digits
count as digits.
""",
    example="""
source: Windows Installer 4.0 or Windows Installer 4.5 on Windows Vista.
target: Windows Vista 上的 Windows Installer 4.0。
""",
)
def number_mismatch(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    if _DIGIT.search(segment.source.text) is None:
        return None
    if not numbers(visible_text(segment.source.text)) - numbers(visible_text(segment.target.text)):
        return None  # every number is there, code and all; the exact count below is not needed
    source_plain = segment.source.inline.plain
    if _DIGIT.search(source_plain) is None:
        return None
    missing = numbers(source_plain) - numbers(segment.target.inline.plain)
    if not missing:
        return None
    return "number(s) of the source missing from the target: " + ", ".join(sorted(missing.elements()))
