"""The site folder: which folders a build may replace, and how it replaces one whole.

A build never writes into the site folder itself. It writes a complete site into a fresh hidden
sibling (`.NAME.kbtools-build-PID-XXXX`), marks it with `SITE_MARKER`, then exchanges the two
folders in one `renameat2(RENAME_EXCHANGE)` call where the kernel has it (two renames
otherwise), and deletes the old site. A reader or `kbtools serve` sees the old site or the new
one, never part of one; a killed build leaves a sibling that the next build deletes.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import re
import secrets
import shutil
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kbtools.page.files import PAGE_SUFFIX
from kbtools.page.output_file import process_alive, write_file

SITE_MARKER = ".kbtools-site"
MARKER_TEXT = (
    "This folder was written by kbtools (`kbtools build` or its MkDocs plugin); `kbtools build` replaces it whole.\n"
)
_BUILD_INFIX = ".kbtools-build-"
_OLD_INFIX = ".kbtools-old-"


class SiteFolderRefused(Exception):
    """A site folder that a build must not replace: the message says why and what to do."""


@dataclass(frozen=True)
class SiteOrigin:
    """What a site was built from, recorded in its marker: `kbtools serve` answers the API from it."""

    source: Path
    english: Path | None = None


def is_kbtools_site(folder: Path) -> bool:
    """A folder kbtools wrote, which a build may replace: it holds the marker."""
    marker = folder / SITE_MARKER
    return marker.is_file() and not marker.is_symlink()


def is_complete_site(folder: Path) -> bool:
    """A complete site written by kbtools, fit to serve: the marker (written last, and removed by
    the plugin before MkDocs cleans the folder) and the home page. A site emptied by a killed
    `mkdocs build` of an older kbtools kept its marker (MkDocs' clean spares hidden files): no
    home page, no site."""
    return is_kbtools_site(folder) and (folder / "index.html").is_file()


def _holds_pages(folder: Path) -> Path | None:
    """The first page (`*.md`) under `folder`, if any: no site holds one, a source folder does."""
    for _, _, names in os.walk(folder):
        for name in names:
            if name.endswith(PAGE_SUFFIX):
                return folder / name
    return None


def write_marker(folder: Path, origin: SiteOrigin | None) -> None:
    """Mark `folder` as a complete kbtools site, with the folders it was built from (absolute)."""
    lines = [MARKER_TEXT]
    if origin is not None:
        lines.append(f"source: {json.dumps(str(origin.source.resolve()))}\n")
        if origin.english is not None:
            lines.append(f"english: {json.dumps(str(origin.english.resolve()))}\n")
    write_file(folder / SITE_MARKER, "".join(lines), durable=False)


def site_origin(folder: Path) -> SiteOrigin | None:
    """The folders a kbtools site records it was built from; None when it records none."""
    try:
        text = (folder / SITE_MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    recorded: dict[str, Path] = {}
    for line in text.splitlines()[1:]:
        key, _, value = line.partition(": ")
        try:
            path = json.loads(value)
        except json.JSONDecodeError:
            continue
        if key in ("source", "english") and isinstance(path, str):
            recorded[key] = Path(path)
    if "source" not in recorded:
        return None
    return SiteOrigin(recorded["source"], recorded.get("english"))


def _is_within(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def check_site_folder(
    source: Path,
    site_dir: Path,
    *,
    overwrite: bool = False,
    overwrite_hint: str = "add --overwrite",
    english: Path | None = None,
) -> Path:
    """The resolved `site_dir` when a build may replace it, else `SiteFolderRefused`.

    Never the source, a folder that holds it, the current folder, the home folder or the root
    (nor folders holding them); never the English folder, in it or holding it, whatever
    `overwrite` says; a non-empty folder without the marker only with `overwrite`, and never
    when it lies inside the source and holds a file or a page (a marker there may be forged).
    """
    site = site_dir.resolve()
    source = source.resolve()
    if site == source:
        raise SiteFolderRefused(f"{site_dir}: is the source folder; give --site-dir a folder of its own, e.g. site")
    if english is not None:
        english_root = english.resolve()
        if _is_within(site, english_root) or _is_within(english_root, site):
            raise SiteFolderRefused(
                f"{site_dir}: is, holds or lies in the English folder {english}, which the build reads; give "
                "--site-dir a folder of its own, e.g. site"
            )
    for what, folder in (("the current folder", Path.cwd().resolve()), ("your home folder", Path.home().resolve())):
        if _is_within(folder, site):
            raise SiteFolderRefused(
                f"{site_dir}: is or contains {what}; a build replaces the whole folder, give --site-dir a new "
                "folder, e.g. site"
            )
    if _is_within(source, site):
        raise SiteFolderRefused(
            f"{site_dir}: contains the source {source}; a build replaces the whole folder, give --site-dir a folder "
            "outside the source, e.g. site"
        )
    if site.exists() and not site.is_dir():
        raise SiteFolderRefused(f"{site_dir}: is a file, not a folder; give --site-dir a folder, e.g. site")
    if site.is_dir() and _is_within(site, source) and (page := _holds_pages(site)) is not None:
        raise SiteFolderRefused(
            f"{site_dir}: inside the source {source} and holds pages ({page.name}); a build replaces the whole "
            "folder, give --site-dir a folder outside the source, e.g. site"
        )
    if site.is_dir() and not is_kbtools_site(site) and any(site.iterdir()):
        if _is_within(site, source):
            raise SiteFolderRefused(
                f"{site_dir}: a non-empty folder inside the source {source} that kbtools did not build (no "
                f"{SITE_MARKER}); give --site-dir a new folder"
            )
        if not overwrite:
            raise SiteFolderRefused(
                f"{site_dir}: not empty and not built by kbtools (no {SITE_MARKER}); give --site-dir a new or empty "
                f"folder, or {overwrite_hint} to replace everything in it"
            )
    return site


def _sibling(site: Path, infix: str) -> Path:
    return site.parent / f".{site.name}{infix}{os.getpid()}-{secrets.token_hex(4)}"


_LEFTOVER = re.compile(r"(?P<infix>\.kbtools-(?:build|old)-)(?P<pid>\d+)-[0-9a-f]+")


def clean_leftovers(site: Path) -> list[Path]:
    """Delete the siblings that killed builds left beside `site`; return them.

    A build killed between the two renames of the fallback swap leaves no site and the old one
    aside: that one is put back first.
    """
    prefix = f".{site.name}"
    leftovers: list[tuple[str, Path]] = []
    if not site.parent.is_dir():
        return []
    for entry in site.parent.iterdir():
        if not entry.name.startswith(prefix):
            continue
        match = _LEFTOVER.fullmatch(entry.name[len(prefix) :])
        if match and entry.is_dir() and not entry.is_symlink() and not process_alive(int(match["pid"])):
            leftovers.append((match["infix"], entry))
    if not site.exists():
        aside = sorted((path for infix, path in leftovers if infix == _OLD_INFIX), key=lambda p: p.stat().st_mtime)
        if aside:
            aside[-1].rename(site)
            leftovers = [(infix, path) for infix, path in leftovers if path != aside[-1]]
    for _, path in leftovers:
        shutil.rmtree(path, ignore_errors=True)
    return [path for _, path in leftovers]


@contextlib.contextmanager
def _no_interrupt() -> Iterator[None]:
    """Hold Ctrl-C (and a polite kill) until the folders are swapped: it is delivered after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first))


@contextlib.contextmanager
def replacing(site: Path, origin: SiteOrigin | None = None) -> Iterator[Path]:
    """Yield a fresh sibling folder to build into; when the block ends normally, make it `site`,
    marked as built from `origin`.

    On any error or interrupt the sibling is deleted and `site` is left as it was.
    """
    site.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(site)
    work = _sibling(site, _BUILD_INFIX)
    work.mkdir()
    try:
        yield work
        write_marker(work, origin)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    with _no_interrupt():
        if not site.exists():
            work.rename(site)
            return
        if _exchange(work, site):
            old = work
        else:
            old = _sibling(site, _OLD_INFIX)
            site.rename(old)
            work.rename(site)
        shutil.rmtree(old, ignore_errors=True)
