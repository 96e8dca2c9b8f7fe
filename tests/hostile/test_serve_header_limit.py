"""`kbtools serve` refuses a request head (request line and headers) over 16 KiB with 431, also
when it arrives in one write; h11's own limit only bounds a head still arriving."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serving import serve_process


@pytest.fixture(scope="module")
def port(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    site = tmp_path_factory.mktemp("limit") / "site"
    with serve_process("--source", str(sample_dir), "--site-dir", str(site)) as (process, url):
        yield int(url.rsplit(":", 1)[1])
    assert process.stderr is not None
    assert "Traceback" not in process.stderr.read()


def _status(port: int, header_bytes: int, chunks: int = 1) -> str:
    head = b"GET /api/v1/properties.json HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + b"a" * header_bytes + b"\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        step = -(-len(head) // chunks)
        try:
            for start in range(0, len(head), step):
                connection.sendall(head[start : start + step])
        except OSError:
            pass  # the server may close while the rest is still being sent
        received = b""
        while b"\r\n" not in received:
            chunk = connection.recv(4096)
            if not chunk:
                break
            received += chunk
    return received.split(b"\r\n", 1)[0].decode()


def test_a_100_kb_head_in_one_write_is_refused(port):
    assert _status(port, 100_000) == "HTTP/1.1 431 Request Header Fields Too Large"


def test_a_head_just_over_the_limit_is_refused(port):
    assert _status(port, 16 * 1024) == "HTTP/1.1 431 Request Header Fields Too Large"


def test_a_large_head_in_many_writes_is_refused(port):
    assert _status(port, 100_000, chunks=50).startswith("HTTP/1.1 4")


def test_an_ordinary_large_head_is_served(port):
    assert _status(port, 8_000) == "HTTP/1.1 200 OK"
