"""One discovery for every command: check, parse and build read the same files and report the same refusals.

A tree of real property pages holds every kind of path trouble at once; each command runs on it
once, and each rule is a test against all three results.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_support import Run, build, copy_pages, run, site_text

from kbtools.page.files import discover_pages


@dataclass
class Results:
    source: Path
    check: Run
    checked: set[str]  # page names check reported findings on
    checked_count: int
    parse: Run
    parsed: set[str]  # slugs of the records
    build: Run
    built: set[str]  # property pages of the site
    site: Path
    records: list[dict]


@pytest.fixture(scope="module")
def tree(msi_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("paths")
    source = copy_pages(msi_dir, base / "docs", ("allusers.md",))
    copy_pages(msi_dir, source / ".git", ("reboot.md",))  # hidden folder
    copy_pages(msi_dir, source / "sub", ("adminuser.md",))
    (source / ".draft.md").write_bytes((msi_dir / "privileged.md").read_bytes())  # hidden file
    copy_pages(msi_dir, base / "elsewhere", ("installer-uilevel.md", "primaryfolder.md"))
    shared = copy_pages(msi_dir, source / "shared", ("msiinstanceguid.md",))
    (source / "linked").symlink_to(shared, target_is_directory=True)  # a second way into shared/
    (source / "sub" / "loop").symlink_to(source, target_is_directory=True)  # back to the top
    (source / "outside").symlink_to(base / "elsewhere", target_is_directory=True)
    (source / "installer-uilevel.md").symlink_to(base / "elsewhere" / "installer-uilevel.md")
    (source / "gone.md").symlink_to(base / "nothing-here.md")
    os.mkfifo(source / "pipe.md")
    return source


@pytest.fixture(scope="module")
def results(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Results:
    out = tmp_path_factory.mktemp("out")
    check = run("check", "--format", "json", tree)
    report = json.loads(check.out)
    checked = {Path(finding["path"]).name for finding in report["findings"]}
    parse = run("parse", tree, "--out", out / "kb.json")
    records = json.loads((out / "kb.json").read_text(encoding="utf-8"))["properties"]
    parsed = {record["slug"] for record in records}
    built = build(tree, out / "site")
    pages = {path.stem for path in (out / "site" / "properties").glob("*.html")}
    return Results(tree, check, checked, report["summary"]["files"], parse, parsed, built, pages, out / "site", records)


def reported(results: Results, name: str) -> list[str]:
    """The commands whose error output names `name`."""
    runs = {"check": results.check, "parse": results.parse, "build": results.build}
    return [command for command, result in runs.items() if name in result.err]


def test_every_command_reads_the_same_pages(results):
    assert results.checked_count == 3
    assert results.checked <= {"allusers.md", "adminuser.md", "msiinstanceguid.md"}
    assert results.parsed == results.built == {"allusers", "adminuser", "msiinstanceguid"}


def test_hidden_folders_and_files_are_skipped_by_every_command(results):
    assert "reboot" not in results.parsed | results.built and "reboot.md" not in results.checked
    assert "privileged" not in results.parsed | results.built and ".draft.md" not in results.checked
    assert reported(results, ".git") == reported(results, ".draft") == []


def test_a_folder_reached_twice_through_a_symlink_is_read_once(results):
    assert results.parsed == {"allusers", "adminuser", "msiinstanceguid"}
    assert reported(results, "linked") == []


def test_a_symlink_loop_ends(results):
    assert results.check.code in (1, 2) and "Traceback" not in results.check.err + results.parse.err + results.build.err


def test_symlinks_out_of_the_source_are_reported_and_not_read(results):
    assert "uilevel" not in results.parsed | results.built and "installer-uilevel.md" not in results.checked
    assert "primaryfolder" not in results.parsed | results.built and "primaryfolder.md" not in results.checked
    for name in ("installer-uilevel.md: symlink to", "outside: symlink to"):
        assert reported(results, name) == ["check", "parse", "build"], name


def test_dangling_symlinks_are_reported_by_every_command(results):
    assert reported(results, "gone.md: dangling symlink") == ["check", "parse", "build"]


def test_named_pipes_are_reported_by_every_command(results):
    assert reported(results, "pipe.md: a named pipe") == ["check", "parse", "build"]


def test_refusals_set_the_exit_codes(results):
    assert results.check.code == 2  # an I/O problem with a path
    assert results.parse.code == 1  # pages left out
    assert results.build.code == 0


def test_a_symlinked_source_folder_is_followed(tree, tmp_path):
    (tmp_path / "docs").symlink_to(tree, target_is_directory=True)
    found = discover_pages([tmp_path / "docs"])
    assert {path.name for path in found.files} == {"allusers.md", "adminuser.md", "msiinstanceguid.md"}
    assert all(path.is_relative_to(tmp_path / "docs") for path in found.files)


def test_a_page_is_listed_under_its_real_path_before_a_link_to_it(tree):
    found = discover_pages([tree])
    assert tree / "shared" / "msiinstanceguid.md" in found.files
    assert tree / "linked" / "msiinstanceguid.md" not in found.files


def test_a_symlinked_folder_is_followed_when_nothing_else_reaches_it(msi_dir, tmp_path):
    store = copy_pages(msi_dir, tmp_path / "docs" / ".store", ("reboot.md",))
    (tmp_path / "docs" / "reboot-pages").symlink_to(store, target_is_directory=True)
    result = run("query", "REBOOT", "--source", tmp_path / "docs")
    assert result.code == 0 and '"slug": "reboot"' in result.out


def test_a_symlinked_file_inside_the_source_is_read(msi_dir, tmp_path):
    store = copy_pages(msi_dir, tmp_path / "docs" / ".store", ("reboot.md",))
    (tmp_path / "docs" / "reboot.md").symlink_to(store / "reboot.md")
    assert [path.name for path in discover_pages([tmp_path / "docs"]).files] == ["reboot.md"]


def test_records_and_the_site_publish_paths_relative_to_the_source(results):
    assert sorted(record["source"]["path"] for record in results.records) == [
        "allusers.md",
        "shared/msiinstanceguid.md",
        "sub/adminuser.md",
    ]
    assert str(results.source.parent) not in site_text(results.site)
