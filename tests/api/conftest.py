"""Knowledge bases built once per session, and a real uvicorn server on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kbtools.api.app import create_app
from kbtools.kb import KnowledgeBase, build_knowledge_base
from kbtools.site.site_folder import SITE_MARKER
from tests.serving import serving


@pytest.fixture(scope="session")
def corpus_kb(msi_dir: Path) -> KnowledgeBase:
    return build_knowledge_base(msi_dir)


@pytest.fixture(scope="session")
def sample_kb(sample_dir: Path) -> KnowledgeBase:
    return build_knowledge_base(sample_dir)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stand-in built site: the live server must serve whatever is in the site folder."""
    site = tmp_path_factory.mktemp("site")
    (site / "index.html").write_text("<!doctype html><title>kbtools</title>", encoding="utf-8")
    (site / SITE_MARKER).write_text("a complete site", encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def corpus_server(corpus_kb: KnowledgeBase, served_site: Path) -> Iterator[str]:
    """Base URL of the live API over the corpus, with a site folder."""
    with serving(create_app(corpus_kb, served_site)) as url:
        yield url


@pytest.fixture(scope="session")
def sample_server(sample_kb: KnowledgeBase) -> Iterator[str]:
    """Base URL of the live API over the embedded sample, without a site."""
    with serving(create_app(sample_kb)) as url:
        yield url


@pytest.fixture
def corpus_client(corpus_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=corpus_server, timeout=10) as client:
        yield client


@pytest.fixture
def sample_client(sample_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sample_server, timeout=10) as client:
        yield client
