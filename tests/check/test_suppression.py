"""Inline suppression comments, end to end through the command line."""

from __future__ import annotations

from pathlib import Path

from sxs_pages import DEFECT, WARNING, page, segment

OTHER_DEFECT = segment("1-5", "執行 **msiexec**。", "Run **MSIEXEC**.")


def rules_reported(result) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in result.out.splitlines()[:-1]]


def check(workdir: Path, kbtools, text: str):
    (workdir / "page.md").write_text(text, encoding="utf-8")
    return kbtools("check", "page.md")


def test_ignore_comment_silences_the_rule_on_the_next_segment(workdir, kbtools):
    result = check(workdir, kbtools, page("<!-- kbtools: ignore protected-term -->\n" + DEFECT, OTHER_DEFECT))
    assert (
        result.out.splitlines()[0]
        == "page.md:9:1: protected-term [error] [*] 'MSIEXEC' appears as 'msiexec' in the target"
    )
    assert rules_reported(result) == ["protected-term"]


def test_ignore_comment_leaves_other_rules_on(workdir, kbtools):
    result = check(workdir, kbtools, page("<!-- kbtools: ignore number-mismatch -->\n" + DEFECT))
    assert rules_reported(result) == ["protected-term"]


def test_ignore_comment_without_rules_silences_every_rule_on_the_segment(workdir, kbtools):
    result = check(workdir, kbtools, page("<!-- kbtools: ignore -->\n" + DEFECT, WARNING))
    assert rules_reported(result) == ["number-mismatch"]


def test_ignore_comment_takes_several_rules(workdir, kbtools):
    text = page("<!-- kbtools: ignore number-mismatch, protected-term -->\n" + DEFECT, WARNING)
    assert rules_reported(check(workdir, kbtools, text)) == ["number-mismatch"]


def test_ignore_file_comment_silences_the_rule_everywhere(workdir, kbtools):
    result = check(
        workdir, kbtools, page("<!-- kbtools: ignore-file protected-term -->", DEFECT, OTHER_DEFECT, WARNING)
    )
    assert rules_reported(result) == ["number-mismatch"]
    assert result.code == 0


def test_a_suppressed_finding_is_not_counted(workdir, kbtools):
    result = check(workdir, kbtools, page("<!-- kbtools: ignore-file -->", DEFECT, WARNING))
    assert result.out == "Checked 1 file (2 segments): 0 errors, 0 warnings.\n"
