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


# A heading shaped like a database column (`Component_`, a foreign key; `DefaultValue`): the table
# shows rows of a database table, and its headings are column names, which stay in English.
COLUMN_HEADING = re.compile(r"[A-Z][A-Za-z0-9]*_|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*")


# A caption that is a link to a database table's page and nothing more, `[Registry table]
# (registry-table.md) (partial)` in the source span, or the link around both spans
# (`[<span ...>二進位資料表</span><span class="sxs-lookup">...Binary Table</span></span>](binary-table.md)`):
# the table under it shows that table's rows.
_TABLE_CAPTION = re.compile(
    r'data-stu-id="[^"]+">\[[^\]]+ table\]\([\w.-]*-table\.md\)(?: \(\w+\))?</span>'
    r'|\A\s*\[<span data-ttu-id="[^"]+">[^<]*</span><span class="sxs-lookup"><span data-stu-id="[^"]+">[^<]+ table'
    r"</span></span>\]\([\w.-]*-table\.md\)(?: \(\w+\))?\s*\Z",
    re.I,
)


def captioned_by_a_table(lines: list[str], table: int) -> bool:
    """Whether the nearest line above the table (first line `table`, from 1) that is not blank is
    a caption naming a database table with a link to its page."""
    number = table - 1
    while number >= 1 and number > table - 4 and not lines[number - 1].strip():
        number -= 1
    return number >= 1 and _TABLE_CAPTION.search(lines[number - 1]) is not None
