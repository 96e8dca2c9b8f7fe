"""Build the knowledge base: every property page under a directory, read into records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kbtools.kb.category import REFERENCE_PAGE, Categories, read_categories
from kbtools.kb.property_page import TITLE_SUFFIX
from kbtools.kb.record import KnowledgeBase, ParseError, PropertyRecord
from kbtools.kb.records import NotAPropertyPage, UnreadablePage, property_record
from kbtools.kb.sentence import plain
from kbtools.page import Page, read_page

DEFAULT_SOURCE = Path("translations")


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


def build_knowledge_base(source: Path, english: Path | None = None) -> KnowledgeBase:
    """Read every property page under `source` into a record.

    Pages that cannot be read become `errors` entries; the rest are parsed. Categories come
    from any `property-reference.md` under `source`. With `english` (the current English pages
    at the same paths), each record says whether its translation is current.
    """
    tree = None
    if english is not None:
        from kbtools.freshness.tree import EnglishTree

        tree = EnglishTree.for_paths(english, [source])
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such file or directory")
    pages: list[tuple[Path, Page]] = []
    errors: list[ParseError] = []
    categories = Categories()
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
        if _may_be_property_page(page):
            pages.append((path, page))
    records: list[PropertyRecord] = []
    for path, page in pages:
        try:
            record = property_record(page, categories, path)
        except NotAPropertyPage:
            continue
        except UnreadablePage as error:
            errors.append(ParseError(path=path.as_posix(), line=error.line, message=str(error)))
            continue
        if tree is not None:
            from kbtools.kb.freshness import record_freshness

            record.freshness = record_freshness(page, tree)
        records.append(record)
    locales = {record.source.locale for record in records}
    return KnowledgeBase(
        locale=locales.pop() if len(locales) == 1 else None,
        properties=records,
        errors=errors,
    )
