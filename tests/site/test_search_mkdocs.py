"""The site in MkDocs' own terms: the plugin's entry point, the repository's mkdocs.yml,
`mkdocs build` / `mkdocs serve` on it, and `kbtools build` with a user's mkdocs.yml."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from importlib.metadata import entry_points
from pathlib import Path

import yaml

from kbtools.cli import main
from kbtools.site.mkdocs_config import site_config
from kbtools.site.plugin import KnowledgeBasePlugin

REPO = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]
SAMPLE_PAGE = "properties/msirestartmanagersessionkey.html"


def test_plugin_is_registered_under_the_mkdocs_plugins_entry_point():
    (entry,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "kbtools"]
    assert entry.load() is KnowledgeBasePlugin


def test_repository_mkdocs_yml_is_the_generated_configuration():
    written = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert written == site_config("translations", "site", "translations")


def _project(tmp_path: Path) -> Path:
    """A copy of the repository's site project: mkdocs.yml and the sample."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "translations", project / "translations")
    return project


def test_mkdocs_build_builds_the_generated_site_without_the_source_markdown(tmp_path):
    project = _project(tmp_path)
    subprocess.run([*MKDOCS, "build", "-q"], cwd=project, check=True, capture_output=True, timeout=300)
    site = project / "site"
    assert (site / SAMPLE_PAGE).exists()
    assert (site / "search" / "kbtools-index.json").exists()
    # The sxs page itself is not published as a page of its own.
    assert not list(site.rglob("msirestartmanagersessionkey/index.html"))
    assert not (site / "zh-TW").exists()


def test_a_site_mkdocs_built_is_one_kbtools_build_may_replace(tmp_path, monkeypatch):
    project = _project(tmp_path)
    subprocess.run([*MKDOCS, "build", "-q"], cwd=project, check=True, capture_output=True, timeout=300)
    assert (project / "site" / ".kbtools-site").is_file()
    monkeypatch.chdir(project)
    assert main(["build", "--site-dir", "site"]) == 0
    assert (project / "site" / "api" / "v1" / "properties.json").is_file()


def test_kbtools_build_uses_the_mkdocs_yml_of_the_current_folder(tmp_path, monkeypatch):
    project = _project(tmp_path)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Installer reference"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["build", "--site-dir", "out"]) == 0
    assert "<title>Installer reference</title>" in (project / "out" / "index.html").read_text(encoding="utf-8")
    assert "- Installer reference</title>" in (project / "out" / SAMPLE_PAGE).read_text(encoding="utf-8")


def test_kbtools_build_names_a_mkdocs_yml_without_the_plugin(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["build", "--site-dir", "out"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml" in err and "kbtools plugin" in err and err.count("\n") == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_mkdocs_serve_rebuilds_when_a_source_page_changes(tmp_path):
    project = _project(tmp_path)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{SAMPLE_PAGE}"
    server = subprocess.Popen(
        [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240
        page = None
        while time.monotonic() < deadline and not (page := _get(url)):
            time.sleep(1)
        assert page and "工作階段" in page
        source = next((project / "translations").rglob("msirestartmanagersessionkey.md"))
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("工作階段", "會話階段"), encoding="utf-8")
        while time.monotonic() < deadline:
            page = _get(url)
            if page and "會話階段" in page:
                break
            time.sleep(1)
        assert page and "會話階段" in page
    finally:
        server.terminate()
        server.wait(timeout=30)
