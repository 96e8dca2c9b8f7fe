"""The site with `kbtools build --english`: a notice on stale property pages, an index of them."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus

PAGES = ("adminuser.md", "msirestartmanagercontrol.md", "privileged.md", "property-reference.md")


@pytest.fixture(scope="module")
def site(msi_dir: Path, msi_en_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kbtools.cli import main

    root = tmp_path_factory.mktemp("freshness-site")
    source = root / "zh-TW"
    source.mkdir()
    for name in PAGES:
        shutil.copy(msi_dir / name, source / name)
    assert main(["build", "--source", str(source), "--english", str(msi_en_dir), "--site-dir", str(root / "site")]) == 0
    return root / "site"


def test_a_stale_page_has_a_notice_with_the_english_now(site):
    html = (site / "properties" / "adminuser.html").read_text(encoding="utf-8")
    assert "This translation is out of date" in html
    assert "Authors should <del>used</del> <ins>use</ins> the Privileged property." in html


def test_stale_sentences_are_marked_in_the_text(site):
    html = (site / "properties" / "adminuser.html").read_text(encoding="utf-8")
    marked = re.search(r'data-kb-stale="([\w-]+)"', html).group(1)
    assert f'id="seg-{marked}"' in html
    assert f'href="#seg-{marked}"' in unescape(html)


def test_a_changed_requirement_row_shows_the_current_english(site):
    html = (site / "properties" / "msirestartmanagercontrol.html").read_text(encoding="utf-8")
    assert "<td>Version</td>" in html
    assert "<td><strong>Windows Installer 4.0 or later." in html


def test_a_current_page_has_no_notice(site):
    assert "out of date" not in (site / "properties" / "privileged.html").read_text(encoding="utf-8")


def test_the_index_lists_out_of_date_pages_with_counts(site):
    html = (site / "out-of-date.html").read_text(encoding="utf-8")
    assert "2 of 3 property pages compared with the current English are out of date." in html
    assert "與目前英文比較的 3 個屬性頁面中，有 2 個已過時。" in html  # the locale's words, the English on hover
    assert re.search(
        r'<a href="properties/adminuser.html"><code>AdminUser</code></a></th><td>1</td><td>0</td><td>0</td><td>0</td>',
        html,
    )
    assert re.search(r"MSIRESTARTMANAGERCONTROL</code></a></th><td>1</td><td>2</td><td>1</td><td>1</td>", html)
    assert "Privileged<" not in html
    assert 'href="out-of-date.html"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_api_documents_carry_freshness(site):
    import json

    record = json.loads((site / "api" / "v1" / "properties" / "adminuser.json").read_text(encoding="utf-8"))["result"]
    assert record["freshness"]["current"] is False
