"""The corpus site under its Content-Security-Policy, served by `kbtools serve`, in Chromium:
Material and search still work, the browser reports no violation, and an inline script or
event handler that reached a page is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serving import serve_process

pytestmark = [pytest.mark.browser, pytest.mark.corpus]

STARTUP_TIMEOUT = 300.0
# The site answers search itself, in its own result list (assets/search.js).
HAS_RESULTS = "() => document.querySelectorAll('.kb-search-results a.kb-search-hit').length > 0"
# Recorded by the page itself: an init script is injected by the browser, outside the page's CSP.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""
PROBE = "csp-probe.html"
PROBE_HTML = (
    "<!doctype html><title>probe</title>"
    '<img src="missing.png" onerror="window.__handlerRan = true">'
    "<script>window.__inlineRan = true</script>"
    '<a id="link" href="javascript:window.__hrefRan = true">x</a>'
)


@pytest.fixture(scope="module")
def server(msi_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("csp") / "site"
    with serve_process("--source", str(msi_dir), "--site-dir", str(site)) as (_, url):
        # A page with an inline script and handler, as if one had slipped through the escaping.
        (site / PROBE).write_text(PROBE_HTML, encoding="utf-8")
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.console_messages = []  # type: ignore[attr-defined]
    tab.on("console", lambda message: tab.console_messages.append(message.text))  # type: ignore[attr-defined]
    yield tab
    context.close()


def _csp_messages(page) -> list[str]:
    return [text for text in page.console_messages if "Content Security Policy" in text or "Refused" in text]


def test_search_works_under_the_policy_without_violations(page, server):
    for attempt in range(5):
        page.goto(f"{server}/index.html")
        page.click("input.md-search__input")
        page.fill("input.md-search__input", "工作階段金鑰")
        try:
            page.wait_for_function(HAS_RESULTS, timeout=10_000)
            break
        except Exception:
            if attempt == 4:
                raise
    hrefs = page.eval_on_selector_all(".kb-search-results a.kb-search-hit", "links => links.map(a => a.href)")
    assert any("msirestartmanagersessionkey.html" in href for href in hrefs)
    assert page.evaluate("window.__violations") == []
    assert _csp_messages(page) == []


@pytest.mark.parametrize(
    "path", ["index.html", "categories.html", "kinds.html", "matrix.html", "properties/allusers.html", "404.html"]
)
def test_pages_run_materials_scripts_without_violations(page, server, path):
    page.goto(f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    # Material's inline scripts, now files, ran: its helpers exist and its bundle set up the page.
    assert page.evaluate("typeof __md_get === 'function' && typeof __md_scope === 'object'")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.evaluate("window.__violations") == []
    assert _csp_messages(page) == []


def test_an_inline_script_and_handler_in_a_page_do_not_run(page, server):
    page.goto(f"{server}/{PROBE}")
    page.wait_for_load_state("networkidle")
    page.click("#link")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__handlerRan || window.__inlineRan || window.__hrefRan || false") is False
    violations = page.evaluate("window.__violations")
    assert len(violations) >= 2 and all(v.startswith("script-src") for v in violations)
