"""The reference without a browser: `llms.txt`, a Markdown copy of each property page, a docset."""

from __future__ import annotations

import plistlib
import sqlite3
from pathlib import Path

import pytest

from kbtools.cli import main

SAMPLE_PAGE = "properties/msirestartmanagersessionkey"


@pytest.fixture(scope="module")
def docset_site(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("docset") / "site"
    assert main(["build", "--source", str(sample_dir), "--site-dir", str(site), "--docset"]) == 0
    return site


def test_llms_txt_links_a_markdown_copy_of_each_property_page(docset_site: Path):
    llms = (docset_site / "llms.txt").read_text(encoding="utf-8")
    assert llms.startswith("# Windows Installer 屬性\n\n> ")
    assert f"- [MsiRestartManagerSessionKey]({SAMPLE_PAGE}.md): " in llms
    copy = (docset_site / f"{SAMPLE_PAGE}.md").read_text(encoding="utf-8")
    assert copy.startswith("# MsiRestartManagerSessionKey 屬性\n")
    # Each paragraph in the locale, then its English source as a quote; no HTML.
    assert "> The installer sets the value of the **MsiRestartManagerSessionKey** property" in copy
    assert "<span" not in copy


def test_docset_has_the_sqlite_search_index_and_info_plist_of_the_format(docset_site: Path):
    (docset,) = docset_site.glob("*.docset")
    assert docset.name == "windows-installer-zh-tw.docset"
    info = plistlib.loads((docset / "Contents" / "Info.plist").read_bytes())
    assert info["isDashDocset"] is True and info["dashIndexFilePath"] == "index.html"
    connection = sqlite3.connect(docset / "Contents" / "Resources" / "docSet.dsidx")
    rows = connection.execute("SELECT name, type, path FROM searchIndex ORDER BY type, name").fetchall()
    connection.close()
    assert ("MsiRestartManagerSessionKey", "Property", f"{SAMPLE_PAGE}.html") in rows
    documents = docset / "Contents" / "Resources" / "Documents"
    for _, _, path in rows:
        assert (documents / path).is_file()
    assert not (documents / "api").exists()
