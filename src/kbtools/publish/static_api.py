"""The static JSON API: the same documents as the live API, written as files under `site/api/v1/`.

A web server that serves them should send what `kbtools serve` sends (docs/api.md): an `ETag`,
`Cache-Control: public, max-age=300` and gzip for the large documents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.openapi.utils import get_openapi

from kbtools import __version__
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.publish.api_routes import API_PREFIX, TITLE, file_router
from kbtools.publish.documents import ApiDocuments, build_documents

STATIC_API_DIR = Path(*API_PREFIX.strip("/").split("/"))
STATIC_DESCRIPTION = (
    "Static JSON files published with the site. `kbtools serve` answers the same paths and adds "
    "filtered queries; its own description is served at `/api/v1/openapi.json`."
)


def static_openapi(documents: ApiDocuments, records: list[PropertyRecord]) -> dict[str, Any]:
    """The OpenAPI description of the files, generated from the live API's file routes."""
    return get_openapi(
        title=TITLE + " (static files)",
        version=__version__,
        description=STATIC_DESCRIPTION,
        routes=file_router(documents, records, live=False).routes,
    )


def write_static_api(kb: KnowledgeBase, site_dir: Path) -> list[Path]:
    """Write `index.json`, `properties.json`, `properties/{slug}.json`, `requirements.json`,
    `runtimes.json`, `schema.json` and `openapi.json` under `site_dir/api/v1/`; return the written paths."""
    documents = build_documents(kb)
    api_dir = site_dir / STATIC_API_DIR
    (api_dir / "properties").mkdir(parents=True, exist_ok=True)
    openapi = json.dumps(static_openapi(documents, list(kb.properties)), ensure_ascii=False).encode()
    files = {
        api_dir / "index.json": documents.root,
        api_dir / "properties.json": documents.index,
        api_dir / "requirements.json": documents.requirements,
        api_dir / "runtimes.json": documents.runtimes,
        api_dir / "schema.json": documents.schema,
        api_dir / "openapi.json": openapi,
        **{api_dir / "properties" / f"{slug}.json": body for slug, body in documents.records.items()},
    }
    for path, body in files.items():
        path.write_bytes(body)
    for stale in set((api_dir / "properties").glob("*.json")) - set(files):
        stale.unlink()
    return list(files)
