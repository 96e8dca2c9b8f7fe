"""The report formats: JSON's exact shape, GitHub annotations, SARIF 2.1.0, JUnit XML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
from sxs_pages import CLEAN_PAGE, DEFECT, WARNING, page

from kbtools.check.finding import Finding
from kbtools.check.formats import FORMATS, Report
from kbtools.check.formats.github import escape_data, escape_property
from kbtools.check.registry import all_rules


@pytest.fixture
def pages(workdir: Path) -> Path:
    (workdir / "clean.md").write_text(CLEAN_PAGE, encoding="utf-8")
    (workdir / "defect.md").write_text(page(DEFECT, WARNING), encoding="utf-8")
    return workdir


def test_formats_are_registered_by_name():
    assert set(FORMATS) == {"text", "concise", "full", "json", "github", "sarif", "junit"}


# JSON


def test_json_has_exactly_the_version_1_shape(pages, kbtools):
    result = kbtools("check", "--format", "json", ".")
    assert json.loads(result.out) == {
        "version": 1,
        "summary": {"files": 2, "segments": 4, "errors": 1, "warnings": 1},
        "findings": [
            {
                "path": "defect.md",
                "line": 6,
                "column": 1,
                "segment": "1-3",
                "rule": "protected-term",
                "severity": "error",
                "message": "'ALLUSERS' appears as 'allusers' in the target",
                "fixable": True,
                "fix": {
                    "description": "restore 'ALLUSERS' as the source spells it (was 'allusers')",
                    "replacements": [{"line": 6, "column": 30, "end_line": 6, "end_column": 38, "text": "ALLUSERS"}],
                },
            },
            {
                "path": "defect.md",
                "line": 8,
                "column": 1,
                "segment": "1-4",
                "rule": "number-mismatch",
                "severity": "warning",
                "message": "number(s) of the source missing from the target: 30",
                "fixable": False,
            },
        ],
    }
    assert result.code == 1


def test_json_keeps_non_ascii_text_readable(pages, kbtools):
    (pages / "defect.md").write_text(page(WARNING, front_matter="---\ntitle: 頁\n---\n"), encoding="utf-8")
    assert "'ms.contentlocale'" in kbtools("check", "--format", "json", ".").out


# GitHub


def test_github_escapes_message_data():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"


def test_github_escapes_property_values():
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


ANNOTATION = re.compile(r"^::(error|warning) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$")


def test_github_writes_one_annotation_per_finding(pages, kbtools):
    lines = kbtools("check", "--format", "github", ".").out.splitlines()
    assert lines == [
        "::error file=defect.md,line=6,col=1,title=protected-term::'ALLUSERS' appears as 'allusers' in the target",
        "::warning file=defect.md,line=8,col=1,title=number-mismatch::"
        "number(s) of the source missing from the target: 30",
    ]


def test_github_escapes_commas_and_colons_in_paths(workdir, kbtools):
    (workdir / "a,b:c%.md").write_text(page(DEFECT), encoding="utf-8")
    line = kbtools("check", "--format", "github", ".").out.splitlines()[0]
    assert line.startswith("::error file=a%2Cb%3Ac%25.md,line=6,col=1,title=protected-term::")


@pytest.mark.corpus
def test_github_lines_parse_on_the_corpus(msi_dir, kbtools, monkeypatch):
    monkeypatch.chdir(msi_dir)
    lines = kbtools("check", "--format", "github", ".").out.splitlines()
    assert lines
    notice = lines.pop()  # what GitHub would not show: counted, not annotated
    assert notice.startswith("::notice title=kbtools::") and "more findings not annotated" in notice
    for severity in ("error", "warning"):
        assert sum(line.startswith(f"::{severity} ") for line in lines) <= 10
    for line in lines:
        match = ANNOTATION.match(line)
        assert match, line
        assert Path(match.group(2).replace("%2C", ",").replace("%3A", ":").replace("%25", "%")).is_file()


# SARIF

# The parts of SARIF 2.1.0 that code scanning reads, with the keys the standard requires.
SARIF_SCHEMA = {
    "type": "object",
    "required": ["version", "runs", "$schema"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
                                },
                            }
                        },
                    },
                    "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                },
            },
        },
    },
    "$defs": {
        "message": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
        "level": {"enum": ["none", "note", "warning", "error"]},
        "rule": {
            "type": "object",
            "required": ["id", "shortDescription", "fullDescription", "help", "defaultConfiguration"],
            "properties": {
                "id": {"type": "string"},
                "shortDescription": {"$ref": "#/$defs/message"},
                "fullDescription": {"$ref": "#/$defs/message"},
                "help": {"$ref": "#/$defs/message"},
                "defaultConfiguration": {
                    "type": "object",
                    "required": ["level"],
                    "properties": {"level": {"$ref": "#/$defs/level"}},
                },
            },
        },
        "result": {
            "type": "object",
            "required": ["ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"],
            "properties": {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": 0},
                "level": {"$ref": "#/$defs/level"},
                "message": {"$ref": "#/$defs/message"},
                "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                "locations": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["physicalLocation"],
                        "properties": {
                            "physicalLocation": {
                                "type": "object",
                                "required": ["artifactLocation", "region"],
                                "properties": {
                                    "artifactLocation": {
                                        "type": "object",
                                        "required": ["uri"],
                                        "properties": {"uri": {"type": "string", "minLength": 1}},
                                    },
                                    "region": {
                                        "type": "object",
                                        "required": ["startLine", "startColumn"],
                                        "properties": {
                                            "startLine": {"type": "integer", "minimum": 1},
                                            "startColumn": {"type": "integer", "minimum": 1},
                                        },
                                    },
                                },
                            }
                        },
                    },
                },
            },
        },
    },
}


def sarif(kbtools, *paths: str) -> dict:
    return json.loads(kbtools("check", "--format", "sarif", *paths).out)


def test_sarif_is_structurally_valid(pages, kbtools):
    jsonschema.validate(sarif(kbtools, "."), SARIF_SCHEMA)


def test_sarif_describes_every_rule(pages, kbtools):
    rules = sarif(kbtools, ".")["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(all_rules())
    term = next(rule for rule in rules if rule["id"] == "protected-term")
    assert term["shortDescription"]["text"] == all_rules()["protected-term"].summary
    assert term["defaultConfiguration"]["level"] == "error"


def test_sarif_results_point_at_their_rule_and_place(pages, kbtools):
    run = sarif(kbtools, ".")["runs"][0]
    result = run["results"][0]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "protected-term"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "defect.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 6, "startColumn": 1},
    }


def test_sarif_fingerprints_survive_lines_moving(pages, kbtools):
    before = sarif(kbtools, ".")["runs"][0]["results"]
    (pages / "defect.md").write_text(page(WARNING, DEFECT), encoding="utf-8")
    after = sarif(kbtools, ".")["runs"][0]["results"]
    assert sorted(r["partialFingerprints"]["kbtools/v1"] for r in before) == sorted(
        r["partialFingerprints"]["kbtools/v1"] for r in after
    )


def test_sarif_fingerprints_tell_identical_defects_apart(workdir, kbtools):
    (workdir / "twice.md").write_text(page(DEFECT, DEFECT.replace("1-3", "1-5")), encoding="utf-8")
    (workdir / "again.md").write_text(page(DEFECT, DEFECT), encoding="utf-8")
    results = sarif(kbtools, ".")["runs"][0]["results"]
    fingerprints = [r["partialFingerprints"]["kbtools/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


@pytest.mark.corpus
def test_sarif_of_the_corpus_is_valid(msi_dir, kbtools, monkeypatch):
    monkeypatch.chdir(msi_dir)
    document = sarif(kbtools, ".")
    jsonschema.validate(document, SARIF_SCHEMA)
    assert document["runs"][0]["results"]


# JUnit


def junit(kbtools, *paths: str) -> ET.Element:
    return ET.fromstring(kbtools("check", "--format", "junit", *paths).out.encode("utf-8"))


def test_junit_has_one_test_case_per_file(pages, kbtools):
    suite = junit(kbtools, ".").find("testsuite")
    assert [case.get("name") for case in suite.iter("testcase")] == ["clean.md", "defect.md"]
    assert suite.get("tests") == "2"
    assert suite.get("failures") == "1"


def test_junit_failure_lists_the_files_findings(pages, kbtools):
    case = next(c for c in junit(kbtools, ".").iter("testcase") if c.get("name") == "defect.md")
    failure = case.find("failure")
    assert failure.get("message") == "1 error, 1 warning"
    assert failure.text.splitlines() == [
        "defect.md:6:1: protected-term [error] 'ALLUSERS' appears as 'allusers' in the target",
        "defect.md:8:1: number-mismatch [warning] number(s) of the source missing from the target: 30",
    ]


def test_junit_stays_well_formed_with_control_characters():
    finding = Finding("bad\x01.md", 1, 1, None, "encoding", "error", "byte \x00 is not <UTF-8> & so on")
    report = Report(paths=["bad\x01.md"], segments=0, findings=[finding], rules=all_rules())
    stream = StringIO()
    FORMATS["junit"](report, stream)
    failure = ET.fromstring(stream.getvalue().encode("utf-8")).find(".//failure")
    assert "<UTF-8> & so on" in failure.text


@pytest.mark.corpus
def test_junit_of_the_corpus_parses(msi_dir, kbtools, monkeypatch):
    monkeypatch.chdir(msi_dir)
    root = junit(kbtools, ".")
    cases = list(root.iter("testcase"))
    assert len(cases) == 1595
    assert int(root.get("failures")) == sum(1 for case in cases if case.find("failure") is not None)
