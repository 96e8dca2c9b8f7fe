"""Hostile requests to the live API of `kbtools serve` (a real uvicorn process): every parameter
is bounded and answered 422 at once, error bodies stay small, HEAD works, slow clients are cut off."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kbtools.api.http_protocol import HEADER_READ_TIMEOUT
from kbtools.cli import main
from tests.serving import serve_process

# Far more than any honest error needs; the point is that it does not grow with the request.
ERROR_BODY_LIMIT = 2048
HUGE_VERSIONS = {
    "thousands of parts": ".".join(["1"] * 5000),
    "thousands of digits": "9" * 5000,
    "digits past the int limit": "1." + "9" * 4400,
    "too many parts": ".".join(["1"] * 9),
    "a part too long": "1." + "9" * 10,
}


@pytest.fixture(scope="module")
def server(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("served") / "site"
    with serve_process("--source", str(sample_dir), "--site-dir", str(site)) as (process, url):
        yield url
    assert process.stderr is not None
    assert "Traceback" not in process.stderr.read()


def _get(url: str, **params: str) -> httpx.Response:
    return httpx.get(url, params=params, timeout=30)


@pytest.mark.parametrize("version", HUGE_VERSIONS.values(), ids=HUGE_VERSIONS.keys())
def test_a_huge_version_is_422_with_a_small_body(server, version):
    response = _get(f"{server}/api/v1/properties", runtime="Windows Installer", version=version)
    assert response.status_code == 422
    assert len(response.content) < ERROR_BODY_LIMIT
    assert response.json()["errors"][0]["parameter"] == "version"


def test_an_ordinary_version_still_filters(server):
    response = _get(f"{server}/api/v1/properties", runtime="Windows Installer", version="5.0")
    assert response.status_code == 200
    assert response.json()["result"]


@pytest.mark.parametrize("parameter", ["category", "text", "set_by"])
def test_a_long_text_parameter_is_422(server, parameter):
    response = _get(f"{server}/api/v1/properties", **{parameter: "x" * 5000})
    assert response.status_code == 422
    assert len(response.content) < ERROR_BODY_LIMIT


@pytest.mark.parametrize("path", ["properties/{}", "properties/{}.json"])
def test_a_long_property_name_is_422(server, path):
    response = httpx.get(f"{server}/api/v1/" + path.format("A" * 5000), timeout=30)
    assert response.status_code == 422
    assert len(response.content) < ERROR_BODY_LIMIT


def test_an_unknown_name_echoes_a_bounded_part_of_it(server):
    name = "Q" * 120
    response = httpx.get(f"{server}/api/v1/properties/{name}", timeout=30)
    assert response.status_code == 404
    assert name not in response.text and "Q" * 80 in response.text
    assert len(response.content) < ERROR_BODY_LIMIT


def test_many_unknown_parameters_give_a_bounded_error(server):
    query = "&".join(f"p{index}=1" for index in range(500))
    response = httpx.get(f"{server}/api/v1/properties?{query}", timeout=30)
    assert response.status_code == 422
    assert len(response.content) < ERROR_BODY_LIMIT


def test_an_unknown_api_path_echoes_a_bounded_part_of_it(server):
    response = httpx.get(f"{server}/api/v1/" + "z" * 8000, timeout=30)
    assert response.status_code == 404
    assert len(response.content) < ERROR_BODY_LIMIT


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/properties.json",
        "/api/v1/properties/MsiRestartManagerSessionKey",
        "/api/v1/properties?kind=installer",
        "/",
    ],
)
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_head_answers_like_get_without_a_body(server, path, encoding):
    # HEAD's content-length is that of the GET answer sent for the same Accept-Encoding (RFC 9110):
    # the gzipped size when gzip is accepted, not the size httpx decodes it to.
    headers = {"accept-encoding": encoding}
    get = httpx.get(server + path, headers=headers, timeout=30)
    head = httpx.head(server + path, headers=headers, timeout=30)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers.get("content-encoding") == get.headers.get("content-encoding")
    assert int(head.headers["content-length"]) == int(get.headers["content-length"]) == get.num_bytes_downloaded
    assert head.headers.get("etag") == get.headers.get("etag")


def test_api_docs_lead_to_the_openapi_document_and_load_nothing_from_a_cdn(server):
    response = httpx.get(f"{server}/api/v1/docs", timeout=30, follow_redirects=True)
    assert response.status_code == 200
    assert str(response.url).endswith("/api/v1/openapi.json")
    assert "cdn" not in response.text.lower()
    assert response.json()["paths"]


def test_a_client_that_never_finishes_its_headers_is_disconnected(server):
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as connection:
        connection.settimeout(1.0)
        connection.sendall(b"GET / HTTP/1.1\r\n")
        started = time.monotonic()
        closed = False
        while time.monotonic() - started < HEADER_READ_TIMEOUT * 3:
            try:
                connection.sendall(b"X-Slow: 1\r\n")  # a byte now and then: no keep-alive timer is reset
                if connection.recv(1024) == b"":
                    closed = True
                    break
            except TimeoutError:
                continue
            except OSError:
                closed = True
                break
    assert closed, "the server still held the connection"


@pytest.mark.parametrize("version", HUGE_VERSIONS.values(), ids=HUGE_VERSIONS.keys())
def test_kbtools_query_refuses_a_huge_version_in_one_line(sample_dir, capsys, version):
    code = main(["query", "--source", str(sample_dir), "--runtime", "Windows Installer", "--version", version])
    assert code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and len(error) < 300 and "Traceback" not in error
