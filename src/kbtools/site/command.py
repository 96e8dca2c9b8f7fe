"""Subcommands of this job (registered by `kbtools.cli`): `kbtools build`.

Exit codes: 0 built; 1 MkDocs could not build the site, or pages were dropped under --strict;
2 a usage or I/O error (a missing source, a bad --config or --english, a --site-dir that a build
must not replace, a folder that cannot be written); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from kbtools.kb.build import DEFAULT_SOURCE
from kbtools.page.files import SOURCE_VARIABLE
from kbtools.page.printable import printable
from kbtools.site.build import DEFAULT_SITE_DIR
from kbtools.usage import EXIT_USAGE, HELP_FORMATTER, examples, hidden_alias, print_error

CONFIG_FILE = Path("mkdocs.yml")
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this job's subcommands to the `kbtools` parser."""
    parser = subparsers.add_parser(
        "build",
        help="build the static site (MkDocs Material) and the static JSON API",
        description=(
            "Generate a page per property, index pages, a compatibility matrix and bilingual "
            "search from the property records, and build them with MkDocs Material. The site is "
            "built beside --site-dir and swapped in whole when complete; --site-dir must be new, "
            "empty or a site that kbtools built."
        ),
        formatter_class=HELP_FORMATTER,
        epilog=examples(
            "kbtools build --source translations --site-dir site",
            "kbtools build --source ../shared/corpus/win32-zh-tw-sxs/desktop-src/Msi --site-dir msi-site",
            "kbtools build --config mkdocs.yml --site-dir out --overwrite",
        ),
    )
    parser.add_argument(
        "--source",
        type=Path,
        action="append",
        help=f"folder of sxs pages of one locale (default: the kbtools plugin's source in mkdocs.yml, else {DEFAULT_SOURCE}); "
        "give it once per locale for one site of several locales, each under its own path, with a language switcher",
    )
    parser.add_argument(
        "--site-dir", type=Path, default=DEFAULT_SITE_DIR, help=f"where to write the site (default: {DEFAULT_SITE_DIR})"
    )
    parser.add_argument(
        "--english",
        type=Path,
        metavar="EN_DIR",
        help="the current English pages at the same paths: mark out-of-date translations",
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace a non-empty --site-dir that kbtools did not build (never the source, a folder holding it, "
        "the current or the home folder)",
    )
    parser.add_argument(
        "--docset",
        action="store_true",
        help="also write a Dash/Zeal docset of the reference into the site (windows-installer-<locale>.docset)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 without building when a page is dropped for an error"
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"the site's MkDocs configuration (default: {CONFIG_FILE} when there is one, else generated)",
    )
    hidden_alias(parser, "--config-file", dest="config", type=Path)
    parser.set_defaults(func=run_build)


def _error(message: str) -> None:
    print_error("build", message)


def run_build(args: argparse.Namespace) -> int:
    if args.english is not None and not args.english.is_dir():
        _error(f"--english: {args.english}: no such directory of English pages")
        return EXIT_USAGE
    from mkdocs.exceptions import MkDocsException

    from kbtools.kb.build import build_knowledge_base, skipped_page_line
    from kbtools.site.build import (
        SiteError,
        build_site,
        check_site_dir,
        configured_source,
    )

    if args.source and len(args.source) > 1:
        return _run_several(args)
    if args.config is not None and not args.config.is_file():
        # Said before the source is read: a misspelt --config should not wait for every page.
        _error(f"{args.config}: no such file (give --config a mkdocs.yml)")
        return EXIT_USAGE
    args.source = args.source[0] if args.source else None
    config_file = args.config or (CONFIG_FILE if CONFIG_FILE.is_file() else None)
    # --source, else $KBTOOLS_SOURCE, else the mkdocs.yml's kbtools source, else translations/.
    source = args.source or (DEFAULT_SOURCE if os.environ.get(SOURCE_VARIABLE) or not config_file else None)
    try:
        if source is None:
            source = configured_source(config_file)
        if not source.exists():
            raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
        check_site_dir(source, args.site_dir, overwrite=args.overwrite, english=args.english)
        knowledge_base = build_knowledge_base(source, args.english)
        for error in knowledge_base.errors:
            _error(skipped_page_line(error))
        if knowledge_base.errors and args.strict:
            _error(f"{len(knowledge_base.errors)} page(s) dropped for errors; site not built (--strict)")
            return EXIT_ERROR
        build_site(
            source,
            args.site_dir,
            knowledge_base=knowledge_base,
            overwrite=args.overwrite,
            config_file=config_file,
            english=args.english,
            docset=args.docset,
        )
    except (SiteError, OSError, MkDocsException, KeyboardInterrupt) as error:
        return _build_failed(error, args.site_dir, config_file)
    index = args.site_dir / "index.html"
    print(printable(f"Built {index}"))
    # The same sources for the live API as for the site, with the program as it was called.
    program = sys.argv[0] if sys.argv and sys.argv[0].endswith("kbtools") else "kbtools"
    # The site records its source (and English folder): serve reads the API from the same.
    print(printable(f"Serve it with: {program} serve --site-dir {shlex.quote(str(args.site_dir))}"))
    if knowledge_base.errors:
        _error(f"{len(knowledge_base.errors)} page(s) dropped for errors (listed above)")
    return EXIT_OK


def _run_several(args: argparse.Namespace) -> int:
    """`kbtools build --source A --source B`: one site, a locale per source."""
    from mkdocs.exceptions import MkDocsException

    from kbtools.kb.build import build_knowledge_base, skipped_page_line
    from kbtools.site.build import SiteError, build_sites, check_site_dir

    if args.config is not None:
        _error("--config takes one --source (a mkdocs.yml describes one site)")
        return EXIT_USAGE
    try:
        for source in args.source:
            if not source.exists():
                raise SiteError(f"{source}: no such file or directory (give --source a folder of sxs pages)")
            check_site_dir(source, args.site_dir, overwrite=args.overwrite, english=args.english)
        knowledge_bases = [build_knowledge_base(source, args.english) for source in args.source]
        errors = [error for kb in knowledge_bases for error in kb.errors]
        for error in errors:
            _error(skipped_page_line(error))
        if errors and args.strict:
            _error(f"{len(errors)} page(s) dropped for errors; site not built (--strict)")
            return EXIT_ERROR
        build_sites(
            args.source,
            args.site_dir,
            knowledge_bases=knowledge_bases,
            overwrite=args.overwrite,
            english=args.english,
            docset=args.docset,
        )
    except (SiteError, OSError, MkDocsException, KeyboardInterrupt) as error:
        return _build_failed(error, args.site_dir)
    print(printable(f"Built {args.site_dir / 'index.html'}"))
    first = shlex.quote(str(args.source[0]))
    print(printable(f"Serve it with: kbtools serve --source {first} --site-dir {shlex.quote(str(args.site_dir))}"))
    return EXIT_OK


def _build_failed(error: BaseException, site_dir: Path, config_file: Path | None = None) -> int:
    """One line for a build that stopped, and its exit code (2 for what the user can mend)."""
    from mkdocs.exceptions import ConfigurationError

    from kbtools.site.build import SiteError

    if isinstance(error, KeyboardInterrupt):
        _error(f"interrupted; {site_dir} holds the last complete site, if any")
        return EXIT_INTERRUPTED
    if isinstance(error, SiteError):  # SiteDirRefused and SourceRefused too
        _error(str(error))
        return EXIT_USAGE
    if isinstance(error, OSError):
        _error(f"{error.filename or site_dir}: {error.strerror or error}")
        return EXIT_USAGE
    if isinstance(error, ConfigurationError) and config_file is not None:
        _error(f"{config_file}: not a usable MkDocs configuration: {' '.join(str(error).split())}")
        return EXIT_USAGE
    _error(f"{site_dir}: MkDocs failed: {error}")
    return EXIT_ERROR
