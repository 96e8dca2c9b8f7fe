"""The `kbtools` command line: each job registers its own subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kbtools import __version__
from kbtools.api import command as api_command
from kbtools.check import command as check_command
from kbtools.kb import command as kb_command
from kbtools.site import command as site_command

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kbtools",
        description="Check, parse, query and publish side-by-side localized reference pages.",
    )
    parser.add_argument("--version", action="version", version=f"kbtools {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (check_command, kb_command, site_command, api_command):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
