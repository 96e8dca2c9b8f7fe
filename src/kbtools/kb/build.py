"""Build the knowledge base: every property page under a directory, read into records."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from kbtools.kb.category import REFERENCE_PAGE, Categories, read_categories
from kbtools.kb.property_page import TITLE_SUFFIX
from kbtools.kb.record import KnowledgeBase, ParseError, PropertyRecord, SourceIdentity
from kbtools.kb.records import NotAPropertyPage, UnreadablePage, page_locale, property_record
from kbtools.kb.runtimes import RUNTIME_PAGES, read_runtimes
from kbtools.kb.sentence import plain
from kbtools.page import Page, read_page

SOURCE_VARIABLE = "KBTOOLS_SOURCE"
# The folder of sxs pages that commands read when none is given: KBTOOLS_SOURCE, else the embedded sample.
DEFAULT_SOURCE = Path(os.environ.get(SOURCE_VARIABLE) or "translations")


def markdown_files(source: Path) -> Iterator[Path]:
    """The Markdown pages under `source` (or `source` itself when it is a file), sorted."""
    if source.is_file():
        yield source
        return
    yield from sorted(path for path in source.rglob("*.md") if path.is_file())


def _may_be_property_page(page: Page) -> bool:
    """A cheap look at the first heading's source before the block structure is built."""
    for segment in page.segments[:3]:
        if segment.source is not None and plain(segment.source).endswith(TITLE_SUFFIX):
            return True
    return False


def build_knowledge_base(source: Path) -> KnowledgeBase:
    """Read every property page under `source` into a record.

    Pages that cannot be read become `errors` entries; the rest are parsed. Categories come
    from any `property-reference.md` under `source`, runtime releases from the runtime pages
    (`kbtools.kb.runtimes.RUNTIME_PAGES`).
    """
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such file or directory")
    pages: list[tuple[Path, Page]] = []
    errors: list[ParseError] = []
    categories = Categories()
    runtime_pages: list[Page] = []
    for path in markdown_files(source):
        try:
            page = read_page(path)
        except OSError as error:
            errors.append(ParseError(path=path.as_posix(), message=f"cannot read: {error.strerror or error}"))
            continue
        if page.decode_error is not None:
            error = page.decode_error
            errors.append(ParseError(path=path.as_posix(), line=error.line, message=error.message))
            continue
        if path.name == REFERENCE_PAGE:
            categories.update(read_categories(page))
            continue
        if path.name in RUNTIME_PAGES:
            runtime_pages.append(page)
            continue
        if _may_be_property_page(page):
            pages.append((path, page))
    records: list[PropertyRecord] = []
    for path, page in pages:
        try:
            records.append(property_record(page, categories, path))
        except NotAPropertyPage:
            continue
        except UnreadablePage as error:
            errors.append(ParseError(path=path.as_posix(), line=error.line, message=str(error)))
    locales = {record.source.locale for record in records}
    return KnowledgeBase(
        generated_at=generation_time(),
        locale=locales.pop() if len(locales) == 1 else None,
        source=source_identity(records),
        properties=records,
        runtimes=read_runtimes((page, page_locale(page)) for page in runtime_pages),
        errors=errors,
    )


def generation_time() -> str:
    """Now in UTC, or `SOURCE_DATE_EPOCH` when it is set, so that a build can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _iso_date(value: str | None) -> str | None:
    """`05/31/2018` (the pages' `ms.date` form) as `2018-05-31`; other forms as they are."""
    if not value:
        return None
    try:
        return datetime.strptime(value, "%m/%d/%Y").date().isoformat()
    except ValueError:
        return value


def source_identity(records: list[PropertyRecord]) -> SourceIdentity:
    """Which translation the records come from, from their pages' front matter."""
    commits = Counter(record.source.ms_sourcegitcommit for record in records if record.source.ms_sourcegitcommit)
    dates = [date for date in (_iso_date(r.source.ms_date) for r in records) if date]
    handoffs = [date for date in (_iso_date(r.source.ms_lasthandoff) for r in records) if date]
    locales = {record.source.locale for record in records}
    return SourceIdentity(
        locale=locales.pop() if len(locales) == 1 else None,
        pages=len(records),
        source_commits=dict(commits.most_common()),
        latest_date=max(dates, default=None),
        latest_handoff=max(handoffs, default=None),
    )
