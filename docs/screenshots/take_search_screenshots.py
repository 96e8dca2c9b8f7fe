"""Take the search screenshots in this folder (zh-TW and English queries and paraphrases, desktop width).

Builds the corpus site into a temporary folder (or takes `--site`), serves it on 127.0.0.1 and
types each query into the search box in Debian's chromium with Playwright. Chinese text needs a
CJK font on the machine (`apt-get install fonts-wqy-microhei`).

    python docs/screenshots/take_search_screenshots.py [--corpus DIR] [--site DIR]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))

from chromium import launch_chromium, type_query  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
SHOTS = {
    "search-results-zh.png": "每個使用者安裝",
    "search-results-en.png": "after reboot",
    # Paraphrases, in words the pages do not use (from the blind tuning half).
    "search-paraphrase-zh.png": "安裝給這台電腦的所有使用者",
    "search-paraphrase-en.png": "tech support phone number arp entry",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def take(site: Path) -> None:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, query in SHOTS.items():
                page.goto(base + "index.html")
                type_query(page, query)
                page.wait_for_timeout(800)  # let the CJK font draw
                page.screenshot(path=str(HERE / name))
            browser.close()
    finally:
        server.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--site", type=Path, help="a corpus site already built")
    args = parser.parse_args()
    if args.site:
        take(args.site)
        return 0
    pages = args.corpus / "win32-zh-tw-sxs" / "desktop-src" / "Msi"
    if not pages.is_dir():
        print(f"take_search_screenshots: corpus not found: {pages}", file=sys.stderr)
        return 2
    from kbtools.site.build import build_site

    with tempfile.TemporaryDirectory() as scratch:
        take(build_site(pages, Path(scratch) / "site"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
