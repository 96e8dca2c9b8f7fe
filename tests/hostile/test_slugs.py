"""A property page's file name becomes its slug, its URL and a file of the site: only `[a-z0-9._-]`.

Any other name (a space, a capital, markup) is reported naming the file, and never becomes a page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile_support import PROPERTY_PAGES, build, parse_json, run, site_text

from kbtools.kb.property_page import is_slug

HOSTILE_NAME = "a.md) <img src=x onerror=alert(1)> (.md"


@pytest.mark.parametrize("name", ["allusers", "-disablemedia", "installer.uilevel", "msi_x-2.0"])
def test_corpus_style_names_are_slugs(name):
    assert is_slug(name)


@pytest.mark.parametrize("name", ["ALLUSERS", "a b", "a.md) <img src=x onerror=alert(1)> (", "é", "a/b", ".hidden", ""])
def test_other_names_are_not_slugs(name):
    assert not is_slug(name)


def test_every_corpus_property_page_has_a_slug_name(msi_dir, tmp_path):
    result, knowledge_base = parse_json(msi_dir, tmp_path / "kb.json")
    assert result.code == 0 and knowledge_base["errors"] == []
    assert len(knowledge_base["properties"]) == 335


@pytest.fixture
def renamed(corpus_pages: Path) -> Path:
    shutil.move(corpus_pages / PROPERTY_PAGES[0], corpus_pages / HOSTILE_NAME)
    shutil.move(corpus_pages / PROPERTY_PAGES[1], corpus_pages / "Reboot Page.md")
    return corpus_pages


def test_parse_names_the_file_and_makes_no_record(renamed, tmp_path):
    result, knowledge_base = parse_json(renamed, tmp_path / "kb.json")
    assert result.code == 1
    assert f"{HOSTILE_NAME}: file name {HOSTILE_NAME!r} cannot be a page address" in result.err
    assert "Reboot Page.md: file name" in result.err
    assert [record["slug"] for record in knowledge_base["properties"]] == [Path(PROPERTY_PAGES[2]).stem]
    assert {Path(error["path"]).name for error in knowledge_base["errors"]} == {HOSTILE_NAME, "Reboot Page.md"}


def test_query_does_not_find_the_misnamed_pages(renamed):
    result = run("query", "ALLUSERS", "--source", renamed)
    assert result.code == 1 and "cannot be a page address" in result.err


def test_build_leaves_the_misnamed_pages_out_of_the_site(renamed, tmp_path):
    result = build(renamed, tmp_path / "site")
    assert result.code == 0 and HOSTILE_NAME in result.err
    assert [path.name for path in (tmp_path / "site" / "properties").glob("*.html")] == ["installer-uilevel.html"]
    text = site_text(tmp_path / "site")
    assert "onerror" not in text and "Reboot Page" not in text
