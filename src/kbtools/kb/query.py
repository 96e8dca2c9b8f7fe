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
from kbtools.kb.windows import OPERATING_SYSTEMS, STATEMENT_WINDOWS, canonical_windows

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
    set_at: str | None = None
    cleared_at: str | None = None
    used_by: str | None = None
    valid_after: str | None = None
    since: str | None = None  # the first version the page states (`requirements.since`)
    name: str | None = None  # a slug: the one property the other filters are asked about
    text: str | None = None
    stale: bool | None = None  # out of date with the English page (records built with --english)

    @property
    def given(self) -> bool:
        return any(getattr(self, field.name) is not None for field in fields(self))


FILTER_NAMES = tuple(field.name for field in fields(Filters))
# The lifetime facts a filter may name: `Lifetime` fields whose values are actions (or, for
# set_at, `initialization`).
LIFETIME_FILTERS = ("set_at", "cleared_at", "used_by", "valid_after")


class UnknownProperty(LookupError):
    """A name or slug no record has; `close` lists the nearest names."""

    def __init__(self, name: str, close: Sequence[str]) -> None:
        self.name, self.close = name, list(close)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        super().__init__(f"no property named {name!r}{hint}")


class UnknownFilterValue(ValueError):
    """A filter value the knowledge base does not know; `close` lists the nearest known ones."""

    def __init__(
        self, name: str, value: str, what: str, known: Sequence[str], close: Sequence[str], note: str = ""
    ) -> None:
        self.name, self.value, self.known, self.close = name, value, list(known), list(close)
        hint = f"did you mean {', '.join(map(repr, close))}? " if close else ""
        hint = f"{note}; {hint}" if note else hint
        shown = ", ".join(map(repr, known[:20])) + (f", ... ({len(known)} in all)" if len(known) > 20 else "")
        super().__init__(f"unknown {what} {value!r}; {hint}known: {shown or 'none'}")


def close_matches(value: str, known: Sequence[str], limit: int = 3) -> list[str]:
    """The known values nearest to `value`, best first."""
    matches = process.extract(
        value, list(known), scorer=fuzz.WRatio, processor=str.casefold, limit=limit, score_cutoff=60
    )
    return [match[0] for match in matches]


class Catalog:
    """A knowledge base ready to answer queries: its records, the availability rule and the
    values each filter accepts."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.records = list(kb.properties)
        self.availability = Availability(self.records, kb.runtimes)
        self.categories = sorted({record.category for record in self.records if record.category}, key=str.casefold)
        self.setters = sorted({who for record in self.records for who in record.lifetime.set_by}, key=str.casefold)
        self.lifetime_values = {
            name: sorted(
                {value for record in self.records for value in getattr(record.lifetime, name)}, key=str.casefold
            )
            for name in LIFETIME_FILTERS
        }
        stated = {windows for record in self.records for s in record.requirements.statements for windows in s.os}
        self.windows = [
            w
            for w in OPERATING_SYSTEMS
            if w in STATEMENT_WINDOWS or w in stated or w in self.availability.after_statements
        ]
        """The Windows versions a query may name, newest first: those the statements name and the
        releases after them where a runtime page puts a Windows Installer."""

    def known_values(self, name: str, runtime: str | None = None) -> list[str]:
        """The values the filter `name` accepts (versions: of `runtime`, or of every runtime)."""
        if name == "kind":
            return list(KINDS)
        if name == "category":
            return self.categories
        if name == "os":
            return list(self.windows)
        if name == "runtime":
            return list(RUNTIMES)
        if name == "version":
            runtimes = [runtime] if runtime else list(self.availability.versions)
            found = {v for r in runtimes for v in self.availability.versions.get(r, [])}
            return sorted(found, key=version_key)
        if name == "set_by":
            return self.setters
        if name in LIFETIME_FILTERS:
            return self.lifetime_values[name]
        if name == "since":
            runtimes = [runtime] if runtime else list(RUNTIMES)
            found = {s.version for r in self.records for key, s in r.requirements.since.items() if key in runtimes}
            return sorted(found, key=version_key)
        return []

    def check(self, **raw: str | None) -> Filters:
        """The filters with canonical values; raises `UnknownFilterValue` for an unknown one."""
        values: dict[str, str | None] = {}
        for name in ("kind", "category", "os", "runtime", "set_by", *LIFETIME_FILTERS):
            value = raw.get(name)
            values[name] = None if value is None else self._known(name, value)
        values["version"] = (
            None if raw.get("version") is None else self._version(raw["version"] or "", values["runtime"])
        )
        values["since"] = None if raw.get("since") is None else self._version(raw["since"] or "", None, "since")
        values["text"] = raw.get("text")
        values["name"] = None
        if raw.get("name") is not None:
            record = self.find(raw["name"] or "")
            if record is None:
                raise UnknownProperty(raw["name"] or "", suggest(self.records, raw["name"] or ""))
            values["name"] = record.slug
        stale = raw.get("stale")
        return Filters(**values, stale=None if stale is None else bool(stale))

    def _known(self, name: str, value: str) -> str:
        known = self.known_values(name)
        wanted = (canonical_windows(value) or value) if name == "os" else value
        for candidate in known:
            if candidate.casefold() == wanted.strip().casefold():
                return candidate
        note = ""
        if name == "os" and wanted in OPERATING_SYSTEMS:
            note = (
                f"the pages read say nothing about {wanted}: no requirement statement names it and no runtime "
                "page says which Windows Installer it has, so no answer is given"
            )
        close = [] if note else close_matches(value, known)
        raise UnknownFilterValue(name, value, _WHAT[name], known, close, note=note)

    def _version(self, value: str, runtime: str | None, name: str = "version") -> str:
        known = self.known_values(name, runtime)
        what = f"{runtime} version" if runtime else "runtime version"
        if name == "since":
            what = f"first {what} a page states"
        if _VERSION_NUMBER.match(value.strip()):
            wanted = version_key(value)
            for candidate in known:
                if version_key(candidate) == wanted:
                    return candidate
            nearest = sorted(known, key=lambda v: abs(_number(v) - _number(value)))[:3]
            raise UnknownFilterValue(name, value, what, known, sorted(nearest, key=version_key))
        raise UnknownFilterValue(name, value, what, known, [], note="give a number such as 4.5")

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
    "set_at": "set-at value",
    "cleared_at": "cleared-at action",
    "used_by": "used-by action",
    "valid_after": "valid-after action",
}


def _number(version: str) -> float:
    parts = version.split(".")
    try:
        return float(".".join(parts[:2]))
    except ValueError:
        return 0.0


def _arrived_in(record: PropertyRecord, version: str, runtime: str | None) -> bool:
    """Whether the page states that the property arrived with `version` (of `runtime`, or any)."""
    return any(
        version_key(since.version) == version_key(version)
        for key, since in record.requirements.since.items()
        if runtime is None or key == runtime
    )


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
        if filters.name is not None and record.slug != filters.name:
            continue
        if set_by is not None and set_by not in {who.casefold() for who in record.lifetime.set_by}:
            continue
        if any(
            getattr(filters, name) is not None and getattr(filters, name) not in getattr(record.lifetime, name)
            for name in LIFETIME_FILTERS
        ):
            continue
        if filters.since is not None and not _arrived_in(record, filters.since, filters.runtime):
            continue
        if filters.text is not None and not matches_text(record, filters.text):
            continue
        if filters.stale is not None and (record.freshness is None or record.freshness.current == filters.stale):
            continue  # a record never compared with the English is neither stale nor current
        selected.append(record)
    return selected
