"""The live API over real HTTP: a uvicorn server on a loopback port, hit with httpx."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from kbtools.kb import KnowledgeBase
from kbtools.kb.query import Catalog
from kbtools.kb.serialization import json_data
from kbtools.publish.index import PropertyIndex
from kbtools.publish.static_api import write_static_api

SAMPLE_SLUG = "msirestartmanagersessionkey"


def test_every_static_document_is_served_byte_for_byte(
    corpus_client: httpx.Client, corpus_kb: KnowledgeBase, tmp_path: Path
) -> None:
    write_static_api(corpus_kb, tmp_path)
    api_dir = tmp_path / "api" / "v1"
    names = (
        "index.json",
        "properties.json",
        "requirements.json",
        "runtimes.json",
        "schema.json",
        "properties/allusers.json",
    )
    for name in names:
        response = corpus_client.get(f"/api/v1/{name}")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.content == (api_dir / name).read_bytes(), name


def test_record_by_slug_is_the_parse_serialization_in_the_envelope(
    sample_client: httpx.Client, sample_kb: KnowledgeBase
) -> None:
    response = sample_client.get(f"/api/v1/properties/{SAMPLE_SLUG}.json")
    body = response.json()
    assert body["result"] == json_data(sample_kb.properties[0])
    assert body["generated_at"] == sample_kb.generated_at and body["total"] is None


def test_record_by_name_without_extension(sample_client: httpx.Client) -> None:
    response = sample_client.get("/api/v1/properties/MsiRestartManagerSessionKey")
    assert response.status_code == 200
    assert response.json()["result"]["slug"] == SAMPLE_SLUG


def test_errors_are_problem_details_with_suggestions(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties/ALLUSER")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert (body["type"], body["title"], body["status"]) == ("about:blank", "Not Found", 404)
    assert body["instance"] == "/api/v1/properties/ALLUSER" and "ALLUSERS" in body["suggestions"]


def test_answers_carry_an_etag_and_a_matching_if_none_match_is_304(corpus_client: httpx.Client) -> None:
    first = corpus_client.get("/api/v1/properties.json")
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=300"
    again = corpus_client.get("/api/v1/properties.json", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    other = corpus_client.get("/api/v1/properties", params={"kind": "summary"})
    assert other.headers["etag"] != tag


def test_large_answers_are_gzipped_for_a_client_that_accepts_it(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties.json", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["total"] > 300  # httpx decodes it


def test_fields_keep_only_those_of_each_item(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties", params={"since": "4.5", "fields": "name,since"})
    assert response.json()["result"] == [
        {"name": "MSIDISABLEEEUI", "since": {"Windows Installer": "4.5"}},
        {"name": "MSIUNINSTALLSUPERSEDEDCOMPONENTS", "since": {"Windows Installer": "4.5"}},
    ]
    record = corpus_client.get("/api/v1/properties/ALLUSERS", params={"fields": "name,default"}).json()["result"]
    assert set(record) == {"name", "default"}
    assert corpus_client.get("/api/v1/properties", params={"fields": "colour"}).status_code == 422


def test_a_name_with_filters_answers_for_that_property(corpus_client: httpx.Client) -> None:
    on_vista = corpus_client.get("/api/v1/properties", params={"name": "MSIFASTINSTALL", "os": "Windows Vista"})
    assert on_vista.json()["result"] == []
    on_ten = corpus_client.get("/api/v1/properties", params={"name": "MSIFASTINSTALL", "os": "Windows 10"})
    assert [entry["name"] for entry in on_ten.json()["result"]] == ["MSIFASTINSTALL"]
    assert (
        corpus_client.get("/api/v1/properties", params={"name": "MSIFASTINSTAL", "os": "Windows 10"}).status_code == 404
    )


def test_stale_without_english_pages_is_422(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties", params={"stale": "true"})
    assert response.status_code == 422 and "--english" in response.json()["detail"]


def test_records_are_sorted_by_name(corpus_client: httpx.Client) -> None:
    names = [entry["name"] for entry in corpus_client.get("/api/v1/properties.json").json()["result"]]
    assert names == sorted(names, key=str.casefold)


def test_filtered_query_answers_like_the_query_rule(corpus_client: httpx.Client, corpus_kb: KnowledgeBase) -> None:
    response = corpus_client.get(
        "/api/v1/properties", params={"os": "Windows XP", "runtime": "Windows Installer", "version": "3.1"}
    )
    assert response.status_code == 200
    catalog = Catalog(corpus_kb)
    expected = catalog.select(catalog.check(os="Windows XP", runtime="Windows Installer", version="3.1"))
    assert expected
    assert [entry.slug for entry in PropertyIndex.model_validate_json(response.content).result] == [
        record.slug for record in expected
    ]


def test_operating_system_and_runtime_match_in_any_case(corpus_client: httpx.Client) -> None:
    exact = corpus_client.get("/api/v1/properties", params={"os": "Windows XP", "runtime": "Windows Installer"})
    folded = corpus_client.get("/api/v1/properties", params={"os": "windows xp", "runtime": "WINDOWS INSTALLER"})
    assert folded.status_code == 200
    assert folded.content == exact.content


def test_filters_combine(corpus_client: httpx.Client, corpus_kb: KnowledgeBase) -> None:
    params = {"kind": "installer", "category": "Configuration Properties", "text": "media"}
    response = corpus_client.get("/api/v1/properties", params=params)
    catalog = Catalog(corpus_kb)
    expected = catalog.select(catalog.check(**params))
    assert 0 < len(expected) < len(corpus_kb.properties)
    assert [entry["slug"] for entry in response.json()["result"]] == [record.slug for record in expected]


def test_query_without_filters_is_the_whole_index(corpus_client: httpx.Client) -> None:
    assert corpus_client.get("/api/v1/properties").content == corpus_client.get("/api/v1/properties.json").content


def test_unknown_property_is_a_json_404_with_close_names(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties/ALLUSER.json")
    assert response.status_code == 404
    body = response.json()
    assert body["status"] == 404
    assert "ALLUSER" in body["detail"]
    assert "ALLUSERS" in body["suggestions"]


def test_malformed_version_is_a_json_422_naming_the_parameter(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties", params={"version": "three"})
    assert response.status_code == 422
    assert [error["parameter"] for error in response.json()["errors"]] == ["version"]


def test_unknown_operating_system_is_a_422(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties", params={"os": "Windows 95"})
    assert response.status_code == 422
    assert "Windows XP" in response.json()["detail"]


@pytest.mark.parametrize(
    ("parameter", "value", "close"),
    [
        ("version", "9.9", "5.0"),
        ("kind", "public", None),
        ("category", "Hardware", "Hardware Properties"),
        ("set_by", "costfinalise", "CostFinalize"),
        ("runtime", "msi", "Windows Installer"),
        ("os", "Windows 200", "Windows 2000"),
    ],
)
def test_an_unknown_filter_value_is_a_422_with_close_values(
    corpus_client: httpx.Client, parameter: str, value: str, close: str | None
) -> None:
    response = corpus_client.get("/api/v1/properties", params={parameter: value})
    assert response.status_code == 422
    body = response.json()
    assert [error["parameter"] for error in body["errors"]] == [parameter]
    assert repr(value) in body["detail"]
    if close is not None:
        assert close in body["suggestions"]


def test_the_cli_refuses_what_the_api_refuses(corpus_client: httpx.Client, corpus_kb: KnowledgeBase) -> None:
    from kbtools.kb.query import UnknownFilterValue

    with pytest.raises(UnknownFilterValue) as raised:
        Catalog(corpus_kb).check(version="9.9")
    body = corpus_client.get("/api/v1/properties", params={"version": "9.9"}).json()
    assert body["errors"][0]["message"] == str(raised.value)


def test_the_root_lists_the_documents(corpus_client: httpx.Client) -> None:
    root = corpus_client.get("/api/v1/")
    assert root.status_code == 200
    assert root.content == corpus_client.get("/api/v1/index.json").content
    paths = [link["path"] for link in root.json()["result"]]
    assert "runtimes.json" in paths and "properties.json" in paths


@pytest.mark.parametrize(
    "path", ["/api", "/api/", "/api/v2/properties.json", "/api/v1/nothing-here", "/api/v1/properties/x/y"]
)
def test_every_unknown_path_under_api_is_a_json_404(corpus_client: httpx.Client, path: str) -> None:
    response = corpus_client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_unknown_query_parameter_is_a_422_not_ignored(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties", params={"sos": "Windows XP"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["parameter"] == "sos"


def test_repeated_filter_is_a_422_not_overridden(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties", params=[("os", "Windows XP"), ("os", "Windows 7")])
    assert response.status_code == 422
    assert response.json()["errors"][0]["parameter"] == "os"


def test_unknown_api_path_is_a_json_404(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_writing_is_refused_with_json_405(corpus_client: httpx.Client) -> None:
    response = corpus_client.post("/api/v1/properties", json={})
    assert response.status_code == 405
    assert response.json()["status"] == 405


def test_any_origin_may_read(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/api/v1/properties.json", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"


def test_preflight_allows_reading_only(corpus_client: httpx.Client) -> None:
    response = corpus_client.options(
        "/api/v1/properties.json",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-methods"] == "GET"
    refused = corpus_client.options(
        "/api/v1/properties.json",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "DELETE"},
    )
    assert refused.status_code == 400


def test_openapi_describes_the_query_parameters(corpus_client: httpx.Client) -> None:
    openapi = corpus_client.get("/api/v1/openapi.json").json()
    parameters = openapi["paths"]["/api/v1/properties"]["get"]["parameters"]
    assert [parameter["name"] for parameter in parameters] == [
        "kind",
        "category",
        "os",
        "runtime",
        "version",
        "set_by",
        "set_at",
        "cleared_at",
        "used_by",
        "valid_after",
        "since",
        "name",
        "text",
        "stale",
        "fields",
    ]


def test_site_folder_is_served_at_the_root(corpus_client: httpx.Client) -> None:
    response = corpus_client.get("/")
    assert response.status_code == 200
    assert "<title>kbtools</title>" in response.text


def test_without_a_site_only_the_api_answers(sample_client: httpx.Client) -> None:
    assert sample_client.get("/").status_code == 404
    assert sample_client.get("/api/v1/properties.json").status_code == 200
