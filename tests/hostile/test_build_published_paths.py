"""What a build publishes names source pages relative to the source, never by the machine's
absolute paths; pages dropped for errors are reported one line each (exit 1 under --strict)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kbtools.cli import main
from kbtools.site.build import build_site


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


@pytest.fixture
def source(tmp_path: Path, sample_dir: Path) -> Path:
    """The sample pages under a deep absolute path, and one page that cannot be read."""
    folder = tmp_path / "home" / "someone" / "private" / "zh-TW"
    shutil.copytree(sample_dir, folder)
    (folder / "broken.md").write_bytes(b"---\ntitle: x\n---\n# A \xff\xfe title\n")
    return folder


def test_no_json_document_of_the_static_api_names_an_absolute_path(source, tmp_path):
    site = build_site(source, tmp_path / "site")
    documents = sorted((site / "api").rglob("*.json"))
    assert len(documents) >= 5
    for document in documents:
        text = document.read_text(encoding="utf-8")
        assert str(tmp_path) not in text, document
        assert not [value for value in _strings(json.loads(text)) if value.startswith("/tmp")], document
    record = json.loads((site / "api/v1/properties/msirestartmanagersessionkey.json").read_text(encoding="utf-8"))
    assert record["result"]["source"]["path"] == "msirestartmanagersessionkey.md"  # the record, in the envelope


def test_the_site_pages_name_no_absolute_path(source, tmp_path):
    site = build_site(source, tmp_path / "site")
    for page in site.rglob("*.html"):
        assert str(tmp_path) not in page.read_text(encoding="utf-8"), page


def test_a_dropped_page_is_reported_with_file_and_line(source, tmp_path, capsys):
    assert main(["build", "--source", str(source), "--site-dir", str(tmp_path / "site")]) == 0
    error = capsys.readouterr().err
    assert f"{source / 'broken.md'}:4: not valid UTF-8" in error
    assert (tmp_path / "site" / "index.html").is_file()


def test_strict_exits_1_and_keeps_the_previous_site(source, tmp_path, capsys):
    site = tmp_path / "site"
    (source / "broken.md").rename(tmp_path / "broken.md")
    assert main(["build", "--source", str(source), "--site-dir", str(site), "--strict"]) == 0
    before = (site / "index.html").read_bytes()
    (tmp_path / "broken.md").rename(source / "broken.md")
    capsys.readouterr()
    assert main(["build", "--source", str(source), "--site-dir", str(site), "--strict"]) == 1
    error = capsys.readouterr().err
    assert "broken.md:4:" in error and "--strict" in error and "Traceback" not in error
    assert (site / "index.html").read_bytes() == before
