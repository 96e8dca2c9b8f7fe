"""What a page documents about the values a property takes: its tables of values and its default.

- values: every table of the body outside the Requirements section is a table of values
  (Value/Meaning, Code/Option, Constant/Value/Description): the first column names the value,
  the last says what it means; the header row gives the column names.
- default: the value a sentence of the page states as the default, quoted or marked up
  ("By default the **REINSTALLMODE** is "omus"", "the install level defaults to 1", "it defaults
  to zero (0)"); else the row of a table of values that says it is the default ("This is the
  default value if the property is not set.", "Default value"). With the ids of the segments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape

from kbtools.kb.record import BlockText, BodyBlock, LocalizedSegment, LocalizedText, TextRun, ValueEntry, ValueTable
from kbtools.kb.sentence import SOURCE_LOCALE
from kbtools.page.inline import parse_inline

NOT_VALUE_SECTIONS = {"requirements"}

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_DEFAULT = re.compile(
    r"\b(?:by default,?|default(?: value)?)\b[^.]{0,80}?\b(?:is|are|of|to)\s+"
    r"(?:set to\s+)?(?:\"|'|“|\*\*|`)+(?P<value>[^\"'”*`\s][^\"'”*`]{0,40}?)(?:\"|'|”|\*\*|`)+",
    re.I,
)
_DEFAULTS_TO = re.compile(
    r"\bdefaults to (?:[a-z]+ \((?P<number>\d+)\)|(?:\*\*|`)?(?P<value>[A-Z0-9][\w.]*?)(?:\*\*|`)?[.,;]?(?:\s|$))"
)
# The first sentence of a "Default Value" section that says the property has none.
_NO_DEFAULT = re.compile(r"(?P<value>None|Not set)(?:\.|$)", re.I)
# A cell of a table of values that says its row is the default.
_DEFAULT_ROW = re.compile(
    r"^(?:\(?default\)?|default value|this is the default(?: value)?(?: if (?:the|this) property is not set)?)\.?(?:\s|$)",
    re.I,
)


def markup_plain(markup: str) -> str:
    """The plain text of inline Markdown (`**omus**` -> `omus`)."""
    text = _ESCAPE.sub(r"\1", parse_inline(markup).plain)
    return " ".join(unescape(text).split())


def cell_text(cell: BlockText, locale: str) -> LocalizedText:
    """A table cell as plain text in each locale; text outside segments counts for both."""
    english, translated = [], []
    for part in cell:
        if isinstance(part, TextRun):
            english.append(markup_plain(part.text))
            translated.append(markup_plain(part.text))
            continue
        extra = part.__pydantic_extra__ or {}
        if extra.get(SOURCE_LOCALE):
            english.append(markup_plain(extra[SOURCE_LOCALE]))
        if extra.get(locale):
            translated.append(markup_plain(extra[locale]))
    text: LocalizedText = {}
    if any(english):
        text[SOURCE_LOCALE] = " ".join(filter(None, english))
    if any(translated):
        text[locale] = " ".join(filter(None, translated))
    return text


def _tables(blocks: list[BodyBlock]) -> list[BodyBlock]:
    found = []
    for block in blocks:
        if block.type == "table":
            found.append(block)
        found.extend(_tables(block.blocks))
        for item in block.items:
            found.extend(_tables(item))
    return found


def read_values(body: list[BodyBlock], locale: str) -> list[ValueTable]:
    tables = []
    for top in body:
        if (top.section or "").casefold() in NOT_VALUE_SECTIONS:
            continue
        for table in _tables([top]):
            if not table.rows or len(table.rows[0]) < 2:
                continue
            head = table.header_rows or 0
            entries = []
            for row in table.rows[head:]:
                cells = [cell_text(cell, locale) for cell in row]
                value = cells[0].get(SOURCE_LOCALE) or cells[0].get(locale) or ""
                if not value:
                    continue
                ids = [part.id for cell in row for part in cell if isinstance(part, LocalizedSegment)]
                entries.append(ValueEntry(value=value, meaning=cells[-1], cells=cells, segments=ids))
            if entries:
                headers = [cell_text(cell, locale) for cell in table.rows[0]] if head else []
                tables.append(ValueTable(section=top.section or "", headers=headers, values=entries))
    return tables


def read_default(
    sentences: list[tuple[str, str]],
    tables: Sequence[ValueTable] = (),
    default_section: Sequence[tuple[str, str]] = (),
) -> tuple[str | None, list[str]]:
    """The default a page states, with the ids of the segments that state it.

    A "Default Value" section that opens with a bare "None." or "Not set." (nocompanyname,
    nousername, remoteadmints, terminalserver); else the first value an English sentence
    (`(segment id, sentence)`) states as the default; else the value of the first table row
    that says it is the default.
    """
    if default_section:
        segment_id, first = default_section[0]
        bare = _NO_DEFAULT.match(first.strip())
        if bare:
            return bare.group("value"), [segment_id]
    for segment_id, sentence in sentences:
        match = _DEFAULT.search(sentence) or _DEFAULTS_TO.search(sentence)
        if match:
            return (match.groupdict().get("number") or match.group("value")).strip(), [segment_id]
    for table in tables:
        for entry in table.values:
            for cell in entry.cells[1:]:
                if _DEFAULT_ROW.match(cell.get(SOURCE_LOCALE, "")):
                    return entry.value, entry.segments
    return None, []
