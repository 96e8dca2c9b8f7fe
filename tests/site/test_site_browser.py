"""The built corpus site in headless Chromium: search, hover, side-by-side switch, matrix filters."""

from __future__ import annotations

import pytest

from tests.chromium import type_query

pytestmark = [pytest.mark.browser, pytest.mark.corpus]

SESSION_KEY_PAGE = "properties/msirestartmanagersessionkey.html"
RESULTS = ".kb-search-results"


def search(page, base_url: str, query: str) -> list[str]:
    """Type `query` into the search box; return the result pages, best first."""
    page.goto(base_url + "index.html")
    type_query(page, query)
    hrefs = page.eval_on_selector_all(RESULTS + " a.kb-search-hit", "links => links.map(a => a.href)")
    pages = []
    for href in hrefs:
        path = href.removeprefix(base_url).split("?")[0].split("#")[0]
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize("query", ["工作階段金鑰", "重新啟動管理員", "session key", "InstallValidate"])
def test_search_ranks_the_session_key_property_first(page, corpus_url, query):
    assert search(page, corpus_url, query)[0] == SESSION_KEY_PAGE


def test_english_source_of_a_segment_shows_on_hover(page, corpus_url):
    page.goto(corpus_url + SESSION_KEY_PAGE)
    source = page.locator("#seg-75da0-107 > .kb-s")
    assert not source.is_visible()
    page.hover("#seg-75da0-107 > .kb-t")
    assert source.is_visible()
    assert "clears the value during the" in source.inner_text()


def test_sentences_are_not_tab_stops_and_the_keyboard_reaches_the_english_by_the_switch(page, corpus_url):
    page.goto(corpus_url + "properties/allusers.html")
    assert page.locator(".kb-seg[tabindex]").count() == 0
    page.focus(".kb-switch")
    page.keyboard.press("Enter")
    assert page.locator("#seg-d3ba3-111 > .kb-s").is_visible()


def test_a_page_does_not_download_materials_search_index(page, corpus_url):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(corpus_url + SESSION_KEY_PAGE, wait_until="networkidle")
    assert not [url for url in fetched if "search_index.json" in url]
    assert not [url for url in fetched if "kbtools-index.json" in url]  # fetched when search is used


def test_switch_shows_both_languages_side_by_side(page, corpus_url):
    page.goto(corpus_url + SESSION_KEY_PAGE)
    page.click(".kb-switch")
    assert page.get_attribute(".kb-switch", "aria-pressed") == "true"
    assert page.locator("#seg-75da0-107 > .kb-s").is_visible()
    # Both boxes in one read, so no layout change can come between them.
    target, source = page.eval_on_selector_all(
        "#seg-75da0-107 > .kb-t, #seg-75da0-107 > .kb-s",
        "spans => spans.map(span => { const r = span.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width}; })",
    )
    assert source["x"] >= target["x"] + target["width"]  # to the right
    assert abs(source["y"] - target["y"]) < 5  # on the same row


def test_switch_sets_list_items_side_by_side_too(page, corpus_url):
    page.goto(corpus_url + "properties/allusers.html")
    page.click(".kb-switch")
    target, source = page.eval_on_selector_all(
        ".kb-list #seg-d3ba3-111 > .kb-t, .kb-list #seg-d3ba3-111 > .kb-s",
        "spans => spans.map(span => { const r = span.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width}; })",
    )
    assert source["x"] >= target["x"] + target["width"]
    assert abs(source["y"] - target["y"]) < 5


def test_switch_is_remembered_on_the_next_page(page, corpus_url):
    page.goto(corpus_url + SESSION_KEY_PAGE)
    page.click(".kb-switch")
    page.goto(corpus_url + "properties/reboot.html")
    assert "kb-sxs" in page.get_attribute("body", "class")


def test_matrix_filters_by_name_and_installer_version(page, corpus_url):
    page.goto(corpus_url + "matrix.html")
    page.fill(".kb-filter-name", "msirestartmanagersessionkey")
    assert page.locator(".kb-matrix tbody tr:visible").count() == 1
    page.select_option(".kb-filter-version", "5.0")
    assert page.locator(".kb-matrix tbody tr:visible").count() == 1
    page.select_option(".kb-filter-version", "3.0")
    assert page.locator(".kb-matrix tbody tr:visible").count() == 0
    assert page.inner_text(".kb-matrix-count") == "0"


def test_matrix_filters_by_windows_version(page, corpus_url):
    page.goto(corpus_url + "matrix.html")
    total = page.locator(".kb-matrix tbody tr").count()
    page.select_option(".kb-filter-os", "Windows_Vista")
    shown = page.locator(".kb-matrix tbody tr:visible").count()
    assert 0 < shown < total
