"""Build time of `kbtools build` on the corpus against a plain `mkdocs build` of the same pages.

Both builds run here, one after the other, with the same theme and search configuration
(Material, zh-TW, no web fonts, jieba segmentation). The plain build gets the raw sxs pages of
the 335 property records, as they are; kbtools' build includes reading the 1,595 corpus pages
into records, generating the pages, MkDocs, and the static API. Prints figures; asserts nothing.

    python benchmarks/bench_build.py [--corpus DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from kbtools.kb import build_knowledge_base
from kbtools.site.build import build_site
from kbtools.site.mkdocs_config import search_config, theme_config
from kbtools.site.search_terms import write_user_dictionary

REPO = Path(__file__).resolve().parent.parent


def plain_build(pages: list[Path], work: Path) -> Path:
    docs = work / "plain-docs"
    site = work / "plain-site"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    for page in pages:
        shutil.copyfile(page, docs / page.name)
    config = {
        "site_name": "plain",
        "docs_dir": str(docs),
        "site_dir": str(site),
        "use_directory_urls": False,
        "theme": theme_config(),
        # The same jieba words as the kbtools plugin gives the search plugin, as a user dictionary.
        "plugins": [{"search": {**search_config(), "jieba_dict_user": str(write_user_dictionary(work / "terms.txt"))}}],
        "markdown_extensions": ["attr_list", "tables", "toc"],
    }
    config_file = work / "plain-mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    mkdocs_build(load_config(str(config_file)))
    return site


def size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def main() -> None:
    default_corpus = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    source = args.corpus / "win32-zh-tw-sxs" / "desktop-src" / "Msi"
    logging.disable(logging.WARNING)  # the raw pages link to pages outside the copy

    kb = build_knowledge_base(source)
    pages = [source / record.source.path for record in kb.properties]  # a record names its page relative to the folder
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        plain_build(pages, work)  # warm up: jieba's dictionary cache, imports
        plain_times, kbtools_times = [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            plain_site = plain_build(pages, work)
            plain_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            kbtools_site = build_site(source, work / "kbtools-site")
            kbtools_times.append(time.perf_counter() - start)
        plain, ours = statistics.median(plain_times), statistics.median(kbtools_times)
        print(f"corpus: {source} ({len(pages)} property pages)")
        print(f"plain mkdocs build of the raw pages: {plain:.2f} s (median of {args.rounds})")
        print(f"kbtools build (records + pages + mkdocs + API): {ours:.2f} s (median of {args.rounds})")
        print(f"ratio kbtools / plain: {ours / plain:.2f} (budget 1.5)")
        for name, site in (("plain", plain_site), ("kbtools", kbtools_site)):
            index = site / "search" / "search_index.json"
            print(f"{name} site: {size(site) / 1e6:.1f} MB, search index {index.stat().st_size / 1e6:.2f} MB")
        print(f"kbtools static API: {size(kbtools_site / 'api') / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
