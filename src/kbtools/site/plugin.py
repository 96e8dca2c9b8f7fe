"""The MkDocs plugin that adds the knowledge base's pages to a build (the `on_files` event)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib.resources import files as package_files
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.site.bilingual import plain_label
from kbtools.site.labels import SOURCE, TARGET
from kbtools.site.indexes import category_groups, render_by_category, render_by_kind, render_home
from kbtools.site.layout import (
    BY_CATEGORY,
    BY_KIND,
    HOME,
    MATRIX,
    SCRIPT,
    STYLESHEET,
    property_doc,
    site_url,
    source_page_name,
)
from kbtools.site.links import LinkResolver
from kbtools.site.matrix import render_matrix
from kbtools.site.property_page import render_property_page


class KnowledgeBasePlugin(BasePlugin):
    """Generates every page of the site from the records; no Markdown is read from disk."""

    def __init__(self, knowledge_base: KnowledgeBase) -> None:
        super().__init__()
        self.knowledge_base = knowledge_base

    def generated_pages(self) -> dict[str, str]:
        """Docs path -> Markdown source of every generated page."""
        records = self.knowledge_base.properties
        resolver = LinkResolver({source_page_name(r): site_url(property_doc(r)) for r in records})
        pages = {
            HOME: render_home(records, resolver),
            BY_CATEGORY: render_by_category(records, resolver),
            BY_KIND: render_by_kind(records, resolver),
            MATRIX: render_matrix(self.knowledge_base),
        }
        for record in records:
            pages[property_doc(record)] = render_property_page(record, resolver)
        return pages

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """The navigation: the index pages, and every property page under its category."""
        config.nav = navigation(self.knowledge_base.properties)
        # Each page carries only the open branch of the navigation, not all 335 entries.
        features = config.theme.get("features") or []
        if "navigation.prune" not in features:
            config.theme["features"] = [*features, "navigation.prune"]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for uri, markdown in self.generated_pages().items():
            files.append(File.generated(config, uri, content=markdown))
        assets = package_files("kbtools.site") / "assets"
        for uri in (STYLESHEET, SCRIPT):
            files.append(File.generated(config, uri, content=(assets / uri.rsplit("/", 1)[-1]).read_bytes()))
        return files


def navigation(records: Sequence[PropertyRecord]) -> list[dict[str, Any]]:
    """MkDocs `nav`. Themes print nav titles as they are, so titles are escaped here."""
    by_category: list[Any] = [BY_CATEGORY]
    for _, title, members in category_groups(records):
        text = title[TARGET] if title[TARGET] == title[SOURCE] else f"{title[TARGET]} ({title[SOURCE]})"
        by_category.append({escape(text): [property_doc(record) for record in members]})
    return [
        {escape(plain_label("home")): HOME},
        {escape(plain_label("by_category")): by_category},
        {escape(plain_label("by_kind")): BY_KIND},
        {escape(plain_label("matrix")): MATRIX},
    ]
