"""What every subcommand says when it cannot run as asked: one prefix, one exit code, one way to help.

A usage or I/O error (a bad option, a file that cannot be read or written, a folder that holds
nothing to work on) is one line on stderr, `kbtools COMMAND: error: MESSAGE`, the prefix argparse
itself uses for a bad option, and exit code 2 on every command.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterable

from kbtools.page.printable import printable

EXIT_USAGE = 2


class UsageError(Exception):
    """A problem the user can fix: printed as one line, exit 2."""


def print_error(command: str, message: str) -> None:
    """`kbtools COMMAND: error: MESSAGE` on stderr."""
    print(f"kbtools {command}: error: {printable(message)}", file=sys.stderr)


def print_note(command: str, message: str) -> None:
    """`kbtools COMMAND: note: MESSAGE` on stderr: what the run left out, not a failure."""
    print(f"kbtools {command}: note: {printable(message)}", file=sys.stderr)


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`; did you mean: a, b?` for the known names close to `word`, or the empty string."""
    choices = list(known)
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=3, cutoff=0.6)
    if close:
        # A name far less like the word than the closest one is noise beside it
        # (`protected-terms`: `protected-term`, not `unsourced-term` too).
        best = difflib.SequenceMatcher(None, word.lower(), close[0]).ratio()
        close = [
            c for c in close if difflib.SequenceMatcher(None, word.lower(), c).ratio() >= best - _SUGGESTION_SPREAD
        ]
    return f"; did you mean: {', '.join(by_lower[c] for c in close)}?" if close else ""


_SUGGESTION_SPREAD = 0.2


def examples(*lines: str) -> str:
    """The `Examples:` block that ends a command's `--help` (use with `HELP_FORMATTER`)."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


class HelpFormatter(argparse.HelpFormatter):
    """Keeps the line breaks of the examples; the description and options are wrapped as usual."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:\n"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


HELP_FORMATTER = HelpFormatter


def hidden_alias(parser: argparse.ArgumentParser, *names: str, dest: str, **kwargs) -> None:
    """An older name of an option, still accepted and not shown in `--help`."""
    parser.add_argument(*names, dest=dest, help=argparse.SUPPRESS, **kwargs)
