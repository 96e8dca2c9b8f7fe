"""The live API (and the built site) as one ASGI app.

The knowledge base is built once by the caller; every record, index entry and document is
serialized once here, so a request only filters and concatenates bytes. Handlers and
dependencies are `async` because they never wait: a hop to the thread pool would cost more
than the work.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from fastapi import Path as PathParameter
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from kbtools import __version__
from kbtools.api.errors import (
    ApiError,
    PropertyNotFound,
    http_error,
    invalid_parameters,
    property_not_found,
    unknown_filter_value,
)
from kbtools.api.middleware import HeadAsGet, SecurityHeaders
from kbtools.kb.query import FILTER_NAMES, Catalog, Filters, UnknownFilterValue, find_record, suggest
from kbtools.kb.record import KnowledgeBase, PropertyRecord, RuntimeRelease
from kbtools.kb.requirements import VERSION_QUERY_MAX_LENGTH
from kbtools.kb.serialization import Envelope
from kbtools.publish.documents import ApiDocuments, ApiRoot, build_documents
from kbtools.publish.index import PropertyIndex
from kbtools.publish.requirements_matrix import RequirementsMatrix
from kbtools.site.security_headers import SECURITY_HEADERS

API_PREFIX = "/api/v1"
API_ROOT = "/api"
TITLE = "kbtools property API"
# Every parameter is bounded (422 beyond): no request costs more than a short one.
NAME_MAX_LENGTH = 128
TEXT_MAX_LENGTH = 256
NameOrSlug = Annotated[str, PathParameter(max_length=NAME_MAX_LENGTH)]
ANSWER_CACHE_SIZE = 512
QUERY_PARAMETERS = frozenset(FILTER_NAMES)

_JSON = "application/json"
_INVALID: dict[int | str, dict[str, Any]] = {422: {"model": ApiError, "description": "Invalid parameters"}}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ApiError, "description": "Unknown property; `suggestions` lists close names"},
    **_INVALID,
}
# A static file server answers a missing file with its own error page.
_NO_SUCH_FILE: dict[int | str, dict[str, Any]] = {"4XX": {"description": "No such file"}}


def _json(body: bytes) -> Response:
    return Response(content=body, media_type=_JSON)


def file_router(
    documents: ApiDocuments,
    records: list[PropertyRecord],
    *,
    live: bool,
) -> APIRouter:
    """The resources that exist as files under `site/api/v1/`.

    The static OpenAPI is generated from these same routes with `live=False`, which describes
    a file server's errors instead of the JSON error bodies only the live server sends.
    """
    router = APIRouter(prefix=API_PREFIX)
    not_found = _NOT_FOUND if live else _NO_SUCH_FILE

    @router.get("/index.json", response_model=ApiRoot, summary="The documents of the API")
    async def api_index() -> Response:
        return _json(documents.root)

    @router.get("/properties.json", response_model=PropertyIndex, summary="Index of all properties")
    async def property_index() -> Response:
        return _json(documents.index)

    @router.get(
        "/properties/{slug}.json",
        response_model=PropertyRecord,
        response_model_by_alias=True,
        responses=not_found,
        summary="One property record, as `kbtools parse` writes it",
    )
    async def property_record(slug: NameOrSlug) -> Response:
        return _json(documents.records[_resolve(records, slug).slug])

    @router.get(
        "/requirements.json",
        response_model=Envelope[RequirementsMatrix],
        summary="Properties available per Windows and Windows Installer version",
    )
    async def requirements() -> Response:
        return _json(documents.requirements)

    @router.get(
        "/runtimes.json",
        response_model=Envelope[list[RuntimeRelease]],
        summary="Windows Installer releases: builds, shipped with, redistributable installs on",
    )
    async def runtimes() -> Response:
        return _json(documents.runtimes)

    @router.get("/schema.json", response_model=dict[str, Any], summary="JSON Schema of a property record")
    async def schema() -> Response:
        return _json(documents.schema)

    return router


def _resolve(records: list[PropertyRecord], name_or_slug: str) -> PropertyRecord:
    record = find_record(records, name_or_slug)
    if record is None:
        raise PropertyNotFound(name_or_slug, suggest(records, name_or_slug))
    return record


async def _only_query_parameters(request: Request) -> None:
    """Refuse misspelt and repeated filters instead of silently ignoring or overriding them."""
    names = [name for name, _ in request.query_params.multi_items()]
    if len(names) > len(QUERY_PARAMETERS):
        raise RequestValidationError(
            [{"loc": ("query",), "msg": f"{len(names)} parameters; give each filter at most once"}]
        )
    errors = [
        {"loc": ("query", name), "msg": f"unknown parameter; use one of {', '.join(sorted(QUERY_PARAMETERS))}"}
        for name in sorted(set(names) - QUERY_PARAMETERS)
    ] + [
        {"loc": ("query", name), "msg": "given more than once; give each filter once"}
        for name in sorted({name for name in names if names.count(name) > 1} & QUERY_PARAMETERS)
    ]
    if errors:
        raise RequestValidationError(errors)


def _document_filter_values(openapi: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """Name the values each filter of `/properties` accepts, from the knowledge base served.

    `Catalog.check` is what decides (any case, `5` for `5.0`); the description lists the canonical
    values so that a client, or a test generating requests, knows what is valid.
    """
    operation = openapi.get("paths", {}).get(f"{API_PREFIX}/properties", {}).get("get", {})
    for parameter in operation.get("parameters", []):
        if parameter["name"] in ("text", "stale"):
            continue  # free words; a boolean
        values = catalog.known_values(parameter["name"])
        parameter["schema"] = {"enum": values} if values else {"not": {}}
    return openapi


def query_router(documents: ApiDocuments, catalog: Catalog) -> APIRouter:
    """What only a server can answer: the root, filtered indexes and lookup by name."""
    router = APIRouter(prefix=API_PREFIX)
    records = catalog.records

    @router.get("/", response_model=ApiRoot, summary="The documents of the API (as `index.json`)")
    async def api_root() -> Response:
        return _json(documents.root)

    # The records never change while the app runs, so an answer depends only on the filters.
    @lru_cache(maxsize=ANSWER_CACHE_SIZE)
    def answer(filters: Filters) -> bytes:
        return documents.index_of(catalog.select(filters))

    @router.get(
        "/properties",
        response_model=PropertyIndex,
        responses=_INVALID,
        dependencies=[Depends(_only_query_parameters)],
        summary="Properties matching every given filter (the `kbtools query` filters)",
    )
    async def query_properties(
        kind: Annotated[str | None, Query(max_length=NAME_MAX_LENGTH, description="The kind of property")] = None,
        category: Annotated[
            str | None,
            Query(
                max_length=TEXT_MAX_LENGTH,
                description="A category of `property-reference.md`, e.g. `Hardware Properties`",
            ),
        ] = None,
        os: Annotated[
            str | None, Query(max_length=NAME_MAX_LENGTH, description="Windows version, e.g. `Windows XP`")
        ] = None,
        runtime: Annotated[
            str | None, Query(max_length=NAME_MAX_LENGTH, description="`Windows Installer` or `Mergemod.dll`")
        ] = None,
        version: Annotated[
            str | None,
            Query(max_length=VERSION_QUERY_MAX_LENGTH, description="A known runtime version, e.g. `3.1`"),
        ] = None,
        set_by: Annotated[
            str | None,
            Query(
                max_length=NAME_MAX_LENGTH,
                description="Who sets the value: `installer`, `author`, `user` or an action name",
            ),
        ] = None,
        text: Annotated[
            str | None,
            Query(max_length=TEXT_MAX_LENGTH, description="Words that all occur in the record's texts, in any language"),
        ] = None,
        stale: Annotated[
            bool | None,
            Query(description="`true`: translations out of date with the English page; `false`: current ones (served with --english)"),
        ] = None,
    ) -> Response:
        filters = catalog.check(
            kind=kind, category=category, os=os, runtime=runtime, version=version, set_by=set_by, text=text, stale=stale
        )
        return _json(answer(filters))

    @router.get(
        "/properties/{name_or_slug}",
        response_model=PropertyRecord,
        response_model_by_alias=True,
        responses=_NOT_FOUND,
        summary="One property record by name (`ALLUSERS`) or slug (`allusers`)",
    )
    async def property_by_name(name_or_slug: NameOrSlug) -> Response:
        return _json(documents.records[_resolve(records, name_or_slug).slug])

    return router


def api_fallback_router() -> APIRouter:
    """Every other path under `/api/` is a JSON 404, never the site's HTML page."""
    router = APIRouter()

    @router.get(API_ROOT, include_in_schema=False)
    @router.get(API_ROOT + "/{path:path}", include_in_schema=False)
    async def unknown_resource(path: str = "") -> Response:
        raise HTTPException(404, f"no API resource {API_ROOT}/{path}; the documents are listed at {API_PREFIX}/")

    return router


async def _http_error(request: Request, exc: Exception) -> Response:
    if request.url.path.startswith(API_ROOT + "/") or request.url.path == API_ROOT:
        return await http_error(request, exc)
    assert isinstance(exc, HTTPException)
    return await http_exception_handler(request, exc)


def create_app(kb: KnowledgeBase, site_dir: Path | None = None) -> FastAPI:
    """The live API under `/api/v1/` and, when given, the built site at `/`.

    Every response carries the site's security headers (CSP, nosniff, no framing) and every GET
    resource answers HEAD. There is no Swagger UI: its page runs an inline script, which the
    CSP forbids, and it would load from a CDN; `/api/v1/docs` leads to the OpenAPI document.
    """
    catalog = Catalog(kb)
    documents = build_documents(kb, catalog)
    records = catalog.records
    app = FastAPI(
        title=TITLE,
        version=__version__,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_credentials=False
    )
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders, headers=SECURITY_HEADERS)
    # Pages, scripts and the search index compress five to ten times (the corpus's first property
    # page: 1.8 MB sent without it).
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_exception_handler(PropertyNotFound, property_not_found)
    app.add_exception_handler(RequestValidationError, invalid_parameters)
    app.add_exception_handler(UnknownFilterValue, unknown_filter_value)
    app.add_exception_handler(HTTPException, _http_error)
    @app.get(f"{API_PREFIX}/docs", include_in_schema=False)
    async def api_docs() -> RedirectResponse:
        return RedirectResponse(f"{API_PREFIX}/openapi.json")

    # File routes first: `/properties/{name_or_slug}` would otherwise take `x.json` as a name.
    app.include_router(file_router(documents, records, live=True))
    app.include_router(query_router(documents, catalog))
    app.include_router(api_fallback_router())
    describe = app.openapi
    app.openapi = lambda: _document_filter_values(describe(), catalog)  # type: ignore[method-assign]
    if site_dir is not None:
        app.mount("/", StaticFiles(directory=site_dir, html=True), name="site")
    return app
