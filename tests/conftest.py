"""Shared fixtures: where the real corpus and the embedded sample live."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kbtools.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO / "translations" / "zh-TW"


def _corpus_root() -> Path:
    return Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus")).resolve()


def _require(path: Path) -> Path:
    if not path.exists():
        message = f"corpus not found at {path} (set KBTOOLS_CORPUS)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def corpus_root() -> Path:
    """The root of the shared corpus (KBTOOLS_CORPUS). Fails under CI=true when missing."""
    return _require(_corpus_root())


@pytest.fixture(scope="session")
def msi_dir(corpus_root: Path) -> Path:
    """The zh-TW side-by-side Windows Installer pages."""
    return _require(corpus_root / "win32-zh-tw-sxs" / "desktop-src" / "Msi")


@pytest.fixture(scope="session")
def msi_en_dir(corpus_root: Path) -> Path:
    """The current English source of the same pages (plain Markdown, not sxs)."""
    return _require(corpus_root / "win32-en-us" / "desktop-src" / "Msi")


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The embedded sample page(s) in translations/zh-TW."""
    return SAMPLE_DIR


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser), one for the whole run:
    Playwright's sync API runs one instance per process at a time."""
    from playwright.sync_api import sync_playwright

    from tests.chromium import ChromiumMissing, launch_chromium

    with sync_playwright() as playwright:
        try:
            chromium = launch_chromium(playwright)
        except ChromiumMissing as error:
            pytest.fail(str(error))
        yield chromium
        chromium.close()


# Running `kbtools` in-process, in an empty working directory (check and freshness tests).


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def kbtools(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """`kbtools(*args)` runs the command line and returns its exit code, stdout and stderr."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory (so no pyproject.toml of this repository applies)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
