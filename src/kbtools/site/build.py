"""`build_site`: records -> generated Markdown -> a real MkDocs Material build -> static API."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from kbtools.kb import KnowledgeBase, build_knowledge_base
from kbtools.kb.record import PropertyRecord
from kbtools.site.locale import SiteLocale
from kbtools.site.mkdocs_config import site_config
from kbtools.site.plugin import KnowledgeBasePlugin
from kbtools.site.site_folder import SiteFolderRefused, SiteOrigin, check_site_folder, replacing

DEFAULT_SITE_DIR = Path("site")


class SiteError(Exception):
    """A build that cannot go on for a reason the user can fix (the message names the path)."""


class SiteDirRefused(SiteError):
    """A `--site-dir` that a build must not replace (the source, the current folder, someone's files)."""


class SourceRefused(SiteError):
    """A source folder a site cannot be made of: pages in several locales, or no Windows Installer
    property page (a usage error: the user named the wrong folder)."""


def is_windows_installer_property(record: PropertyRecord) -> bool:
    """A record of the Windows Installer reference: its requirements name Windows Installer or the
    merge module runtime, or its DLL or header is the installer's. (An ActiveX control's
    `Player.URL property` page reads as a property page too, and names neither.)"""
    requirements = record.requirements
    return (
        bool(requirements.statements)
        or (requirements.dll or "").lower() in {"msi.dll", "mergemod.dll"}
        or (requirements.header or "").lower() in {"msi.h", "msiquery.h", "mergemod.h"}
    )


def site_locale(knowledge_base: KnowledgeBase, source: Path) -> SiteLocale:
    """The one locale of the source's pages; `SourceRefused` for a folder a site cannot be made of."""
    records = knowledge_base.properties
    if not records:
        raise SourceRefused(f"{source}: no property pages found (give --source a folder of sxs property pages)")
    if not any(is_windows_installer_property(record) for record in records):
        raise SourceRefused(
            f"{source}: none of its {len(records)} property pages is a Windows Installer property page "
            "(give --source the Msi folder of a translation)"
        )
    counts: dict[str, int] = {}
    for record in records:
        counts[record.source.locale or "no ms.contentlocale"] = (
            counts.get(record.source.locale or "no ms.contentlocale", 0) + 1
        )
    if len(counts) > 1:
        said = ", ".join(f"{locale}: {count}" for locale, count in sorted(counts.items(), key=lambda item: -item[1]))
        raise SourceRefused(
            f"{source}: pages in {len(counts)} locales ({said}); give each locale its own --source folder"
        )
    return SiteLocale.of(records[0].source.locale)


def check_site_dir(
    source: Path,
    site_dir: Path,
    *,
    overwrite: bool = False,
    overwrite_hint: str = "add --overwrite",
    english: Path | None = None,
) -> Path:
    """The resolved site folder when a build may replace it; `SiteDirRefused` says why not."""
    try:
        return check_site_folder(source, site_dir, overwrite=overwrite, overwrite_hint=overwrite_hint, english=english)
    except SiteFolderRefused as error:
        raise SiteDirRefused(str(error)) from None


def relative_to_source(knowledge_base: KnowledgeBase, source: Path) -> KnowledgeBase:
    """The knowledge base with each record's `source.path` relative to `source`.

    What is published (the static and the live API) names pages as the source folder does,
    never by the build machine's absolute paths.
    """
    root = source.resolve()
    if root.is_file():
        root = root.parent

    def relative(record: PropertyRecord) -> PropertyRecord:
        path = Path(record.source.path)
        resolved = path.resolve()
        name = resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else path.name
        return record.model_copy(update={"source": record.source.model_copy(update={"path": name})})

    return knowledge_base.model_copy(update={"properties": [relative(record) for record in knowledge_base.properties]})


def build_site(
    source: Path | None,
    site_dir: Path = DEFAULT_SITE_DIR,
    *,
    knowledge_base: KnowledgeBase | None = None,
    write_api: bool = True,
    overwrite: bool = False,
    config_file: Path | None = None,
    english: Path | None = None,
    docset: bool = False,
) -> Path:
    """Build the site of the property pages under `source` into `site_dir`; return `site_dir`.

    The pages are generated from the records (`knowledge_base`, read from `source` when not
    given; with `english`, compared with the current English pages); MkDocs builds them in strict mode, then the static JSON API goes to `site_dir/api/v1`.
    With `config_file`, MkDocs reads the user's `mkdocs.yml`, which must name the `kbtools`
    plugin (`source` None: the plugin's own `source`); without, the configuration of
    `mkdocs_config.site_config` is generated. Either way the site goes to `site_dir`.
    The site is built beside `site_dir` and swapped in whole (`site_folder.replacing`), so
    `site_dir` holds the previous complete site until the new one is complete. `site_dir` must be
    a folder a build may replace (`check_site_dir`; `overwrite` allows a foreign non-empty one).
    The source must hold Windows Installer property pages of one locale (`site_locale`).
    Every site has `llms.txt` and a Markdown copy of each property page; with `docset`, a
    Dash/Zeal docset too (`kbtools.site.offline`).
    """
    if source is None and config_file is None:
        raise SiteError("no source folder given (give --source a folder of sxs pages)")
    if source is not None and not source.exists():
        raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
    if source is None:
        assert config_file is not None
        source = configured_source(config_file)
        if not source.exists():
            raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
    site_dir = check_site_dir(source, site_dir, overwrite=overwrite, english=english)
    if knowledge_base is None:
        knowledge_base = build_knowledge_base(source, english)
    locale = site_locale(knowledge_base, source)
    with replacing(site_dir, SiteOrigin(source, english)) as new_site:
        _build_locale(
            source, knowledge_base, locale, new_site, config_file=config_file, write_api=write_api, docset=docset
        )
    return site_dir


def build_sites(
    sources: Sequence[Path],
    site_dir: Path = DEFAULT_SITE_DIR,
    *,
    knowledge_bases: Sequence[KnowledgeBase] | None = None,
    write_api: bool = True,
    overwrite: bool = False,
    english: Path | None = None,
    docset: bool = False,
) -> Path:
    """One site of several locales: each source's site under `site_dir/<locale>/` (`fr-fr/`, with
    its own API), Material's language switcher (`extra.alternate`) in every page, and a home page at
    the root that links them all. Two sources of the same locale are refused."""
    for source in sources:
        if not source.exists():
            raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
        site_dir = check_site_dir(source, site_dir, overwrite=overwrite, english=english)
    if knowledge_bases is None:
        knowledge_bases = [build_knowledge_base(source, english) for source in sources]
    locales = [site_locale(kb, source) for kb, source in zip(knowledge_bases, sources, strict=True)]
    seen: dict[str, Path] = {}
    for locale, source in zip(locales, sources, strict=True):
        if locale.code in seen:
            raise SourceRefused(
                f"{source}: {locale.code} again (also {seen[locale.code]}); give one --source per locale"
            )
        seen[locale.code] = source
    alternate = [
        {"name": locale.name, "link": f"../{locale.url_path}/index.html", "lang": locale.code} for locale in locales
    ]
    # The marker records no single source: `serve` asks for --source before serving such a site.
    with replacing(site_dir) as new_site:
        for source, kb, locale in zip(sources, knowledge_bases, locales, strict=True):
            _build_locale(
                source, kb, locale, new_site / locale.url_path, write_api=write_api, alternate=alternate, docset=docset
            )
        write_language_home(new_site, locales)
    return site_dir


def write_language_home(site: Path, locales: Sequence[SiteLocale]) -> Path:
    """The root page of a site of several locales: a link to each, in its own language."""
    from html import escape

    from kbtools.site.security_headers import META_CONTENT_SECURITY_POLICY

    items = "".join(
        f'<li><a href="{escape(locale.url_path)}/index.html" hreflang="{escape(locale.code)}" lang="{escape(locale.code)}">'
        f'{escape(locale.text("label.home"))}</a> <span lang="{escape(locale.code)}">({escape(locale.name)})</span></li>'
        for locale in locales
    )
    english = SiteLocale.of("en-US")
    page = (
        '<!doctype html>\n<html lang="en-US"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(META_CONTENT_SECURITY_POLICY)}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(english.text('label.home'))}</title>"
        f'<link rel="stylesheet" href="{escape(locales[0].url_path)}/assets/kbtools.css"></head>'
        f'<body class="kb-languages-home"><main><h1>{escape(english.text("label.home"))}</h1>'
        f'<h2>{escape(english.text("label.languages"))}</h2><ul class="kb-languages">{items}</ul></main></body></html>\n'
    )
    path = site / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def _build_locale(
    source: Path,
    knowledge_base: KnowledgeBase,
    locale: SiteLocale,
    site: Path,
    *,
    config_file: Path | None = None,
    write_api: bool = True,
    alternate: list[dict[str, str]] | None = None,
    docset: bool = False,
) -> None:
    """MkDocs and the static API of one locale's site, written into `site`."""
    with tempfile.TemporaryDirectory(prefix="kbtools-site-") as work:
        mkdocs_config = load_mkdocs_config(config_file, Path(work), source, site, locale)
        plugin = mkdocs_config.plugins["kbtools"]
        assert isinstance(plugin, KnowledgeBasePlugin)
        if config_file is None or source is not None:
            plugin.config.source = str(source.resolve())
        published = relative_to_source(knowledge_base, source)
        plugin.knowledge_base = published  # read once, for the site and the API
        if alternate:
            mkdocs_config.extra["alternate"] = alternate
        mkdocs_config["site_dir"] = str(site)
        _quiet_mkdocs()
        mkdocs_build(mkdocs_config)
        if write_api:
            from kbtools.publish.static_api import write_static_api

            write_static_api(published, site)
        from kbtools.site.offline import write_docset, write_llms_txt

        write_llms_txt(published, site, locale)
        if docset:
            write_docset(published, site, locale)


def configured_source(config_file: Path) -> Path:
    """The source folder that the `kbtools` plugin of a user's `mkdocs.yml` names."""
    with tempfile.TemporaryDirectory(prefix="kbtools-site-") as work:
        mkdocs_config = load_mkdocs_config(config_file, Path(work), None, Path(work) / "site")
        plugin = mkdocs_config.plugins["kbtools"]
        assert isinstance(plugin, KnowledgeBasePlugin)
        return plugin.configured_source(mkdocs_config)


def load_mkdocs_config(
    config_file: Path | None, work_dir: Path, source: Path | None, site_dir: Path, locale: SiteLocale | None = None
) -> MkDocsConfig:
    """The user's `mkdocs.yml` (building into `site_dir`), or the generated configuration."""
    if config_file is None:
        assert source is not None
        docs_dir = work_dir / "docs"
        docs_dir.mkdir()
        config_file = work_dir / "mkdocs.yml"
        config = site_config(str(docs_dir), str(site_dir), str(source.resolve()), locale)
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return load_config(str(config_file))
    if not config_file.is_file():
        raise SiteError(f"{config_file}: no such file (give --config a mkdocs.yml)")
    mkdocs_config = load_config(str(config_file), site_dir=str(site_dir))
    if "kbtools" not in mkdocs_config.plugins:
        raise SiteError(f"{config_file}: the kbtools plugin is not in `plugins` (add `- kbtools: {{source: DIR}}`)")
    return mkdocs_config


def _quiet_mkdocs() -> None:
    """MkDocs logs its progress at INFO; only warnings and errors are worth the user's eyes."""
    for name in ("mkdocs", "mkdocs.material", "material"):
        logging.getLogger(name).setLevel(logging.WARNING)
    from kbtools.site.segmenter import chinese_segmenter

    chinese_segmenter()
