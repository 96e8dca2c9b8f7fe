"""`kbtools query`, the live API, the static requirements matrix and the site's matrix page give the
same answer for every Windows x Windows Installer version pair (and for each one alone)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import httpx
import pytest

from kbtools.cli import main
from kbtools.kb import KnowledgeBase
from kbtools.kb.query import Catalog
from kbtools.kb.serialization import Envelope
from kbtools.publish.requirements_matrix import RequirementsMatrix
from kbtools.publish.static_api import write_static_api
from kbtools.site.matrix import render_matrix

WI = "Windows Installer"
_ROW = re.compile(r'<tr [^>]*data-slug="([^"]*)"[^>]*data-pairs="([^"]*)"')


@pytest.fixture(scope="module")
def parsed(msi_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("agreement") / "kb.json"
    assert main(["parse", str(msi_dir), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def static_matrix(corpus_kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> RequirementsMatrix:
    site = tmp_path_factory.mktemp("agreement-site")
    write_static_api(corpus_kb, site)
    return (
        Envelope[RequirementsMatrix]
        .model_validate_json((site / "api" / "v1" / "requirements.json").read_bytes())
        .result
    )


@pytest.fixture(scope="module")
def site_rows(corpus_kb: KnowledgeBase) -> list[tuple[str, list[str]]]:
    """(slug, data-pairs) of every row of the generated matrix page."""
    rows = [(unescape(slug), unescape(pairs).split()) for slug, pairs in _ROW.findall(render_matrix(corpus_kb))]
    assert len(rows) == len(corpus_kb.properties)
    return rows


def _site_answer(rows: list[tuple[str, list[str]]], os: str | None, version: str | None) -> set[str]:
    """The rows the page's filter script shows (kbtools.js `offers`), by slug."""
    want_os = os.replace(" ", "_") if os else ""
    want_version = version or ""

    def offers(pairs: list[str]) -> bool:
        if not want_os and not want_version:
            return True
        return any(
            (not want_os or pair[: pair.rindex("@")] == want_os)
            and (not want_version or pair[pair.rindex("@") + 1 :] == want_version)
            for pair in pairs
        )

    return {slug for slug, pairs in rows if offers(pairs)}


def _static_answer(matrix: RequirementsMatrix, os: str | None, version: str | None) -> list[str]:
    if os is None:
        return next((cell.properties for cell in matrix.by_version if cell.version == version), [])
    row = next(row for row in matrix.rows if row.os == os)
    if version is None:
        return row.properties
    return next((cell.properties for cell in row.cells if cell.version == version), [])


def _cli_answer(parsed: Path, os: str | None, version: str | None, capsys: pytest.CaptureFixture[str]) -> list[str]:
    args = ["query", "--kb", str(parsed), "--runtime", WI, "--fields", "slug"]
    args += ["--os", os] if os else []
    args += ["--version", version] if version else []
    assert main(args) == 0
    return [record["slug"] for record in json.loads(capsys.readouterr().out)]


def _live_answer(client: httpx.Client, os: str | None, version: str | None) -> list[str]:
    params = {"runtime": WI, **({"os": os} if os else {}), **({"version": version} if version else {})}
    response = client.get("/api/v1/properties", params=params)
    assert response.status_code == 200
    return [entry["slug"] for entry in response.json()["result"]]


@pytest.mark.corpus
def test_every_answer_agrees_on_every_pair(
    corpus_kb: KnowledgeBase,
    parsed: Path,
    static_matrix: RequirementsMatrix,
    site_rows: list[tuple[str, list[str]]],
    corpus_client: httpx.Client,
    capsys: pytest.CaptureFixture[str],
) -> None:
    catalog = Catalog(corpus_kb)
    versions = catalog.known_values("version", WI)
    assert versions == ["2.0", "3.0", "3.1", "4.0", "4.5", "5.0"]
    pairs = [
        (os, version) for os in [*catalog.known_values("os"), None] for version in [*versions, None] if os or version
    ]
    for os, version in pairs:
        expected = [r.slug for r in catalog.select(catalog.check(os=os, runtime=WI, version=version))]
        where = f"os={os} version={version}"
        assert _cli_answer(parsed, os, version, capsys) == expected, where
        assert _live_answer(corpus_client, os, version) == expected, where
        assert _static_answer(static_matrix, os, version) == expected, where
        assert _site_answer(site_rows, os, version) == set(expected), where


@pytest.mark.corpus
def test_pairs_that_never_existed_answer_nothing(corpus_kb: KnowledgeBase) -> None:
    catalog = Catalog(corpus_kb)
    for os, version in [("Windows 2000", "5.0"), ("Windows 2000", "4.5"), ("Windows XP", "5.0"), ("Windows 7", "4.5")]:
        assert catalog.select(catalog.check(os=os, version=version)) == [], (os, version)


@pytest.mark.corpus
@pytest.mark.browser
def test_the_matrix_page_filter_in_chromium_shows_the_query_answers(
    corpus_kb: KnowledgeBase, tmp_path: Path, browser
) -> None:
    """The page's own script (kbtools.js) on the generated matrix, driven in Chromium."""
    from importlib.resources import files

    markdown = render_matrix(corpus_kb)
    body = markdown[markdown.index('<div class="kb-matrix-filters">') :]
    script = (files("kbtools.site") / "assets" / "kbtools.js").read_text(encoding="utf-8")
    page_file = tmp_path / "matrix.html"
    page_file.write_text(
        f"<!doctype html><meta charset=utf-8><body>{body}<script>{script}</script></body>", encoding="utf-8"
    )
    catalog = Catalog(corpus_kb)
    page = browser.new_page()
    try:
        page.goto(page_file.as_uri())
        for os in [*catalog.known_values("os"), None]:
            for version in [*catalog.known_values("version", WI), None]:
                page.select_option(".kb-filter-os", os.replace(" ", "_") if os else "")
                page.select_option(".kb-filter-version", version or "")
                shown = page.eval_on_selector_all(
                    ".kb-matrix tbody tr:not([hidden])", "rows => rows.map(row => row.dataset.slug)"
                )
                if os is None and version is None:
                    assert len(shown) == len(corpus_kb.properties)
                    continue
                expected = [r.slug for r in catalog.select(catalog.check(os=os, runtime=WI, version=version))]
                assert sorted(shown) == sorted(expected), (os, version)
    finally:
        page.close()
