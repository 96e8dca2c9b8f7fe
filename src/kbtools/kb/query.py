"""Finding records: by name or slug, by filters, and close matches for unknown names and values.

Every filter value is checked against the values the knowledge base knows (`Catalog.check`): an
unknown OS, runtime, version, category, kind or set-by value is an `UnknownFilterValue` naming
close matches, never a silent empty or full answer. Availability (`os`, `runtime`, `version`)
follows the rule of `kbtools.kb.availability`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from rapidfuzz import fuzz, process

from kbtools.kb.availability import Availability
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.kb.requirements import RUNTIMES, version_key
from kbtools.kb.windows import OPERATING_SYSTEMS

KINDS = ("installer", "summary", "automation", "merge-module")
_VERSION_NUMBER = re.compile(r"^\d+(\.\d+)*$")

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


@dataclass(frozen=True)
class Filters:
    """The filters of a query, each a value the knowledge base knows (None: no filter)."""

    kind: str | None = None
    category: str | None = None
    os: str | None = None
    runtime: str | None = None
    version: str | None = None
    set_by: str | None = None
    text: str | None = None

    @property
    def given(self) -> bool:
        return any(getattr(self, field.name) is not None for field in fields(self))


FILTER_NAMES = tuple(field.name for field in fields(Filters))


class UnknownFilterValue(ValueError):
    """A filter value the knowledge base does not know; `close` lists the nearest known ones."""

    def __init__(
        self, name: str, value: str, what: str, known: Sequence[str], close: Sequence[str], note: str = ""
    ) -> None:
        self.name, self.value, self.known, self.close = name, value, list(known), list(close)
        hint = f"did you mean {', '.join(map(repr, close))}? " if close else ""
        hint = f"{note}; {hint}" if note else hint
        shown = ", ".join(map(repr, known[:12])) + (f", ... ({len(known)} in all)" if len(known) > 12 else "")
        super().__init__(f"unknown {what} {value!r}; {hint}known: {shown or 'none'}")


def close_matches(value: str, known: Sequence[str], limit: int = 3) -> list[str]:
    """The known values nearest to `value`, best first."""
    matches = process.extract(value, list(known), scorer=fuzz.WRatio, processor=str.casefold, limit=limit, score_cutoff=60)
    return [match[0] for match in matches]


class Catalog:
    """A knowledge base ready to answer queries: its records, the availability rule and the
    values each filter accepts."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.records = list(kb.properties)
        self.availability = Availability(self.records, kb.runtimes)
        self.categories = sorted({record.category for record in self.records if record.category}, key=str.casefold)
        self.setters = sorted({who for record in self.records for who in record.lifetime.set_by}, key=str.casefold)

    def known_values(self, name: str, runtime: str | None = None) -> list[str]:
        """The values the filter `name` accepts (versions: of `runtime`, or of every runtime)."""
        if name == "kind":
            return list(KINDS)
        if name == "category":
            return self.categories
        if name == "os":
            return list(OPERATING_SYSTEMS)
        if name == "runtime":
            return list(RUNTIMES)
        if name == "version":
            runtimes = [runtime] if runtime else list(self.availability.versions)
            found = {v for r in runtimes for v in self.availability.versions.get(r, [])}
            return sorted(found, key=version_key)
        if name == "set_by":
            return self.setters
        return []

    def check(self, **raw: str | None) -> Filters:
        """The filters with canonical values; raises `UnknownFilterValue` for an unknown one."""
        values: dict[str, str | None] = {}
        for name in ("kind", "category", "os", "runtime", "set_by"):
            value = raw.get(name)
            values[name] = None if value is None else self._known(name, value)
        values["version"] = None if raw.get("version") is None else self._version(raw["version"] or "", values["runtime"])
        values["text"] = raw.get("text")
        return Filters(**values)

    def _known(self, name: str, value: str) -> str:
        known = self.known_values(name)
        for candidate in known:
            if candidate.casefold() == value.strip().casefold():
                return candidate
        raise UnknownFilterValue(name, value, _WHAT[name], known, close_matches(value, known))

    def _version(self, value: str, runtime: str | None) -> str:
        known = self.known_values("version", runtime)
        what = f"{runtime} version" if runtime else "runtime version"
        if _VERSION_NUMBER.match(value.strip()):
            wanted = version_key(value)
            for candidate in known:
                if version_key(candidate) == wanted:
                    return candidate
            nearest = sorted(known, key=lambda v: abs(_number(v) - _number(value)))[:3]
            raise UnknownFilterValue("version", value, what, known, sorted(nearest, key=version_key))
        raise UnknownFilterValue("version", value, what, known, [], note="give a number such as 4.5")

    def select(self, filters: Filters) -> list[PropertyRecord]:
        """The records that pass every filter given."""
        return filter_records(self.records, filters, self.availability)

    def find(self, name_or_slug: str) -> PropertyRecord | None:
        return find_record(self.records, name_or_slug)


_WHAT = {
    "kind": "kind",
    "category": "category",
    "os": "Windows version",
    "runtime": "runtime",
    "set_by": "set-by value",
}


def _number(version: str) -> float:
    parts = version.split(".")
    try:
        return float(".".join(parts[:2]))
    except ValueError:
        return 0.0


def filter_records(
    records: Iterable[PropertyRecord], filters: Filters, availability: Availability
) -> list[PropertyRecord]:
    """The records that pass every filter (values already checked by `Catalog.check`)."""
    selected: list[PropertyRecord] = []
    wants_availability = filters.os is not None or filters.runtime is not None or filters.version is not None
    set_by = filters.set_by.casefold() if filters.set_by is not None else None
    for record in records:
        if filters.kind is not None and record.kind != filters.kind:
            continue
        if filters.category is not None and record.category != filters.category:
            continue
        if wants_availability and not availability.is_available(
            record, os=filters.os, runtime=filters.runtime, version=filters.version
        ):
            continue
        if set_by is not None and set_by not in {who.casefold() for who in record.lifetime.set_by}:
            continue
        if filters.text is not None and not matches_text(record, filters.text):
            continue
        selected.append(record)
    return selected
