"""Debian's Chromium as every browser run of the project launches it: the tests (conftest.py), the
benchmarks (page_weight.py, search_eval.py) and the screenshot scripts (docs/screenshots/); and
how each of them types a query into the site's search box (`type_query`).

Never a browser Playwright downloads: the one at `/usr/bin/chromium`, headless, with everything
that would reach the internet on its own (background networking, component updates, sync, QUIC)
turned off, so a measured page makes only the requests the page itself makes.

    from chromium import launch_chromium
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


SEARCH_BOX = "input.md-search__input"
# The site's own search (assets/search.js) marks its result list with the query it answers.
ANSWERED = (
    "q => { const list = document.querySelector('.kb-search-results'); return list && list.dataset.query === q; }"
)


class ChromiumMissing(RuntimeError):
    """`/usr/bin/chromium` is not installed."""


def launch_chromium(playwright: Any) -> Any:
    """A headless Chromium browser from `/usr/bin/chromium` (Playwright's `Browser`)."""
    if not CHROMIUM.exists():
        raise ChromiumMissing(f"{CHROMIUM} not found: install Debian's chromium package")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def type_query(page: Any, query: str, *, timeout: int = 30_000) -> None:
    """Type `query` into the site's search box (Playwright's `Page`) and wait until the result list
    answers that query, not an earlier one."""
    page.click(SEARCH_BOX)
    page.fill(SEARCH_BOX, query)
    page.wait_for_function(ANSWERED, arg=query, timeout=timeout)
