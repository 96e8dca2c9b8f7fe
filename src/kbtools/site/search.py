"""The site's property search: an index of the records, written beside the built site.

`assets/search.js` answers the search box from this index: property names and titles first,
Chinese matched by words and overlapping bigrams with a boost when the whole query (or one of its
machine-translation variants) occurs, English and the European languages by Snowball stems with a
boost for adjacent ones. Each result shows its kind, summary and best matching sentence in both
languages.

Besides the documents the index carries the vocabulary the browser cannot compute: each word's
stem (`stems`), the renderings of the pages' locale's words in English from the lexicon learned
from the corpus' pairs (`renderings`, `site/search_lexicon.py`), English words that render the same
target words (`synonyms`: reboot / restart), Chinese variants (`variants`), and each name's words
(`w`: CamelCase parts, an all-caps name cut into the words of the pages, acronyms the pages define
spelled out).

The index is data, never markup: every text is plain (tags removed); the page escapes it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Any

from kbtools.kb.record import LocalizedSegment, LocalizedText, PropertyRecord
from kbtools.page.output_file import write_file
from kbtools.site.layout import property_doc, site_url
from kbtools.site.links import LinkResolver
from kbtools.site.locale import SOURCE, SiteLocale
from kbtools.site.markup import plain_text, render_markup
from kbtools.site.property_page import name_words, page_title
from kbtools.site.search_lexicon import (
    folded_letters,
    function_words,
    is_chinese,
    language,
    load_forms,
    load_lexicon,
    name_word_forms,
    shipped_lexicons,
)
from kbtools.site.search_terms import term_lexicon
from kbtools.site.search_vocabulary import Vocabulary

INDEX_FILE = "search/kbtools-index.json"
SEARCH_SCRIPT = "assets/search.js"
SEARCH_STYLESHEET = "assets/search.css"
INDEX_VERSION = 2


_NO_LINKS = LinkResolver({})


@lru_cache(maxsize=32768)  # each sentence is read twice: for the term lexicon and for its page
def _plain(markup: str) -> str:
    """A segment's inline Markdown as the text a reader sees (emphasis, code and links undone)."""
    return unescape(plain_text(render_markup(markup, _NO_LINKS, ""))) if markup else ""


def _pair(text: LocalizedText, locale: str) -> list[str]:
    return [_plain(text.get(locale) or ""), _plain(text.get(SOURCE) or "")]


def record_segments(record: PropertyRecord) -> list[LocalizedSegment]:
    """The record's sentences in page order (the text a search matches beyond title and summary).

    The sections no other field holds count too (`other`: a value table the record keeps whole,
    the option codes of REINSTALLMODE): their words are what a reader types (ADMIN for ACTION).
    """
    value = record.value.text if record.value else []
    segments = [*record.semantics, *value, *record.default_value, *record.remarks]
    held = {segment.id for segment in segments}
    other = [segment for section in record.other for segment in section.segments if segment.id not in held]
    return [*segments, *other]


def _segment_pair(segment: LocalizedSegment, locale: str) -> list[str]:
    extra = segment.__pydantic_extra__ or {}
    return [_plain(extra.get(locale) or ""), _plain(extra.get(SOURCE) or "")]


def records_locale(records: list[PropertyRecord]) -> str:
    """The locale the records' pages are in (English when none is stated or they disagree)."""
    locales = {record.source.locale for record in records if record.source.locale}
    return locales.pop() if len(locales) == 1 else SOURCE


def index_document(
    record: PropertyRecord, locale: str | None = None, vocabulary: Vocabulary | None = None
) -> dict[str, Any]:
    """One property in the index: short keys, as the file is fetched by every reader's browser."""
    locale = locale or record.source.locale or SOURCE
    site_locale = SiteLocale.of(locale)
    lifetime = record.lifetime
    actions = [name for names in (lifetime.set_at, lifetime.cleared_at, lifetime.valid_after) for name in names]
    kind = site_locale.pair(f"kind.{record.kind}")
    last = record.name.split(".")[-1].split("::")[-1]
    words = name_words(last)
    return {
        "u": site_url(property_doc(record)),
        "n": record.name,
        "w": vocabulary.name_words(last, words) if vocabulary else words,
        "a": sorted(set(actions)),
        "k": [kind[locale], kind[SOURCE]],
        # The title as the page shows it: the identifier stays (names are names).
        "t": _pair(page_title(record, site_locale), locale),
        "s": _pair(record.summary, locale) if record.summary else ["", ""],
        "g": [[segment.id, *_segment_pair(segment, locale)] for segment in record_segments(record)],
    }


def build_index(records: list[PropertyRecord], site_locale: SiteLocale | None = None) -> dict[str, Any]:
    """The whole index: documents and the vocabulary of their locale (see the module's doc)."""
    locale = site_locale.code if site_locale is not None else records_locale(records)
    pairs = [_segment_pair(segment, locale) for record in records for segment in record_segments(record)]
    texts = [text for record in records for text in (*_pair(record.title, locale), *_pair(record.summary, locale))]
    vocabulary = Vocabulary(pairs, texts, locale, load_lexicon(locale), shipped_lexicons(), load_forms(locale))
    variants = term_lexicon(pairs)[0] if is_chinese(locale) else []
    return {
        "version": INDEX_VERSION,
        "locale": locale,
        "lang": language(locale),
        "variants": variants,
        "function_words": function_words(locale),
        "fold": folded_letters(locale),
        "name_forms": name_word_forms(),
        "stems": vocabulary.stems,
        "renderings": vocabulary.renderings,
        "words": vocabulary.words,
        "synonyms": vocabulary.synonyms,
        "docs": [index_document(record, locale, vocabulary) for record in records],
    }


def write_index(records: list[PropertyRecord], site_dir: Path, locale: SiteLocale | None = None) -> Path:
    path = site_dir / INDEX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    index = build_index(records, locale)
    # Through the output guard: under a plain `mkdocs build` the site folder is the user's.
    write_file(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")), durable=False)
    return path
