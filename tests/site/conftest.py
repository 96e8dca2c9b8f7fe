"""Site fixtures: the corpus and sample sites built once per session, a local server, Chromium."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kbtools.kb import KnowledgeBase, build_knowledge_base
from kbtools.site.build import build_site


@pytest.fixture(scope="session")
def corpus_kb(msi_dir: Path) -> KnowledgeBase:
    return build_knowledge_base(msi_dir)


@pytest.fixture(scope="session")
def corpus_site(corpus_kb: KnowledgeBase, msi_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the 335 corpus property pages (built once: it takes seconds)."""
    return build_site(msi_dir, tmp_path_factory.mktemp("corpus-site"), knowledge_base=corpus_kb)


@pytest.fixture(scope="session")
def sample_site(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(sample_dir, tmp_path_factory.mktemp("sample-site"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser closes connections it no longer needs (a navigation away, an aborted fetch) while a
    file is being sent: the broken connection is the client's doing, not an error of the site."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def corpus_url(corpus_site: Path) -> Iterator[str]:
    """The corpus site served over HTTP on 127.0.0.1 (the search worker needs HTTP, not file:)."""
    handler = functools.partial(_QuietHandler, directory=str(corpus_site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
