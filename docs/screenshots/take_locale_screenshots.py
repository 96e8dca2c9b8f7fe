"""Screenshots of a site of several locales: home, ALLUSERS (both views) and the matrix in each
locale at 390 and 1280 px, the language switcher open, and search results for a query in French,
Russian and Italian.

    kbtools build --source ZH --source FR --source RU --source IT --site-dir SITE
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

from chromium import launch_chromium, type_query  # noqa: E402

WIDTHS = (390, 1280)
# A query a reader of each language might type, in that language (the locale's site must be in SITE).
SEARCHES = {"fr-fr": "redémarrage", "ru-ru": "перезагрузка", "it-it": "cartella di installazione"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] in {"-h", "--help"} or not Path(sys.argv[1]).is_dir():
        print(
            "usage: python docs/screenshots/take_locale_screenshots.py SITE OUT_DIR [zh-tw fr-fr ru-ru]",
            file=sys.stderr,
        )
        print("  SITE: a site built with `kbtools build` from several --source folders", file=sys.stderr)
        return 0 if sys.argv[1:2] in (["-h"], ["--help"]) else 2
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
                for locale, query in SEARCHES.items():
                    if not (site / locale / "index.html").is_file():
                        print(f"take_locale_screenshots: no {locale} site in {site}, search not shown", file=sys.stderr)
                        continue
                    page.goto(base + f"{locale}/index.html")
                    type_query(page, query, timeout=60_000)
                    page.wait_for_timeout(500)
                    page.screenshot(path=str(out / f"{locale}-search-1280.png"))
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
