"""How records become JSON: one format for `kbtools parse`, `kbtools query` and the API files."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel


def json_data(model: BaseModel) -> dict[str, Any]:
    """A record (or the knowledge base) as JSON-ready data, with the contract's field names."""
    return model.model_dump(mode="json", by_alias=True)


def json_text(data: Any) -> str:
    """Indented UTF-8 JSON (Chinese as is, not escaped), ending with a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
