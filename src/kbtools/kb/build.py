"""Build the knowledge base: every property page under a directory, read into records.

One page never costs the others: whatever goes wrong with a page (unreadable, undecodable,
broken front matter, a file name that cannot be a slug, even a bug in a reader) becomes an
`errors` entry naming the file and line, and the other pages are read all the same.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from kbtools.kb.category import REFERENCE_PAGE, Categories, read_categories
from kbtools.kb.property_page import TITLE_SUFFIX, is_slug
from kbtools.kb.record import KnowledgeBase, ParseError, PropertyRecord, SourceIdentity
from kbtools.kb.records import NotAPropertyPage, UnreadablePage, page_locale, property_record
from kbtools.kb.runtimes import RUNTIME_PAGES, read_runtimes
from kbtools.kb.sentence import plain
from kbtools.page import Page, read_page
from kbtools.page.files import default_source, discover_pages

# The folder of sxs pages that commands read when none is given: KBTOOLS_SOURCE, else the embedded sample.
DEFAULT_SOURCE = default_source()


def _may_be_property_page(page: Page) -> bool:
    """A cheap look at the first heading's source before the block structure is built."""
    for segment in page.segments[:3]:
        if segment.source is not None and plain(segment.source).endswith(TITLE_SUFFIX):
            return True
    return False


def _failure(path: Path, error: Exception) -> ParseError:
    """An error no page should cause: reported with the page, never raised past it."""
    return ParseError(
        path=path.as_posix(),
        message=f"cannot read this page ({type(error).__name__}: {error}); this is a bug in kbtools",
    )


def _published_path(path: Path, source: Path) -> Path:
    """The page's path as records publish it: relative to the source, never the machine's own."""
    try:
        relative = path.relative_to(source)
    except ValueError:
        relative = Path(path.name)
    return relative if relative.name else Path(path.name)


def skipped_page_line(error: ParseError) -> str:
    """How a command reports a page left out: `path:line: message (page skipped)`."""
    where = f"{error.path}:{error.line}" if error.line else error.path
    return f"{where}: {error.message} (page skipped)"


def build_knowledge_base(source: Path, english: Path | None = None) -> KnowledgeBase:
    """Read every property page under `source` into a record.

    Pages that cannot be read become `errors` entries; the rest are parsed. Categories come
    from any `property-reference.md` under `source`, runtime releases from the runtime pages
    (`kbtools.kb.runtimes.RUNTIME_PAGES`). With `english` (the current English
    pages at the same paths), each record says whether its translation is current.
    """
    tree = None
    if english is not None:
        from kbtools.freshness.tree import EnglishTree

        tree = EnglishTree.for_paths(english, [source])
    if not source.exists() and not source.is_symlink():
        raise FileNotFoundError(f"{source}: no such file or directory")
    found = discover_pages([source])
    errors = [ParseError(path=problem.path.as_posix(), message=problem.message) for problem in found.problems]
    pages: list[tuple[Path, Page]] = []
    categories = Categories()
    runtime_pages: list[Page] = []
    for path in found.files:
        try:
            page = read_page(path)
            if page.decode_error is not None:
                error = page.decode_error
                errors.append(ParseError(path=path.as_posix(), line=error.line, message=error.message))
            elif path.name == REFERENCE_PAGE:
                categories.update(read_categories(page))
            elif path.name in RUNTIME_PAGES:
                runtime_pages.append(page)
            elif _may_be_property_page(page):
                pages.append((path, page))
        except OSError as error:
            errors.append(ParseError(path=path.as_posix(), message=f"cannot read: {error.strerror or error}"))
        except Exception as error:  # noqa: BLE001 - one page must not stop the others
            errors.append(_failure(path, error))
    runtimes = read_runtimes((page, page_locale(page)) for page in runtime_pages)
    releases = [release.version for release in runtimes if release.runtime == "Windows Installer"]
    records: list[PropertyRecord] = []
    for path, page in pages:
        try:
            record = property_record(page, categories, _published_path(path, source), releases)
        except NotAPropertyPage:
            continue
        except UnreadablePage as error:
            errors.append(ParseError(path=path.as_posix(), line=error.line, message=str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - one page must not stop the others
            errors.append(_failure(path, error))
            continue
        if not is_slug(record.slug):
            errors.append(
                ParseError(
                    path=path.as_posix(),
                    message=f"file name {path.name!r} cannot be a page address: name property pages "
                    "with a-z, 0-9, '.', '_' and '-' only",
                )
            )
            continue
        if tree is not None:
            from kbtools.kb.freshness import record_freshness

            record.freshness = record_freshness(page, tree)
        records.append(record)
    # By name, as a reader looks a property up (not by file name: `-disablemedia` is `DISABLEMEDIA`).
    records.sort(key=lambda record: (record.name.casefold(), record.name, record.source.locale or ""))
    locales = {record.source.locale for record in records}
    return KnowledgeBase(
        generated_at=generation_time(list(found.files)),
        locale=locales.pop() if len(locales) == 1 else None,
        source=source_identity(records),
        properties=records,
        runtimes=runtimes,
        errors=errors,
    )


def generation_time(paths: list[Path] | None = None) -> str:
    """When the knowledge base's pages last changed: `SOURCE_DATE_EPOCH` when it is set, else the
    newest modification time of `paths` (UTC), else now. The same pages give the same time, so
    the static files of a build and a later `kbtools serve` of the same folder agree."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        moment = datetime.fromtimestamp(int(epoch), UTC)
    else:
        times = []
        for path in paths or []:
            try:
                times.append(path.stat().st_mtime)
            except OSError:
                continue
        moment = datetime.fromtimestamp(max(times), UTC) if times else datetime.now(UTC)
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
