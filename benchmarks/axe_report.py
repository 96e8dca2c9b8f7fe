"""axe-core's violations per page type of a built site, by impact, in Chromium.

    python benchmarks/axe_report.py --site-dir SITE [--prefix zh-tw/ --prefix fr-fr/ ...]

Serves the site (static files) on 127.0.0.1, opens each page type (home, a property page in both
views, at 1280 and 390 px, the matrix, search results, the out-of-date index when the site has
one), injects axe-core (`make browser` installs the pinned version under .cache/axe) and prints
the number of violations by impact and the ids of the serious and critical ones. The tests
(tests/site/test_site_accessibility.py) fail on any serious or critical one; this prints all.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import launch_chromium, type_query  # noqa: E402

AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
IMPACTS = ("critical", "serious", "moderate", "minor")


def _side_by_side(page) -> None:
    page.click(".kb-switch")


def _search(page) -> None:
    type_query(page, "ALLUSERS", timeout=60_000)


PAGES = [
    ("home", "index.html", None, 1280),
    ("property page", "properties/allusers.html", None, 1280),
    ("property page, side by side", "properties/allusers.html", _side_by_side, 1280),
    ("property page, phone", "properties/allusers.html", None, 390),
    ("matrix", "matrix.html", None, 1280),
    ("search results", "index.html", _search, 1280),
    ("out-of-date index", "out-of-date.html", None, 1280),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--prefix", action="append", default=None, help="a locale's folder in a site of several")
    args = parser.parse_args()
    if not AXE.is_file():
        print(f"axe_report: {AXE} not found (run `make browser`)", file=sys.stderr)
        return 2
    axe = AXE.read_text(encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    from playwright.sync_api import sync_playwright

    print(f"{'locale':8} {'page':30} " + " ".join(f"{impact:>8}" for impact in IMPACTS) + "  serious or critical")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for prefix in args.prefix or [""]:
            for label, path, before, width in PAGES:
                if not (args.site_dir / prefix / path).is_file():
                    continue
                context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
                page = context.new_page()
                page.goto(base + prefix + path)
                if before is not None:
                    before(page)
                page.add_script_tag(content=axe)
                found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
                context.close()
                counts = Counter(v["impact"] for v in found)
                blocking = sorted(v["id"] for v in found if v["impact"] in ("serious", "critical"))
                others = ",".join(sorted(v["id"] for v in found if v["impact"] not in ("serious", "critical")))
                print(
                    f"{prefix.rstrip('/') or '-':8} {label:30} "
                    + " ".join(f"{counts.get(impact, 0):8d}" for impact in IMPACTS)
                    + f"  {', '.join(blocking) or 'none'}"
                    + (f"  (other: {others})" if others else "")
                )
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
