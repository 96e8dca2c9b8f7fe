"""The cells of a Markdown table row, found without a Markdown parser (the checker reads them too)."""

from __future__ import annotations

import re

# What decides a cell boundary: an escape (the backslash and the character it escapes), a
# backtick (code spans hide pipes) or a pipe. Found by the regex engine, not char by char: a
# table row of an sxs page holds every span of the row on one line.
_CELL_MARK = re.compile(r"\\.|[`|]", re.S)


def cell_columns(line: str) -> list[tuple[int, int]]:
    """Character ranges (0-based, end exclusive) of the cells of one table row line."""
    bounds = []
    in_code = False
    for mark in _CELL_MARK.finditer(line):
        char = mark.group()
        if char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            bounds.append(mark.start())
    stripped = line.strip()
    if not stripped.startswith("|"):
        bounds.insert(0, -1)
    if not stripped.endswith("|") or len(bounds) < 2:
        bounds.append(len(line))
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
