"""Fixtures of the hostile-input tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import copy_pages


@pytest.fixture
def corpus_pages(msi_dir: Path, tmp_path: Path) -> Path:
    """A folder holding copies of a few real property pages."""
    return copy_pages(msi_dir, tmp_path / "pages")
