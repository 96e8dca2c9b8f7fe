"""Fixtures of the knowledge base tests: the records of the real corpus, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtools.kb import KnowledgeBase, PropertyRecord, build_knowledge_base


@pytest.fixture(scope="session")
def corpus_kb(msi_dir: Path) -> KnowledgeBase:
    """The knowledge base of the zh-TW sxs Windows Installer pages."""
    return build_knowledge_base(msi_dir)


@pytest.fixture(scope="session")
def by_slug(corpus_kb: KnowledgeBase) -> dict[str, PropertyRecord]:
    return {record.slug: record for record in corpus_kb.properties}
