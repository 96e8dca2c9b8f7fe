"""The static JSON API under site/api/v1/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbtools.api.index import PropertyIndex
from kbtools.api.requirements_matrix import RequirementsMatrix
from kbtools.api.static import write_static_api
from kbtools.cli import main
from kbtools.kb import KnowledgeBase
from kbtools.kb.query import filter_records
from kbtools.kb.schema import record_schema

SAMPLE_SLUG = "msirestartmanagersessionkey"


@pytest.fixture(scope="module")
def corpus_api(corpus_kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("corpus-site")
    write_static_api(corpus_kb, site)
    return site / "api" / "v1"


@pytest.fixture(scope="module")
def sample_api(sample_kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sample-site")
    write_static_api(sample_kb, site)
    return site / "api" / "v1"


def test_writes_the_five_documents_and_one_file_per_property(corpus_api: Path, corpus_kb: KnowledgeBase) -> None:
    top = sorted(path.name for path in corpus_api.iterdir())
    assert top == ["openapi.json", "properties", "properties.json", "requirements.json", "schema.json"]
    assert len(list((corpus_api / "properties").iterdir())) == len(corpus_kb.properties) == 335


@pytest.fixture(scope="module")
def parsed_corpus(msi_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge base as `kbtools parse` writes it."""
    out = tmp_path_factory.mktemp("parse") / "kb.json"
    assert main(["parse", str(msi_dir), "--out", str(out)]) == 0
    return out


def test_record_files_hold_the_records_kbtools_parse_writes(corpus_api: Path, parsed_corpus: Path) -> None:
    parsed = json.loads(parsed_corpus.read_bytes())["properties"]
    assert len(parsed) == 335
    for record in parsed:
        assert json.loads((corpus_api / "properties" / f"{record['slug']}.json").read_bytes()) == record


@pytest.mark.parametrize("name", ["ALLUSERS", "DISABLEMEDIA", "Template Summary"])
def test_record_file_is_byte_for_byte_what_kbtools_query_prints(
    corpus_api: Path, parsed_corpus: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "--kb", str(parsed_corpus), name]) == 0
    printed = capsys.readouterr().out
    slug = json.loads(printed)["slug"]
    assert (corpus_api / "properties" / f"{slug}.json").read_bytes() == printed.encode()


def test_sample_record_file_is_what_kbtools_query_prints(
    sample_api: Path, sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "--source", str(sample_dir), SAMPLE_SLUG]) == 0
    assert (sample_api / "properties" / f"{SAMPLE_SLUG}.json").read_bytes() == capsys.readouterr().out.encode()


def test_index_lists_every_property_in_knowledge_base_order(corpus_api: Path, corpus_kb: KnowledgeBase) -> None:
    index = PropertyIndex.model_validate_json((corpus_api / "properties.json").read_bytes())
    assert [entry.slug for entry in index.properties] == [record.slug for record in corpus_kb.properties]


def test_index_url_resolves_to_the_record_file(corpus_api: Path) -> None:
    index = PropertyIndex.model_validate_json((corpus_api / "properties.json").read_bytes())
    for entry in index.properties:
        assert (corpus_api / entry.url).is_file()


def test_index_entry_carries_kind_category_min_version_and_titles(sample_api: Path) -> None:
    index = json.loads((sample_api / "properties.json").read_bytes())
    assert index["properties"] == [
        {
            "name": "MsiRestartManagerSessionKey",
            "slug": SAMPLE_SLUG,
            "kind": "installer",
            "category": None,
            "min_version": "4.0",
            "title": {"en-US": "MsiRestartManagerSessionKey property", "zh-TW": "MsiRestartManagerSessionKey 屬性"},
            "url": f"properties/{SAMPLE_SLUG}.json",
        }
    ]


def test_index_keeps_chinese_unescaped(sample_api: Path) -> None:
    assert "屬性".encode() in (sample_api / "properties.json").read_bytes()


def test_requirements_rows_are_the_pairs_the_pages_state(sample_api: Path) -> None:
    matrix = RequirementsMatrix.model_validate_json((sample_api / "requirements.json").read_bytes())
    assert [(row.os, [cell.version for cell in row.cells]) for row in matrix.rows] == [
        ("Windows Server 2012", ["5.0"]),
        ("Windows 8", ["5.0"]),
        ("Windows Server 2008 R2", ["5.0"]),
        ("Windows 7", ["5.0"]),
        ("Windows Server 2008", ["4.0", "4.5"]),
        ("Windows Vista", ["4.0", "4.5"]),
    ]
    assert matrix.installer_versions == ["4.0", "4.5", "5.0"]


def test_requirements_cells_are_the_query_answers(corpus_api: Path, corpus_kb: KnowledgeBase) -> None:
    matrix = RequirementsMatrix.model_validate_json((corpus_api / "requirements.json").read_bytes())
    assert any(row.os == "Windows XP" for row in matrix.rows)
    for row in matrix.rows:
        for cell in row.cells:
            expected = filter_records(corpus_kb.properties, os=row.os, runtime="Windows Installer", version=cell.version)
            assert cell.properties == [record.slug for record in expected]


def test_windows_xp_has_no_windows_installer_5_cell(corpus_api: Path) -> None:
    matrix = RequirementsMatrix.model_validate_json((corpus_api / "requirements.json").read_bytes())
    (xp,) = [row for row in matrix.rows if row.os == "Windows XP"]
    assert "5.0" not in [cell.version for cell in xp.cells]


def test_schema_is_the_record_schema(sample_api: Path) -> None:
    assert json.loads((sample_api / "schema.json").read_bytes()) == record_schema()


def test_openapi_describes_exactly_the_files(sample_api: Path) -> None:
    openapi = json.loads((sample_api / "openapi.json").read_bytes())
    assert openapi["openapi"].startswith("3.")
    assert sorted(openapi["paths"]) == [
        "/api/v1/properties.json",
        "/api/v1/properties/{slug}.json",
        "/api/v1/requirements.json",
        "/api/v1/schema.json",
    ]


def test_openapi_of_the_files_promises_no_json_error_bodies(sample_api: Path) -> None:
    openapi = json.loads((sample_api / "openapi.json").read_bytes())
    responses = openapi["paths"]["/api/v1/properties/{slug}.json"]["get"]["responses"]
    assert sorted(responses) == ["200", "4XX"]
    assert "content" not in responses["4XX"]


def test_rewriting_removes_records_that_no_longer_exist(sample_kb: KnowledgeBase, tmp_path: Path) -> None:
    stale = tmp_path / "api" / "v1" / "properties" / "gone.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}", encoding="utf-8")
    write_static_api(sample_kb, tmp_path)
    assert not stale.exists()
    assert (stale.parent / f"{SAMPLE_SLUG}.json").exists()
