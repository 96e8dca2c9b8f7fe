"""A gate that checked nothing says so and exits 2, unless told with --allow-empty that it is meant."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sxs_pages import DEFECT, WARNING, page


@pytest.fixture
def one_page(workdir: Path) -> Path:
    (workdir / "docs").mkdir()
    (workdir / "docs" / "page.md").write_text(page(WARNING), encoding="utf-8")
    return workdir


def test_freshness_without_english_is_a_usage_error(one_page, kbtools):
    result = kbtools("check", "--select", "freshness", "docs")
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        "kbtools check: error: missing-translation, orphaned-page, stale-source compare with the current English: "
        "give --english EN_DIR (or english in [tool.kbtools])\n"
    )


def test_one_freshness_rule_without_english_is_a_usage_error(one_page, kbtools):
    result = kbtools("check", "--select", "stale-source,numbers", "docs")
    assert result.code == 2
    assert "stale-source compares with the current English" in result.err


def test_all_rules_without_english_still_run_the_others(one_page, kbtools):
    assert kbtools("check", "docs").code == 0


def test_english_folder_without_a_matching_page_is_a_usage_error(one_page, kbtools):
    (one_page / "english").mkdir()
    (one_page / "english" / "other.md").write_text("# Other\n", encoding="utf-8")
    result = kbtools("check", "--english", "english", "--select", "freshness", "docs")
    assert result.code == 2
    assert "Checked" not in result.out
    assert result.err.splitlines()[-1].startswith(
        "kbtools check: error: --english english: no English page at the path of any of the 1 page checked"
    )
    assert "english/page.md" in result.err


def test_allow_empty_accepts_an_english_folder_without_a_matching_page(one_page, kbtools):
    (one_page / "english").mkdir()
    result = kbtools("check", "--english", "english", "--select", "freshness", "--allow-empty", "docs")
    assert result.code == 0


def test_the_note_says_how_many_pages_were_compared(one_page, kbtools):
    (one_page / "english").mkdir()
    (one_page / "english" / "page.md").write_text("# Page\n\nWait 30 seconds.\n", encoding="utf-8")
    result = kbtools("check", "--english", "english", "--select", "freshness", "docs")
    assert result.code == 0
    assert (
        result.err
        == "kbtools check: note: compared 1 of 1 side-by-side page with the English in "
        + str((one_page / "english").resolve())
        + "\n"
    )


@pytest.mark.corpus
def test_the_readme_example_compares_the_sample_under_its_locale_folder(sample_dir, msi_en_dir, workdir, kbtools):
    """`kbtools check translations/ --english EN_DOCS --select freshness`: the sample is filed under
    translations/zh-TW/, the English is not."""
    shutil.copytree(sample_dir.parent, workdir / "translations")
    result = kbtools("check", "translations/", "--english", msi_en_dir, "--select", "freshness", "--format", "json")
    assert result.code == 0
    assert "compared 1 of 1 side-by-side page" in result.err
    report = json.loads(result.out)
    assert report["summary"]["files"] == 1
    assert report["findings"] == []  # compared with its English page, which it still matches


def test_a_folder_of_plain_markdown_is_a_usage_error(workdir, kbtools):
    (workdir / "README.md").write_text("# Project\n", encoding="utf-8")
    result = kbtools("check", ".")
    assert result.code == 2
    assert result.err == (
        "kbtools check: error: no side-by-side page found in . (1 Markdown file, none with data-ttu-id spans); "
        "pass --allow-empty to accept that\n"
    )


def test_allow_no_pages_is_still_accepted(workdir, kbtools):
    (workdir / "README.md").write_text("# Project\n", encoding="utf-8")
    assert kbtools("check", "--allow-no-pages", ".").code == 0


def test_plain_markdown_beside_pages_is_skipped_with_a_note_not_a_finding(workdir, kbtools):
    (workdir / "docs").mkdir()
    (workdir / "README.md").write_text("# Project\n\nSee `<span data-ttu-id>`.\n", encoding="utf-8")
    (workdir / "CHANGELOG.md").write_text("## 0.1.0\n", encoding="utf-8")
    (workdir / "docs" / "page.md").write_text(page(DEFECT), encoding="utf-8")
    result = kbtools("check", "--format", "json", ".")
    assert result.code == 1
    report = json.loads(result.out)
    assert {f["path"] for f in report["findings"]} == {"docs/page.md"}
    assert report["summary"]["files"] == 1
    assert result.err == (
        "kbtools check: note: 2 Markdown files without side-by-side segments not checked: CHANGELOG.md, README.md\n"
    )


def test_a_page_that_lost_its_spans_but_keeps_its_locale_is_still_checked(workdir, kbtools):
    (workdir / "page.md").write_text("---\ntitle: 頁\nms.contentlocale: zh-TW\n---\n\n# 頁\n", encoding="utf-8")
    result = kbtools("check", "--allow-empty", "page.md")
    assert "Checked 1 file (0 segments)" in result.out


def test_parse_of_a_folder_without_property_pages_is_a_usage_error(workdir, kbtools):
    (workdir / "page.md").write_text(page(WARNING), encoding="utf-8")
    result = kbtools("parse", ".")
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        "kbtools parse: error: .: no property page found (no page titled '... property'); give a folder of sxs "
        "property pages or set KBTOOLS_SOURCE, or pass --allow-empty to accept that\n"
    )


def test_parse_allow_empty_writes_an_empty_knowledge_base(workdir, kbtools):
    result = kbtools("parse", "--allow-empty", ".")
    assert result.code == 0
    assert json.loads(result.out)["properties"] == []
