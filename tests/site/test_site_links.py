"""Links: site pages for properties in the knowledge base, the published page for the rest."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from kbtools.site.links import LinkResolver, published_page

HREF = re.compile(r"""<(?:a|link)\b[^>]*?\bhref="([^"]*)\"""")
SRC = re.compile(r"""<(?:script|img|source|iframe)\b[^>]*?\bsrc="([^"]*)\"""")


@pytest.fixture
def resolver() -> LinkResolver:
    return LinkResolver({"reboot.md": "properties/reboot.html"}, "zh-tw")


def test_link_to_a_property_page_goes_to_its_site_page(resolver):
    assert resolver.resolve("reboot.md", "properties/allusers.html") == "reboot.html"


def test_link_from_an_index_page_is_relative_to_that_page(resolver):
    assert resolver.resolve("reboot.md", "categories.html") == "properties/reboot.html"


def test_link_to_a_page_outside_the_knowledge_base_goes_to_the_published_page(resolver):
    assert (
        resolver.resolve("installvalidate-action.md", "properties/reboot.html")
        == "https://learn.microsoft.com/zh-tw/windows/win32/msi/installvalidate-action"
    )


def test_link_into_another_folder_goes_to_that_folder_of_the_published_docs(resolver):
    assert (
        resolver.resolve("../rstmgr/restart-manager-portal.md", "properties/reboot.html")
        == "https://learn.microsoft.com/zh-tw/windows/win32/rstmgr/restart-manager-portal"
    )


def test_site_absolute_windows_link_goes_to_the_published_site():
    assert (
        published_page("/windows/desktop/api/msi/nf-msi-msigetpropertya#remarks", "zh-tw")
        == "https://learn.microsoft.com/zh-tw/windows/desktop/api/msi/nf-msi-msigetpropertya#remarks"
    )


@pytest.mark.parametrize("target", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_script_urls_are_dropped(resolver, target):
    assert resolver.resolve(target, "properties/reboot.html") is None


def _internal_targets(site: Path):
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for url in HREF.findall(text) + SRC.findall(text):
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "//")) or not parts.path:
                continue
            yield html_file, unquote(parts.path)


@pytest.mark.corpus
def test_every_internal_link_of_the_corpus_site_resolves_to_a_file(corpus_site):
    missing = [
        f"{page.relative_to(corpus_site)} -> {path}"
        for page, path in _internal_targets(corpus_site)
        if not ((corpus_site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)).exists()
    ]
    assert missing == []


@pytest.mark.corpus
def test_every_external_page_link_goes_to_the_published_docs_or_stays_as_written(corpus_site, corpus_kb):
    written = {link for record in corpus_kb.properties for link in record.links if link.startswith("http")}
    outside = set()
    for html_file in (corpus_site / "properties").glob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        article = text[text.index("<article") : text.index("</article>")]
        for url in HREF.findall(article):
            if url.startswith("http") and not url.startswith("https://learn.microsoft.com/zh-tw/"):
                outside.add(url.replace("&amp;", "&"))
    assert outside <= written
