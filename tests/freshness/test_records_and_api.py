"""Records say whether their translation is current; the API carries it and filters on it."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

from kbtools.api.app import create_app
from kbtools.kb import KnowledgeBase, build_knowledge_base

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def kb(msi_dir: Path, msi_en_dir: Path) -> KnowledgeBase:
    return build_knowledge_base(msi_dir, msi_en_dir)


def record(kb: KnowledgeBase, name: str):
    return next(r for r in kb.properties if r.name == name)


def test_without_english_records_carry_no_freshness(sample_dir):
    assert all(r.freshness is None for r in build_knowledge_base(sample_dir).properties)


def test_every_record_says_whether_its_page_is_current(kb):
    assert all(r.freshness is not None for r in kb.properties)
    assert record(kb, "ALLUSERS").freshness.current is False
    assert record(kb, "Privileged").freshness.current is True


def test_a_stale_record_lists_the_segment_with_the_english_now(kb):
    freshness = record(kb, "AdminUser").freshness
    assert [(s.source, s.current) for s in freshness.stale] == [
        ("Authors should used the Privileged property.", "Authors should use the Privileged property.")
    ]
    assert [(p.op, p.text) for p in freshness.stale[0].diff][:3] == [
        ("equal", "Authors should"),
        ("delete", "used"),
        ("insert", "use"),
    ]
    assert freshness.ms_sourcegitcommit and freshness.ms_lasthandoff and freshness.english_path == "adminuser.md"


def test_a_changed_requirement_row_has_the_english_then_and_now(kb):
    rows = record(kb, "MSIRESTARTMANAGERCONTROL").freshness.requirements
    assert len(rows) == 1 and rows[0].label == "Version"
    assert rows[0].translated_from.startswith("Windows Installer 5.0 on Windows Server 2012")
    assert rows[0].current.startswith("Windows Installer 4.0 or later.")


def _serve(app):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive()
        time.sleep(0.01)
    return server, thread, sock, f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_the_live_api_has_a_freshness_object_and_a_stale_filter(kb):
    server, thread, sock, base = _serve(create_app(kb))
    try:
        stale = httpx.get(f"{base}/api/v1/properties", params={"stale": "true"}).json()["result"]
        current = httpx.get(f"{base}/api/v1/properties", params={"stale": "false"}).json()["result"]
        expected = sorted(r.slug for r in kb.properties if not r.freshness.current)
        assert sorted(e["slug"] for e in stale) == expected and len(expected) >= 5
        assert len(stale) + len(current) == len(kb.properties)
        body = httpx.get(f"{base}/api/v1/properties/adminuser").json()["result"]
        assert body["freshness"]["current"] is False
        assert body["freshness"]["stale"][0]["current"] == "Authors should use the Privileged property."
        assert httpx.get(f"{base}/api/v1/properties", params={"stale": "maybe"}).status_code == 422
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
