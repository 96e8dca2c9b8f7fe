"""The requirements table of a property page: raw rows and normalised requirement statements.

A statement is one English sentence of the Version row that names a runtime ("Windows
Installer 4.0 or Windows Installer 4.5 on Windows Server 2008 or Windows Vista."); the
other sentences of the row (the "See the Run-Time Requirements" pointer) are not statements.
"""

from __future__ import annotations

import re

from kbtools.kb.record import RequirementRow, Requirements, RequirementStatement, Runtime, SupportEntry
from kbtools.kb.sections import Section
from kbtools.kb.sentence import SOURCE_LOCALE, localized_plain, plain
from kbtools.kb.windows import WINDOWS_PATTERN, canonical_windows
from kbtools.page import Segment

RUNTIMES: tuple[Runtime, ...] = ("Windows Installer", "Mergemod.dll")

_STATEMENT_START = re.compile(r"^(Windows Installer|Mergemod\.dll)(?= |\.|$)(?! Run-Time)")
_VERSION = re.compile(r"\b(\d+\.\d+)\b")
# A sentence ends at a full stop before a capital, or where a new sentence starts without one
# ("... Windows XP See the ...": a defect of some pages).
_SENTENCE_BREAK = re.compile(r"(?<=\.)\s+(?=[A-Z])|(?<=\w)\s+(?=See the\b)")
_GUID = re.compile(r"\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b")

# The longest version a user may ask about (`--version`, `?version=`): 8 parts of 9 digits. A
# hostile "1.1.1..." or "999...9" is refused before it is compared (or turned into an int).
VERSION_QUERY_MAX_LENGTH = 79
VERSION_LABEL = "version"
HEADER_LABEL = "header"
DLL_LABEL = "dll"
IID_LABEL = "iid"


def version_key(version: str) -> tuple[int, ...]:
    """Order version strings numerically ("4.5" < "5.0" < "10.0"); "5" and "5.0" are equal."""
    parts = [int(part) for part in version.strip().split(".") if part.isdigit()]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def canonical_os(text: str) -> list[str]:
    """The operating systems a sentence names, canonical and in order of mention."""
    found: list[str] = []
    for match in WINDOWS_PATTERN.finditer(text):
        name = canonical_windows(match.group(1)) or match.group(1)
        if name not in found:
            found.append(name)
    return found


def english_sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_BREAK.split(text) if part.strip()]


def parse_statement(sentence: str, evidence: str | None = None) -> RequirementStatement | None:
    """A requirement statement from one English sentence, or None when it names no runtime."""
    sentence = sentence.strip()
    start = _STATEMENT_START.match(sentence)
    if start is None:
        return None
    runtime: Runtime = "Mergemod.dll" if start.group(1) == "Mergemod.dll" else "Windows Installer"
    product, _, systems = sentence.partition(" on ")
    versions: list[str] = []
    for version in _VERSION.findall(product):
        if version not in versions:
            versions.append(version)
    return RequirementStatement(
        runtime=runtime,
        versions=versions,
        or_later="or later" in product,
        os=canonical_os(systems),
        text={SOURCE_LOCALE: sentence.rstrip()},
        evidence=evidence,
    )


def _rows(section: Section) -> list[tuple[list[Segment], list[Segment]]]:
    """(label segments, value segments) for each body row of the section's tables."""
    cells: dict[tuple[int, int], dict[int, list[Segment]]] = {}
    for block in section.blocks:
        if block.kind != "table_cell" or block.row is None or block.row == 0:
            continue
        row = cells.setdefault((block.start_line, block.row), {})
        row.setdefault(block.column or 0, []).extend(block.segments)
    return [(row.get(0, []), row.get(1, [])) for _, row in sorted(cells.items())]


def _statements(segments: list[Segment], locale: str) -> list[RequirementStatement]:
    statements: list[RequirementStatement] = []
    for segment in segments:
        sentences = english_sentences(plain(segment.source))
        parsed = [(s, parse_statement(s, segment.id)) for s in sentences]
        found = [statement for _, statement in parsed if statement is not None]
        translated = plain(segment.target)
        for statement in found:
            # One segment normally holds one sentence; when it holds more, the translation
            # cannot be cut with confidence, so each statement carries the whole of it.
            if translated:
                statement.text[locale] = translated
            statements.append(statement)
    return statements


def read_requirements(section: Section | None, locale: str) -> Requirements:
    """The requirements of a page from its Requirements section (empty when there is none)."""
    requirements = Requirements()
    if section is None:
        return requirements
    for label_segments, value_segments in _rows(section):
        label = localized_plain(label_segments, locale)
        value = localized_plain(value_segments, locale)
        requirements.rows.append(RequirementRow(label=label, value=value))
        key = label.get(SOURCE_LOCALE, "").casefold()
        english = value.get(SOURCE_LOCALE, "")
        if key == VERSION_LABEL:
            requirements.statements.extend(_statements(value_segments, locale))
        elif key == HEADER_LABEL and english and requirements.header is None:
            requirements.header = english
        elif key == DLL_LABEL and english and requirements.dll is None:
            requirements.dll = english
        elif key == IID_LABEL and english and requirements.iid is None:
            guid = _GUID.search(english)
            requirements.iid = guid.group(0) if guid else english
    _add_support(requirements)
    return requirements


def _add_support(requirements: Requirements) -> None:
    """What the statements say per Windows version, and every version they name."""
    for statement in requirements.statements:
        entry = SupportEntry(
            runtime=statement.runtime,
            versions=statement.versions,
            or_later=statement.or_later,
            evidence=statement.evidence,
        )
        if not statement.os:
            requirements.support_without_os.append(entry)
        for name in statement.os:
            requirements.support.setdefault(name, []).append(entry)
        named = requirements.stated_versions.setdefault(statement.runtime, [])
        named.extend(version for version in statement.versions if version not in named)
    for named in requirements.stated_versions.values():
        named.sort(key=version_key)
    requirements.stated_versions = {runtime: named for runtime, named in requirements.stated_versions.items() if named}
