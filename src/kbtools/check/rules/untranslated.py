"""Targets left in the source language."""

from __future__ import annotations

import html
import re

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.model import Segment

# A word that asks for translation: lowercase letters, not an identifier or a file name.
_WORD = re.compile(r"(?<![\w.\\/-])[a-z]{2,}(?![\w./\\-])")
_SPACE = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MIN_WORDS = 2
# Prose has function words; a type, a command or an instruction (`unsigned char`, `texkill dst`,
# `pragma deleteclass`, `add iplisten ipaddress=1.1.1.1`) has none, and is rightly left as is.
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "for",
        "and",
        "or",
        "is",
        "are",
        "be",
        "was",
        "were",
        "this",
        "that",
        "these",
        "those",
        "with",
        "from",
        "by",
        "it",
        "its",
        "not",
        "can",
        "may",
        "must",
        "should",
        "will",
        "you",
        "your",
        "see",
        "use",
        "when",
        "which",
        "into",
    ]
)


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@segment_rule(
    "untranslated",
    family="translation",
    severity="warning",
    summary="The target is the source, where the source has words to translate.",
    explanation="""
A target identical to its source was never translated (or the translation was lost and the
source copied in its place). Names, identifiers and code are legitimately left as they are, so
the rule fires only when the source reads as prose: at least two ordinary words (lowercase
words outside code, links, entities and `{placeholders}`), one of them a function word such as
"the", "to" or "is". A type, command or instruction (`unsigned char`, `texkill dst`) has none.
""",
    example="""
<span data-ttu-id="1-2">Set the property to 1.</span><span class="sxs-lookup"><span data-stu-id="1-2">Set the property to 1.</span></span>
""",
)
def untranslated(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    target, source = segment.target.text, segment.source.text
    # Equal up to white space? The first visible character settles almost every segment.
    if target != source and (target.lstrip()[:1] != source.lstrip()[:1] or target.split() != source.split()):
        return None
    plain = segment.source.inline.plain
    if "&" in plain:
        plain = html.unescape(plain)  # `&quot;Programs&quot;` is one word, not three
    words = _WORD.findall(_PLACEHOLDER.sub(" ", plain))
    if len(words) < MIN_WORDS or not any(word in _FUNCTION_WORDS for word in words):
        return None
    return f"target is the untranslated source: '{_normalize(plain)[:60]}'"
