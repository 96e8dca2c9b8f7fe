"""What a page costs a reader: requests and bytes with `kbtools serve`, and the downloads held back
until the reader asks for what they serve (Material's search worker and index, other languages'
sitemaps). The figures per page type come from benchmarks/page_weight.py; these are the budgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.chromium import ANSWERED, SEARCH_BOX
from tests.serving import serve_process

pytestmark = [pytest.mark.browser, pytest.mark.corpus]

SESSION_KEY = "properties/msirestartmanagersessionkey.html"
REQUEST_BUDGET = 8
BYTE_BUDGET = 400 * 1024


def _load(browser, url: str, *, block: str | None = None, query: str | None = None):
    """Open `url` in a fresh profile (nothing cached); the finished requests, after `query` is typed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if block:
        page.route(block, lambda route: route.abort())
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    if query is not None:
        page.click(SEARCH_BOX)
        page.fill(SEARCH_BOX, query)
    return context, page, finished


def test_the_first_property_page_with_serve_stays_within_8_requests_and_400_kb(
    browser, corpus_site: Path, msi_dir: Path
):
    with serve_process("--site-dir", str(corpus_site), "--source", str(msi_dir)) as (_, base):
        context, _page, finished = _load(browser, f"{base}/properties/allusers.html")
        sizes = [request.sizes() for request in finished]
        names = [request.url.rsplit("/", 1)[-1] for request in finished]
        context.close()
    total = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)
    assert "allusers.html" in names and "kbtools.js" in names and "kbtools.css" in names
    assert len(finished) <= REQUEST_BUDGET, names
    assert total <= BYTE_BUDGET


def test_searching_starts_neither_materials_worker_nor_its_index(browser, corpus_url: str):
    context, page, finished = _load(browser, corpus_url + "index.html", query="ALLUSERS")
    page.wait_for_function(ANSWERED, arg="ALLUSERS", timeout=30_000)
    page.wait_for_load_state("networkidle")
    urls = [request.url for request in finished]
    context.close()
    assert [url for url in urls if url.endswith("kbtools-index.json")]
    assert not [url for url in urls if "/workers/search." in url or "search_index.json" in url]


def test_without_the_sites_index_materials_search_starts_and_answers(browser, corpus_url: str):
    context, page, finished = _load(browser, corpus_url + "index.html", block="**/kbtools-index.json", query="ALLUSERS")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    results = page.locator(".md-search-result__item").count()
    urls = [request.url for request in finished]
    context.close()
    assert results > 0
    assert [url for url in urls if "/workers/search." in url] and [url for url in urls if "search_index.json" in url]


@pytest.fixture(scope="module")
def two_locale_url(corpus_root: Path, sample_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    import functools
    import http.server
    import shutil
    import threading

    from kbtools.site.build import build_sites

    root = tmp_path_factory.mktemp("weight-locales")
    fr = root / "fr"
    shutil.copytree(
        corpus_root / "win32-fr-fr-sxs" / "desktop-src" / "Msi",
        fr,
        ignore=lambda d, names: [
            n
            for n in names
            if n.endswith(".md") and n not in ("msirestartmanagersessionkey.md", "property-reference.md")
        ],
    )
    site = build_sites([sample_dir, fr], root / "site")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_other_languages_sitemaps_wait_for_the_language_switcher(browser, two_locale_url: str):
    context, page, finished = _load(browser, two_locale_url + "fr-fr/" + SESSION_KEY)
    before = [request.url for request in finished if request.url.endswith("sitemap.xml")]
    page.hover(".md-header .md-select")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    after = [request.url for request in finished if request.url.endswith("sitemap.xml")]
    # The switcher still works: without a `site_url` the sitemaps list no page, and it leads to the
    # other language's home page, as its link says.
    page.click('.md-select a[hreflang="zh-TW"]')
    page.wait_for_load_state("load")
    landed = page.url
    context.close()
    assert before == []
    assert any("/zh-tw/" in url for url in after)
    assert landed == two_locale_url + "zh-tw/index.html"
