"""One rule for every read: the English folder confined like the source folder, and the baseline
and configuration read only as regular files, bounded in size and nesting, with a one-line error
that names the file."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import copy_pages, run

from kbtools.check.baseline import BASELINE_VERSION
from kbtools.kb import build_knowledge_base

EXIT_USAGE = 2
SECRET = "ghs_0123456789SECRETTOKEN"


@pytest.fixture
def checkout(msi_dir: Path, msi_en_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Translated pages, the English folder, and a CI token in .git/config beside them."""
    copy_pages(msi_dir, tmp_path / "docs")
    copy_pages(msi_en_dir, tmp_path / "en", ("allusers.md", "installer-uilevel.md"))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(
        f'[remote "origin"]\n\turl = https://x-access-token:{SECRET}@github.com/o/r\n', encoding="utf-8"
    )
    (tmp_path / "en" / "reboot.md").symlink_to("../.git/config")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_does_not_read_an_english_page_linked_out_of_its_folder(checkout):
    result = run("check", "docs", "--english", "en")
    assert SECRET not in result.out + result.err
    assert "outside" in result.out and "reboot.md" in result.out


def test_the_records_do_not_publish_an_english_page_linked_out_of_its_folder(checkout):
    knowledge_base = build_knowledge_base(checkout / "docs", checkout / "en")
    published = knowledge_base.model_dump_json()
    assert SECRET not in published
    reboot = next(r for r in knowledge_base.properties if r.source.path.endswith("reboot.md"))
    assert reboot.freshness is not None and "outside" in (reboot.freshness.error or "")


def test_an_english_link_inside_its_folder_is_still_followed(checkout, msi_en_dir):
    (checkout / "en" / "reboot.md").unlink()
    copy_pages(msi_en_dir, checkout / "en" / "real", ("reboot.md",))
    (checkout / "en" / "reboot.md").symlink_to("real/reboot.md")
    result = run("check", "docs", "--english", "en", "--format", "json")
    assert "outside" not in result.out


def _limited(*args: str, cwd: Path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    """kbtools in a child with 2 GB of address space: an unbounded read fails there, not here."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    try:
        return subprocess.run(
            [sys.executable, "-m", "kbtools", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=limit,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"kbtools {' '.join(args)} still running after {timeout} s")


def _one_line(result: subprocess.CompletedProcess[str], name: str) -> None:
    assert result.returncode == EXIT_USAGE, result.stderr[-500:]
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert name in result.stderr


def test_a_device_as_baseline_is_refused_unread(checkout):
    _one_line(_limited("check", "docs", "--baseline", "/dev/zero", cwd=checkout), "/dev/zero")


def test_a_named_pipe_as_baseline_is_refused_without_waiting(checkout):
    os.mkfifo(checkout / "baseline.json")
    _one_line(_limited("check", "docs", "--baseline", "baseline.json", cwd=checkout, timeout=30), "baseline.json")


def test_a_deeply_nested_baseline_is_a_one_line_error(checkout):
    (checkout / "baseline.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _one_line(_limited("check", "docs", "--baseline", "baseline.json", cwd=checkout), "baseline.json")


def test_a_baseline_beyond_the_size_limit_is_refused_unread(checkout):
    from kbtools.page.input_file import BASELINE_LIMIT

    with (checkout / "baseline.json").open("wb") as stream:
        stream.truncate(BASELINE_LIMIT + 1)  # sparse: costs no disk
    _one_line(_limited("check", "docs", "--baseline", "baseline.json", cwd=checkout), "baseline.json")


@pytest.mark.parametrize("where", ["folder", "parent"])
def test_a_deeply_nested_pyproject_without_kbtools_table_is_a_one_line_error(checkout, where):
    folder = checkout if where == "folder" else checkout.parent
    config = folder / "pyproject.toml"
    if config.exists():
        pytest.skip(f"{config} exists")
    config.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    try:
        _one_line(_limited("check", "docs", cwd=checkout), "pyproject.toml")
    finally:
        config.unlink()


def test_a_device_as_knowledge_base_is_refused_unread(checkout):
    result = _limited("query", "--kb", "/dev/zero", "allusers", cwd=checkout)
    _one_line(result, "/dev/zero")


def test_a_valid_baseline_still_reads(checkout):
    assert run("check", "docs", "--write-baseline", "baseline.json").code == 0
    assert json.loads((checkout / "baseline.json").read_text(encoding="utf-8"))["version"] == BASELINE_VERSION
    assert run("check", "docs", "--baseline", "baseline.json").code == 0
