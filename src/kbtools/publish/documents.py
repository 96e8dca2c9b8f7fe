"""The documents of `/api/v1/`, serialized once: the static files and the live responses share these bytes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from kbtools.kb.query import Catalog
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.kb.schema import record_schema
from kbtools.kb.serialization import (
    Envelope,
    compact_json,
    envelope_data,
    envelope_head,
    json_data,
    json_text,
    runtimes_data,
)
from kbtools.publish.index import index_entry
from kbtools.publish.requirements_matrix import requirements_matrix


class DocumentLink(BaseModel):
    """One document of the API, relative to the root (`/api/v1/`)."""

    path: str
    description: str
    live_only: bool = False


ApiRoot = Envelope[list[DocumentLink]]

DOCUMENTS: tuple[DocumentLink, ...] = (
    DocumentLink(path="index.json", description="This list of documents (also served at the root, /api/v1/)."),
    DocumentLink(
        path="properties.json",
        description="Every property: name, slug, kind, category, stated versions, since, lifetime actions, title, url.",
    ),
    DocumentLink(
        path="properties/{slug}.json", description="One property record (`result`), as `kbtools query SLUG` prints it."
    ),
    DocumentLink(
        path="requirements.json", description="Properties available per Windows and Windows Installer version."
    ),
    DocumentLink(
        path="runtimes.json",
        description="Windows Installer releases: builds, the Windows they shipped with, where their redistributables install.",
    ),
    DocumentLink(path="schema.json", description="JSON Schema of one property record."),
    DocumentLink(path="openapi.json", description="OpenAPI description of these documents."),
    DocumentLink(
        path="properties?kind=&category=&os=&runtime=&version=&set_by=&set_at=&cleared_at=&used_by=&valid_after=&since=&name=&text=&stale=&fields=",
        description="The index of the properties that pass every filter given (`kbtools query` filters).",
        live_only=True,
    ),
    DocumentLink(
        path="properties/{name_or_slug}?fields=", description="One property record by name or slug.", live_only=True
    ),
)


def record_json(record: PropertyRecord) -> str:
    """The record as `kbtools parse` and `kbtools query NAME` print it."""
    return json_text(json_data(record))


@dataclass(frozen=True)
class ApiDocuments:
    """Every document of `/api/v1/`, as UTF-8 JSON bytes."""

    kb: KnowledgeBase
    records: dict[str, bytes]
    """slug -> the full record as `kbtools parse` writes it, in the envelope (`result`)."""
    entries: dict[str, bytes]
    """slug -> the record's `PropertyIndexEntry`."""
    root: bytes
    index: bytes
    requirements: bytes
    runtimes: bytes
    schema: bytes

    def index_of(self, records: Iterable[PropertyRecord]) -> bytes:
        """The `PropertyIndex` of `records`, assembled from the serialized entries."""
        return index_document(self.kb, [self.entries[record.slug] for record in records])


def index_document(kb: KnowledgeBase, entries: list[bytes]) -> bytes:
    """The `PropertyIndex` JSON of already serialized entries, in the given order."""
    return envelope_head(kb, len(entries)) + b",".join(entries) + b"]}"


def build_documents(kb: KnowledgeBase, catalog: Catalog | None = None) -> ApiDocuments:
    catalog = catalog or Catalog(kb)
    records = kb.properties
    entries = {record.slug: compact_json(json_data(index_entry(record))) for record in records}
    return ApiDocuments(
        kb=kb,
        records={record.slug: compact_json(envelope_data(kb, json_data(record))) for record in records},
        entries=entries,
        root=compact_json(envelope_data(kb, [json_data(link) for link in DOCUMENTS])),
        index=index_document(kb, list(entries.values())),
        requirements=compact_json(envelope_data(kb, json_data(requirements_matrix(catalog)))),
        runtimes=compact_json(runtimes_data(kb)),
        schema=compact_json(record_schema()),
    )
