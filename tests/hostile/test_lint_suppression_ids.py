"""A suppression comment that silences nothing (a misspelt rule id, a family name, a comment
that is no directive) is reported with its file and line, and the closest rule id."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "check"))
from hostile_support import check_json  # noqa: E402
from sxs_pages import page, segment  # noqa: E402

INJECTED = segment("1-1", "甲<script>alert(1)</script>", "A")


def findings_of(folder: Path, comment: str) -> list[dict]:
    (folder / "page.md").write_text(page(f"<!-- {comment} -->\n" + INJECTED), encoding="utf-8")
    result, report = check_json(folder / "page.md")
    assert result.code == 1, result.err
    return report["findings"]


def test_a_misspelt_rule_id_is_reported_with_the_closest_id(tmp_path):
    findings = findings_of(tmp_path, "kbtools: ignore unsafe-htm")
    (warning,) = [f for f in findings if f["rule"] == "unknown-suppression"]
    assert (warning["line"], warning["severity"]) == (6, "warning")
    assert warning["path"].endswith("page.md")
    assert warning["message"] == "unknown rule 'unsafe-htm' in a suppression comment (did you mean 'unsafe-html'?)"
    assert "unsafe-html" in {f["rule"] for f in findings}  # and the finding it meant to silence stays


def test_a_family_name_is_reported_with_the_ids_of_its_rules(tmp_path):
    findings = findings_of(tmp_path, "kbtools: ignore-file numbers")
    (warning,) = [f for f in findings if f["rule"] == "unknown-suppression"]
    assert warning["message"] == (
        "'numbers' is a rule family; suppression comments take rule ids (number-mismatch, version-decimal-comma)"
    )


def test_a_comment_that_is_no_directive_is_reported(tmp_path):
    findings = findings_of(tmp_path, "kbtools: ingore unsafe-html")
    (warning,) = [f for f in findings if f["rule"] == "unknown-suppression"]
    assert warning["line"] == 6
    assert "is no directive" in warning["message"]


def test_a_known_rule_id_silences_and_is_not_reported(tmp_path):
    (tmp_path / "page.md").write_text(
        page("<!-- kbtools: ignore unsafe-html -->\n" + INJECTED, segment("1-2", "乙", "B")), encoding="utf-8"
    )
    result, report = check_json(tmp_path / "page.md")
    assert result.code == 0
    assert report["findings"] == []
