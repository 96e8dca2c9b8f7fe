"""The `kbtools` command line: each job registers its own subcommands.

Start-up is cheap: only the module of the subcommand being run is imported (and registers its
full parser); the others appear in `--help` by name and summary alone. `kbtools check PAGE`
in a pre-commit hook so loads the page model and the rules, not the site, the API or pydantic.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kbtools import __version__

EXIT_USAGE = 2

# Every subcommand: the module that registers it (with `register(subparsers)`) and its summary
# for `kbtools --help`. A module may register several subcommands.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("kbtools.check.command", "lint side-by-side pages (exit 1 on errors)"),
    "rules": ("kbtools.check.command", "list the rules, or explain one"),
    "parse": ("kbtools.kb.command", "turn property pages into records (JSON)"),
    "query": ("kbtools.kb.command", "print property records (JSON)"),
    "runtimes": ("kbtools.kb.command", "print the runtime releases (JSON)"),
    "schema": ("kbtools.kb.command", "print the JSON Schema of the records"),
    "export": ("kbtools.exchange.command", "export segments for translators (XLIFF 2.0, PO, TMX)"),
    "import": ("kbtools.exchange.command", "write translations from XLIFF or PO back into the pages"),
    "build": ("kbtools.site.command", "build the static site (MkDocs Material) and the static JSON API"),
    "serve": ("kbtools.api.command", "serve the built site and the live JSON API"),
}


def _chosen(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line (the first argument that is not an option)."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with `argv`, only the chosen subcommand's module is imported."""
    parser = argparse.ArgumentParser(
        prog="kbtools",
        description="Check, parse, query and publish side-by-side localized reference pages.",
    )
    parser.add_argument("--version", action="version", version=f"kbtools {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen(argv) if argv is not None else None
    modules = [COMMANDS[chosen][0]] if chosen is not None else list(dict.fromkeys(m for m, _ in COMMANDS.values()))
    if argv is not None and chosen is None:
        modules = []  # `kbtools --help` or a mistyped command: summaries suffice
    registered: set[str] = set()
    for name in modules:
        before = set(subparsers.choices)
        importlib.import_module(name).register(subparsers)
        registered |= set(subparsers.choices) - before
    for command, (_, summary) in COMMANDS.items():
        if command not in registered:
            subparsers.add_parser(command, help=summary, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A file name that is not UTF-8 reaches the output as its escape, never as an encoding error.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
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
