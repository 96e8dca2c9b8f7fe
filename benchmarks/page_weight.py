"""Requests and bytes transferred per page type of a built site, as `kbtools serve` sends them.

    python benchmarks/page_weight.py --site-dir SITE --source SXS_DIR

Starts `kbtools serve` on the site, opens each page type in Chromium (a fresh profile per page,
so nothing is cached), and prints the number of requests and the bytes on the wire (compressed
bodies plus headers) until the network is idle; "search results" types a query into the home page's
search box and counts what answering it fetches too. The budget for the first property page is
8 requests and 400 KB. The out-of-date index is only in a site built with `--english`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from chromium import launch_chromium, type_query  # noqa: E402
from serving import serve_process  # noqa: E402

PAGES = {
    "home": "index.html",
    "property page (ALLUSERS)": "properties/allusers.html",
    "matrix": "matrix.html",
    "by category": "categories.html",
    # A query typed into the home page's search box: the page, then what answering it fetches.
    "search results": "index.html",
    # Only in a site built with --english.
    "out-of-date index": "out-of-date.html",
}
SEARCH_QUERY = "ALLUSERS"


def measure(browser, url: str, query: str | None = None) -> tuple[int, int, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen: list = []
    page.on("requestfinished", lambda request: seen.append(request))
    # The load event first (a large page parses for seconds on a loaded machine, and the network is
    # idle meanwhile), then what the scripts fetch after it.
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    if response is None or response.status != 200:
        context.close()
        return 0, 0, []
    if query is not None:
        type_query(page, query, timeout=60_000)
        page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    total = 0
    names = []
    for request in seen:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        names.append(request.url.rsplit("/", 1)[-1])
    context.close()
    return len(seen), total, names


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--prefix", default="", help="the locale's folder in a site of several (fr-fr/)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with (
        serve_process("--site-dir", str(args.site_dir), "--source", str(args.source)) as (_, base),
        sync_playwright() as p,
    ):
        browser = launch_chromium(p)
        print(f"{'page':28} {'requests':>8} {'KB':>8}")
        for label, path in PAGES.items():
            query = SEARCH_QUERY if label == "search results" else None
            count, size, names = measure(browser, f"{base}/{args.prefix}{path}", query)
            if not count:
                print(f"{label:28} {'(no such page)':>17}")
                continue
            print(f"{label:28} {count:8d} {size / 1024:8.1f}")
            if args.verbose:
                print("   ", " ".join(names))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
