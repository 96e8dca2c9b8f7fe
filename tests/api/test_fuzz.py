"""The live API holds to its own OpenAPI under generated requests (schemathesis, real HTTP)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kbtools.api.app import API_PREFIX, create_app
from kbtools.kb import KnowledgeBase

EXAMPLES_PER_OPERATION = 40

# The operations do not depend on the records, so they can be listed at collection time;
# the generated requests still go to the OpenAPI the running server publishes.
OPERATIONS = [
    f"GET {path}" for path, methods in create_app(KnowledgeBase()).openapi()["paths"].items() if "get" in methods
]
# Only the query has parameters a request can get wrong; every string is a possible name.
CONSTRAINED_OPERATIONS = [f"GET {API_PREFIX}/properties"]
POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE
# Each filter's values are listed in the OpenAPI; one dependency cannot be: a version must be a
# version of the runtime given with it (`runtime=Mergemod.dll&version=4.5` is refused).
VERSIONS_OF = {"Windows Installer": {"2.0", "3.0", "3.1", "4.0", "4.5", "5.0"}, "Mergemod.dll": {"1.0", "2.0"}}


def _refused_only_for_a_version_of_another_runtime(case: schemathesis.Case, response: object) -> bool:
    query = case.query or {}
    body = response.json()  # type: ignore[attr-defined]
    return (
        response.status_code == 422  # type: ignore[attr-defined]
        and [error["parameter"] for error in body["errors"]] == ["version"]
        and query.get("runtime") in VERSIONS_OF
        and query.get("version") not in VERSIONS_OF[query["runtime"]]
    )


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
        response = case.call(base_url=corpus_server)
        if mode is POSITIVE and _refused_only_for_a_version_of_another_runtime(case, response):
            case.validate_response(response, excluded_checks=[positive_data_acceptance])
        else:
            case.validate_response(response)

    conforms()
