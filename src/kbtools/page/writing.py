"""Writing the files that export, import and `check --fix` produce or change, through the one
write guard of `page.output_file`: atomically, never through a symlink, never onto an input.

A page rewritten in place (a fix, an import) keeps its permissions; any other output must not
be one of the files the run read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kbtools.page.output_file import OutputFileError, check_output, replace_file, rewrite_page, write_file


class WriteRefused(Exception):
    """A write that would be unsafe, or failed: one line for the user, naming the file."""


def check_destination(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output that is a symlink, not a regular file, a page's name or one of the files read."""
    try:
        check_output(path, inputs=inputs, what="output")
    except OutputFileError as error:
        raise WriteRefused(str(error)) from None
    if not path.parent.is_dir():
        raise WriteRefused(f"{path}: no such directory {path.parent}")


def write_atomically(path: Path, data: bytes, *, inputs: Iterable[Path] = (), replace_input: bool = False) -> None:
    """Write `data` to `path` in one step.

    `inputs` are files the run read: an output is never written onto one of them. With
    `replace_input`, `path` is a page being rewritten in place (a fix, an import): it must exist
    and be a regular file, and keeps its permissions.
    """
    try:
        if replace_input:
            rewrite_page(path, data)
        else:
            check_destination(path, inputs)
            write_file(path, data, inputs=inputs, what="output")
    except OutputFileError as error:
        raise WriteRefused(str(error)) from None


@contextlib.contextmanager
def writing_atomically(path: Path, *, inputs: Iterable[Path] = ()) -> Iterator[BinaryIO]:
    """A stream whose bytes replace `path` in one step when the block ends normally, under the
    rules of `write_atomically`; an exception in the block leaves `path` as it was."""
    check_destination(path, inputs)
    try:
        with replace_file(path, inputs=inputs, what="output") as stream:
            yield stream
    except OutputFileError as error:
        raise WriteRefused(str(error)) from None
