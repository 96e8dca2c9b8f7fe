"""The MkDocs configuration of the site: Material, offline, zh-TW with jieba-segmented search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kbtools.site.bilingual import plain_label
from kbtools.site.layout import BY_CATEGORY, BY_KIND, HOME, MATRIX, PROPERTY_DIR, SCRIPT, STYLESHEET
from kbtools.site.locale import SiteLocale

# Template overrides: the CSP `<meta>` and Material's inline scripts moved to files.
THEME_OVERRIDES = Path(__file__).parent / "theme"

# Material's zh-TW separator plus full-width and ASCII brackets and colons. Not `*`, `"` or `+`,
# which are query syntax, nor `.` (versions like 4.5), nor a split inside camel-case words:
# `InstallValidate` stays one term.
SEARCH_SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：（）「」,:;()\[\]/]+"


def theme_config(locale: SiteLocale | None = None) -> dict[str, Any]:
    """Material with no web fonts: the built site fetches nothing from the internet. (The kbtools
    plugin adds `THEME_OVERRIDES`, which take Material's inline scripts out of the pages, and sets
    `language` to the pages' locale.)"""
    locale = locale or SiteLocale.of("zh-TW")
    return {
        "name": "material",
        "language": locale.material_language,
        "font": False,
        "features": ["search.highlight", "navigation.top"],
    }


def search_config() -> dict[str, Any]:
    # No stemmer: the index would hold `installvalid` while the query `InstallValidate*` (a
    # prefix query, which lunr does not stem) looks for `installvalidate`. The kbtools plugin
    # gives jieba the words of `search_terms.TERMS` before this plugin segments anything.
    return {"separator": SEARCH_SEPARATOR, "pipeline": ["stopWordFilter"]}


def site_config(docs_dir: str, site_dir: str, source: str, locale: SiteLocale | None = None) -> dict[str, Any]:
    """The configuration of a kbtools site: what `kbtools build` generates when there is no
    `mkdocs.yml`, and what the repository's `mkdocs.yml` holds for the sample.

    Paths are as written in a `mkdocs.yml` (relative to it, or absolute); the pages come from
    the `kbtools` plugin (`KnowledgeBasePlugin`), which reads them from `source`. `locale` is
    the pages' (the repository's sample is zh-TW).
    """
    locale = locale or SiteLocale.of("zh-TW")
    return {
        "site_name": plain_label(locale, "home"),
        "docs_dir": docs_dir,
        "site_dir": site_dir,
        "use_directory_urls": False,
        "strict": True,
        "theme": theme_config(locale),
        "plugins": [{"search": search_config()}, {"kbtools": {"source": source}}],
        "markdown_extensions": ["attr_list", "tables", {"toc": {"permalink": False}}],
        # One stylesheet and one script, each made of the files of `layout.STYLESHEET_PARTS` and
        # `layout.SCRIPT_PARTS` (the search's among them).
        "extra_css": [STYLESHEET],
        "extra_javascript": [SCRIPT],
        "nav": [
            {plain_label(locale, "home"): HOME},
            {plain_label(locale, "by_category"): BY_CATEGORY},
            {plain_label(locale, "by_kind"): BY_KIND},
            {plain_label(locale, "matrix"): MATRIX},
        ],
        # Property pages are reached from the index pages and search, not from the sidebar.
        "not_in_nav": f"/{PROPERTY_DIR}/\n",
    }
