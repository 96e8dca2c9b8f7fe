"""Write translations from an exchange file back into the target spans of their pages.

Units are placed by page path (relative to the folder given) and segment id. Only target spans
change (`kbtools.page.edit`), each page is written atomically, and a unit is a conflict,
reported and not written, when its page or segment is missing, when the English it was
translated from is not the page's English any more, when two units give one segment different
texts, or when its text would change the page's structure.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kbtools.exchange import po, xliff
from kbtools.exchange.xliff import ImportedUnit, ReadError
from kbtools.page.edit import EditRefused, editable_segments, replace_targets
from kbtools.page.reader import parse_bytes
from kbtools.page.writing import WriteRefused, write_atomically

FORMATS = {".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po"}


@dataclass
class PageChange:
    """One page the import changes: its bytes before and after."""

    path: Path
    name: str
    before: bytes
    after: bytes


@dataclass
class ImportResult:
    updated: int = 0
    unchanged: int = 0
    untranslated: int = 0
    conflicts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # units the file itself could not give
    changes: list[PageChange] = field(default_factory=list)


def file_format(path: Path, data: bytes) -> str:
    """`xliff` or `po`, by the file's extension, else by its first bytes."""
    known = FORMATS.get(path.suffix.lower())
    if known is not None:
        return known
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "xliff"
    if b"msgid" in data[:4096]:
        return "po"
    raise ReadError(f"{path}: neither XLIFF nor PO (name it .xlf or .po)")


def read_units(path: Path) -> tuple[list[ImportedUnit], list[str]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"{path}: cannot read: {(error.strerror or str(error)).lower()}") from None
    reader = xliff.read if file_format(path, data) == "xliff" else po.read
    units, problems = [], []
    for item in reader(data, str(path)):
        (problems if isinstance(item, str) else units).append(item)
    return units, problems


def _page_path(into: Path, name: str) -> Path | None:
    """The page a unit names, or None when the name leads outside the folder."""
    if into.is_file():
        return into if name == into.name else None
    if os.path.isabs(name) or "\\" in name:
        return None
    candidate = into / name
    root = os.path.realpath(into)
    real = os.path.realpath(candidate)
    if not real.startswith(root.rstrip(os.sep) + os.sep):
        return None
    return candidate


def plan_import(units: Iterable[ImportedUnit], into: Path) -> ImportResult:
    """What importing the units would change, page by page, without writing anything."""
    result = ImportResult()
    by_page: dict[str, list[ImportedUnit]] = {}
    for unit in units:
        by_page.setdefault(unit.path, []).append(unit)
    for name, page_units in by_page.items():
        path = _page_path(into, name)
        if path is None:
            result.conflicts.extend(f"{u.where}: page {name} is not under {into}; not written" for u in page_units)
            continue
        if path.is_symlink() or not path.is_file():
            what = "is a symlink" if path.is_symlink() else "does not exist"
            result.conflicts.extend(f"{u.where}: page {path} {what}; not written" for u in page_units)
            continue
        try:
            data = path.read_bytes()
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            result.conflicts.extend(f"{u.where}: cannot read {path}: {reason}" for u in page_units)
            continue
        page = parse_bytes(data, path)
        segments = editable_segments(page) if page.text is not None else {}
        texts: dict[str, str] = {}
        given: dict[str, ImportedUnit] = {}
        for unit in page_units:
            segment = segments.get(unit.segment)
            if segment is None:
                result.conflicts.append(f"{unit.where}: segment {unit.segment} is not in {path}; not written")
                continue
            assert segment.source is not None and segment.target is not None
            if unit.source is not None and unit.source != segment.source.text:
                result.conflicts.append(
                    f"{unit.where}: the English of segment {unit.segment} no longer matches {path} "
                    f"(line {segment.line}); not written"
                )
                continue
            if unit.target is None:
                result.untranslated += 1
                continue
            earlier = given.get(unit.segment)
            if earlier is not None:
                if earlier.target != unit.target:
                    result.conflicts.append(
                        f"{unit.where}: segment {unit.segment} is given twice, differently; not written"
                    )
                    texts.pop(unit.segment, None)
                continue
            given[unit.segment] = unit
            if unit.target == segment.target.text:
                result.unchanged += 1
                continue
            texts[unit.segment] = unit.target
        good: dict[str, str] = {}
        for segment_id, text in texts.items():
            try:
                replace_targets(data, page, {segment_id: text})
            except EditRefused as error:
                result.conflicts.append(f"{given[segment_id].where}: {path}: {error}; not written")
            else:
                good[segment_id] = text
        if not good:
            continue
        try:
            after = replace_targets(data, page, good)
        except EditRefused as error:
            result.conflicts.extend(f"{given[s].where}: {path}: {error}; not written" for s in good)
            continue
        result.updated += len(good)
        result.changes.append(PageChange(path, name, data, after))
    return result


def apply_changes(result: ImportResult) -> list[str]:
    """Write the planned pages; a page changed on disk since it was read is not written."""
    failures = []
    for change in result.changes:
        try:
            if change.path.read_bytes() != change.before:
                failures.append(f"{change.path}: changed on disk during the import; not written")
                continue
            write_atomically(change.path, change.after, replace_input=True)
        except (OSError, WriteRefused) as error:
            failures.append(str(error))
    return failures
