"""Every file kbtools writes goes through one guard: never through a committed symlink, never onto
an input of the same run, always replaced whole, no temporary file left behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_support import copy_pages, run

from kbtools.check.baseline import BASELINE_VERSION

EXIT_USAGE = 2


@pytest.fixture
def project(msi_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout: real pages under docs/, a file outside it that must stay as it is."""
    root = tmp_path / "checkout"
    copy_pages(msi_dir, root / "docs")
    (tmp_path / "victim").write_text("secret\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _one_line_refusal(result, *words: str) -> None:
    assert result.code == EXIT_USAGE, result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    for word in words:
        assert word in result.err


def test_write_baseline_does_not_write_through_a_committed_symlink(project):
    (project / "baseline.json").symlink_to("../victim")
    result = run("check", "docs", "--write-baseline", "baseline.json")
    _one_line_refusal(result, "baseline.json", "symlink")
    assert (project.parent / "victim").read_text(encoding="utf-8") == "secret\n"


def test_parse_out_does_not_write_through_a_committed_symlink(project):
    (project / "kb.json").symlink_to("../victim")
    result = run("parse", "docs", "--out", "kb.json")
    _one_line_refusal(result, "kb.json", "symlink")
    assert (project.parent / "victim").read_text(encoding="utf-8") == "secret\n"


def test_an_output_in_a_symlinked_folder_of_the_checkout_is_refused(project):
    (project / "reports").symlink_to(project.parent, target_is_directory=True)
    result = run("check", "docs", "-o", "reports/victim")
    _one_line_refusal(result, "reports", "symlink")
    assert (project.parent / "victim").read_text(encoding="utf-8") == "secret\n"


def test_write_baseline_replaces_the_file_whole_instead_of_truncating_it(project):
    # A second name for the old baseline sees whether it was rewritten in place: a truncated
    # file is what a full disk or a kill leaves half written.
    (project / "baseline.json").write_text('{"old": true}\n', encoding="utf-8")
    os.link(project / "baseline.json", project.parent / "old-name.json")
    assert run("check", "docs", "--write-baseline", "baseline.json").code == 0
    assert (project.parent / "old-name.json").read_text(encoding="utf-8") == '{"old": true}\n'
    assert json.loads((project / "baseline.json").read_text(encoding="utf-8"))["version"] == BASELINE_VERSION


def test_parse_out_replaces_the_file_whole(project):
    (project / "kb.json").write_text("old\n", encoding="utf-8")
    os.link(project / "kb.json", project.parent / "old-name.json")
    assert run("parse", "docs", "--out", "kb.json").code == 0
    assert (project.parent / "old-name.json").read_text(encoding="utf-8") == "old\n"


def test_check_output_onto_a_page_it_reads_is_refused(project):
    before = (project / "docs" / "reboot.md").read_bytes()
    _one_line_refusal(run("check", "docs", "-o", "docs/reboot.md"), "docs/reboot.md")
    assert (project / "docs" / "reboot.md").read_bytes() == before


def test_check_output_onto_a_file_given_as_input_is_refused(project):
    (project / "notes.txt").write_text("my notes\n", encoding="utf-8")
    _one_line_refusal(run("check", "docs", "notes.txt", "-o", "notes.txt"), "notes.txt", "input")
    assert (project / "notes.txt").read_text(encoding="utf-8") == "my notes\n"


def test_write_baseline_onto_the_baseline_being_read_is_refused(project):
    assert run("check", "docs", "--write-baseline", "baseline.json").code == 0
    before = (project / "baseline.json").read_bytes()
    result = run("check", "docs", "--baseline", "baseline.json", "--write-baseline", "baseline.json")
    _one_line_refusal(result, "baseline.json", "input")
    assert (project / "baseline.json").read_bytes() == before


def test_check_output_onto_the_configuration_is_refused(project):
    (project / "pyproject.toml").write_text('[tool.kbtools]\nselect = ["ALL"]\n', encoding="utf-8")
    _one_line_refusal(run("check", "docs", "-o", "pyproject.toml"), "pyproject.toml")
    assert (project / "pyproject.toml").read_text(encoding="utf-8").startswith("[tool.kbtools]")


def test_parse_out_onto_a_page_is_refused(project):
    before = (project / "docs" / "allusers.md").read_bytes()
    _one_line_refusal(run("parse", "docs", "--out", "docs/allusers.md"), "docs/allusers.md")
    assert (project / "docs" / "allusers.md").read_bytes() == before


def test_schema_out_onto_pyproject_toml_is_refused(project):
    (project / "pyproject.toml").write_text("[project]\nname = 'docs'\n", encoding="utf-8")
    _one_line_refusal(run("schema", "--out", "pyproject.toml"), "pyproject.toml")
    assert (project / "pyproject.toml").read_text(encoding="utf-8") == "[project]\nname = 'docs'\n"


def test_an_output_inside_the_english_folder_is_refused(project, msi_en_dir):
    copy_pages(msi_en_dir, project / "en", ("allusers.md",))
    _one_line_refusal(run("check", "docs", "--english", "en", "-o", "en/report.txt"), "en/report.txt")
    assert not (project / "en" / "report.txt").exists()


def test_a_report_temp_left_by_kill_9_is_removed_by_the_next_run(msi_dir, tmp_path):
    # The whole corpus takes long enough to be killed while its report is being written.
    report = tmp_path / "report.txt"
    process = subprocess.Popen(
        [sys.executable, "-m", "kbtools", "check", str(msi_dir), "-o", str(report), "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 120
        while not [p for p in tmp_path.iterdir() if p.name.startswith(".report.txt")]:
            assert process.poll() is None and time.monotonic() < deadline, "no temporary report appeared"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".report.txt")], "kill -9 left nothing to clean"
    copy_pages(msi_dir, tmp_path / "docs", ("allusers.md",))
    assert run("check", str(tmp_path / "docs"), "-o", str(report)).code in (0, 1)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.txt")] == []
    assert report.read_text(encoding="utf-8")
