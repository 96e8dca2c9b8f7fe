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
from kbtools.site.mkdocs_config import site_config
from kbtools.site.plugin import KnowledgeBasePlugin

DEFAULT_SITE_DIR = Path("site")


class SiteError(Exception):
    """A build that cannot go on for a reason the user can fix (the message names the path)."""


def build_site(
    source: Path | None,
    site_dir: Path = DEFAULT_SITE_DIR,
    *,
    knowledge_base: KnowledgeBase | None = None,
    write_api: bool = True,
    config_file: Path | None = None,
) -> Path:
    """Build the site of the property pages under `source` into `site_dir`; return `site_dir`.

    The pages are generated from the records (`knowledge_base`, read from `source` when not
    given); MkDocs builds them in strict mode, then the static JSON API goes to `site_dir/api/v1`.
    With `config_file`, MkDocs reads the user's `mkdocs.yml`, which must name the `kbtools`
    plugin (`source` None: the plugin's own `source`); without, the configuration of
    `mkdocs_config.site_config` is generated. Either way the site goes to `site_dir`.
    """
    if source is None and config_file is None:
        raise SiteError("no source folder given (give --source a folder of sxs pages)")
    if source is not None and knowledge_base is None and not source.exists():
        raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
    site_dir = site_dir.resolve()
    with tempfile.TemporaryDirectory(prefix="kbtools-site-") as work:
        mkdocs_config = load_mkdocs_config(config_file, Path(work), source, site_dir)
        plugin = mkdocs_config.plugins["kbtools"]
        assert isinstance(plugin, KnowledgeBasePlugin)
        if source is None:
            source = plugin.configured_source(mkdocs_config)
        else:
            plugin.config.source = str(source.resolve())
        if knowledge_base is None:
            if not source.exists():
                raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
            knowledge_base = build_knowledge_base(source)
        if not knowledge_base.properties:
            raise SiteError(f"{source}: no property pages found (give --source a folder of sxs property pages)")
        plugin.knowledge_base = knowledge_base  # read once, for the site and the API
        _quiet_mkdocs()
        mkdocs_build(mkdocs_config)
    if write_api:
        from kbtools.api.static import write_static_api

        write_static_api(knowledge_base, site_dir)
    return site_dir


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
        raise SiteError(f"{config_file}: no such file (give --config-file a mkdocs.yml)")
    mkdocs_config = load_config(str(config_file), site_dir=str(site_dir))
    if "kbtools" not in mkdocs_config.plugins:
        raise SiteError(f"{config_file}: the kbtools plugin is not in `plugins` (add `- kbtools: {{source: DIR}}`)")
    return mkdocs_config


def _quiet_mkdocs() -> None:
    """MkDocs logs its progress at INFO; only warnings and errors are worth the user's eyes."""
    for name in ("mkdocs", "mkdocs.material", "material"):
        logging.getLogger(name).setLevel(logging.WARNING)
    import jieba

    jieba.setLogLevel(logging.WARNING)
