"""The built corpus site as a reader meets it, in Chromium at phone and desktop widths."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.corpus]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PROPERTY_PAGES = [
    "properties/action.html",
    "properties/reinstallmode.html",
    "properties/allusers.html",
    "properties/transforms.html",
]
INDEX_PAGES = ["index.html", "categories.html", "kinds.html", "matrix.html"]
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def tab(browser, request):
    context = browser.new_context(viewport=request.param)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("tab", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PROPERTY_PAGES + INDEX_PAGES)
def test_no_page_overflows_the_screen_sideways(tab, corpus_url, path):
    tab.goto(corpus_url + path)
    assert tab.evaluate(OVERFLOW) <= 0


@pytest.mark.parametrize("tab", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PROPERTY_PAGES)
def test_side_by_side_does_not_overflow_the_screen(tab, corpus_url, path):
    tab.goto(corpus_url + path)
    tab.click(".kb-switch")
    assert tab.evaluate(OVERFLOW) <= 0


@pytest.mark.parametrize("tab", [PHONE], indirect=True)
def test_side_by_side_stacks_the_source_under_the_translation_on_a_phone(tab, corpus_url):
    tab.goto(corpus_url + "properties/allusers.html")
    tab.click(".kb-switch")
    target, source = tab.eval_on_selector_all(
        "#seg-d3ba3-104 > .kb-t, #seg-d3ba3-104 > .kb-s",
        "spans => spans.map(span => { const r = span.getBoundingClientRect(); return {x: r.x, y: r.y, bottom: r.bottom}; })",
    )
    assert source["y"] >= target["bottom"] - 1
    assert abs(source["x"] - target["x"]) < 20


@pytest.mark.parametrize("tab", [PHONE], indirect=True)
def test_a_wide_table_scrolls_in_its_own_box_and_says_so(tab, corpus_url):
    tab.goto(corpus_url + "properties/transforms.html")
    box = tab.locator(".kb-table-scroll").first
    assert box.evaluate("box => box.scrollWidth > box.clientWidth || !!box.querySelector('.md-typeset__scrollwrap')")
    assert tab.locator(".kb-scroll-hint").first.is_visible()
    assert tab.evaluate(OVERFLOW) <= 0


@pytest.mark.parametrize("tab", [PHONE], indirect=True)
def test_matrix_scrolls_in_its_own_box_on_a_phone(tab, corpus_url):
    tab.goto(corpus_url + "matrix.html")
    assert tab.locator(".kb-matrix-scroll").evaluate("box => box.scrollWidth > box.clientWidth")
    assert tab.locator(".kb-scroll-hint").first.is_visible()


@pytest.mark.parametrize("tab", [DESKTOP], indirect=True)
def test_table_cells_show_their_english_source_on_hover(tab, corpus_url):
    tab.goto(corpus_url + "properties/reinstallmode.html")
    source = tab.locator("table #seg-7e14b-114 > .kb-s")
    assert not source.is_visible()
    tab.hover("table #seg-7e14b-114 > .kb-t")
    assert source.is_visible()
    assert "Reinstall only if the file is missing." in source.inner_text()


@pytest.mark.parametrize("tab", [DESKTOP], indirect=True)
def test_side_by_side_shows_table_cells_in_both_languages(tab, corpus_url):
    tab.goto(corpus_url + "properties/reinstallmode.html")
    tab.click(".kb-switch")
    assert tab.locator("table #seg-7e14b-114 > .kb-s").is_visible()


@pytest.mark.parametrize("tab", [DESKTOP], indirect=True)
def test_a_property_page_shows_its_category_in_the_navigation(tab, corpus_url):
    tab.goto(corpus_url + "properties/reinstallmode.html")
    links = tab.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link", "links => links.map(a => a.getAttribute('href'))"
    )
    assert "reinstall.html" in links
    labels = tab.eval_on_selector_all(
        "nav.md-nav--primary label.md-nav__link", "labels => labels.map(l => l.textContent.trim())"
    )
    assert any("Feature Installation Options Properties" in text for text in labels)


def test_navigation_holds_every_property_page_once_under_a_category(corpus_kb):
    from kbtools.site.layout import property_doc
    from kbtools.site.plugin import navigation

    nav = navigation(corpus_kb.properties)
    [by_category] = [entry for entry in nav if "依類別" in next(iter(entry))]
    sections = next(iter(by_category.values()))[1:]
    docs = [doc for section in sections for members in section.values() for doc in members]
    assert sorted(docs) == sorted(property_doc(record) for record in corpus_kb.properties)
    assert any(
        title.startswith("功能安裝選項屬性 (Feature Installation Options Properties)") for s in sections for title in s
    )


def test_home_page_says_what_the_site_is_and_lists_properties_by_category(corpus_site):
    html = (corpus_site / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert "side by side" in article and "並排" in article
    assert 'href="api/v1/properties.json"' in article and 'href="api/v1/openapi.json"' in article
    assert (corpus_site / "api" / "v1" / "openapi.json").exists()
    assert article.count('href="properties/') == 335
    assert 'title="Feature Installation Options Properties"' in article
    assert (
        'href="properties/reinstallmode.html"><code>REINSTALLMODE</code></a> <span class="kb-home-summary">' in article
    )


def test_home_page_title_is_not_doubled(corpus_site):
    html = (corpus_site / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert title.count("Windows Installer 屬性") == 1


def test_automation_titles_keep_their_identifier(corpus_site):
    html = (corpus_site / "properties" / "client-context.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1.*?</h1>", html, re.S).group(0)
    assert "<code>Client.Context</code>" in heading
    assert "<title>Client.Context 屬性" in html


def test_value_labels_and_categories_are_zh_tw_with_english_on_hover(corpus_site):
    html = (corpus_site / "properties" / "installer-version.html").read_text(encoding="utf-8")
    assert 'title="read-only">唯讀</span>' in html
    html = (corpus_site / "properties" / "reinstallmode.html").read_text(encoding="utf-8")
    assert 'title="Feature Installation Options Properties">功能安裝選項屬性</span>' in html


def test_tapping_a_wrapped_sentence_on_a_phone_shows_its_english_within_the_screen(browser, corpus_url):
    # A phone: a touch screen 390 px wide, where a tap is the only way to the English of a sentence.
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=1)
    page = context.new_page()
    try:
        page.goto(corpus_url + "properties/reinstallmode.html")
        # A sentence of a paragraph that wraps over several lines, away from the left edge.
        segment = page.evaluate_handle(
            """() => [...document.querySelectorAll('.kb-p > .kb-seg')].find(seg => {
                 const t = seg.querySelector(':scope > .kb-t');
                 return t && t.getClientRects().length > 1 && seg.querySelector(':scope > .kb-s');
               })"""
        )
        assert segment.as_element() is not None, "REINSTALLMODE has a wrapped sentence"
        target = segment.as_element().query_selector(":scope > .kb-t")
        source = segment.as_element().query_selector(":scope > .kb-s")
        target.scroll_into_view_if_needed()
        box = target.evaluate(
            "t => { const r = t.getClientRects(); const last = r[r.length - 1]; return {x: last.x + last.width / 2, y: last.y + last.height / 2}; }"
        )
        assert not source.is_visible()
        page.touchscreen.tap(box["x"], box["y"])
        page.wait_for_timeout(200)
        assert source.is_visible()
        shown = source.evaluate(
            "s => { const r = s.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"
        )
        width = page.evaluate("() => ({document: document.documentElement.scrollWidth, viewport: window.innerWidth})")
        paragraph_bottom = segment.as_element().evaluate("seg => seg.closest('.kb-p').getBoundingClientRect().bottom")
    finally:
        context.close()
    assert width["document"] <= width["viewport"]
    assert shown["left"] >= 0 and shown["right"] <= width["viewport"]
    assert shown["top"] >= paragraph_bottom - 1  # under the paragraph, not over its text
