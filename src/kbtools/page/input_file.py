"""Every file kbtools reads that is not a page found by `page.files` (the baseline, the
configuration, the English pages, a knowledge base) goes through `read_input_file`:

- only a regular file is read as one: a named pipe, a socket or a device (`/dev/zero`) is
  refused before a byte is read, and opening never blocks;
- a file larger than the limit for its kind is refused with its size, never read into memory;
- `found_within` says whether a file found inside a folder the user named stays inside it once
  its symlinks are followed (a page of the English folder must not be `../.git/config`).

Nesting is bounded by the parsers (JSON, TOML); `too_deep` is the message when they give up.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MEBIBYTE = 1024 * 1024
# Far above any real file of the kind, far below what would exhaust memory.
PAGE_LIMIT = 64 * MEBIBYTE
CONFIG_LIMIT = 4 * MEBIBYTE
BASELINE_LIMIT = 256 * MEBIBYTE
KNOWLEDGE_BASE_LIMIT = 256 * MEBIBYTE


class InputFileError(Exception):
    """A file that is not read; the message names it and says why, in one line."""


def kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _size(count: int) -> str:
    return f"{count / MEBIBYTE:.0f} MiB" if count >= MEBIBYTE else f"{count:,} bytes"


def read_input_file(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them; else `InputFileError`."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise InputFileError(f"{path}: cannot read {what}: {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(f"{path}: {kind_of(info.st_mode)}, not a regular file: not read as a {what}")
        if info.st_size > limit:
            raise InputFileError(f"{path}: {_size(info.st_size)}, more than the {_size(limit)} a {what} may have")
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, MEBIBYTE))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:  # it grew while being read
            raise InputFileError(f"{path}: more than the {_size(limit)} a {what} may have")
        return b"".join(chunks)
    except OSError as error:
        raise InputFileError(f"{path}: cannot read {what}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def found_within(path: Path, folder: Path) -> bool:
    """Whether `path`, all its symlinks followed, is inside `folder` (its links followed too)."""
    root = os.path.realpath(folder)
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def too_deep(path: Path, what: str) -> str:
    return f"{path}: {what} nested too deeply to read (a real one nests a few levels)"
