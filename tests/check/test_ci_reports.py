"""What CI shows: GitHub annotations within GitHub's limits, the job summary, SARIF that maps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sxs_pages import DEFECT, WARNING, page, segment

from kbtools.check.registry import all_rules

DOCS = Path(__file__).resolve().parents[2] / "docs"
ANNOTATION = re.compile(r"^::(error|warning|notice) (?:file=([^,]*),line=(\d+),col=(\d+),)?title=([^,:]*)::(.*)$")


def defects(count: int) -> str:
    """A page with `count` different protected-term errors and as many number warnings."""
    pairs = [segment(f"1-{i}", f"設定 **name{i}x** 屬性。", f"Set the **NAME{i}X** property.") for i in range(count)]
    pairs += [segment(f"2-{i}", "等待幾秒。", f"Wait {i + 10} seconds.") for i in range(count)]
    return page(*pairs)


@pytest.fixture
def many(workdir: Path) -> Path:
    for name in ("a", "b", "c"):
        (workdir / f"{name}.md").write_text(defects(6), encoding="utf-8")
    return workdir


def annotations(out: str) -> list[re.Match[str]]:
    lines = out.splitlines()
    matches = [ANNOTATION.match(line) for line in lines]
    assert all(matches), lines
    return matches  # type: ignore[return-value]


def test_github_writes_at_most_ten_annotations_of_each_severity(many, kbtools, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = kbtools("check", "--format", "github", ".")
    assert result.code == 1
    found = annotations(result.out)
    kinds = [m.group(1) for m in found]
    assert kinds.count("error") == 10
    assert kinds.count("warning") == 10
    assert kinds[-1] == "notice"
    assert (
        found[-1]
        .group(6)
        .startswith(
            "16 more findings not annotated (8 errors, 8 warnings): GitHub shows 10 annotations of each severity per step."
        )
    )
    assert "--format sarif" in found[-1].group(6)


def test_github_groups_a_finding_repeated_in_a_file(workdir, kbtools):
    repeated = [segment(f"1-{i}", "設定 **allusers** 屬性。", "Set the **ALLUSERS** property.") for i in range(3)]
    (workdir / "page.md").write_text(page(*repeated), encoding="utf-8")
    [annotation] = kbtools("check", "--format", "github", ".").out.splitlines()
    assert annotation == (
        "::error file=page.md,line=6,col=1,title=protected-term::'ALLUSERS' appears as 'allusers' in the target "
        "(3 times in this file, lines 6, 8, 10)"
    )


def test_github_without_findings_writes_nothing(workdir, kbtools):
    (workdir / "page.md").write_text(page(segment("1-1", "頁", "Page")), encoding="utf-8")
    assert kbtools("check", "--format", "github", ".").out == ""


def test_github_writes_the_job_summary(many, kbtools, monkeypatch, tmp_path_factory):
    summary = tmp_path_factory.mktemp("runner") / "summary.md"
    summary.write_text("## An earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = kbtools("check", "--format", "github", ".")
    assert "The job summary counts them by rule and file." in result.out.splitlines()[-1]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## An earlier step\n## kbtools check\n")  # appended, as the runner expects
    assert "**36 findings** (18 errors, 18 warnings) in 3 of 3 files checked (36 segments)." in text
    assert "| <code>protected-term</code> | error | 18 | 3 |" in text
    assert "| <code>number-mismatch</code> | warning | 18 | 3 |" in text
    assert "| <code>a.md</code> | 6 | 6 |" in text
    assert "| <code>protected-term</code> | 'NAME0X' appears as 'name0x' in the target | 3 | 3 |" in text
    assert "kbtools check --format sarif --output kbtools.sarif PATH" in text


def test_the_job_summary_keeps_a_message_in_its_table_cell(workdir, kbtools, monkeypatch, tmp_path_factory):
    summary = tmp_path_factory.mktemp("runner") / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    (workdir / "page.md").write_text(page(segment("1-1", "按 a|b <b>這裡</b>。", "Press a|b here.")), encoding="utf-8")
    kbtools("check", "--format", "github", ".")
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| <code>")]
    for row in rows:
        cells = re.split(r"(?<!\\)\|", row)
        assert len(cells) in (5, 6), row  # 3 or 4 cells between the outer bars
        assert "<b>" not in row


def test_an_unwritable_job_summary_is_a_usage_error(many, kbtools, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", "/no/such/dir/summary.md")
    result = kbtools("check", "--format", "github", ".")
    assert result.code == 2
    assert result.err.startswith("kbtools check: error: /no/such/dir/summary.md: cannot write the job summary")


# SARIF


def sarif(kbtools, *args) -> dict:
    return json.loads(kbtools("check", "--format", "sarif", *args).out)


def test_sarif_uris_outside_the_working_directory_are_relative_to_a_named_base(workdir, kbtools, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "sub").mkdir()
    (outside / "sub" / "page.md").write_text(page(DEFECT), encoding="utf-8")
    (outside / "top.md").write_text(page(WARNING), encoding="utf-8")
    run = sarif(kbtools, outside)["runs"][0]
    locations = sorted(
        (r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]), key=lambda a: a["uri"]
    )
    assert locations == [{"uri": "sub/page.md", "uriBaseId": "CHECKED"}, {"uri": "top.md", "uriBaseId": "CHECKED"}]
    assert run["originalUriBaseIds"]["CHECKED"] == {"uri": outside.resolve().as_uri() + "/"}
    assert run["originalUriBaseIds"]["%SRCROOT%"] == {"uri": workdir.resolve().as_uri() + "/"}


def test_sarif_uris_under_the_working_directory_stay_relative_to_the_checkout(workdir, kbtools):
    (workdir / "page.md").write_text(page(DEFECT), encoding="utf-8")
    run = sarif(kbtools, ".")["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "page.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert set(run["originalUriBaseIds"]) == {"%SRCROOT%"}


def _anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation but `-` and `_` dropped, spaces as `-`."""
    anchors = set()
    for line in markdown.splitlines():
        if line.startswith("#"):
            text = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", text).replace(" ", "-"))
    return anchors


def test_every_sarif_rule_links_its_section_of_docs_rules_md(workdir, kbtools):
    (workdir / "page.md").write_text(page(DEFECT), encoding="utf-8")
    rules = sarif(kbtools, ".")["runs"][0]["tool"]["driver"]["rules"]
    anchors = _anchors((DOCS / "rules.md").read_text(encoding="utf-8"))
    assert len(rules) == len(all_rules())
    for rule in rules:
        address, _, anchor = rule["helpUri"].partition("#")
        assert address.startswith("https://") and address.endswith("/docs/rules.md"), rule["helpUri"]
        assert anchor == rule["id"] and anchor in anchors


def test_sarif_columns_are_code_points_for_the_encoding_rule_too(workdir, kbtools):
    # Line 2: four characters of twelve bytes, then a byte that is not UTF-8.
    (workdir / "page.md").write_bytes(b"---\n\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89\xe5\x9b\x9b\xff\n")
    run = sarif(kbtools, ".")["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    [result] = run["results"]
    assert result["ruleId"] == "encoding"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 5}
