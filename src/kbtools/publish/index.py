"""The property index: one short entry per property, the document `properties.json` serves."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kbtools.kb.record import LocalizedText, PropertyKind, PropertyRecord
from kbtools.kb.serialization import Envelope


class PropertyIndexEntry(BaseModel):
    """What a client needs to list a property and fetch its full record.

    `url` is the record's document relative to the index (`properties/{slug}.json`), so it
    resolves the same way from the static `properties.json`, from the live filtered
    `/api/v1/properties?...` and under any site prefix.
    """

    name: str
    slug: str
    kind: PropertyKind
    category: str | None = None
    stated_versions: dict[str, list[str]] = Field(
        default={},
        description="Runtime -> the versions the requirement statements name (`requirements.stated_versions`).",
    )
    since: dict[str, str] = Field(
        default={}, description="Runtime -> the first version the page states (`requirements.since`); absent when none."
    )
    set_by: list[str] = Field(default=[], description="`lifetime.set_by`.")
    set_at: list[str] = Field(default=[], description="`lifetime.set_at`.")
    cleared_at: list[str] = Field(default=[], description="`lifetime.cleared_at`.")
    used_by: list[str] = Field(default=[], description="`lifetime.used_by`.")
    valid_after: list[str] = Field(default=[], description="`lifetime.valid_after`.")
    title: LocalizedText = {}
    url: str


PropertyIndex = Envelope[list[PropertyIndexEntry]]
"""The list of properties, in knowledge-base order (whole, or filtered by the live API)."""


def record_url(slug: str) -> str:
    """The record document of `slug`, relative to the index."""
    return f"properties/{slug}.json"


def index_entry(record: PropertyRecord) -> PropertyIndexEntry:
    return PropertyIndexEntry(
        name=record.name,
        slug=record.slug,
        kind=record.kind,
        category=record.category,
        stated_versions=record.requirements.stated_versions,
        since={runtime: since.version for runtime, since in record.requirements.since.items()},
        set_by=record.lifetime.set_by,
        set_at=record.lifetime.set_at,
        cleared_at=record.lifetime.cleared_at,
        used_by=record.lifetime.used_by,
        valid_after=record.lifetime.valid_after,
        title=record.title,
        url=record_url(record.slug),
    )
