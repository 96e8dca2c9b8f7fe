"""The documents of `/api/v1/` as routes: what the static files are and what the live API serves.

The static writer (`kbtools.publish.static_api`) describes the files with these routes
(`live=False`, a file server's errors); the live API (`kbtools.api.app`) serves them (`live=True`,
problem details). Both outputs come from here and from `kbtools.publish.documents`, so neither
reaches into the other.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Response
from fastapi import Path as PathParameter

from kbtools.kb.query import UnknownProperty, find_record, suggest
from kbtools.kb.record import PropertyRecord, RuntimeRelease
from kbtools.kb.serialization import Envelope
from kbtools.publish.documents import ApiDocuments, ApiRoot
from kbtools.publish.index import PropertyIndex
from kbtools.publish.problems import PROBLEM_MEDIA_TYPE, ProblemDetails
from kbtools.publish.requirements_matrix import RequirementsMatrix

API_PREFIX = "/api/v1"
API_ROOT = "/api"
TITLE = "kbtools property API"
# Every parameter is bounded (422 beyond): no request costs more than a short one.
NAME_MAX_LENGTH = 128
TEXT_MAX_LENGTH = 256
NameOrSlug = Annotated[str, PathParameter(max_length=NAME_MAX_LENGTH)]
JSON_MEDIA_TYPE = "application/json"

_PROBLEM = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}
INVALID: dict[int | str, dict[str, Any]] = {
    422: {"model": ProblemDetails, "description": "Invalid parameters (problem details)", "content": _PROBLEM}
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {
        "model": ProblemDetails,
        "description": "Unknown property; `suggestions` lists close names (problem details)",
        "content": _PROBLEM,
    },
    **INVALID,
}
# A static file server answers a missing file with its own error page.
NO_SUCH_FILE: dict[int | str, dict[str, Any]] = {"4XX": {"description": "No such file"}}

PropertyDocument = Envelope[PropertyRecord]


def json_response(body: bytes) -> Response:
    return Response(content=body, media_type=JSON_MEDIA_TYPE)


def resolve(records: list[PropertyRecord], name_or_slug: str) -> PropertyRecord:
    """The record of a name or slug; `UnknownProperty` with close names otherwise."""
    record = find_record(records, name_or_slug)
    if record is None:
        raise UnknownProperty(name_or_slug, suggest(records, name_or_slug))
    return record


def file_router(documents: ApiDocuments, records: list[PropertyRecord], *, live: bool) -> APIRouter:
    """The resources that exist as files under `site/api/v1/`.

    The static OpenAPI is generated from these same routes with `live=False`, which describes
    a file server's errors instead of the problem details only the live server sends.
    """
    router = APIRouter(prefix=API_PREFIX)
    not_found = NOT_FOUND if live else NO_SUCH_FILE

    @router.get("/index.json", response_model=ApiRoot, summary="The documents of the API")
    async def api_index() -> Response:
        return json_response(documents.root)

    @router.get("/properties.json", response_model=PropertyIndex, summary="Index of all properties, by name")
    async def property_index() -> Response:
        return json_response(documents.index)

    @router.get(
        "/properties/{slug}.json",
        response_model=PropertyDocument,
        response_model_by_alias=True,
        responses=not_found,
        summary="One property record (`result`), as `kbtools parse` writes it",
    )
    async def property_record(slug: NameOrSlug) -> Response:
        return json_response(documents.records[resolve(records, slug).slug])

    @router.get(
        "/requirements.json",
        response_model=Envelope[RequirementsMatrix],
        summary="Properties available per Windows and Windows Installer version",
    )
    async def requirements() -> Response:
        return json_response(documents.requirements)

    @router.get(
        "/runtimes.json",
        response_model=Envelope[list[RuntimeRelease]],
        summary="Windows Installer releases: builds, shipped with, redistributable installs on",
    )
    async def runtimes() -> Response:
        return json_response(documents.runtimes)

    @router.get("/schema.json", response_model=dict[str, Any], summary="JSON Schema of a property record")
    async def schema() -> Response:
        return json_response(documents.schema)

    return router
