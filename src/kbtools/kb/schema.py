"""The JSON Schema of the records, generated from the models in `record.py`.

`knowledge-base.schema.json` next to this module is the shipped copy; a test keeps it equal
to what the models generate.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kbtools.kb.record import KnowledgeBase, PropertyRecord

SHIPPED_SCHEMA = Path(__file__).with_name("knowledge-base.schema.json")
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def knowledge_base_schema() -> dict[str, Any]:
    """The schema of `kbtools parse` output."""
    return {"$schema": SCHEMA_DIALECT, **KnowledgeBase.model_json_schema(by_alias=True, mode="serialization")}


def record_schema() -> dict[str, Any]:
    """The schema of one property record."""
    return {"$schema": SCHEMA_DIALECT, **PropertyRecord.model_json_schema(by_alias=True, mode="serialization")}
