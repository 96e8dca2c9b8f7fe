"""Requests and bytes transferred per page type of a built site, as `kbtools serve` sends them.

    python benchmarks/page_weight.py --site-dir SITE --source SXS_DIR

Starts `kbtools serve` on the site, opens each page type in Chromium (a fresh profile per page,
so nothing is cached), and prints the number of requests and the bytes on the wire (compressed
bodies plus headers) until the network is idle. The budget for the first property page is
8 requests and 400 KB.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from chromium import launch_chromium  # noqa: E402
from serving import serve_process  # noqa: E402

PAGES = {
    "home": "index.html",
    "property page (ALLUSERS)": "properties/allusers.html",
    "matrix": "matrix.html",
    "by category": "categories.html",
}


def measure(browser, url: str) -> tuple[int, int, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen: list = []
    page.on("requestfinished", lambda request: seen.append(request))
    page.goto(url, wait_until="networkidle")
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
            count, size, names = measure(browser, f"{base}/{args.prefix}{path}")
            print(f"{label:28} {count:8d} {size / 1024:8.1f}")
            if args.verbose:
                print("   ", " ".join(names))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
