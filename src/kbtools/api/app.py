"""The live API (and the built site) as one ASGI app.

The knowledge base is built once by the caller; every record, index entry and document is
serialized once here, so a request only filters and concatenates bytes. Handlers and
dependencies are `async` because they never wait: a hop to the thread pool would cost more
than the work.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from kbtools import __version__
from kbtools.api.errors import http_error, invalid_parameters, property_not_found, unknown_filter_value
from kbtools.api.middleware import ConditionalGet, HeadAsGet, SecurityHeaders
from kbtools.kb.query import FILTER_NAMES, Catalog, Filters, UnknownFilterValue, UnknownProperty
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.kb.requirements import VERSION_QUERY_MAX_LENGTH
from kbtools.kb.serialization import Envelope, compact_json, envelope_data, json_data
from kbtools.publish.api_routes import (
    API_PREFIX,
    API_ROOT,
    NAME_MAX_LENGTH,
    NOT_FOUND,
    TEXT_MAX_LENGTH,
    TITLE,
    NameOrSlug,
    file_router,
    json_response,
    resolve,
)
from kbtools.publish.documents import ApiDocuments, ApiRoot, build_documents
from kbtools.publish.index import PropertyIndexEntry
from kbtools.site.security_headers import SECURITY_HEADERS

ANSWER_CACHE_SIZE = 512
# Answers above this size are sent gzipped to a client that accepts it.
GZIP_MINIMUM_SIZE = 1024
QUERY_PARAMETERS = frozenset({*FILTER_NAMES, "fields"})
FieldList = Annotated[
    str | None,
    Query(max_length=TEXT_MAX_LENGTH, description="Keep only these fields of each item, comma-separated (`name,slug`)"),
]


def _field_list(value: str | None, model: type[BaseModel]) -> tuple[str, ...] | None:
    """The fields asked for, each a field of `model`; a 422 naming the unknown ones otherwise."""
    if value is None:
        return None
    wanted = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [name for name in wanted if name not in model.model_fields]
    if unknown or not wanted:
        message = f"unknown field {', '.join(unknown) or '(none given)'}; fields are: {', '.join(model.model_fields)}"
        raise RequestValidationError([{"loc": ("query", "fields"), "msg": message}])
    return wanted


def _only(allowed: frozenset[str]):  # type: ignore[no-untyped-def]
    """A dependency that refuses misspelt, repeated and foreign parameters instead of silently
    ignoring or overriding them.

    The parameters allowed are listed once, in the first error: repeated for each of many
    unknown parameters they would outgrow the bounded error body.
    """
    listed = f"unknown parameter; use one of {', '.join(sorted(allowed))}"

    async def only_these(request: Request) -> None:
        names = [name for name, _ in request.query_params.multi_items()]
        errors = [
            {"loc": ("query", name), "msg": listed if index == 0 else "unknown parameter"}
            for index, name in enumerate(sorted(set(names) - allowed))
        ] + [
            {"loc": ("query", name), "msg": "given more than once; give each parameter once"}
            for name in sorted({name for name in names if names.count(name) > 1} & allowed)
        ]
        if errors:
            raise RequestValidationError(errors)

    return only_these


def _document_filter_values(openapi: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """Name the values each filter of `/properties` accepts, from the knowledge base served.

    `Catalog.check` is what decides (any case, `5` for `5.0`); the description lists the canonical
    values so that a client, or a test generating requests, knows what is valid.
    """
    operation = openapi.get("paths", {}).get(f"{API_PREFIX}/properties", {}).get("get", {})
    for parameter in operation.get("parameters", []):
        if parameter["name"] == "stale":
            if not any(record.freshness is not None for record in catalog.records):
                parameter["schema"] = {"not": {}}  # nothing was compared: any value is a 422
            continue
        if parameter["name"] == "fields":
            names = "|".join(PropertyIndexEntry.model_fields)
            parameter["schema"] = {"type": "string", "pattern": f"^({names})(,({names}))*$"}
            continue
        if parameter["name"] in ("text", "name"):
            continue  # free words; a property name or slug
        values = catalog.known_values(parameter["name"])
        parameter["schema"] = {"enum": values} if values else {"not": {}}
    return openapi


def query_router(documents: ApiDocuments, catalog: Catalog) -> APIRouter:
    """What only a server can answer: the root, filtered indexes and lookup by name."""
    router = APIRouter(prefix=API_PREFIX)
    records = catalog.records

    @router.get("/", response_model=ApiRoot, summary="The documents of the API (as `index.json`)")
    async def api_root() -> Response:
        return json_response(documents.root)

    # The records never change while the app runs, so an answer depends only on the filters.
    @lru_cache(maxsize=ANSWER_CACHE_SIZE)
    def answer(filters: Filters, fields: tuple[str, ...] | None) -> bytes:
        selected = catalog.select(filters)
        if fields is None:
            return documents.index_of(selected)
        entries = [json.loads(documents.entries[record.slug]) for record in selected]
        return compact_json(envelope_data(documents.kb, [{name: entry[name] for name in fields} for entry in entries]))

    compared = any(record.freshness is not None for record in records)

    @router.get(
        "/properties",
        response_model=Envelope[list[PropertyIndexEntry | dict[str, Any]]],
        responses=NOT_FOUND,
        dependencies=[Depends(_only(QUERY_PARAMETERS))],
        summary="Properties matching every given filter (the `kbtools query` filters), by name",
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
        set_at: Annotated[
            str | None, Query(max_length=NAME_MAX_LENGTH, description="Set at this action, or `initialization`")
        ] = None,
        cleared_at: Annotated[
            str | None, Query(max_length=NAME_MAX_LENGTH, description="Cleared at this action, e.g. `InstallValidate`")
        ] = None,
        used_by: Annotated[str | None, Query(max_length=NAME_MAX_LENGTH, description="Used by this action")] = None,
        valid_after: Annotated[
            str | None,
            Query(max_length=NAME_MAX_LENGTH, description="Valid only after this action, e.g. `CostFinalize`"),
        ] = None,
        since: Annotated[
            str | None,
            Query(
                max_length=VERSION_QUERY_MAX_LENGTH,
                description="New in this version: the page states the property arrived with it (`requirements.since`)",
            ),
        ] = None,
        name: Annotated[
            str | None,
            Query(
                max_length=NAME_MAX_LENGTH,
                description="A property name or slug: the answer holds it when it passes the other filters, else is empty",
            ),
        ] = None,
        text: Annotated[
            str | None,
            Query(
                max_length=TEXT_MAX_LENGTH, description="Words that all occur in the record's texts, in any language"
            ),
        ] = None,
        stale: Annotated[
            bool | None,
            Query(
                description="`true`: translations out of date with the English page; `false`: current ones (served with --english; 422 otherwise)"
            ),
        ] = None,
        fields: FieldList = None,
    ) -> Response:
        if stale is not None and not compared:
            raise RequestValidationError(
                [{"loc": ("query", "stale"), "msg": "no English pages were compared; serve with --english EN_DIR"}]
            )
        wanted = _field_list(fields, PropertyIndexEntry)
        filters = catalog.check(
            kind=kind,
            category=category,
            os=os,
            runtime=runtime,
            version=version,
            set_by=set_by,
            set_at=set_at,
            cleared_at=cleared_at,
            used_by=used_by,
            valid_after=valid_after,
            since=since,
            name=name,
            text=text,
            stale=stale,
        )
        return json_response(answer(filters, wanted))

    @router.get(
        "/properties/{name_or_slug}",
        response_model=Envelope[PropertyRecord | dict[str, Any]],
        response_model_by_alias=True,
        responses=NOT_FOUND,
        dependencies=[Depends(_only(frozenset({"fields"})))],
        summary="One property record (`result`) by name (`ALLUSERS`) or slug (`allusers`)",
    )
    async def property_by_name(name_or_slug: NameOrSlug, fields: FieldList = None) -> Response:
        record = resolve(records, name_or_slug)
        wanted = _field_list(fields, PropertyRecord)
        if wanted is None:
            return json_response(documents.records[record.slug])
        data = json_data(record)
        return json_response(compact_json(envelope_data(documents.kb, {name: data[name] for name in wanted})))

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
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_credentials=False)
    app.add_middleware(ConditionalGet)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_SIZE)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders, headers=SECURITY_HEADERS)
    app.add_exception_handler(UnknownProperty, property_not_found)
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
