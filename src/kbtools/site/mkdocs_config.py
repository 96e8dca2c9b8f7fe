"""The MkDocs configuration of the site: Material, offline, zh-TW with jieba-segmented search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kbtools.site.bilingual import plain_label
from kbtools.site.search import SEARCH_SCRIPT, SEARCH_STYLESHEET
from kbtools.site.layout import BY_CATEGORY, BY_KIND, HOME, MATRIX, PROPERTY_DIR, SCRIPT, STYLESHEET

# Material's zh-TW separator plus full-width and ASCII brackets and colons. Not `*`, `"` or `+`,
# which are query syntax, nor `.` (versions like 4.5), nor a split inside camel-case words:
# `InstallValidate` stays one term.
SEARCH_SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：（）「」,:;()\[\]/]+"


def theme_config() -> dict[str, Any]:
    """Material with no web fonts: the built site fetches nothing from the internet."""
    return {
        "name": "material",
        "language": "zh-TW",
        "font": False,
        "features": ["search.highlight", "navigation.top"],
    }


def search_config(user_dictionary: Path | None) -> dict[str, Any]:
    # No stemmer: the index would hold `installvalid` while the query `InstallValidate*` (a
    # prefix query, which lunr does not stem) looks for `installvalidate`.
    options: dict[str, Any] = {"separator": SEARCH_SEPARATOR, "pipeline": ["stopWordFilter"]}
    if user_dictionary is not None:
        options["jieba_dict_user"] = str(user_dictionary)
    return options


def site_config(docs_dir: Path, site_dir: Path, user_dictionary: Path | None) -> dict[str, Any]:
    """The configuration of a kbtools site (pages come from `KnowledgeBasePlugin`)."""
    return {
        "site_name": plain_label("home"),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": False,
        "strict": True,
        "theme": theme_config(),
        "plugins": [{"search": search_config(user_dictionary)}],
        "markdown_extensions": ["attr_list", "tables", {"toc": {"permalink": False}}],
        "extra_css": [STYLESHEET, SEARCH_STYLESHEET],
        "extra_javascript": [SCRIPT, SEARCH_SCRIPT],
        "nav": [
            {plain_label("home"): HOME},
            {plain_label("by_category"): BY_CATEGORY},
            {plain_label("by_kind"): BY_KIND},
            {plain_label("matrix"): MATRIX},
        ],
        # Property pages are reached from the index pages and search, not from the sidebar.
        "not_in_nav": f"/{PROPERTY_DIR}/\n",
    }
