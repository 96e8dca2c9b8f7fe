"""The published site fetches nothing from the internet: no web fonts, scripts or styles."""

from __future__ import annotations

import re

RESOURCE_URL = re.compile(
    r"""<(?:script|img|iframe|source)\b[^>]*\bsrc="(https?:)?//|<link\b[^>]*\bhref="(https?:)?//|@import\s+url\(["']?https?:|fonts\.(?:googleapis|gstatic)""",
    re.I,
)


def test_sample_site_pages_load_no_resource_from_the_internet(sample_site):
    offenders = [
        path.name for path in sample_site.rglob("*.html") if RESOURCE_URL.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_sample_site_stylesheets_fetch_no_fonts_from_the_internet(sample_site):
    for path in sample_site.rglob("*.css"):
        assert not re.search(r"url\([\"']?https?:", path.read_text(encoding="utf-8")), path
