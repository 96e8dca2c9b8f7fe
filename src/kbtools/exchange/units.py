"""What a page offers translators: its paired segments, their findings, what the English says now.

Segments are chosen `all`, `findings` (those with a finding of any rule) or `stale` (those
whose English changed since translation, which needs the current English pages). Every format
writes these units; `importing` matches them back by page path and segment id.

Pages are gathered one at a time into a `PageSpool`, a temporary file, and read back one at a
time by the format that writes them: an export of every page of a locale holds one page in
memory, not the corpus (XLIFF names its one target language before the first page, and PO
qualifies a segment id that two pages share, so a format needs every page before it writes).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kbtools.check.engine import CheckSettings, RuleSelection, check_page
from kbtools.check.finding import Finding
from kbtools.check.registry import CheckOptions
from kbtools.page.edit import editable_segments
from kbtools.page.files import discover_pages
from kbtools.page.reader import read_page

SEGMENT_CHOICES = ("all", "findings", "stale")
SOURCE_LANGUAGE = "en-US"


@dataclass(slots=True)
class ExchangeUnit:
    """One segment for a translator. `current_english` is set when the English changed since."""

    segment: str
    line: int
    source: str  # the English in the page, which the translation was made from
    target: str
    findings: list[Finding] = field(default_factory=list)
    current_english: str | None = None
    removed: bool = False  # the English no longer has this sentence at all


@dataclass(slots=True)
class ExchangePage:
    path: str  # relative to the folder exported, with '/'
    locale: str | None
    units: list[ExchangeUnit]


class PageSpool:
    """Exchange pages kept in a temporary file as they come, read back in order, one at a time."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close(), the spool's life)
        self.pages = 0
        self.units = 0
        self.locales: set[str] = set()  # `ms.contentlocale` of the pages held
        self.without_locale = 0

    def add(self, page: ExchangePage) -> None:
        pickle.dump(page, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.pages += 1
        self.units += len(page.units)
        if page.locale:
            self.locales.add(page.locale)
        else:
            self.without_locale += 1

    def __iter__(self) -> Iterator[ExchangePage]:
        self._file.seek(0)
        for _ in range(self.pages):
            yield pickle.load(self._file)
        self._file.seek(0, os.SEEK_END)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> PageSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Gathered:
    pages: PageSpool = field(default_factory=PageSpool)
    problems: list[str] = field(default_factory=list)  # one line each, naming the file
    files: list[Path] = field(default_factory=list)  # every file read


def relative_name(path: Path, root: Path) -> str:
    """The page's name in an exchange file: relative to the folder given, or its file name."""
    if root.is_dir():
        return Path(os.path.relpath(path, root)).as_posix()
    return path.name


def gather(root: Path, segments: str = "all", english: Path | None = None) -> Gathered:
    """The units of every page under `root`, chosen by `segments`."""
    from kbtools.freshness.tree import EnglishTree, page_freshness

    tree = EnglishTree.for_paths(english, [root]) if english is not None else None
    settings = CheckSettings(RuleSelection.default(), CheckOptions(english=tree))
    discovery = discover_pages([root])
    result = Gathered(files=list(discovery.files))
    result.problems.extend(f"{problem.path}: {problem.message}" for problem in discovery.problems)
    for path in discovery.files:
        name = relative_name(path, root)
        try:
            page = read_page(path)
        except OSError as error:
            result.problems.append(f"{path}: cannot read: {(error.strerror or str(error)).lower()}")
            continue
        if page.text is None:
            reason = page.decode_error.message if page.decode_error else "not text"
            result.problems.append(f"{path}: {reason}; not exported")
            continue
        chosen = editable_segments(page)
        if not chosen:
            continue
        skipped = sum(1 for s in page.segments if s.paired) - len(chosen)
        if skipped:
            result.problems.append(f"{path}: {skipped} segment(s) whose id occurs twice; not exported")
        by_segment: dict[str, list[Finding]] = {}
        for finding in check_page(page, settings, name):
            if finding.segment is not None:
                by_segment.setdefault(finding.segment, []).append(finding)
        stale = {}
        if tree is not None:
            freshness = page_freshness(page, tree)
            if freshness is not None:
                stale = {item.segment.id: item for item in freshness.stale}
        units = []
        for segment_id, segment in chosen.items():
            found = by_segment.get(segment_id, [])
            if segments == "findings" and not found:
                continue
            if segments == "stale" and segment_id not in stale:
                continue
            unit = ExchangeUnit(segment_id, segment.line, segment.source.text, segment.target.text, found)  # type: ignore[union-attr]
            if segment_id in stale:
                current = stale[segment_id].current
                unit.removed = current is None
                unit.current_english = current.markdown if current is not None else None
            units.append(unit)
        if units:
            result.pages.add(ExchangePage(name, page.locale, units))
    return result


def target_language(pages: PageSpool) -> str | None:
    """The one locale the pages are in (`ms.contentlocale`), or None when they do not agree."""
    return next(iter(pages.locales)) if len(pages.locales) == 1 else None
