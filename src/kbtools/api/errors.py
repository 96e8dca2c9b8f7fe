"""The JSON body of every API error, and the handlers that produce it.

An error body is small whatever the request: echoed input is cut to `ECHO_LIMIT` characters,
at most `ERROR_LIMIT` parameter errors and `SUGGESTION_LIMIT` suggestions are listed.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from kbtools.kb.query import SUGGESTION_LIMIT, UnknownFilterValue

ECHO_LIMIT = 80
ERROR_LIMIT = 10


def shown(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` as an error message may quote it: at most `limit` characters."""
    return text if len(text) <= limit else text[:limit] + "..."


class ParameterError(BaseModel):
    """One rejected request parameter."""

    parameter: str
    message: str


class ApiError(BaseModel):
    """What went wrong: `suggestions` lists close property names (404) or close filter values (422)."""

    status: int
    message: str
    suggestions: list[str] = []
    errors: list[ParameterError] = []


class PropertyNotFound(Exception):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.suggestions = suggestions


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.model_dump(), status_code=error.status)


async def property_not_found(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PropertyNotFound)
    suggestions = exc.suggestions[:SUGGESTION_LIMIT]
    message = f"no property {shown(exc.name)!r}"
    if suggestions:
        message += "; did you mean " + ", ".join(suggestions) + "?"
    return error_response(ApiError(status=404, message=message, suggestions=suggestions))


def _parameter_name(location: tuple[int | str, ...]) -> str:
    # FastAPI reports ("query", "version"); the location kind is implied by the route.
    return ".".join(str(part) for part in location[1:]) or str(location[0])


async def invalid_parameters(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    found = exc.errors()
    errors = [
        ParameterError(parameter=shown(_parameter_name(tuple(error["loc"]))), message=shown(error["msg"], 200))
        for error in found[:ERROR_LIMIT]
    ]
    message = "invalid parameters: " + "; ".join(f"{e.parameter}: {e.message}" for e in errors)
    if len(found) > ERROR_LIMIT:
        message += f"; and {len(found) - ERROR_LIMIT} more"
    return error_response(ApiError(status=422, message=message, errors=errors))


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    response = error_response(ApiError(status=exc.status_code, message=shown(str(exc.detail), 200)))
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def unknown_filter_value(request: Request, exc: Exception) -> JSONResponse:
    """A filter value the knowledge base does not know: 422 naming the parameter and close values."""
    assert isinstance(exc, UnknownFilterValue)
    error = ParameterError(parameter=exc.name, message=str(exc))
    return error_response(
        ApiError(status=422, message=f"invalid parameters: {exc.name}: {exc}", suggestions=exc.close, errors=[error])
    )
