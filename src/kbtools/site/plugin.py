"""The MkDocs plugin that adds the knowledge base's pages to a build (the `on_files` event)."""

from __future__ import annotations

from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from kbtools.kb.record import KnowledgeBase
from kbtools.site.indexes import render_by_category, render_by_kind, render_home
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
from kbtools.site.search import SEARCH_SCRIPT, SEARCH_STYLESHEET, write_index


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
            HOME: render_home(records),
            BY_CATEGORY: render_by_category(records, resolver),
            BY_KIND: render_by_kind(records, resolver),
            MATRIX: render_matrix(records),
        }
        for record in records:
            pages[property_doc(record)] = render_property_page(record, resolver)
        return pages

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for uri, markdown in self.generated_pages().items():
            files.append(File.generated(config, uri, content=markdown))
        assets = package_files("kbtools.site") / "assets"
        for uri in (STYLESHEET, SCRIPT, SEARCH_STYLESHEET, SEARCH_SCRIPT):
            files.append(File.generated(config, uri, content=(assets / uri.rsplit("/", 1)[-1]).read_bytes()))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # The property search's index, beside the pages it finds (read by assets/search.js).
        write_index(self.knowledge_base.properties, Path(config.site_dir))
