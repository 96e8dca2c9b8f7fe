"""Take the screenshots in this folder from a fresh build of the corpus site.

Builds the site into a temporary folder, serves it on 127.0.0.1 and drives Debian's chromium
with Playwright. Chinese text needs a CJK font on the machine (`apt-get install fonts-wqy-microhei`).

    python docs/screenshots/take_screenshots.py [--corpus DIR]
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

from chromium import launch_chromium  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from kbtools.site.build import build_site  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# (file name, page, side by side on/off/not a property page, element to scroll to)
SHOTS = [
    ("home", "index.html", None, None),
    ("matrix", "matrix.html", None, ".kb-matrix"),
    ("action", "properties/action.html", False, "h2"),
    ("reinstallmode", "properties/reinstallmode.html", False, ".kb-table-scroll"),
    ("allusers", "properties/allusers.html", False, ".kb-list"),
    ("allusers-side-by-side", "properties/allusers.html", True, ".kb-list"),
    ("allusers-example-side-by-side", "properties/allusers.html", True, ".kb-code"),
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    pages = args.corpus / "win32-zh-tw-sxs" / "desktop-src" / "Msi"
    if not pages.is_dir():
        print(f"take_screenshots: corpus not found: {pages}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        site = build_site(pages, Path(scratch) / "site")
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                page = browser.new_page(viewport={"width": 1280, "height": 900})

                page.goto(base + "properties/msirestartmanagersessionkey.html")
                page.hover("#seg-75da0-104 > .kb-t")
                page.screenshot(path=str(HERE / "property-page-hover.png"))

                page.goto(base + "properties/allusers.html")
                page.click(".kb-switch")
                top = page.locator(".kb-p").first.bounding_box()["y"]
                page.screenshot(
                    path=str(HERE / "property-page-side-by-side.png"),
                    full_page=True,
                    clip={"x": 0, "y": max(0, top - 120), "width": 1280, "height": 900},
                )
                page.click(".kb-switch")  # the switch is remembered: leave it off

                for attempt in range(5):
                    page.goto(base + "index.html")
                    page.fill("input.md-search__input", "工作階段金鑰")
                    try:
                        page.wait_for_function(
                            "() => document.querySelectorAll('.md-search-result__list > li').length > 0",
                            timeout=10_000,
                        )
                        break
                    except Exception:
                        if attempt == 4:
                            raise
                page.wait_for_timeout(300)
                page.screenshot(path=str(HERE / "search-zh.png"))

                page.goto(base + "matrix.html")
                page.fill(".kb-filter-name", "msi")
                page.select_option("select >> nth=0", label="Windows Vista")
                page.wait_for_timeout(300)
                page.screenshot(path=str(HERE / "matrix.png"))
                page.close()

                for name, size in SIZES.items():
                    tab = browser.new_page(viewport=size)
                    for shot, path, switch, selector in SHOTS:
                        tab.goto(base + path)
                        switched = (
                            tab.get_attribute(".kb-switch", "aria-pressed") == "true" if switch is not None else None
                        )
                        if switch is not None and switched != switch:
                            tab.click(".kb-switch")
                        if selector:
                            tab.locator(selector).first.scroll_into_view_if_needed()
                            tab.evaluate("() => window.scrollBy(0, -80)")
                        tab.wait_for_timeout(200)
                        tab.screenshot(path=str(HERE / f"{shot}-{name}.png"))
                    tab.close()
                browser.close()
        finally:
            server.shutdown()
    print(f"wrote {', '.join(p.name for p in sorted(HERE.glob('*.png')))} in {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
