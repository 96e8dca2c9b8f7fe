"""The JSON body of every API error, and the handlers that produce it."""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from kbtools.kb.query import UnknownFilterValue


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
    message = f"no property {exc.name!r}"
    if exc.suggestions:
        message += "; did you mean " + ", ".join(exc.suggestions) + "?"
    return error_response(ApiError(status=404, message=message, suggestions=exc.suggestions))


def _parameter_name(location: tuple[int | str, ...]) -> str:
    # FastAPI reports ("query", "version"); the location kind is implied by the route.
    return ".".join(str(part) for part in location[1:]) or str(location[0])


async def invalid_parameters(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        ParameterError(parameter=_parameter_name(tuple(error["loc"])), message=error["msg"])
        for error in exc.errors()
    ]
    message = "invalid parameters: " + "; ".join(f"{e.parameter}: {e.message}" for e in errors)
    return error_response(ApiError(status=422, message=message, errors=errors))


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    response = error_response(ApiError(status=exc.status_code, message=str(exc.detail)))
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
