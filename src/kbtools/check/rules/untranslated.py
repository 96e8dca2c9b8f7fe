"""Targets left in the source language."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.inline import visible_text
from kbtools.page.model import Page, Segment

_LABELS = Path(__file__).with_name("data") / "translated_labels.json"
# A label's English: one to four words of letters, the first capitalised (`Syntax`, `Return value`).
LABEL_TEXT = re.compile(r"[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,3}")
# A heading of a database table's rows (`Component_`, `DefaultValue`): the row names columns,
# which stay in English.
_COLUMN_NAME = re.compile(r"[A-Z][A-Za-z0-9]*_|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*")

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


def label_language(locale: str | None) -> str | None:
    """The language of a page's locale (`zh` of `zh-TW`), which the labels are learned by."""
    return locale.split("-")[0].lower() if locale else None


# The rule under a table's heading row (`|---|:---:|`).
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{3,}")


def _lines(page: Page) -> list[str]:
    return (page.text or "").split("\n")


def label_kind(segment: Segment, lines: list[str]) -> str | None:
    """ "heading" for a segment on a heading line, "table" for one on a table's heading row
    (the line above the table's rule), else None. Read off the page's lines: the block tree is
    costly to build for the few segments that ask."""
    number = segment.line
    line = lines[number - 1].lstrip() if number <= len(lines) else ""
    if line.startswith("#"):
        return "heading"
    if line.startswith("|") and number < len(lines) and _TABLE_RULE.match(lines[number]):
        return "table"
    return None


@cache
def _translated_labels() -> dict[str, frozenset[str]]:
    data = json.loads(_LABELS.read_text(encoding="utf-8"))
    return {language: frozenset(labels) for language, labels in data.items() if language != "about"}


def _untranslated_label(segment: Segment, context: PageContext, source: str) -> bool:
    """A heading, or a heading of a table whose other headings are translated, left in English
    where the page's language translates that label throughout the corpus."""
    if not LABEL_TEXT.fullmatch(source):
        return False
    labels = _translated_labels().get(label_language(context.page.locale) or "")
    if not labels or source not in labels:
        return False
    lines = context.memo.get("lines")
    if lines is None:
        lines = context.memo["lines"] = _lines(context.page)
    kind = label_kind(segment, lines)
    if kind != "table":
        return kind == "heading"
    row = [other for other in context.page.segments if other.paired and other.line == segment.line]
    sources = [visible_text(other.source.text).strip() for other in row]  # type: ignore[union-attr]
    if any(_COLUMN_NAME.fullmatch(text) for text in sources):
        return False
    return any(other.target.text.strip() != other.source.text.strip() for other in row)  # type: ignore[union-attr]


# Literal brackets (`\\[desktop apps only\\]`), a qualifier of words in lower case in the source,
# and a script other than Latin, in which a word left in Latin letters was not translated.
_BRACKETED = re.compile(r"\\\[(.*?)\\\]")
_LOWER_PROSE = re.compile(r"[a-z]+(?: [a-z]+)+")
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _half_translated_qualifiers(source: str, target: str) -> list[str]:
    """The words of a bracketed qualifier of the source (`[desktop apps only]`) that the target's
    brackets keep in English beside words translated (`[ desktop 應用程式]`): the qualifier was
    translated half-way. Words in another script are the test, so only such targets are read."""
    qualifiers = [text.strip() for text in _BRACKETED.findall(source) if _LOWER_PROSE.fullmatch(text.strip())]
    if not qualifiers:
        return []
    words = {word for text in qualifiers for word in text.split()}
    kept: dict[str, None] = {}
    for text in _BRACKETED.findall(target):
        if _OTHER_SCRIPT.search(text):
            kept.update(dict.fromkeys(word for word in _WORD.findall(text) if word in words))
    return list(kept)


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
A label is reported too: a heading (`Syntax`), or a heading of a table whose other headings are
translated, left in English where translations into the page's language translate that label
on many pages of the corpus (`data/translated_labels.json`, learned by
`tools/translated_labels.py`). A table whose headings name database columns (`Component_`) is
left alone: its headings are names. A bracketed qualifier of the source in lower-case words
(`Windows XP \\[desktop apps only\\]`) translated half-way is reported too: in a target written
in another script (Chinese, Russian) whose brackets hold translated words, a word of the
qualifier left in Latin letters (`\\[ desktop 應用程式\\]`) was not translated.
""",
    example="""
<span data-ttu-id="1-2">Set the property to 1.</span><span class="sxs-lookup"><span data-stu-id="1-2">Set the property to 1.</span></span>
""",
)
def untranslated(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    target, source = segment.target.text, segment.source.text
    if "\\[" in target and "\\[" in source and target != source:
        kept = _half_translated_qualifiers(source, target)
        if kept:
            return f"'{' '.join(kept)}' of a bracketed qualifier is left in English beside its translated words"
    # Equal up to white space? The first visible character settles almost every segment.
    if target != source and (target.lstrip()[:1] != source.lstrip()[:1] or target.split() != source.split()):
        return None
    plain = segment.source.inline.plain
    if "&" in plain:
        plain = html.unescape(plain)  # `&quot;Programs&quot;` is one word, not three
    words = _WORD.findall(_PLACEHOLDER.sub(" ", plain))
    if len(words) < MIN_WORDS or not any(word in _FUNCTION_WORDS for word in words):
        if _untranslated_label(segment, context, source.strip()):
            return f"target is the untranslated label '{source.strip()}', which this language translates elsewhere"
        return None
    return f"target is the untranslated source: '{_normalize(plain)[:60]}'"
