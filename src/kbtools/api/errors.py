"""The handlers that turn errors into RFC 9457 problem details (`kbtools.publish.problems`).

An error body is small whatever the request: echoed input (names, parameters, the request path
in `instance`) is cut to `ECHO_LIMIT` characters, a message to `MESSAGE_LIMIT` and the `detail`
of invalid parameters to `DETAIL_LIMIT`; at most `ERROR_LIMIT` parameter errors and
`SUGGESTION_LIMIT` suggestions are listed.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from kbtools.kb.query import SUGGESTION_LIMIT, UnknownFilterValue, UnknownProperty
from kbtools.publish.problems import PROBLEM_MEDIA_TYPE, ParameterError, ProblemDetails

ECHO_LIMIT = 80
MESSAGE_LIMIT = 200
DETAIL_LIMIT = 400
ERROR_LIMIT = 5


def shown(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` as an error message may quote it: at most `limit` characters."""
    return text if len(text) <= limit else text[:limit] + "..."


def problem(
    request: Request,
    status: int,
    detail: str,
    suggestions: list[str] | None = None,
    errors: list[ParameterError] | None = None,
) -> JSONResponse:
    body = ProblemDetails(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=shown(request.url.path),
        suggestions=suggestions or [],
        errors=errors or [],
    )
    return JSONResponse(body.model_dump(), status_code=status, media_type=PROBLEM_MEDIA_TYPE)


async def property_not_found(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnknownProperty)
    suggestions = exc.close[:SUGGESTION_LIMIT]
    detail = f"no property {shown(exc.name)!r}"
    if suggestions:
        detail += "; did you mean " + ", ".join(suggestions) + "?"
    return problem(request, 404, detail, suggestions)


def _parameter_name(location: tuple[int | str, ...]) -> str:
    # FastAPI reports ("query", "version"); the location kind is implied by the route.
    return ".".join(str(part) for part in location[1:]) or str(location[0])


async def invalid_parameters(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    found = exc.errors()
    errors = [
        ParameterError(
            parameter=shown(_parameter_name(tuple(error["loc"]))), message=shown(error["msg"], MESSAGE_LIMIT)
        )
        for error in found[:ERROR_LIMIT]
    ]
    detail = shown("invalid parameters: " + "; ".join(f"{e.parameter}: {e.message}" for e in errors), DETAIL_LIMIT)
    if len(found) > ERROR_LIMIT:
        detail += f"; and {len(found) - ERROR_LIMIT} more"
    return problem(request, 422, detail, errors=errors)


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    response = problem(request, exc.status_code, shown(str(exc.detail), MESSAGE_LIMIT))
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def unknown_filter_value(request: Request, exc: Exception) -> JSONResponse:
    """A filter value the knowledge base does not know: 422 naming the parameter and close values."""
    assert isinstance(exc, UnknownFilterValue)
    error = ParameterError(parameter=exc.name, message=str(exc))
    return problem(request, 422, f"invalid parameters: {exc.name}: {exc}", exc.close, [error])
