"""Files that are not UTF-8 text."""

from __future__ import annotations

from collections.abc import Iterator

from kbtools.check.registry import Hit, PageContext, page_rule


@page_rule(
    "encoding",
    family="file",
    severity="error",
    needs_text=False,
    summary="A file that is not valid UTF-8 text.",
    explanation="""
Docs pages must be UTF-8. A file in another encoding (Big5, UTF-16, Latin-1) or a binary file
under the docs tree renders as mojibake or not at all, and none of its segments can be checked.
The finding names the line and column (in characters, as for every rule) of the first byte that is not UTF-8; re-save
the file as UTF-8.
""",
    example="""
A page saved as Big5: byte 0xa6 on line 3 is not valid UTF-8.
""",
)
def encoding(context: PageContext) -> Iterator[Hit]:
    error = context.page.decode_error
    if error is not None:
        yield Hit(error.message, None, error.line, error.column)


@page_rule(
    "unreadable-file",
    family="file",
    severity="error",
    needs_text=False,
    summary="A file that could not be read at all (permissions, a vanished file, an I/O error).",
    explanation="""
A page that cannot be opened is not checked; rather than stop the run, kbtools reports it and
goes on with the other files. Fix the permissions or remove the file from the paths given.
""",
    example="""
docs/page.md:1:1: unreadable-file cannot read: Permission denied
""",
)
def unreadable_file(context: PageContext) -> Iterator[Hit]:
    if context.page.read_error is not None:
        yield Hit(f"cannot read: {context.page.read_error}", None, 1, 1)
