"""The API's documents, serialized once: the static files and the live responses share these bytes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from kbtools.api.index import PropertyIndex, index_entry
from kbtools.api.requirements_matrix import requirements_matrix
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.kb.schema import record_schema
from kbtools.kb.serialization import json_data, json_text


def record_json(record: PropertyRecord) -> str:
    """The record as `kbtools parse` and `kbtools query NAME` print it."""
    return json_text(json_data(record))


_INDEX_PREFIX, _INDEX_SUFFIX = PropertyIndex(properties=[]).model_dump_json().encode().split(b"[]")


def index_document(entries: Iterable[bytes]) -> bytes:
    """The `PropertyIndex` JSON for already serialized entries, in the given order.

    Filtered live queries assemble their answer from the precomputed entries instead of
    serializing models per request.
    """
    return _INDEX_PREFIX + b"[" + b",".join(entries) + b"]" + _INDEX_SUFFIX


@dataclass(frozen=True)
class ApiDocuments:
    """Every document of `/api/v1/`, as UTF-8 JSON bytes."""

    records: dict[str, bytes]
    """slug -> the full record, exactly as `kbtools parse` writes it."""
    entries: dict[str, bytes]
    """slug -> the record's `PropertyIndexEntry`."""
    index: bytes
    requirements: bytes
    schema: bytes

    def index_of(self, records: Iterable[PropertyRecord]) -> bytes:
        return index_document(self.entries[record.slug] for record in records)


def build_documents(kb: KnowledgeBase) -> ApiDocuments:
    records = kb.properties
    entries = {record.slug: index_entry(record).model_dump_json().encode() for record in records}
    return ApiDocuments(
        records={record.slug: record_json(record).encode() for record in records},
        entries=entries,
        index=index_document(entries.values()),
        requirements=requirements_matrix(records).model_dump_json().encode(),
        schema=json.dumps(record_schema(), ensure_ascii=False).encode(),
    )
