"""`kbtools build` replaces only a folder it owns: a --site-dir that could hold a user's files is
refused in one line with exit 2, before anything is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kbtools.cli import main
from kbtools.site.site_folder import SITE_MARKER

EXIT_USAGE = 2


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def project(tmp_path: Path, sample_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's project folder: the sample pages under translations/ and a file of their own."""
    shutil.copytree(sample_dir, tmp_path / "translations" / "zh-TW")
    (tmp_path / "notes.txt").write_text("my work\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["build", "--source", "translations/zh-TW", *args]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    return captured.err


@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]], ids=["plain", "overwrite"])
def test_the_current_folder_is_refused_and_nothing_is_deleted(project, capsys, overwrite):
    before = _files(project)
    error = _refused(capsys, "--site-dir", ".", *overwrite)
    assert "current folder" in error
    assert _files(project) == before


@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]], ids=["plain", "overwrite"])
def test_the_source_itself_is_refused(project, capsys, overwrite):
    before = _files(project)
    assert "is the source folder" in _refused(capsys, "--site-dir", "translations/zh-TW", *overwrite)
    assert _files(project) == before


@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]], ids=["plain", "overwrite"])
def test_a_parent_of_the_source_is_refused(project, capsys, overwrite):
    before = _files(project)
    assert "contains the source" in _refused(capsys, "--site-dir", "translations", *overwrite)
    assert _files(project) == before


def test_home_and_root_are_refused(project, capsys, monkeypatch):
    monkeypatch.setenv("HOME", str(project / "home"))
    (project / "home").mkdir()
    assert "home folder" in _refused(capsys, "--site-dir", str(project / "home"), "--overwrite")
    assert "current folder" in _refused(capsys, "--site-dir", "/", "--overwrite")


def test_a_foreign_non_empty_folder_is_refused_without_overwrite(project, capsys):
    (project / "out").mkdir()
    (project / "out" / "report.docx").write_bytes(b"precious")
    error = _refused(capsys, "--site-dir", "out")
    assert "--overwrite" in error and SITE_MARKER in error
    assert (project / "out" / "report.docx").read_bytes() == b"precious"


def test_a_foreign_non_empty_folder_is_replaced_with_overwrite(project, capsys):
    (project / "out").mkdir()
    (project / "out" / "old.html").write_text("old", encoding="utf-8")
    assert main(["build", "--source", "translations/zh-TW", "--site-dir", "out", "--overwrite"]) == 0
    assert not (project / "out" / "old.html").exists()
    assert (project / "out" / SITE_MARKER).is_file()
    assert (project / "out" / "index.html").is_file()


def test_overwrite_never_applies_inside_the_source(project, capsys):
    guide = project / "translations" / "zh-TW" / "guide"
    guide.mkdir()
    (guide / "page.md").write_text("# A source page\n", encoding="utf-8")
    assert "inside the source" in _refused(capsys, "--site-dir", "translations/zh-TW/guide", "--overwrite")
    assert (guide / "page.md").is_file()


def test_a_file_is_refused(project, capsys):
    assert "is a file" in _refused(capsys, "--site-dir", "notes.txt", "--overwrite")
    assert (project / "notes.txt").read_text(encoding="utf-8") == "my work\n"


def test_a_new_or_empty_folder_is_built_and_marked(project, capsys):
    (project / "empty").mkdir()
    for folder in ("new/site", "empty"):
        assert main(["build", "--source", "translations/zh-TW", "--site-dir", folder]) == 0
        assert (project / folder / SITE_MARKER).is_file()
        assert (project / folder / "api" / "v1" / "properties.json").is_file()


def test_a_site_kbtools_built_is_rebuilt_without_overwrite(project, capsys):
    assert main(["build", "--source", "translations/zh-TW", "--site-dir", "site"]) == 0
    (project / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
    assert main(["build", "--source", "translations/zh-TW", "--site-dir", "site"]) == 0
    assert not (project / "site" / "stale.html").exists()
    assert (project / "notes.txt").is_file()
    assert [path.name for path in project.iterdir() if "kbtools-" in path.name] == []
