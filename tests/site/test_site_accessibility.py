"""Accessibility with axe-core in Chromium: no serious or critical violation on any page type.

axe-core comes from the npm registry at the version the Makefile pins (`make browser` installs
it under .cache/axe); it is injected into each page. Without it the tests skip, and fail under
CI=true, like the corpus.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chromium import type_query

pytestmark = [pytest.mark.browser, pytest.mark.corpus]

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
STALE_PAGES = ("adminuser.md", "msirestartmanagercontrol.md", "privileged.md", "property-reference.md")


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        message = f"{AXE} not found (run `make browser`, which installs the pinned axe-core)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def stale_url(msi_dir: Path, msi_en_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site built with --english, so it has an out-of-date index and notices."""
    from kbtools.cli import main

    root = tmp_path_factory.mktemp("a11y-stale")
    source = root / "zh-TW"
    source.mkdir()
    for name in STALE_PAGES:
        shutil.copy(msi_dir / name, source / name)
    assert main(["build", "--source", str(source), "--english", str(msi_en_dir), "--site-dir", str(root / "site")]) == 0
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def violations(browser, url: str, axe_source: str, *, width: int = 1280, before=None) -> list[str]:
    # The site's CSP forbids inline script, so axe is injected with the CSP bypassed.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(url)
        if before is not None:
            before(page)
        # Colours are judged as the reader sees them once the search overlay has faded in, not
        # halfway through its transition.
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    finally:
        context.close()
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}" for v in result if v["impact"] in BLOCKING
    ]


def _side_by_side(page) -> None:
    page.click(".kb-switch")


def _search(page) -> None:
    type_query(page, "ALLUSERS")


@pytest.mark.parametrize(
    ("path", "before"),
    [
        ("index.html", None),
        ("properties/allusers.html", None),
        ("properties/allusers.html", _side_by_side),
        ("matrix.html", None),
        ("index.html", _search),
    ],
    ids=["home", "property page", "property page side by side", "matrix", "search results"],
)
def test_no_serious_or_critical_violation(browser, corpus_url, axe_source, path, before):
    assert violations(browser, corpus_url + path, axe_source, before=before) == []


def test_out_of_date_index_and_notice_have_no_serious_or_critical_violation(browser, stale_url, axe_source):
    assert violations(browser, stale_url + "out-of-date.html", axe_source) == []
    assert violations(browser, stale_url + "properties/adminuser.html", axe_source) == []


def test_property_page_has_no_serious_or_critical_violation_on_a_phone(browser, corpus_url, axe_source):
    assert violations(browser, corpus_url + "properties/allusers.html", axe_source, width=390) == []
