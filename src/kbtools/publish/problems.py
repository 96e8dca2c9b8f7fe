"""The body of every API error: RFC 9457 problem details, with the close values kbtools suggests.

Served as `application/problem+json`. `type` is `about:blank` (the status says it all), so
`title` is the status phrase; `detail` says what went wrong in this request; `suggestions`
lists close property names (404) or close filter values (422); `errors` the rejected parameters.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ParameterError(BaseModel):
    """One rejected request parameter."""

    parameter: str
    message: str


class ProblemDetails(BaseModel):
    """An error, as RFC 9457 describes it, with kbtools' own members."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = Field(default=None, description="The path of the request.")
    suggestions: list[str] = Field(default=[], description="Close property names (404) or filter values (422).")
    errors: list[ParameterError] = []
