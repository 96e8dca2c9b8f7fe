"""The live API holds to its own OpenAPI under generated requests (schemathesis, real HTTP)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from kbtools.api.app import API_PREFIX, create_app
from kbtools.kb import KnowledgeBase

EXAMPLES_PER_OPERATION = 40

# The operations do not depend on the records, so they can be listed at collection time;
# the generated requests still go to the OpenAPI the running server publishes.
OPERATIONS = [
    f"GET {path}"
    for path, methods in create_app(KnowledgeBase()).openapi()["paths"].items()
    if "get" in methods
]
# Only the query has parameters a request can get wrong; every string is a possible name.
CONSTRAINED_OPERATIONS = [f"GET {API_PREFIX}/properties"]
POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE


@pytest.fixture(scope="module")
def live_openapi(corpus_server: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{corpus_server}{API_PREFIX}/openapi.json")


@pytest.mark.parametrize(
    ("label", "mode"),
    [(label, POSITIVE) for label in OPERATIONS] + [(label, NEGATIVE) for label in CONSTRAINED_OPERATIONS],
)
def test_operation_conforms_to_its_openapi(
    live_openapi: schemathesis.BaseSchema, corpus_server: str, label: str, mode: schemathesis.GenerationMode
) -> None:
    operation = live_openapi.find_operation_by_label(label)
    assert operation is not None, label

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
    def conforms(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=corpus_server)

    conforms()
