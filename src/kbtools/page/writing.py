"""Writing files that kbtools produces or changes: atomically, never through a symlink, never
onto an input.

A file is written beside its destination under a hidden temporary name, flushed to disk and
moved over the destination in one `os.replace`: a reader (or an interrupted run) sees the old
file or the new one, never half of one. A page rewritten in place keeps its permissions.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path


class WriteRefused(Exception):
    """A write that would be unsafe, or failed: one line for the user, naming the file."""


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def check_destination(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse a destination that is a symlink, not a regular file, or one of the files read."""
    if path.is_symlink():
        raise WriteRefused(f"{path}: is a symlink; kbtools does not write through symlinks")
    if path.exists():
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise WriteRefused(f"{path}: exists and is not a regular file")
        for source in inputs:
            if _same_file(path, source):
                raise WriteRefused(f"{path}: is one of the files read; choose another output")
    if not path.parent.is_dir():
        raise WriteRefused(f"{path}: no such directory {path.parent}")


def write_atomically(path: Path, data: bytes, *, inputs: Iterable[Path] = (), replace_input: bool = False) -> None:
    """Write `data` to `path` in one step.

    `inputs` are files the run read: an output is never written onto one of them. With
    `replace_input`, `path` is a page being rewritten in place (a fix, an import): it must exist
    and be a regular file, and keeps its permissions.
    """
    if replace_input:
        if path.is_symlink():
            raise WriteRefused(f"{path}: is a symlink; kbtools does not write through symlinks")
        if not path.is_file():
            raise WriteRefused(f"{path}: is no longer a regular file; not written")
    else:
        check_destination(path, inputs)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    temporary = path.with_name(f".{path.name}.{os.getpid()}.kbtools-tmp")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(temporary, flags, 0o666 if mode is None else mode)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        raise WriteRefused(f"{path}: cannot write: {(error.strerror or str(error)).lower()}") from None
    finally:
        if temporary.exists():
            temporary.unlink(missing_ok=True)
