"""Where each generated page lives in the docs tree and in the built site."""

from __future__ import annotations

import hashlib
import posixpath
import re
from urllib.parse import quote

from kbtools.kb.record import PropertyRecord

HOME = "index.md"
BY_CATEGORY = "categories.md"
BY_KIND = "kinds.md"
MATRIX = "matrix.md"
PROPERTY_DIR = "properties"
STYLESHEET = "assets/kbtools.css"
SCRIPT = "assets/kbtools.js"
# The files of `site/assets/` that make the site's one stylesheet and one script, in order: each
# file is one concern, and a page fetches one of each (a request per file made the first property
# page 11 requests against a budget of 8).
STYLESHEET_PARTS = ("kbtools.css", "search.css")
SCRIPT_PARTS = ("material-target.js", "kbtools.js", "search.js")

_SAFE_NAME = re.compile(r"[a-z0-9._-]+")
_UNSAFE_CHARS = re.compile(r"[^a-z0-9._-]+")


def property_doc(record: PropertyRecord) -> str:
    """The Markdown file of a property page (`properties/<slug>.md`)."""
    return f"{PROPERTY_DIR}/{page_name(record.slug)}.md"


def page_name(slug: str) -> str:
    """The slug as a file name that is safe in any URL and any Markdown.

    Slugs are file stems; one outside `[a-z0-9._-]` is reduced to those characters, with a short
    hash of the original so that two such slugs never share a page.
    """
    if _SAFE_NAME.fullmatch(slug) and slug.strip("."):
        return slug
    cleaned = _UNSAFE_CHARS.sub("-", slug.lower()).strip("-.") or "page"
    return f"{cleaned[:60]}-{hashlib.sha256(slug.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def site_url(doc: str) -> str:
    """The built page of a Markdown file; the site uses plain `.html` URLs so it also reads from disk."""
    return doc[:-3] + ".html" if doc.endswith(".md") else doc


def source_page_name(record: PropertyRecord) -> str:
    """The file name of the record's source page (`msirestartmanagersessionkey.md`)."""
    return record.source.path.replace("\\", "/").rsplit("/", 1)[-1]


def relative_url(target: str, page: str) -> str:
    """The URL of the built page `target` as written on the built page `page`."""
    return quote(posixpath.relpath(target, posixpath.dirname(page) or "."), safe="/._-~")
