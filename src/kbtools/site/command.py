"""Subcommands of this job (registered by `kbtools.cli`): `kbtools build`."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from kbtools.kb.build import DEFAULT_SOURCE
from kbtools.site.build import DEFAULT_SITE_DIR, SiteError, build_site

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
        "--source", type=Path, default=DEFAULT_SOURCE, help=f"folder of sxs pages (default: {DEFAULT_SOURCE})"
    )
    parser.add_argument(
        "--site-dir", type=Path, default=DEFAULT_SITE_DIR, help=f"where to write the site (default: {DEFAULT_SITE_DIR})"
    )
    parser.set_defaults(func=run_build)


def run_build(args: argparse.Namespace) -> int:
    from kbtools.kb.build import build_knowledge_base, skipped_page_line

    try:
        knowledge_base = build_knowledge_base(args.source) if args.source.exists() else None
        for error in knowledge_base.errors if knowledge_base else ():
            print(f"kbtools build: {skipped_page_line(error)}", file=sys.stderr)
        site_dir = build_site(args.source, args.site_dir, knowledge_base=knowledge_base)
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
    source = "" if args.source == DEFAULT_SOURCE else f" --source {shlex.quote(str(args.source))}"
    print(f"Serve it with: {program} serve{source} --site-dir {shlex.quote(str(args.site_dir))}")
    return EXIT_OK
