"""What reaches a terminal or a CI log is shown, never obeyed: a newline in a file or symlink
name cannot print a workflow command of its own, an ESC from an English page never reaches the
terminal; and a name that is not UTF-8 is escaped, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hostile_support import copy_pages, run

FORGED = "::error file=README.md,line=1::forged"


@pytest.fixture
def pages(msi_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return copy_pages(msi_dir, tmp_path / "docs")


def _raw_commands(text: str) -> list[str]:
    """Lines that GitHub Actions would run as the forged command."""
    return [line for line in text.splitlines() if line.startswith("::error file=README.md")]


@pytest.mark.parametrize("format", ["github", "text", "full"])
def test_a_newline_in_a_page_name_prints_no_workflow_command(pages, format):
    forged = pages / f"x\n{FORGED}.md"
    shutil.copyfile(pages / "reboot.md", forged)  # a page with findings
    result = run("check", "docs", "--format", format)
    assert _raw_commands(result.out) == [] and _raw_commands(result.err) == []  # nothing obeyed ...
    if format == "github":
        # GitHub shows 10 annotations of each severity, which need not be the forged page's:
        # checked alone, its findings are annotated, the name escaped.
        result = run("check", forged, "--format", format)
        assert _raw_commands(result.out) == [] and _raw_commands(result.err) == []
        assert "x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.md" in result.out
    assert "forged" in result.out  # ... and the page is reported


def test_a_newline_in_a_symlink_name_prints_no_workflow_command_on_stderr(pages):
    (pages / f"x\n{FORGED}.md").symlink_to("nowhere")
    result = run("check", "docs", "--format", "github")
    assert "forged" in result.err
    assert _raw_commands(result.err) == []


def test_a_newline_in_a_skipped_page_name_prints_no_workflow_command_from_parse(pages):
    shutil.copyfile(pages / "reboot.md", pages / f"x\n{FORGED}.md")
    result = run("parse", "docs", "--out", "kb.json")
    assert "forged" in result.err and _raw_commands(result.err) == []


def test_escape_sequences_of_an_english_page_do_not_reach_the_terminal(pages, msi_en_dir, tmp_path):
    english = copy_pages(msi_en_dir, tmp_path / "en")
    page = english / "reboot.md"
    text = page.read_text(encoding="utf-8")
    body = text.index("\n\n", text.index("---", 3)) + 2
    page.write_text(
        text[:body] + "A new sentence \x1b]0;owned\x07\x1b[2J\x1b[31mRED.\n\n" + text[body:], encoding="utf-8"
    )
    for format in ("text", "full", "github"):
        result = run("check", "docs", "--english", "en", "--format", format)
        assert "RED" in result.out  # the sentence is reported ...
        assert "\x1b" not in result.out + result.err and "\x07" not in result.out  # ... inert


@pytest.fixture
def undecodable(pages: Path) -> Path:
    """A property page whose file name is not UTF-8."""
    os.rename(pages / "reboot.md", os.fsencode(pages) + b"/reb\xffoot.md")
    return pages


def test_check_output_with_a_name_that_is_not_utf8(undecodable):
    for format in ("text", "json", "github", "sarif", "junit"):
        result = run("check", "docs", "--format", format, "-o", f"report.{format}")
        assert result.code in (0, 1), result.err
        report = Path(f"report.{format}").read_text(encoding="utf-8")  # UTF-8, the name escaped
        assert "reb" in report and "oot.md" in report


def test_parse_out_with_a_name_that_is_not_utf8(undecodable):
    result = run("parse", "docs", "--out", "kb.json")
    assert "Traceback" not in result.err
    assert json.loads(Path("kb.json").read_text(encoding="utf-8"))["properties"]
