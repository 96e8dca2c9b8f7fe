"""The MkDocs plugin that adds the knowledge base's pages to a build (the `on_files` event).

Registered as `kbtools` under the `mkdocs.plugins` entry point, so a `mkdocs.yml` can name it:

    plugins:
      - search
      - kbtools:
          source: translations   # the folder of sxs pages, relative to mkdocs.yml

`mkdocs build` and `mkdocs serve` (which reloads when a source page changes) then build the
same site as `kbtools build`.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.site.bilingual import plain_label
from kbtools.site.freshness import OUT_OF_DATE, freshness_notice, out_of_date_title, render_out_of_date, with_notice
from kbtools.site.indexes import category_groups, render_by_category, render_by_kind, render_home
from kbtools.site.layout import (
    BY_CATEGORY,
    BY_KIND,
    HOME,
    MATRIX,
    SCRIPT,
    SCRIPT_PARTS,
    STYLESHEET,
    STYLESHEET_PARTS,
    property_doc,
    site_url,
    source_page_name,
)
from kbtools.site.links import LinkResolver
from kbtools.site.locale import SOURCE, SiteLocale, catalog, catalog_locales
from kbtools.site.matrix import render_matrix
from kbtools.site.mkdocs_config import THEME_OVERRIDES
from kbtools.site.property_page import render_property_page
from kbtools.site.search import SEARCH_SCRIPT, SEARCH_STYLESHEET, write_index
from kbtools.site.security_headers import META_CONTENT_SECURITY_POLICY
from kbtools.site.site_folder import SITE_MARKER, SiteFolderRefused, SiteOrigin, check_site_folder, write_marker


class KnowledgeBasePluginConfig(Config):
    source = config_options.Optional(config_options.Type(str))
    """The folder of sxs pages (relative to mkdocs.yml); default: the docs folder."""


class KnowledgeBasePlugin(BasePlugin[KnowledgeBasePluginConfig]):
    """Generates every page of the site from the records; no Markdown is read from disk.

    The records are read from `source` at each build, unless the plugin was made with them
    (`kbtools build` reads them once, for the site and the API).
    """

    def __init__(self, knowledge_base: KnowledgeBase | None = None) -> None:
        super().__init__()
        self.knowledge_base = knowledge_base
        self.source: Path | None = None

    @event_priority(100)  # before the search plugin loads jieba's dictionaries in its on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        from kbtools.site.search_terms import FREQUENCY, TERMS
        from kbtools.site.segmenter import chinese_segmenter

        jieba = chinese_segmenter()
        for term in TERMS:
            jieba.add_word(term, FREQUENCY)
        self.source = self.configured_source(config)
        self.refuse_site_dir(config)
        if self.knowledge_base is None:
            self.knowledge_base = _read_records(self.records_source())
        # The site speaks its pages' language (`ms.contentlocale`): Material's words and `<html lang>`
        # follow it, and the site's scripts read their words from the page.
        self.locale = SiteLocale.of(self.knowledge_base.locale)
        config.theme["language"] = self.locale.material_language
        # A site name that is a catalog's own (the generated configuration's, for another locale)
        # follows the pages too; a name the user chose stays.
        if config.site_name in {catalog(code).get("label.home") for code in catalog_locales()}:
            config.site_name = self.locale.text("label.home")
        config.extra["kbtools_locale"] = self.locale.code
        config.extra["kbtools_messages"] = self.locale.js_messages()
        # Material's inline scripts moved to files, and the Content-Security-Policy `<meta>` that
        # forbids inline script (kbtools.site.security_headers), in every page.
        config.theme.dirs.insert(0, str(THEME_OVERRIDES))
        config.extra.setdefault("content_security_policy", META_CONTENT_SECURITY_POLICY)
        # The navigation: the index pages, and every property page under its category.
        config.nav = navigation(self.knowledge_base.properties, self.locale, stale=self._has_freshness())
        # The search's stylesheet and script are in the site's own (`STYLESHEET_PARTS`, `SCRIPT_PARTS`):
        # a configuration that still names them apart loads them once.
        config.extra_css = [uri for uri in config.extra_css if uri != SEARCH_STYLESHEET]
        config.extra_javascript = [
            script for script in config.extra_javascript if getattr(script, "path", script) != SEARCH_SCRIPT
        ]
        # Each page carries only the open branch of the navigation, not all 335 entries.
        features = config.theme.get("features") or []
        if "navigation.prune" not in features:
            config.theme["features"] = [*features, "navigation.prune"]
        return config

    def configured_source(self, config: MkDocsConfig) -> Path:
        """The `source` option relative to the mkdocs.yml that sets it; the docs folder if unset."""
        if not self.config.source:
            return Path(config.docs_dir)
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        return base / self.config.source

    def refuse_site_dir(self, config: MkDocsConfig) -> None:
        """`kbtools build`'s refusals, before MkDocs cleans `site_dir`: never the source, a folder
        holding it or the project, nor a non-empty folder kbtools did not build. The marker goes
        until the build completes, so a killed build leaves no folder that claims to be a site."""
        site_dir = Path(config.site_dir)
        try:
            check_site_folder(
                self.records_source(),
                site_dir,
                overwrite_hint="empty it or set site_dir to a new folder",
            )
        except SiteFolderRefused as error:
            raise PluginError(f"kbtools: site_dir {error}") from None
        marker = site_dir / SITE_MARKER
        if marker.is_symlink() or marker.is_file():
            marker.unlink()

    def records_source(self) -> Path:
        return self.source if self.source is not None else Path(self.config.source or ".")

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # noqa: ANN001 (livereload types)
        # `mkdocs serve` watches the docs folder; the pages come from the source folder.
        source = self.records_source()
        if source.exists() and not source.resolve().is_relative_to(Path(config.docs_dir).resolve()):
            server.watch(str(source))
        return server

    def _has_freshness(self) -> bool:
        return any(record.freshness is not None for record in self.knowledge_base.properties)

    def generated_pages(self, config: MkDocsConfig | None = None) -> dict[str, str]:
        """Docs path -> Markdown source of every generated page."""
        records = self.knowledge_base.properties
        locale = getattr(self, "locale", None) or SiteLocale.of(self.knowledge_base.locale)
        resolver = LinkResolver({source_page_name(r): site_url(property_doc(r)) for r in records}, locale.learn_path)
        extra_links = []
        if self._has_freshness():
            extra_links.append((site_url(OUT_OF_DATE), _freshness_label(locale)))
        languages = [
            (str(entry.get("link", "")), str(entry.get("lang", "")), str(entry.get("name", "")))
            for entry in ((config.extra.get("alternate") or []) if config is not None else [])
            if isinstance(entry, dict)
        ]
        pages = {
            HOME: render_home(records, resolver, locale, extra_links, languages),
            BY_CATEGORY: render_by_category(records, resolver, locale),
            BY_KIND: render_by_kind(records, resolver, locale),
            MATRIX: render_matrix(self.knowledge_base, locale),
        }
        for record in records:
            pages[property_doc(record)] = with_notice(
                render_property_page(record, resolver, locale), freshness_notice(record, locale)
            )
        if self._has_freshness():
            pages[OUT_OF_DATE] = render_out_of_date(records, locale)
        return pages

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # Only generated pages: Markdown in the docs folder (the sxs pages when it is the source
        # folder) is not part of the site.
        docs_dir = Path(config.docs_dir).resolve()
        for file in list(files):
            if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs_dir):
                files.remove(file)
        for uri, markdown in self.generated_pages(config).items():
            files.append(File.generated(config, uri, content=markdown))
        assets = package_files("kbtools.site") / "assets"
        # A script that ends without `;` would call the next part's `(function () {...})()`: each
        # script part is ended by one.
        for uri, parts, end in ((STYLESHEET, STYLESHEET_PARTS, b"\n"), (SCRIPT, SCRIPT_PARTS, b"\n;\n")):
            bundle = b"".join((assets / part).read_bytes().rstrip(b"\n") + end for part in parts)
            files.append(File.generated(config, uri, content=bundle))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # The property search's index, beside the pages it finds (read by assets/search.js).
        locale = getattr(self, "locale", None) or SiteLocale.of(self.knowledge_base.locale)
        write_index(self.knowledge_base.properties, Path(config.site_dir), locale)
        # A site the plugin built (`mkdocs build` too) is one `kbtools build` may replace.
        write_marker(Path(config.site_dir), SiteOrigin(self.records_source()))


# Most entries one navigation section lists. Every page carries the open branch of the
# navigation, so a category of N pages listed whole would put N entries in each of its N pages:
# a larger section is split into sections of at most this many, named by their first and last.
NAV_SECTION_LIMIT = 100


def navigation(
    records: Sequence[PropertyRecord], locale: SiteLocale | None = None, *, stale: bool = False
) -> list[dict[str, Any]]:
    """MkDocs `nav`. Themes print nav titles as they are, so titles are escaped here."""
    locale = locale or SiteLocale.of(records[0].source.locale if records else None)
    by_category: list[Any] = [BY_CATEGORY]
    for _, title, members in category_groups(records, locale):
        own = title.get(locale.code) or title[SOURCE]
        text = own if own == title[SOURCE] else f"{own} ({title[SOURCE]})"
        by_category.append({escape(text): _bounded_section(list(members))})
    nav = [
        {escape(plain_label(locale, "home")): HOME},
        {escape(plain_label(locale, "by_category")): by_category},
        {escape(plain_label(locale, "by_kind")): BY_KIND},
        {escape(plain_label(locale, "matrix")): MATRIX},
    ]
    if stale:
        nav.append({escape(out_of_date_title(locale)): OUT_OF_DATE})
    return nav


def _freshness_label(locale: SiteLocale) -> str:
    from kbtools.site.bilingual import hover_html

    return hover_html(locale.pair("freshness.title"), locale)


def _bounded_section(members: list[PropertyRecord]) -> list[Any]:
    """The property pages of one section, in sections of at most `NAV_SECTION_LIMIT` entries."""
    if len(members) <= NAV_SECTION_LIMIT:
        return [property_doc(record) for record in members]
    span = NAV_SECTION_LIMIT  # pages under one part: a power of the limit, so parts are few
    while -(-len(members) // span) > NAV_SECTION_LIMIT:
        span *= NAV_SECTION_LIMIT
    count = -(-len(members) // span)
    size = -(-len(members) // count)  # parts of equal size
    parts = [members[start : start + size] for start in range(0, len(members), size)]
    return [{escape(f"{part[0].name} – {part[-1].name}"): _bounded_section(part)} for part in parts]


def _read_records(source: Path) -> KnowledgeBase:
    from kbtools.kb import build_knowledge_base

    if not source.exists():
        raise PluginError(
            f"{source}: no such file or directory (set the kbtools plugin's `source` to a folder of sxs pages)"
        )
    knowledge_base = build_knowledge_base(source)
    if not knowledge_base.properties:
        raise PluginError(
            f"{source}: no property pages found (set the kbtools plugin's `source` to a folder of sxs property pages)"
        )
    return knowledge_base
