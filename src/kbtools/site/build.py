"""`build_site`: records -> generated Markdown -> a real MkDocs Material build -> static API."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from kbtools.kb import KnowledgeBase, build_knowledge_base
from kbtools.kb.record import PropertyRecord
from kbtools.site.mkdocs_config import site_config
from kbtools.site.plugin import KnowledgeBasePlugin
from kbtools.site.site_folder import SiteFolderRefused, SiteOrigin, check_site_folder, replacing

DEFAULT_SITE_DIR = Path("site")


class SiteError(Exception):
    """A build that cannot go on for a reason the user can fix (the message names the path)."""


class SiteDirRefused(SiteError):
    """A `--site-dir` that a build must not replace (the source, the current folder, someone's files)."""


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
        return check_site_folder(
            source, site_dir, overwrite=overwrite, overwrite_hint=overwrite_hint, english=english
        )
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
    """
    if source is None and config_file is None:
        raise SiteError("no source folder given (give --source a folder of sxs pages)")
    if source is not None and not source.exists():
        raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
    with tempfile.TemporaryDirectory(prefix="kbtools-site-") as work:
        mkdocs_config = load_mkdocs_config(config_file, Path(work), source, site_dir.resolve())
        plugin = mkdocs_config.plugins["kbtools"]
        assert isinstance(plugin, KnowledgeBasePlugin)
        if source is None:
            source = plugin.configured_source(mkdocs_config)
            if not source.exists():
                raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
        else:
            plugin.config.source = str(source.resolve())
        site_dir = check_site_dir(source, site_dir, overwrite=overwrite, english=english)
        if knowledge_base is None:
            knowledge_base = build_knowledge_base(source, english)
        if not knowledge_base.properties:
            raise SiteError(f"{source}: no property pages found (give --source a folder of sxs property pages)")
        published = relative_to_source(knowledge_base, source)
        plugin.knowledge_base = published  # read once, for the site and the API
        with replacing(site_dir, SiteOrigin(source, english)) as new_site:
            mkdocs_config["site_dir"] = str(new_site)
            _quiet_mkdocs()
            mkdocs_build(mkdocs_config)
            if write_api:
                from kbtools.publish.static_api import write_static_api

                write_static_api(published, new_site)
    return site_dir


def configured_source(config_file: Path) -> Path:
    """The source folder that the `kbtools` plugin of a user's `mkdocs.yml` names."""
    with tempfile.TemporaryDirectory(prefix="kbtools-site-") as work:
        mkdocs_config = load_mkdocs_config(config_file, Path(work), None, Path(work) / "site")
        plugin = mkdocs_config.plugins["kbtools"]
        assert isinstance(plugin, KnowledgeBasePlugin)
        return plugin.configured_source(mkdocs_config)


def load_mkdocs_config(config_file: Path | None, work_dir: Path, source: Path | None, site_dir: Path) -> MkDocsConfig:
    """The user's `mkdocs.yml` (building into `site_dir`), or the generated configuration."""
    if config_file is None:
        assert source is not None
        docs_dir = work_dir / "docs"
        docs_dir.mkdir()
        config_file = work_dir / "mkdocs.yml"
        config = site_config(str(docs_dir), str(site_dir), str(source.resolve()))
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
