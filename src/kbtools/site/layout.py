"""Where each generated page lives in the docs tree and in the built site."""

from __future__ import annotations

from kbtools.kb.record import PropertyRecord

HOME = "index.md"
BY_CATEGORY = "categories.md"
BY_KIND = "kinds.md"
MATRIX = "matrix.md"
PROPERTY_DIR = "properties"
STYLESHEET = "assets/kbtools.css"
SCRIPT = "assets/kbtools.js"


def property_doc(record: PropertyRecord) -> str:
    """The Markdown file of a property page (`properties/<slug>.md`)."""
    return f"{PROPERTY_DIR}/{record.slug}.md"


def site_url(doc: str) -> str:
    """The built page of a Markdown file; the site uses plain `.html` URLs so it also reads from disk."""
    return doc[:-3] + ".html" if doc.endswith(".md") else doc


def source_page_name(record: PropertyRecord) -> str:
    """The file name of the record's source page (`msirestartmanagersessionkey.md`)."""
    return record.source.path.replace("\\", "/").rsplit("/", 1)[-1]
