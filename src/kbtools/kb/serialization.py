"""How records become JSON: one format for `kbtools parse`, `kbtools query`, `kbtools runtimes`
and the API documents.

Collections are published in an envelope that says what the data is, in the manner of
endoflife.date's API: `schema_version` (the record contract, `RECORD_VERSION`), `generated_at`
(when the pages read last changed), `source` (which translation they were read from: locale, the
pages' `ms.sourcegitcommit` values, latest `ms.date` and `ms.lasthandoff`), `total` and `result`.
"""

from __future__ import annotations

import json
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from kbtools.kb.record import RECORD_VERSION, KnowledgeBase, SourceIdentity

Result = TypeVar("Result")


class Envelope(BaseModel, Generic[Result]):
    """A published collection and what it is."""

    schema_version: int = Field(default=RECORD_VERSION, description="The version of the record contract.")
    generated_at: str | None = Field(
        default=None,
        description="When the pages read last changed (UTC, ISO 8601); the same in the static and live API.",
    )
    source: SourceIdentity = SourceIdentity()
    total: int | None = Field(default=None, description="How many items `result` holds, when it is a list.")
    result: Result


def json_data(model: BaseModel) -> dict[str, Any]:
    """A record (or the knowledge base) as JSON-ready data, with the contract's field names."""
    return model.model_dump(mode="json", by_alias=True)


def envelope_data(kb: KnowledgeBase, result: Any) -> dict[str, Any]:
    """`result` (JSON-ready data) in the envelope of `kb`; `total` is set for a list."""
    return {
        "schema_version": RECORD_VERSION,
        "generated_at": kb.generated_at,
        "source": json_data(kb.source),
        "total": len(result) if isinstance(result, list) else None,
        "result": result,
    }


def runtimes_data(kb: KnowledgeBase) -> dict[str, Any]:
    """The runtime releases in their envelope: what `kbtools runtimes` prints and `runtimes.json` holds."""
    return envelope_data(kb, [json_data(release) for release in kb.runtimes])


def envelope_head(kb: KnowledgeBase, total: int) -> bytes:
    """The compact bytes of an envelope up to the opening of its `result` list, for documents
    assembled from already serialized items: `head + b",".join(items) + b"]}"`."""
    data = envelope_data(kb, [None] * total)
    text = compact_json(data)
    return text[: text.rindex(b'"result":') + len(b'"result":')] + b"["


def compact_json(data: Any) -> bytes:
    """Compact UTF-8 JSON (Chinese as is), the form of the API documents."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def json_text(data: Any) -> str:
    """Indented UTF-8 JSON (Chinese as is, not escaped), ending with a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
