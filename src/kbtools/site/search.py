"""The site's property search: an index of the records, written beside the built site.

`assets/search.js` answers the search box from this index: property names and titles first,
Chinese matched by overlapping bigrams with a boost when the whole query (or one of its
machine-translation variants) occurs, English by stemmed words with a boost for adjacent ones.
Each result shows its kind, summary and best matching sentence in both languages.

The index is data, never markup: every text is plain (tags removed); the page escapes it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Any

from kbtools.kb.record import LocalizedSegment, LocalizedText, PropertyRecord
from kbtools.site.layout import property_doc, site_url
from kbtools.site.links import LinkResolver
from kbtools.site.locale import SOURCE, SiteLocale
from kbtools.site.markup import plain_text, render_markup
from kbtools.site.property_page import name_words, page_title
from kbtools.site.search_terms import term_lexicon

INDEX_FILE = "search/kbtools-index.json"
SEARCH_SCRIPT = "assets/search.js"
SEARCH_STYLESHEET = "assets/search.css"
INDEX_VERSION = 1


_NO_LINKS = LinkResolver({})


@lru_cache(maxsize=32768)  # each sentence is read twice: for the term lexicon and for its page
def _plain(markup: str) -> str:
    """A segment's inline Markdown as the text a reader sees (emphasis, code and links undone)."""
    return unescape(plain_text(render_markup(markup, _NO_LINKS, ""))) if markup else ""


def _pair(text: LocalizedText, locale: str) -> list[str]:
    return [_plain(text.get(locale) or ""), _plain(text.get(SOURCE) or "")]


def record_segments(record: PropertyRecord) -> list[LocalizedSegment]:
    """The record's sentences in page order (the text a search matches beyond title and summary)."""
    value = record.value.text if record.value else []
    return [*record.semantics, *value, *record.default_value, *record.remarks]


def _segment_pair(segment: LocalizedSegment, locale: str) -> list[str]:
    extra = segment.__pydantic_extra__ or {}
    return [_plain(extra.get(locale) or ""), _plain(extra.get(SOURCE) or "")]


def index_document(record: PropertyRecord, locale: SiteLocale | None = None) -> dict[str, Any]:
    """One property in the index: short keys, as the file is fetched by every reader's browser."""
    locale = locale or SiteLocale.of(record.source.locale)
    code = locale.code
    lifetime = record.lifetime
    actions = [name for names in (lifetime.set_at, lifetime.cleared_at, lifetime.valid_after) for name in names]
    kind = locale.pair(f"kind.{record.kind}")
    return {
        "u": site_url(property_doc(record)),
        "n": record.name,
        "w": name_words(record.name.split(".")[-1].split("::")[-1]),
        "a": sorted(set(actions)),
        "k": [kind[code], kind[SOURCE]],
        # The title as the page shows it: the identifier stays (names are names).
        "t": _pair(page_title(record, locale), code),
        "s": _pair(record.summary, code) if record.summary else ["", ""],
        "g": [[segment.id, *_segment_pair(segment, code)] for segment in record_segments(record)],
    }


def build_index(records: list[PropertyRecord], locale: SiteLocale | None = None) -> dict[str, Any]:
    """The whole index: documents and the Chinese term variants read from the records' own pairs.

    `locale` names the language of the first text of each pair, for the ranking to segment or
    stem it by (Chinese, Japanese and Korean are not written in words).
    """
    locale = locale or SiteLocale.of(records[0].source.locale if records else None)
    pairs = [_segment_pair(segment, locale.code) for record in records for segment in record_segments(record)]
    variants, renderings = term_lexicon(pairs)
    return {
        "version": INDEX_VERSION,
        "locale": locale.code,
        "variants": variants,
        "renderings": renderings,
        "docs": [index_document(record, locale) for record in records],
    }


def write_index(records: list[PropertyRecord], site_dir: Path, locale: SiteLocale | None = None) -> Path:
    path = site_dir / INDEX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    index = build_index(records, locale)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
