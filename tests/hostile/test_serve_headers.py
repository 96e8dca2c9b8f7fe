"""What `kbtools serve` sends with every response, the CSP `<meta>` in every built page, and
which site folders serve serves (only a complete site that kbtools built)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kbtools.cli import main
from kbtools.site.build import build_site
from kbtools.site.security_headers import CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY
from kbtools.site.site_folder import SITE_MARKER
from tests.serving import serve_process

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
FIRST_SCRIPT = re.compile(r"<script\b")


@pytest.fixture(scope="module")
def sample_site(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(sample_dir, tmp_path_factory.mktemp("headers") / "site")


@pytest.fixture(scope="module")
def server(sample_dir: Path, sample_site: Path) -> Iterator[str]:
    with serve_process("--source", str(sample_dir), "--site-dir", str(sample_site)) as (_, url):
        yield url


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/index.html",
        "/properties/msirestartmanagersessionkey.html",
        "/assets/kbtools.js",
        "/api/v1/properties.json",
        "/api/v1/properties?kind=installer",
        "/api/v1/properties/nosuch",
        "/no-such-page.html",
    ],
)
def test_every_response_carries_the_security_headers(server, path):
    response = httpx.get(server + path, timeout=30)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_the_header_policy_forbids_inline_script_and_framing():
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_every_built_page_carries_the_policy_before_any_script(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        meta = CSP_META.search(html)
        assert meta, f"{page}: no CSP meta"
        assert meta.group(1).replace("&#39;", "'") == META_CONTENT_SECURITY_POLICY
        first_script = FIRST_SCRIPT.search(html)
        assert first_script is None or meta.start() < first_script.start(), f"{page}: a script before the CSP"


def test_no_built_page_has_an_inline_script(sample_site):
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
    for page in sorted(sample_site.rglob("*.html")):
        assert not inline.search(page.read_text(encoding="utf-8")), f"{page}: inline script"


def test_serve_builds_over_an_empty_folder(sample_dir, tmp_path, monkeypatch):
    # The build refuses nothing here; serve must then listen: a taken port stops it right after.
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr("kbtools.api.command._listen", _refuse_to_listen)
    assert main(["serve", "--source", str(sample_dir), "--site-dir", str(site)]) == 2
    assert (site / SITE_MARKER).is_file() and (site / "api" / "v1" / "properties.json").is_file()


def test_serve_refuses_a_foreign_folder_and_deletes_nothing(sample_dir, tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("someone else's page", encoding="utf-8")
    assert main(["serve", "--source", str(sample_dir), "--site-dir", str(site)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and SITE_MARKER in error
    assert (site / "index.html").read_text(encoding="utf-8") == "someone else's page"


def _refuse_to_listen(host: str, port: int):
    raise OSError(98, "Address already in use")
