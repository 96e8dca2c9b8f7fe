"""Every file kbtools writes (`check -o`, `--write-baseline`, `parse --out`, `schema --out`, the
site's marker and search index) goes through `replace_file`, which holds four rules:

- Never through a symlink: a link at the path, or a linked folder on the way to it under the
  current folder (where a checkout's committed links are), is refused, not followed.
- Never onto an input of the same run: the files the caller names (pages, the baseline read,
  the configuration), anything inside a folder the caller names as read-only (the English
  pages), and any file kbtools reads as source or configuration (`*.md`, `pyproject.toml`,
  `mkdocs.yml`).
- Always to a temporary file beside the target (`.NAME.kbtools-tmp-PID-XXXX`), renamed over it
  when complete, so a failed or full-disk write leaves the old file whole.
- The temporary file is removed on any exit the process survives (an error, Ctrl-C, a polite
  kill); one left by `kill -9` names its dead process and is removed by the next write there.

A character device or a named pipe given by the user (`-o /dev/null`, `-o /dev/stdout`) is
written to as it is: there is nothing to replace.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

TEMP_INFIX = ".kbtools-tmp-"
# What kbtools reads as pages or configuration: never the target of one of its outputs.
READ_SUFFIXES = (".md",)
READ_NAMES = ("pyproject.toml", "mkdocs.yml", "mkdocs.yaml")
_TEMP = re.compile(r"\.(?P<name>.+)" + re.escape(TEMP_INFIX) + r"(?P<pid>\d+)-[0-9a-f]+")
_OLD_TEMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.tmp")  # the report temp of kbtools <= 0.x


class OutputFileError(Exception):
    """An output that must not or cannot be written; the message names the file and says why."""


def process_alive(pid: int) -> bool:
    """Whether process `pid` still runs (ours counts), so that its temporary files are its own."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _links_on_the_way(path: Path) -> Path | None:
    """The first symlink among the folders of `path` that lie under the current folder."""
    cwd = Path.cwd()
    absolute = Path(os.path.abspath(path))
    if not absolute.parent.is_relative_to(cwd):
        return None
    folder = cwd
    for part in absolute.parent.relative_to(cwd).parts:
        folder = folder / part
        if folder.is_symlink():
            return folder
    return None


def check_output(
    path: Path, *, inputs: Iterable[Path] = (), read_only: Iterable[Path] = (), what: str = "file"
) -> bool:
    """Raise `OutputFileError` when `path` must not be written; True when it is a device or pipe.

    `inputs` are the files this run reads, `read_only` folders it reads and must never write in.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputFileError(f"{path}: cannot write {what}: {error.strerror or error}") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        target = os.path.realpath(path)
        outside = not Path(os.path.abspath(path)).is_relative_to(Path.cwd())
        with contextlib.suppress(OSError):
            if outside and not stat.S_ISREG(os.stat(target).st_mode) and not stat.S_ISDIR(os.stat(target).st_mode):
                return True  # /dev/stdout and the like, named by the user
        raise OutputFileError(
            f"{path}: is a symlink (to {os.readlink(path)}); kbtools never writes through a link: remove it or "
            "give another path"
        )
    link = _links_on_the_way(path)
    if link is not None:
        raise OutputFileError(
            f"{path}: {link} is a symlink (to {os.readlink(link)}); kbtools never writes through a link: give a "
            "path without one"
        )
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputFileError(f"{path}: is a folder; give the path of a file")
    if info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        return True
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputFileError(f"{path}: not a regular file; give the path of a file")
    if path.name in READ_NAMES or path.name.endswith(READ_SUFFIXES):
        raise OutputFileError(
            f"{path}: kbtools reads files of this name as pages or configuration and never writes one; give "
            "another name, e.g. report.json"
        )
    own = _identity(path)
    real = os.path.realpath(path)
    for given in inputs:
        if (own is not None and own == _identity(given)) or real == os.path.realpath(given):
            raise OutputFileError(f"{path}: is an input of this run ({given}); give the output another name")
    for folder in read_only:
        root = os.path.realpath(folder)
        if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
            raise OutputFileError(f"{path}: inside {folder}, which this run reads; write the output elsewhere")
    return False


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files that killed kbtools processes left in `folder`; return them."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _TEMP.fullmatch(entry.name) or _OLD_TEMP.fullmatch(entry.name)
        if match is None or process_alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """A polite kill (SIGTERM) ends the process through `finally` blocks, not around them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def temp_path(path: Path) -> Path:
    """Where `path` is written before it is renamed into place."""
    return path.parent / f".{path.name}{TEMP_INFIX}{os.getpid()}-{secrets.token_hex(4)}"


@contextlib.contextmanager
def replace_file(
    path: Path,
    *,
    inputs: Iterable[Path] = (),
    read_only: Iterable[Path] = (),
    durable: bool = True,
    what: str = "file",
) -> Iterator[BinaryIO]:
    """Yield a binary stream; when the block ends normally its bytes replace `path` whole.

    Raises `OutputFileError` (the message names `path`) when `path` must not be written or the
    write fails; on any error `path` is left as it was and no temporary file remains. `durable`
    waits for the bytes to reach the disk before the rename (a user's file, not a site's parts).
    """
    if check_output(path, inputs=inputs, read_only=read_only, what=what):
        try:
            with open(path, "ab") as stream:
                yield stream
        except OSError as error:
            raise OutputFileError(f"{path}: cannot write {what}: {error.strerror or error}") from None
        return
    with _swapped_in(path, durable=durable, what=what) as stream:
        yield stream


@contextlib.contextmanager
def _swapped_in(path: Path, *, durable: bool, what: str) -> Iterator[BinaryIO]:
    """A temporary file beside `path`, renamed over it when the block ends normally."""
    folder = path.parent
    clean_stale_temps(folder)
    temporary = temp_path(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = None
    with _terminate_as_exit():
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
        except OSError as error:
            raise OutputFileError(f"{path}: cannot write {what}: {error.strerror or error}") from None
        try:
            with os.fdopen(descriptor, "wb") as stream:
                yield stream
                stream.flush()
                if durable:
                    os.fsync(stream.fileno())
            if mode is not None:
                os.chmod(temporary, mode)
            os.replace(temporary, path)
        except OSError as error:
            raise OutputFileError(f"{path}: cannot write {what}: {error.strerror or error}") from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


@contextlib.contextmanager
def replace_text_file(
    path: Path, *, inputs: Iterable[Path] = (), read_only: Iterable[Path] = (), what: str = "file"
) -> Iterator[TextIO]:
    """`replace_file` as UTF-8 text with `\\n` line ends; a name that is not UTF-8 (a lone
    surrogate from the file system) is written as its `\\udcff` escape, never an error."""
    with replace_file(path, inputs=inputs, read_only=read_only, what=what) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", errors="backslashreplace", newline="\n")
        yield text
        text.flush()
        text.detach()


def rewrite_page(path: Path, data: bytes, *, what: str = "page") -> None:
    """Replace the bytes of an existing page whole (`check --fix`, `import`), keeping its mode.

    The page is the file this run means to change, so the rule against writing a page's name
    does not apply; the others do: never through a symlink (the page's or a folder's on the
    way), only a regular file, a temporary file renamed into place.
    """
    try:
        info = os.lstat(path)
    except OSError as error:
        raise OutputFileError(f"{path}: cannot write {what}: {error.strerror or error}") from None
    if stat.S_ISLNK(info.st_mode):
        raise OutputFileError(f"{path}: is a symlink (to {os.readlink(path)}); kbtools never writes through a link")
    link = _links_on_the_way(path)
    if link is not None:
        raise OutputFileError(
            f"{path}: {link} is a symlink (to {os.readlink(link)}); kbtools never writes through a link"
        )
    if not stat.S_ISREG(info.st_mode):
        raise OutputFileError(f"{path}: no longer a regular file; not written")
    with _swapped_in(path, durable=True, what=what) as stream:
        stream.write(data)


def write_file(
    path: Path,
    data: str | bytes,
    *,
    inputs: Iterable[Path] = (),
    read_only: Iterable[Path] = (),
    durable: bool = True,
    what: str = "file",
) -> None:
    """Replace `path` with `data` (text is written as UTF-8) under the rules of `replace_file`."""
    if isinstance(data, str):
        data = data.encode("utf-8", "backslashreplace")
    with replace_file(path, inputs=inputs, read_only=read_only, durable=durable, what=what) as stream:
        stream.write(data)
