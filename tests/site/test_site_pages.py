"""What the generated pages show, read from the built corpus and sample sites."""

from __future__ import annotations

import json
import re

import pytest

from kbtools.kb.windows import OPERATING_SYSTEMS

pytestmark = pytest.mark.corpus

SESSION_KEY = "properties/msirestartmanagersessionkey.html"


def _article(site, path: str) -> str:
    text = (site / path).read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


def test_every_property_gets_a_page(corpus_site, corpus_kb):
    pages = {path.stem for path in (corpus_site / "properties").glob("*.html")}
    assert pages == {record.slug for record in corpus_kb.properties}
    assert len(pages) == 335


def test_property_page_shows_zh_tw_text_with_each_segment_english_source(corpus_site):
    article = _article(corpus_site, SESSION_KEY)
    segment = re.search(r'<span class="kb-seg" id="seg-75da0-107".*?</span></span>', article, re.S).group(0)
    assert '<span class="kb-t" lang="zh-TW">安裝程式會在初始化時設定' in segment
    assert '<span class="kb-s" lang="en-US">The installer sets the value' in segment


def test_property_text_keeps_its_paragraphs_and_lists(corpus_site):
    article = _article(corpus_site, "properties/allusers.html")
    lead = article[article.index('<section class="kb-source"') : article.index('<h2 id="section-1"')]
    assert lead.count('<p class="kb-p">') == 9
    lists = re.findall(r'<ul class="kb-list">(.*?)</ul>', lead)
    assert len(lists) == 1
    items = re.findall(r"<li>(.*?)</li>", lists[0])
    assert [item.count('<p class="kb-p">') for item in items] == [1, 1, 4, 1]
    assert 'id="seg-d3ba3-111"' in items[2]


def test_matrix_columns_follow_the_windows_versions_newest_first(corpus_site):
    article = _article(corpus_site, "matrix.html")
    columns = re.findall(r'<span class="kb-os">(.*?)</span>', article)
    assert columns == [name for name in OPERATING_SYSTEMS if name in columns]
    # Releases after 2012 come from the table of Windows versions: a 5.0 property is available there.
    assert columns[0] == "Windows Server 2025" and columns[-1] == "Windows 2000"
    assert {"Windows 11", "Windows 10", "Windows 8.1", "Windows Server 2012 R2"} <= set(columns)


def test_card_shows_kind_visibility_and_lifetime_as_a_timeline(corpus_site):
    article = _article(corpus_site, SESSION_KEY)
    assert "安裝程式屬性" in article and "私用" in article
    steps = re.findall(r'<li class="kb-step kb-step-(\w+)">.*?<a class="kb-chip" href="#seg-[\w-]+">(.*?)</a>', article)
    # Who and when in the locale, the English on hover; action names stay names.
    assert steps == [
        ("set_by", '<span class="kb-label" lang="zh-TW" title="the installer">安裝程式</span>'),
        ("set_at", '<span class="kb-label" lang="zh-TW" title="initialization">初始化</span>'),
        ("cleared_at", "InstallValidate"),
    ]


def test_card_requirements_table_gives_operating_systems_by_installer_version(corpus_site):
    article = _article(corpus_site, SESSION_KEY)
    assert (
        "<tr><td>Windows Installer 5.0</td><td>Windows Server 2012, Windows 8, Windows Server 2008 R2, Windows 7</td></tr>"
        in article
    )
    assert "<tr><td>Windows Installer 4.0, 4.5</td><td>Windows Server 2008, Windows Vista</td></tr>" in article


def test_card_shows_the_source_page_metadata(corpus_site):
    article = _article(corpus_site, SESSION_KEY)
    assert "<code>MT</code>" in article and '<time datetime="2018-05-31">2018年5月31日</time>' in article
    assert 'href="https://learn.microsoft.com/zh-tw/windows/win32/msi/msirestartmanagersessionkey"' in article


def test_card_shows_dll_header_and_iid_where_the_page_states_them(corpus_site, corpus_kb):
    record = next(r for r in corpus_kb.properties if r.requirements.dll and r.requirements.header)
    article = _article(corpus_site, f"properties/{record.slug}.html")
    assert f"<code>{record.requirements.dll}</code>" in article
    assert f"<code>{record.requirements.header}</code>" in article


def test_category_and_kind_pages_list_every_property_with_summary_and_since(corpus_site, corpus_kb):
    for path in ("categories.html", "kinds.html"):
        article = _article(corpus_site, path)
        links = set(re.findall(r'<a href="properties/([\w.-]+)\.html">', article))
        assert links == {record.slug for record in corpus_kb.properties}, path
    row = re.search(
        r'<tr>\s*<td><a href="properties/msirestartmanagersessionkey.html">.*?</tr>',
        _article(corpus_site, "kinds.html"),
        re.S,
    )
    # "Not Supported in Windows Installer 3.1 and earlier versions": it arrived with the next release.
    assert "工作階段金鑰" in row.group(0) and ">Windows Installer 4.0</span></td>" in row.group(0)


def test_matrix_has_a_row_per_property_and_agrees_with_the_static_api(corpus_site, corpus_kb):
    article = _article(corpus_site, "matrix.html")
    assert article.count('<tr data-name="') == len(corpus_kb.properties)
    requirements = json.loads((corpus_site / "api/v1/requirements.json").read_text(encoding="utf-8"))
    vista = next(row for row in requirements["result"]["rows"] if row["os"] == "Windows Vista")
    offered = {cell["version"] for cell in vista["cells"] if "msirestartmanagersessionkey" in cell["properties"]}
    pairs = re.search(r'data-name="msirestartmanagersessionkey"[^>]*data-pairs="([^"]*)"', article).group(1).split()
    assert {pair.split("@")[1] for pair in pairs if pair.startswith("Windows_Vista@")} == offered


def test_search_index_holds_both_languages_segmented(corpus_site):
    index = json.loads((corpus_site / "search/search_index.json").read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["location"] == SESSION_KEY)
    assert "\u200b工作階段\u200b金鑰\u200b" in doc["text"]
    assert "the session key for the Restart Manager session" in doc["text"]


def test_index_pages_and_matrix_stay_out_of_the_search_index(corpus_site):
    index = json.loads((corpus_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert not locations & {"categories.html", "kinds.html", "matrix.html"}


def test_build_writes_the_static_api(sample_site):
    assert (sample_site / "api/v1/properties/msirestartmanagersessionkey.json").exists()


def _text(html: str) -> str:
    """What a reader (or a screen reader) gets of `html`: the text without tags, references read."""
    from html import unescape

    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def test_matrix_shows_the_first_version_a_page_states_beside_the_name(corpus_site, corpus_kb):
    matrix = (corpus_site / "matrix.html").read_text(encoding="utf-8")
    assert re.search(r'<th scope="col" class="kb-matrix-since">.*?>起始版本<', matrix)
    rows = dict(re.findall(r'data-slug="([^"]+)".*?<td class="kb-matrix-since">(.*?)</td>', matrix))
    stated = {
        r.slug: r.requirements.since["Windows Installer"].version
        for r in corpus_kb.properties
        if r.requirements.since.get("Windows Installer")
    }
    assert stated, "the corpus states a first version for some properties"
    assert _text(rows["msiinstallperuser"]) == stated["msiinstallperuser"] == "5.0"
    for slug, version in stated.items():
        assert _text(rows[slug]) == version
    unstated = next(r.slug for r in corpus_kb.properties if not r.requirements.since)
    assert _text(rows[unstated]) == "—"


def test_lifetime_chips_are_apart_in_text_with_the_locale_separator(corpus_site):
    steps = []
    for page in sorted((corpus_site / "properties").glob("*.html")):
        steps += re.findall(r'<li class="kb-step kb-step-\w+">(.*?)</li>', page.read_text(encoding="utf-8"))
    several = [step for step in steps if step.count('class="kb-chip"') > 1]
    assert several, "some step names several actors or actions"
    for step in several:
        chips = [
            _text(chip)
            for chip in re.findall(
                r'<(?:a|span) class="kb-chip"[^>]*>(.*?)</(?:a|span)>(?=<span class="kb-chip-sep">|$)', step
            )
        ]
        text = _text(step.split("</span> ", 1)[1])
        assert text == "、".join(chips), step


def test_the_table_of_contents_names_sections_in_the_readers_language_only(corpus_site):
    page = (corpus_site / "properties" / "allusers.html").read_text(encoding="utf-8")
    toc = page[page.index('<nav class="md-nav md-nav--secondary"') :]
    toc = toc[: toc.index("</nav>")]
    entries = [_text(entry) for entry in re.findall(r'<span class="md-ellipsis">(.*?)</span>', toc, re.S)]
    headings = [_text(h) for h in re.findall(r'<h2 id="section-\d+">.*?<span class="kb-t"[^>]*>(.*?)</span>', page)]
    assert entries and entries == headings
    assert not [entry for entry in entries if re.search(r"[A-Za-z]{4}", entry)]  # no English beside it


def test_garbled_references_in_sentences_show_the_character_they_stand_for(corpus_site):
    page = (corpus_site / "properties" / "desktopfolder.html").read_text(encoding="utf-8")
    text = _text(_article(corpus_site, "properties/desktopfolder.html"))
    assert '如果 "所有使用者" 設定檔存在' in text
    assert "0034" not in page
