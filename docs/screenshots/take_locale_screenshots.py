"""Screenshots of a site of several locales: home, ALLUSERS (both views) and the matrix in each
locale at 390 and 1280 px, and the language switcher open.

    kbtools build --source ZH --source FR --source RU --site-dir SITE
    python docs/screenshots/take_locale_screenshots.py SITE OUT_DIR [zh-tw fr-fr ru-ru]

The site is served on 127.0.0.1 (static files); each shot is the first screen, not the whole page.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))

from chromium import launch_chromium  # noqa: E402

WIDTHS = (390, 1280)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def main() -> int:
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    locales = sys.argv[3:] or ["zh-tw", "fr-fr", "ru-ru"]
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 844})
            page = context.new_page()
            for locale in locales:
                shots = [
                    ("home", "index.html", None),
                    ("allusers", "properties/allusers.html", None),
                    ("allusers-side-by-side", "properties/allusers.html", "sxs"),
                    ("matrix", "matrix.html", "os"),
                ]
                for name, path, action in shots:
                    page.goto(base + f"{locale}/{path}")
                    page.evaluate("() => localStorage.clear()")
                    page.reload()
                    if action == "sxs":
                        page.click(".kb-switch")
                    if action == "os":
                        page.select_option(".kb-filter-os", "Windows_XP")
                    page.wait_for_timeout(200)
                    page.screenshot(path=str(out / f"{locale}-{name}-{width}.png"))
            if width > 400:
                page.goto(base + f"{locales[0]}/properties/allusers.html")
                page.hover(".md-header .md-select")
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / "language-switcher.png"))
                page.goto(base + "index.html")
                page.screenshot(path=str(out / "languages-root.png"))
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
