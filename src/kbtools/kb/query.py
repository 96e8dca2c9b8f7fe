"""Finding records: by name or slug, by filters, and close matches for unknown names.

The availability rule (`--os`, `--runtime`, `--version`): a property is available for a
query when one of its requirement statements matches every part given:

- runtime: the statement's runtime is the one asked for;
- os: the statement names that operating system, or names none;
- version: the statement names that version, or names none, or says "or later" after a
  version lower than the one asked for.

A record with no statements matches no availability filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from kbtools.kb.record import PropertyRecord, RequirementStatement
from kbtools.kb.requirements import version_key

SUGGESTION_LIMIT = 5
SUGGESTION_CUTOFF = 72.0


def find_record(records: Sequence[PropertyRecord], name_or_slug: str) -> PropertyRecord | None:
    """The record whose name or slug is `name_or_slug`: exact first, then case-insensitive."""
    for record in records:
        if name_or_slug in (record.name, record.slug):
            return record
    wanted = name_or_slug.casefold()
    for record in records:
        if wanted in (record.name.casefold(), record.slug.casefold()):
            return record
    return None


def suggest(records: Sequence[PropertyRecord], name: str, limit: int = SUGGESTION_LIMIT) -> list[str]:
    """Names of the records closest to `name`, best first."""
    names = [record.name for record in records]
    matches = process.extract(
        name, names, scorer=fuzz.WRatio, processor=str.casefold, limit=limit, score_cutoff=SUGGESTION_CUTOFF
    )
    return [match[0] for match in matches]


def statement_allows(
    statement: RequirementStatement,
    *,
    os: str | None = None,
    runtime: str | None = None,
    version: str | None = None,
) -> bool:
    """Whether one statement makes the property available for the given parts (the rule above)."""
    if runtime is not None and statement.runtime.casefold() != runtime.casefold():
        return False
    if os is not None and statement.os and os.casefold() not in {name.casefold() for name in statement.os}:
        return False
    if version is not None and statement.versions:
        wanted = version_key(version)
        named = [version_key(value) for value in statement.versions]
        if wanted not in named and not (statement.or_later and any(value < wanted for value in named)):
            return False
    return True


def is_available(
    record: PropertyRecord, *, os: str | None = None, runtime: str | None = None, version: str | None = None
) -> bool:
    return any(
        statement_allows(statement, os=os, runtime=runtime, version=version)
        for statement in record.requirements.statements
    )


def localized_texts(record: PropertyRecord) -> Iterable[str]:
    """Every text of the record in every language, for `--text`."""
    yield record.name
    yield from record.title.values()
    yield from record.summary.values()
    for segments in (record.semantics, record.remarks, record.default_value):
        for segment in segments:
            yield from (segment.model_extra or {}).values()
    if record.value is not None:
        for segment in record.value.text:
            yield from (segment.model_extra or {}).values()


def matches_text(record: PropertyRecord, text: str) -> bool:
    """True when every word of `text` occurs (case-insensitive) in some text of the record."""
    words = text.casefold().split()
    if not words:
        return True
    haystack = "\n".join(localized_texts(record)).casefold()
    return all(word in haystack for word in words)


def filter_records(
    records: Iterable[PropertyRecord],
    *,
    kind: str | None = None,
    category: str | None = None,
    os: str | None = None,
    runtime: str | None = None,
    version: str | None = None,
    set_by: str | None = None,
    text: str | None = None,
    stale: bool | None = None,
) -> list[PropertyRecord]:
    """The records that pass every filter given (None means no filter)."""
    selected: list[PropertyRecord] = []
    availability = os is not None or runtime is not None or version is not None
    for record in records:
        if kind is not None and record.kind != kind:
            continue
        if category is not None and (record.category or "").casefold() != category.casefold():
            continue
        if availability and not is_available(record, os=os, runtime=runtime, version=version):
            continue
        if set_by is not None and set_by.casefold() not in {who.casefold() for who in record.lifetime.set_by}:
            continue
        if text is not None and not matches_text(record, text):
            continue
        if stale is not None and (record.freshness is None or record.freshness.current == stale):
            continue  # a record never compared with the English is neither stale nor current
        selected.append(record)
    return selected
