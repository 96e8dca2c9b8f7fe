"""`build_site`: records -> generated Markdown -> a real MkDocs Material build -> static API."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from kbtools.kb import KnowledgeBase, build_knowledge_base
from kbtools.site.mkdocs_config import site_config
from kbtools.site.plugin import KnowledgeBasePlugin
from kbtools.site.search_terms import write_user_dictionary

DEFAULT_SITE_DIR = Path("site")


class SiteError(Exception):
    """A build that cannot go on for a reason the user can fix (the message names the path)."""


def build_site(
    source: Path,
    site_dir: Path = DEFAULT_SITE_DIR,
    *,
    knowledge_base: KnowledgeBase | None = None,
    write_api: bool = True,
    english: Path | None = None,
) -> Path:
    """Build the site of the property pages under `source` into `site_dir`; return `site_dir`.

    The pages are generated from the records (`knowledge_base`, read from `source` when not
    given; with `english`, compared with the current English pages); MkDocs builds them in strict mode, then the static JSON API goes to `site_dir/api/v1`.
    """
    if knowledge_base is None:
        if not source.exists():
            raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
        knowledge_base = build_knowledge_base(source, english)
    if not knowledge_base.properties:
        raise SiteError(f"{source}: no property pages found (give --source a folder of sxs property pages)")
    site_dir = site_dir.resolve()
    with tempfile.TemporaryDirectory(prefix="kbtools-site-") as work:
        work_dir = Path(work)
        docs_dir = work_dir / "docs"
        docs_dir.mkdir()
        config_file = work_dir / "mkdocs.yml"
        config = site_config(docs_dir, site_dir, write_user_dictionary(work_dir / "jieba-terms.txt"))
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        mkdocs_config = load_config(str(config_file))
        mkdocs_config.plugins["kbtools"] = KnowledgeBasePlugin(knowledge_base)
        _quiet_mkdocs()
        mkdocs_build(mkdocs_config)
    if write_api:
        from kbtools.api.static import write_static_api

        write_static_api(knowledge_base, site_dir)
    return site_dir


def _quiet_mkdocs() -> None:
    """MkDocs logs its progress at INFO; only warnings and errors are worth the user's eyes."""
    for name in ("mkdocs", "mkdocs.material", "material"):
        logging.getLogger(name).setLevel(logging.WARNING)
    import jieba

    jieba.setLogLevel(logging.WARNING)
