"""Which files a run reads: one discovery for `check`, `parse`, `query`, `build` and `serve`.

- A file given by name is read as given; a folder given by name (or a symlink to one) is walked
  for `*.md` pages.
- While walking, hidden entries (`.git`, `.venv`, `.draft.md`: any name starting with a dot) are
  skipped.
- Symlinked folders are followed, each real folder once, so a link loop ends; pages are read
  under their real path before any link to them, and each page is read once.
- A symlink (to a file or a folder) that resolves outside the folder given is not read: pages
  must not pull in files from elsewhere on the machine. Nor are dangling symlinks, named pipes,
  sockets and devices (a pipe would block the read). Each of these is reported as a problem,
  never dropped in silence.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kbtools.page.input_file import kind_of

PAGE_SUFFIX = ".md"
# The folder of sxs pages that every command reads when none is given: $KBTOOLS_SOURCE, else
# the embedded sample.
SOURCE_VARIABLE = "KBTOOLS_SOURCE"
SAMPLE_SOURCE = "translations"


def default_source() -> Path:
    """The folder read when the command line names none, as the environment says now."""
    return Path(os.environ.get(SOURCE_VARIABLE) or SAMPLE_SOURCE)


@dataclass(frozen=True, slots=True)
class PathProblem:
    """A path that was found or given but is not read, and why (one line for the user)."""

    path: Path
    message: str


@dataclass
class Discovery:
    """The pages to read, in a stable order, and every path left out with its reason."""

    files: list[Path] = field(default_factory=list)
    problems: list[PathProblem] = field(default_factory=list)


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


class _Walk:
    """The state of one discovery: real paths already read, so that nothing is read twice."""

    def __init__(self) -> None:
        self.result = Discovery()
        self.seen_files: set[str] = set()
        self.seen_dirs: set[str] = set()

    def problem(self, path: Path, message: str) -> None:
        self.result.problems.append(PathProblem(path, message))

    def add_file(self, path: Path, real: str, found: list[Path]) -> None:
        if real not in self.seen_files:
            self.seen_files.add(real)
            found.append(path)

    def argument(self, raw: str | Path) -> None:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as error:
            if path.is_symlink():
                self.problem(path, f"dangling symlink to {os.readlink(path)}: not read")
            else:
                self.problem(path, error.strerror.lower() if error.strerror else "cannot read")
            return
        if stat.S_ISDIR(info.st_mode):
            self.folder(path)
        elif stat.S_ISREG(info.st_mode):
            found: list[Path] = []
            self.add_file(path, os.path.realpath(path), found)
            self.result.files.extend(found)
        else:
            self.problem(path, "not a regular file or directory")

    def folder(self, top: Path) -> None:
        root = os.path.realpath(top)
        found: list[Path] = []
        links: list[tuple[Path, str]] = []  # symlinks inside the folder, read after real entries
        pending = [(top, root)]
        while pending or links:
            if pending:
                directory, real_dir = pending.pop()
                if real_dir in self.seen_dirs:
                    continue
                self.seen_dirs.add(real_dir)
                pending.extend(reversed(self._entries(directory, root, found, links)))
                continue
            link, real = links.pop(0)
            if os.path.isdir(real):
                pending.append((link, real))
            elif real not in self.seen_files:
                self.add_file(link, real, found)
        self.result.files.extend(sorted(found))

    def _entries(
        self, directory: Path, root: str, found: list[Path], links: list[tuple[Path, str]]
    ) -> list[tuple[Path, str]]:
        """Read one folder: pages go to `found`, symlinks to `links`; returns the real subfolders."""
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            self.problem(directory, f"cannot read folder: {(error.strerror or str(error)).lower()}")
            return []
        subfolders = []
        for entry in entries:
            if is_hidden(entry.name):
                continue
            path = directory / entry.name
            is_page = entry.name.endswith(PAGE_SUFFIX)
            try:
                if entry.is_symlink():
                    self._link(path, is_page, root, links)
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append((path, os.path.realpath(path)))
                elif is_page:
                    mode = entry.stat(follow_symlinks=False).st_mode
                    if stat.S_ISREG(mode):
                        self.add_file(path, os.path.realpath(path), found)
                    else:
                        self.problem(path, f"{kind_of(mode)}, not a page: not read")
            except OSError as error:
                self.problem(path, f"cannot read: {(error.strerror or str(error)).lower()}")
        return subfolders

    def _link(self, path: Path, is_page: bool, root: str, links: list[tuple[Path, str]]) -> None:
        real = os.path.realpath(path)
        try:
            mode = os.stat(real).st_mode
        except OSError:
            self.problem(path, f"dangling symlink to {os.readlink(path)}: not read")
            return
        folder = stat.S_ISDIR(mode)
        if not (folder or is_page):
            return  # a link to something that is not a page is none of our business
        if not _inside(real, root):
            self.problem(path, f"symlink to {real}, outside {root}: not read")
        elif folder or stat.S_ISREG(mode):
            links.append((path, real))
        else:
            self.problem(path, f"symlink to {kind_of(mode)}, not a page: not read")


def discover_pages(paths: Iterable[str | Path]) -> Discovery:
    """The pages under `paths` (files and folders), each once, and every path left out."""
    walk = _Walk()
    for raw in paths:
        walk.argument(raw)
    return walk.result
