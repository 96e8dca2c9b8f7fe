"""The static JSON API under site/api/v1/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbtools.cli import main
from kbtools.kb import KnowledgeBase
from kbtools.kb.query import Catalog
from kbtools.kb.schema import record_schema
from kbtools.kb.serialization import Envelope
from kbtools.publish.index import PropertyIndex
from kbtools.publish.requirements_matrix import RequirementsMatrix
from kbtools.publish.static_api import write_static_api

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


def _matrix(path: Path) -> RequirementsMatrix:
    return Envelope[RequirementsMatrix].model_validate_json(path.read_bytes()).result


def test_writes_the_documents_and_one_file_per_property(corpus_api: Path, corpus_kb: KnowledgeBase) -> None:
    top = sorted(path.name for path in corpus_api.iterdir())
    assert top == [
        "index.json",
        "openapi.json",
        "properties",
        "properties.json",
        "requirements.json",
        "runtimes.json",
        "schema.json",
    ]
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
        document = json.loads((corpus_api / "properties" / f"{record['slug']}.json").read_bytes())
        assert document["result"] == record and document["total"] is None


@pytest.mark.parametrize("name", ["ALLUSERS", "DISABLEMEDIA", "Template Summary"])
def test_record_file_holds_what_kbtools_query_prints(
    corpus_api: Path, parsed_corpus: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "--kb", str(parsed_corpus), name]) == 0
    printed = json.loads(capsys.readouterr().out)
    document = json.loads((corpus_api / "properties" / f"{printed['slug']}.json").read_bytes())
    assert document["result"] == printed


def test_sample_record_file_is_what_kbtools_query_prints_in_the_envelope(
    sample_api: Path, sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "--source", str(sample_dir), SAMPLE_SLUG]) == 0
    document = json.loads((sample_api / "properties" / f"{SAMPLE_SLUG}.json").read_bytes())
    assert document["result"] == json.loads(capsys.readouterr().out)
    assert set(document) == {"schema_version", "generated_at", "source", "total", "result"}


def test_index_lists_every_property_in_knowledge_base_order(corpus_api: Path, corpus_kb: KnowledgeBase) -> None:
    index = PropertyIndex.model_validate_json((corpus_api / "properties.json").read_bytes())
    assert [entry.slug for entry in index.result] == [record.slug for record in corpus_kb.properties]
    assert index.total == 335


def test_index_url_resolves_to_the_record_file(corpus_api: Path) -> None:
    index = PropertyIndex.model_validate_json((corpus_api / "properties.json").read_bytes())
    for entry in index.result:
        assert (corpus_api / entry.url).is_file()


def test_index_entry_carries_kind_category_stated_versions_and_titles(sample_api: Path) -> None:
    index = json.loads((sample_api / "properties.json").read_bytes())
    assert index["result"] == [
        {
            "name": "MsiRestartManagerSessionKey",
            "slug": SAMPLE_SLUG,
            "kind": "installer",
            "category": None,
            "stated_versions": {"Windows Installer": ["4.0", "4.5", "5.0"]},
            "since": {},  # "Not Supported in Windows Installer 3.1 and earlier": no runtime pages say what follows 3.1
            "set_by": ["installer"],
            "set_at": ["initialization"],
            "cleared_at": ["InstallValidate"],
            "used_by": [],
            "valid_after": [],
            "title": {"en-US": "MsiRestartManagerSessionKey property", "zh-TW": "MsiRestartManagerSessionKey 屬性"},
            "url": f"properties/{SAMPLE_SLUG}.json",
        }
    ]


def test_index_keeps_chinese_unescaped(sample_api: Path) -> None:
    assert "屬性".encode() in (sample_api / "properties.json").read_bytes()


def test_every_collection_says_what_it_is(corpus_api: Path, corpus_kb: KnowledgeBase) -> None:
    for name in ("index.json", "properties.json", "requirements.json", "runtimes.json"):
        document = json.loads((corpus_api / name).read_bytes())
        assert document["schema_version"] == 3, name
        assert document["generated_at"] == corpus_kb.generated_at, name
        source = document["source"]
        assert source["locale"] == "zh-TW" and source["pages"] == 335, name
        # The property pages' own front matter: "ms.sourcegitcommit: c8ec1ded...", "ms.lasthandoff: 06/17/2021".
        assert next(iter(source["source_commits"])) == "c8ec1ded1ffffc364d3c4f560bb2171da0dc5040"
        assert source["latest_handoff"] == "2021-06-17"


def test_the_root_lists_the_documents_that_exist(corpus_api: Path) -> None:
    root = json.loads((corpus_api / "index.json").read_bytes())
    files = [link["path"] for link in root["result"] if not link["live_only"]]
    assert "runtimes.json" in files and "requirements.json" in files
    for path in files:
        if "{" not in path:
            assert (corpus_api / path).is_file(), path


def test_requirements_rows_are_every_windows_statements_name(sample_api: Path) -> None:
    matrix = _matrix(sample_api / "requirements.json")
    # Without runtime pages, the versions on a Windows are those the page states with it.
    assert [(row.os, [cell.version for cell in row.cells]) for row in matrix.rows] == [
        ("Windows Server 2012", ["5.0"]),
        ("Windows 8", ["5.0"]),
        ("Windows Server 2008 R2", ["5.0"]),
        ("Windows 7", ["5.0"]),
        ("Windows Server 2008", ["4.0", "4.5"]),
        ("Windows Vista", ["4.0", "4.5"]),
        ("Windows Server 2003", []),
        ("Windows XP", []),
        ("Windows 2000", []),
    ]
    assert matrix.installer_versions == ["4.0", "4.5", "5.0"]


def test_requirements_cells_are_the_query_answers(corpus_api: Path, corpus_kb: KnowledgeBase) -> None:
    matrix = _matrix(corpus_api / "requirements.json")
    catalog = Catalog(corpus_kb)

    def answer(**filters: str) -> list[str]:
        return [r.slug for r in catalog.select(catalog.check(runtime="Windows Installer", **filters))]

    for row in matrix.rows:
        assert row.properties == answer(os=row.os)
        for cell in row.cells:
            assert cell.properties == answer(os=row.os, version=cell.version)
    for cell in matrix.by_version:
        assert cell.properties == answer(version=cell.version)


def test_cells_exist_only_where_a_release_exists(corpus_api: Path) -> None:
    matrix = _matrix(corpus_api / "requirements.json")
    cells = {row.os: [cell.version for cell in row.cells] for row in matrix.rows}
    assert cells["Windows XP"] == ["2.0", "3.0", "3.1", "4.5"]
    assert cells["Windows 2000"] == ["2.0", "3.0", "3.1"]  # 3.0 and 3.1 stated by pages, 2.0 shipped with SP3
    assert cells["Windows 7"] == ["5.0"]


def test_schema_is_the_record_schema(sample_api: Path) -> None:
    assert json.loads((sample_api / "schema.json").read_bytes()) == record_schema()


def test_openapi_describes_exactly_the_files(sample_api: Path) -> None:
    openapi = json.loads((sample_api / "openapi.json").read_bytes())
    assert openapi["openapi"].startswith("3.")
    assert sorted(openapi["paths"]) == [
        "/api/v1/index.json",
        "/api/v1/properties.json",
        "/api/v1/properties/{slug}.json",
        "/api/v1/requirements.json",
        "/api/v1/runtimes.json",
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
