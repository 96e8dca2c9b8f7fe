"""Subcommands of this job (registered by `kbtools.cli`): `kbtools build`."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from kbtools.kb.build import DEFAULT_SOURCE, SOURCE_VARIABLE
from kbtools.site.build import DEFAULT_SITE_DIR, SiteError, build_site

CONFIG_FILE = Path("mkdocs.yml")
EXIT_OK = 0
EXIT_ERROR = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this job's subcommands to the `kbtools` parser."""
    parser = subparsers.add_parser(
        "build",
        help="build the static site (MkDocs Material) and the static JSON API",
        description=(
            "Generate a page per property, index pages, a compatibility matrix and bilingual "
            "search from the property records, and build them with MkDocs Material."
        ),
    )
    parser.add_argument(
        "--source",
        type=Path,
        help=f"folder of sxs pages (default: the kbtools plugin's source in mkdocs.yml, else {DEFAULT_SOURCE})",
    )
    parser.add_argument(
        "--site-dir", type=Path, default=DEFAULT_SITE_DIR, help=f"where to write the site (default: {DEFAULT_SITE_DIR})"
    )
    parser.add_argument(
        "--config-file",
        type=Path,
        help=f"the site's MkDocs configuration (default: {CONFIG_FILE} when there is one, else generated)",
    )
    parser.set_defaults(func=run_build)


def run_build(args: argparse.Namespace) -> int:
    config_file = args.config_file or (CONFIG_FILE if CONFIG_FILE.is_file() else None)
    # --source, else $KBTOOLS_SOURCE, else the mkdocs.yml's kbtools source, else translations/.
    source = args.source or (DEFAULT_SOURCE if os.environ.get(SOURCE_VARIABLE) or not config_file else None)
    try:
        site_dir = build_site(source, args.site_dir, config_file=config_file)
    except (SiteError, FileNotFoundError, NotADirectoryError) as error:
        print(f"kbtools build: {error}", file=sys.stderr)
        return EXIT_ERROR
    except MkDocsException as error:
        print(f"kbtools build: {args.site_dir}: MkDocs failed: {error}", file=sys.stderr)
        return EXIT_ERROR
    index = site_dir / "index.html"
    print(f"Built {index}")
    # The same sources for the live API as for the site, with the program as it was called.
    program = sys.argv[0] if sys.argv and sys.argv[0].endswith("kbtools") else "kbtools"
    source = "" if args.source in (None, DEFAULT_SOURCE) else f" --source {shlex.quote(str(args.source))}"
    print(f"Serve it with: {program} serve{source} --site-dir {shlex.quote(str(args.site_dir))}")
    return EXIT_OK
