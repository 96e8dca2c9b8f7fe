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
    parser.add_argument(
        "--english", type=Path, metavar="EN_DIR",
        help="the current English pages at the same paths: mark out-of-date translations",
    )
    parser.set_defaults(func=run_build)


def run_build(args: argparse.Namespace) -> int:
    if args.english is not None and not args.english.is_dir():
        print(f"kbtools build: --english: {args.english}: no such directory of English pages", file=sys.stderr)
        return EXIT_ERROR
    try:
        site_dir = build_site(args.source, args.site_dir, english=args.english)
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
    if args.english is not None:
        source += f" --english {shlex.quote(str(args.english))}"
    print(f"Serve it with: {program} serve{source} --site-dir {shlex.quote(str(args.site_dir))}")
    return EXIT_OK
