"""The site's property search: its index (from the records) and its results in Chromium."""

from __future__ import annotations

import json

import pytest

from kbtools.site.search import INDEX_FILE
from kbtools.site.search_terms import english_stem, english_words, term_lexicon
from tests.site.test_site_browser import search


def test_variants_are_two_renderings_of_one_english_word():
    pairs = [["安裝套件。", "Install the package."], ["開啟套件。", "Open the package."], ["複製套件。", "Copy the package."]]
    pairs += [["移除封裝。", "Remove the package."], ["關閉封裝。", "Close the package."], ["讀取封裝。", "Read the package."]]
    pairs *= 2
    variants, renderings = term_lexicon(pairs)
    assert ["套件", "封裝"] in variants
    assert renderings["套件"] == "package"


def test_parts_of_one_compound_are_not_variants():
    # 位 and 旗標 always meet in the same sentence: parts of one word, not two renderings.
    pairs = [["設定位旗標。", "Set the bit flags."]] * 5
    variants, _ = term_lexicon(pairs)
    assert variants == []


def test_english_words_split_camel_case_and_stem_plurals():
    assert english_words("ProductCode patches") == ["productcode", "product", "code", "patch"]
    assert english_stem("properties") == "property"
    assert english_stem("status") == "status"


@pytest.mark.corpus
def test_index_holds_plain_text_of_every_property(corpus_site, corpus_kb):
    index = json.loads((corpus_site / INDEX_FILE).read_text(encoding="utf-8"))
    assert len(index["docs"]) == len(corpus_kb.properties)
    doc = next(d for d in index["docs"] if d["n"] == "ALLUSERS")
    assert doc["u"] == "properties/allusers.html"
    assert doc["k"] == ["安裝程式屬性", "Installer property"]
    texts = [text for g in doc["g"] for text in g[1:]]
    assert any("每個使用者安裝" in text for text in texts)
    assert not any("**" in text or "<" in text for text in texts)


@pytest.mark.browser
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("每個使用者安裝", "properties/allusers.html"),
        ("重新開機之後", "properties/afterreboot.html"),
        ("after reboot", "properties/afterreboot.html"),
        ("msiinstallper", "properties/msiinstallperuser.html"),
    ],
)
def test_phrase_and_partial_name_find_the_property(page, corpus_url, query, expected):
    assert expected in search(page, corpus_url, query)[:2]


@pytest.mark.browser
@pytest.mark.corpus
def test_result_shows_kind_summary_and_matching_sentence_in_both_languages(page, corpus_url):
    search(page, corpus_url, "每個使用者安裝")
    first = page.locator(".kb-search-results > li").first
    assert first.locator(".kb-search-name").inner_text() == "ALLUSERS"
    assert first.locator(".kb-search-kind").inner_text() == "安裝程式屬性"
    assert "安裝內容" in first.locator(".kb-search-summary .kb-search-t").inner_text()
    assert "installation context" in first.locator(".kb-search-summary .kb-search-s").inner_text()
    match = first.locator(".kb-search-match")
    assert "每個使用者安裝" in "".join(match.locator(".kb-search-t mark").all_inner_texts())
    assert match.locator(".kb-search-s").inner_text().strip() != ""
    assert "#seg-" in first.locator("a.kb-search-hit").get_attribute("href")
