"""The cells of a Markdown table row, found without a Markdown parser (the checker reads them too)."""

from __future__ import annotations


def cell_columns(line: str) -> list[tuple[int, int]]:
    """Character ranges (0-based, end exclusive) of the cells of one table row line."""
    bounds = []
    escaped = False
    in_code = False
    for index, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            bounds.append(index)
    stripped = line.strip()
    if not stripped.startswith("|"):
        bounds.insert(0, -1)
    if not stripped.endswith("|") or len(bounds) < 2:
        bounds.append(len(line))
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
