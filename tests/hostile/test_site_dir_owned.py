"""A site folder is replaced only where kbtools owns it: the MkDocs plugin refuses what `build`
refuses before MkDocs cleans anything, a marker forged in the source or the English folder
counts for nothing, and `serve` does not trust a site that a killed build emptied."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from hostile_support import copy_pages, run

from kbtools.site.site_folder import SITE_MARKER

EXIT_USAGE = 2


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def project(msi_dir: Path, tmp_path: Path) -> Path:
    """A docs project: pages under translations/, an empty docs/ and a file of the user's own."""
    root = tmp_path / "project"
    copy_pages(msi_dir, root / "translations")
    (root / "docs").mkdir()
    (root / "notes.txt").write_text("my work\n", encoding="utf-8")
    return root


def _mkdocs_build(project: Path, site_dir: str, docs_dir: str = "docs") -> subprocess.CompletedProcess[str]:
    (project / "mkdocs.yml").write_text(
        f"site_name: t\ndocs_dir: {docs_dir}\nsite_dir: {site_dir}\ntheme: material\n"
        "plugins:\n  - kbtools:\n      source: translations\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True, text=True, timeout=600
    )


def test_the_plugin_refuses_a_sibling_folder_it_did_not_build(project, tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "thesis.txt").write_text("years of work\n", encoding="utf-8")
    result = _mkdocs_build(project, "../victim")
    assert result.returncode != 0
    assert "not built by kbtools" in result.stderr and "Traceback" not in result.stderr
    assert (victim / "thesis.txt").read_text(encoding="utf-8") == "years of work\n"


def test_the_plugin_refuses_its_own_source_pages(project):
    before = _files(project / "translations")
    result = _mkdocs_build(project, "translations")
    assert result.returncode != 0 and "is the source folder" in result.stderr
    assert _files(project / "translations") == before


def test_the_plugin_refuses_the_parent_holding_the_project(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("docs-elsewhere")  # MkDocs' own check sees only docs_dir
    before = _files(project)
    result = _mkdocs_build(project, "..", str(elsewhere))
    assert result.returncode != 0 and ("contains the source" in result.stderr or "current folder" in result.stderr)
    after = _files(project)
    assert after.pop("mkdocs.yml") and after == before


def test_the_plugin_does_not_write_its_marker_through_a_symlink(project, tmp_path):
    site = project / "site"
    site.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", encoding="utf-8")
    (site / SITE_MARKER).symlink_to(victim)  # a committed site/ with a planted marker link
    _mkdocs_build(project, "site")
    assert victim.read_text(encoding="utf-8") == "keep\n"


def test_build_refuses_a_source_subfolder_with_a_forged_marker(project, msi_dir, monkeypatch):
    monkeypatch.chdir(project)
    sub = copy_pages(msi_dir, project / "translations" / "sub")
    (sub / SITE_MARKER).write_text("forged\n", encoding="utf-8")
    before = _files(sub)
    result = run("build", "--source", "translations", "--site-dir", "translations/sub")
    assert result.code == EXIT_USAGE and "holds pages" in result.err
    assert _files(sub) == before


@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]], ids=["plain", "overwrite"])
def test_build_refuses_the_english_folder(project, msi_en_dir, monkeypatch, overwrite):
    monkeypatch.chdir(project)
    english = copy_pages(msi_en_dir, project / "en", ("allusers.md", "reboot.md"))
    before = _files(english)
    result = run("build", "--source", "translations", "--english", "en", "--site-dir", "en", *overwrite)
    assert result.code == EXIT_USAGE and "English folder" in result.err
    assert result.err.count("\n") == 1
    assert _files(english) == before


def test_serve_rebuilds_a_site_emptied_by_a_killed_mkdocs_build(project):
    # MkDocs' clean spares hidden files: a killed `mkdocs build` leaves the marker and nothing else.
    site = project / "site"
    site.mkdir()
    (site / SITE_MARKER).write_text("kbtools\n", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "kbtools", "serve", "--source", "translations", "--site-dir", "site", "--port", "0"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline()
        address = re.search(r"http://[\d.]+:\d+/", line)
        assert address, line + server.stderr.read()
        for _ in range(50):
            try:
                with urllib.request.urlopen(address.group(), timeout=5) as response:
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the server did not answer")
    finally:
        server.terminate()
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
    assert (site / "index.html").is_file()


def test_the_plugin_takes_the_marker_away_until_the_build_completes(project):
    from mkdocs.config import load_config

    site = project / "site"
    site.mkdir()
    (site / SITE_MARKER).write_text("kbtools\n", encoding="utf-8")
    (site / "index.html").write_text("<p>old</p>\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: docs\nsite_dir: site\nplugins:\n  - kbtools:\n      source: translations\n",
        encoding="utf-8",
    )
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_config(config)  # what `mkdocs build` runs before it cleans site_dir
    assert not (site / SITE_MARKER).exists()
