"""Baselines: adopt the check on a corpus with old defects and fail only on new ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sxs_pages import DEFECT, WARNING, page, segment


@pytest.fixture
def pages(workdir: Path) -> Path:
    (workdir / "defect.md").write_text(page(DEFECT, WARNING), encoding="utf-8")
    return workdir


def test_write_baseline_records_the_findings_and_exits_0(pages, kbtools):
    result = kbtools("check", "--write-baseline", "baseline.json", ".")
    assert result.code == 0
    assert result.err == "Wrote 2 findings in 1 file to baseline.json.\n"
    document = json.loads((pages / "baseline.json").read_text(encoding="utf-8"))
    assert document["version"] == 2
    assert {entry["rule"] for entry in document["patterns"]} == {"protected-term", "number-mismatch"}
    assert set(document["patterns"][0]) == {"rule", "message", "files"}
    assert all(entry["files"] == {"defect.md": 1} for entry in document["patterns"])


def test_one_defect_on_many_pages_is_one_baseline_entry(pages, kbtools):
    for copy in range(5):
        shutil.copy(pages / "defect.md", pages / f"copy{copy}.md")
    kbtools("check", "--select", "protected-term", "--write-baseline", "baseline.json", ".")
    document = json.loads((pages / "baseline.json").read_text(encoding="utf-8"))
    assert len(document["patterns"]) == 1
    assert sorted(document["patterns"][0]["files"]) == [
        "copy0.md",
        "copy1.md",
        "copy2.md",
        "copy3.md",
        "copy4.md",
        "defect.md",
    ]
    assert kbtools("check", "--select", "protected-term", "--baseline", "baseline.json", ".").code == 0


def test_a_version_1_baseline_is_still_read(pages, kbtools):
    result = kbtools("check", "--select", "protected-term", "--format", "json", ".")
    finding = json.loads(result.out)["findings"][0]
    entry = {key: finding[key] for key in ("path", "rule", "segment", "message")}
    (pages / "old.json").write_text(json.dumps({"version": 1, "findings": [entry]}), encoding="utf-8")
    assert kbtools("check", "--select", "protected-term", "--baseline", "old.json", ".").code == 0


def test_with_the_baseline_old_findings_are_not_reported(pages, kbtools):
    kbtools("check", "--write-baseline", "baseline.json", ".")
    result = kbtools("check", "--baseline", "baseline.json", ".")
    assert result.code == 0
    assert result.out == "Checked 1 file (2 segments): 0 errors, 0 warnings, 2 baselined.\n"


def test_moving_a_finding_to_another_line_keeps_it_baselined(pages, kbtools):
    kbtools("check", "--write-baseline", "baseline.json", ".")
    (pages / "defect.md").write_text(page(WARNING, "新段落。", DEFECT), encoding="utf-8")
    assert kbtools("check", "--baseline", "baseline.json", ".").code == 0


def test_a_second_identical_defect_is_new(pages, kbtools):
    # the same segment id twice gives two findings with the same path, rule, segment and message
    kbtools("check", "--select", "protected-term", "--write-baseline", "baseline.json", ".")
    (pages / "defect.md").write_text(page(DEFECT, WARNING, DEFECT), encoding="utf-8")
    result = kbtools("check", "--select", "protected-term", "--baseline", "baseline.json", ".")
    assert result.code == 1
    assert result.out.splitlines() == [
        "defect.md:10:1: protected-term [error] [*] 'ALLUSERS' appears as 'allusers' in the target",
        "Checked 1 file (3 segments): 1 error, 0 warnings, 1 baselined; [*] 1 fixable with `kbtools check --fix`.",
    ]


def test_the_same_defect_in_another_file_is_new(pages, kbtools):
    kbtools("check", "--write-baseline", "baseline.json", ".")
    shutil.copy(pages / "defect.md", pages / "copy.md")
    assert kbtools("check", "--baseline", "baseline.json", ".").code == 1


def test_baseline_paths_do_not_depend_on_the_working_directory(pages, kbtools, monkeypatch):
    (pages / "ci").mkdir()
    kbtools("check", "--write-baseline", "ci/baseline.json", ".")
    monkeypatch.chdir(pages / "ci")
    result = kbtools("check", "--baseline", "baseline.json", "..")
    assert result.code == 0
    assert "2 baselined" in result.out


def test_json_report_with_a_baseline_lists_only_new_findings(pages, kbtools):
    kbtools("check", "--write-baseline", "baseline.json", ".")
    document = json.loads(kbtools("check", "--baseline", "baseline.json", "--format", "json", ".").out)
    assert document["findings"] == []
    assert document["summary"]["files"] == 1


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        "[]",
        '{"version": 3, "patterns": []}',
        '{"version": 2, "findings": []}',
        '{"version": 2, "patterns": [{"rule": "x", "message": "y", "files": {"a.md": 0}}]}',
        '{"version": 1}',
        '{"version": 1, "findings": [{"path": "a.md"}]}',
        b"\xff\xfe\x00",
    ],
)
def test_a_corrupt_baseline_is_a_one_line_error(pages, kbtools, content):
    path = pages / "baseline.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = kbtools("check", "--baseline", "baseline.json", ".")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("kbtools check: error: baseline.json: not a kbtools baseline (")
    assert result.err.count("\n") == 1


def test_a_missing_baseline_is_a_one_line_error(pages, kbtools):
    result = kbtools("check", "--baseline", "nothere.json", ".")
    assert result.code == 2
    assert result.err == "kbtools check: error: nothere.json: cannot read baseline: No such file or directory\n"


@pytest.mark.corpus
def test_corpus_round_trip_then_a_new_defect(msi_dir, kbtools, workdir):
    """On the real corpus: the baseline absorbs every finding; a hand-made defect fails the check."""
    corpus = workdir / "Msi"
    shutil.copytree(msi_dir, corpus)
    written = kbtools("check", "--write-baseline", "baseline.json", "Msi")
    assert written.code == 0
    assert json.loads((workdir / "baseline.json").read_text(encoding="utf-8"))["patterns"]

    clean = kbtools("check", "--baseline", "baseline.json", "--format", "json", "Msi")
    assert clean.code == 0
    assert json.loads(clean.out)["findings"] == []

    page_path = corpus / "allusers.md"
    text = page_path.read_text(encoding="utf-8")
    new_segment = segment("x-1", "設定 **msixyz**。", "Set **MSIXYZ**.")
    page_path.write_text(f"{text}\n{new_segment}\n", encoding="utf-8")
    result = kbtools("check", "--baseline", "baseline.json", "--format", "json", "Msi")
    assert result.code == 1
    assert [(f["path"], f["rule"]) for f in json.loads(result.out)["findings"]] == [
        ("Msi/allusers.md", "protected-term")
    ]
