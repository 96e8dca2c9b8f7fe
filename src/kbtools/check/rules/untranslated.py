"""Targets left in the source language."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.cells import COLUMN_HEADING, captioned_by_a_table, cell_columns
from kbtools.page.inline import visible_prose, visible_text
from kbtools.page.model import Page, Segment

_LABELS = Path(__file__).with_name("data") / "translated_labels.json"
# A label's English: one to four words of letters, the first capitalised (`Syntax`, `Return value`).
LABEL_TEXT = re.compile(r"[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,3}")

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
    lines = _page_lines(context)
    kind = label_kind(segment, lines)
    if kind != "table":
        return kind == "heading"
    row = [other for other in context.page.segments if other.paired and other.line == segment.line]
    sources = [visible_text(other.source.text).strip() for other in row]  # type: ignore[union-attr]
    if any(COLUMN_HEADING.fullmatch(text) for text in sources):
        return False
    return any(other.target.text.strip() != other.source.text.strip() for other in row)  # type: ignore[union-attr]


def _page_lines(context: PageContext) -> list[str]:
    lines = context.memo.get("lines")
    if lines is None:
        lines = context.memo["lines"] = _lines(context.page)
    return lines


def _translated_into_script(segment: Segment) -> bool:
    """A label cell's segment translated into a script other than Latin (`顯示名稱`)."""
    return bool(LABEL_TEXT.fullmatch(visible_text(segment.source.text).strip())) and bool(  # type: ignore[union-attr]
        _OTHER_SCRIPT.search(segment.target.text)  # type: ignore[union-attr]
    )


def _by_line(context: PageContext) -> dict[int, list[Segment]]:
    found = context.memo.get("segments-by-line")
    if found is None:
        found = context.memo["segments-by-line"] = {}
        for other in context.page.segments:
            if other.paired:
                found.setdefault(other.line, []).append(other)
    return found


def _first_cell(lines: list[str], number: int) -> bool:
    """Line `number` is the first cell of an HTML table's row (`<tr>` above it), holding one segment."""
    line = lines[number - 1].strip() if number <= len(lines) else ""
    if not line.startswith(("<td>", "<th>")) or line.count("data-ttu-id") != 1:
        return False
    above = number - 2
    while above >= 0 and not lines[above].strip():
        above -= 1
    return above >= 0 and lines[above].strip().startswith("<tr")


# Neighbour labels of a label left in English that the translation put into its own script.
_MIN_TRANSLATED_NEIGHBOURS = 2


def _label_among_translated(segment: Segment, context: PageContext) -> bool:
    """A label kept in English in a target of another script, among labels of the same table
    that the translation translated: a cell of a Markdown heading row whose other headings are
    translated (`Name` beside `描述`), or the first cell of an HTML table's row, the label
    column of a table of facts (`Default Path` beside `顯示名稱` and `資料夾類型`)."""
    if not LABEL_TEXT.fullmatch(segment.source.text.strip()):  # type: ignore[union-attr]
        return False
    lines = _page_lines(context)
    kind = label_kind(segment, lines)
    by_line = _by_line(context)
    if kind == "table":
        row = by_line.get(segment.line, [])
        sources = [visible_text(other.source.text).strip().replace("\\_", "_") for other in row]  # type: ignore[union-attr]
        if any(COLUMN_HEADING.fullmatch(text) for text in sources) or captioned_by_a_table(lines, segment.line):
            return False
        if not any(other is not segment and _translated_into_script(other) for other in row):
            return False
    else:
        if not _first_cell(lines, segment.line):
            return False
        translated = 0
        for step in (-1, 1):
            number = segment.line + step
            while 0 < number <= len(lines):
                line = lines[number - 1].lstrip()
                if line.startswith(("<table", "</table")):
                    break
                if _first_cell(lines, number):
                    translated += sum(1 for other in by_line.get(number, []) if _translated_into_script(other))
                number += step
        if translated < _MIN_TRANSLATED_NEIGHBOURS:
            return False
    return not _kept_in_translated_prose(segment, context)


def _translated_on_the_page(segment: Segment, context: PageContext) -> bool:
    """A value of a table's body kept in English (`Yes`) that the page translates, as a whole
    segment, into another script elsewhere (`是`): the page renders one value two ways. A
    heading, a cell of a row's first column or a linked cell may be a name the table lists (the
    `Condition` column and data type of a table of columns), which the page's prose translates
    as a word."""
    lines = _page_lines(context)
    line = lines[segment.line - 1] if segment.line <= len(lines) else ""
    if not line.lstrip().startswith("|") or label_kind(segment, lines) is not None:
        return False
    columns = cell_columns(line)
    if not columns or columns[0][0] <= segment.column - 1 < columns[0][1]:
        return False
    # A linked cell names what it links to (`[Condition](condition.md)`, a data type).
    cell = next((line[begin:end] for begin, end in columns if begin <= segment.column - 1 < end), "")
    if "](" in cell:
        return False
    translated = context.memo.get("labels-translated")
    if translated is None:
        translated = context.memo["labels-translated"] = {
            other.source.text.strip()  # type: ignore[union-attr]
            for other in context.page.segments
            if other.paired and _OTHER_SCRIPT.search(other.target.text)  # type: ignore[union-attr]
        }
    return segment.source.text.strip() in translated  # type: ignore[union-attr]


def _kept_in_translated_prose(segment: Segment, context: PageContext) -> bool:
    """The label, or the first word of a label of several (`Windows` of `Windows Vista`), stands
    as it is inside a sentence the page translated (`Windows 7 和以上`, a property called `Name`):
    the translation holds it for a name."""
    label = segment.source.text.split()[0]  # type: ignore[union-attr]
    pattern = re.compile(rf"(?<![A-Za-z]){re.escape(label)}(?![A-Za-z])")
    for other in context.page.segments:
        if not other.paired or other.source.text.strip() == segment.source.text.strip():  # type: ignore[union-attr]
            continue
        target = other.target.text  # type: ignore[union-attr]
        if label in target and _OTHER_SCRIPT.search(target) and pattern.search(target):
            return True
    return False


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


_COMPOUNDS = Path(__file__).with_name("data") / "english_compounds.json"
# A hyphenated compound in a title's case (`Run-Time`, `Per-User`).
_TITLE_COMPOUND = re.compile(r"(?<![\w.\\/-])[A-Z][a-z]+-[A-Za-z][a-z]+(?![\w/\\-])")


@cache
def _english_compounds() -> frozenset[str]:
    return frozenset(json.loads(_COMPOUNDS.read_text(encoding="utf-8"))["words"])


def _kept_compounds(source: str, target: str) -> list[str]:
    """English compounds (`Run-Time`) of the source that a target written in another script
    keeps in Latin letters: words the English writes in lower case elsewhere, not names."""
    if "-" not in target or not _OTHER_SCRIPT.search(target):
        return []
    words = _english_compounds()
    found = [
        word for word in _TITLE_COMPOUND.findall(visible_prose(target)) if word.lower() in words and word in source
    ]
    return list(dict.fromkeys(found))


def _source_plain(segment: Segment) -> str:
    plain = segment.source.inline.plain  # type: ignore[union-attr]
    return html.unescape(plain) if "&" in plain else plain  # `&quot;Programs&quot;` is one word, not three


def _source_words(plain: str) -> list[str]:
    return _WORD.findall(_PLACEHOLDER.sub(" ", plain))


def _reads_as_prose(words: list[str]) -> bool:
    return len(words) >= MIN_WORDS and any(word in _FUNCTION_WORDS for word in words)


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
`tools/translated_labels.py`). A table whose headings name database columns (`Component_`), or
that stands under a caption linking a database table's page (`[Registry Table](registry-table.md)
(partial)` over `Registry | Root | Key`), is left alone: its headings are names. In a target written in another script (Chinese, Russian), a
label is reported too where the labels beside it were translated into that script: a heading of
a table whose other headings are (`Name` beside `描述`, `Decimal` beside `Шестнадцатеричный`), or
the first cell of an HTML table's row, the label column of a table of facts, whose other labels
are (`Default Path` beside `顯示名稱` and `資料夾類型`); a label the page's translated sentences keep
as it is (`Windows Vista`) is a name and left alone. So is a value of a Markdown table's body (`Yes`) that
the page translates into that script elsewhere (`是`), unless it is in the row's first column or
linked, where it may be a name the table lists (the `Condition` column or data type). In such a target, a hyphenated compound of
the source kept in Latin letters within a translated sentence (`установщик Windows Run-Time
требования`, `Per-User 應用程式`) is reported where the English writes it in lower case on many
pages (`run-time`, `per-user`: `data/english_compounds.json`, learned by
`tools/english_compounds.py`), a word and not a name (`Diffie-Hellman`); a title is left alone
(`Texture-Object Type`, whose compound may name the type). A bracketed qualifier of the source in lower-case words
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
    if target != source and "-" in target:
        # A sentence, not a title (`Texture-Object Type`, whose compound may name the type).
        kept = _kept_compounds(source, target)
        if kept and _reads_as_prose(_source_words(_source_plain(segment))):
            return f"'{kept[0]}' is left in English among translated words"
    # Equal up to white space? The first visible character settles almost every segment.
    if target != source and (target.lstrip()[:1] != source.lstrip()[:1] or target.split() != source.split()):
        return None
    plain = _source_plain(segment)
    if not _reads_as_prose(_source_words(plain)):
        if _untranslated_label(segment, context, source.strip()):
            return f"target is the untranslated label '{source.strip()}', which this language translates elsewhere"
        if _label_among_translated(segment, context):
            return f"target is the untranslated label '{source.strip()}', where the labels beside it are translated"
        if LABEL_TEXT.fullmatch(source.strip()) and _translated_on_the_page(segment, context):
            return f"target is the untranslated label '{source.strip()}', which the page translates elsewhere"
        return None
    return f"target is the untranslated source: '{_normalize(plain)[:60]}'"
