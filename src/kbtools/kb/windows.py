"""Windows versions: the names the pages use, which line (client, server) each belongs to, and
their order of release.

The table is data (`data/windows.json`), not code: the releases the Windows Installer pages name
(requirement statements, "Released with Windows 2000 Server with Service Pack 3 (SP3)") and the
releases after Windows 8 and Windows Server 2012 with the source that names them. The pages never
say which release follows which, so "Windows 7 and later" needs this order: later means the next
releases of the same line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

Line = Literal["client", "server"]
WINDOWS_DATA = "windows.json"


@dataclass(frozen=True)
class WindowsVersion:
    """A Windows release. `aliases` are other spellings of the same release (`Windows 2000 Server`);
    `lines` says whether later client or later server releases follow it; `source` names where
    the release is known from (a key of the data file's `sources`)."""

    name: str
    lines: tuple[Line, ...]
    aliases: tuple[str, ...] = ()
    released: str | None = None
    source: str = "pages"
    in_statements: bool = False


def _load() -> tuple[tuple[WindowsVersion, ...], dict[str, str]]:
    data = json.loads(resources.files("kbtools.kb").joinpath("data", WINDOWS_DATA).read_text(encoding="utf-8"))
    versions = tuple(
        WindowsVersion(
            name=entry["name"],
            lines=tuple(entry["lines"]),
            aliases=tuple(entry.get("aliases", ())),
            released=entry.get("released"),
            source=entry.get("source", "pages"),
            in_statements=entry.get("in_statements", False),
        )
        for entry in data["releases"]
    )
    return versions, dict(data["sources"])


# Oldest first, within each line in order of release.
WINDOWS_VERSIONS, WINDOWS_SOURCES = _load()

# Every Windows version of the table, newest first.
OPERATING_SYSTEMS: tuple[str, ...] = tuple(version.name for version in reversed(WINDOWS_VERSIONS))
# The Windows versions the requirement statements of the reference name (2000 to Server 2012), newest first.
STATEMENT_WINDOWS: tuple[str, ...] = tuple(
    version.name for version in reversed(WINDOWS_VERSIONS) if version.in_statements
)

_BY_NAME = {version.name: version for version in WINDOWS_VERSIONS}
_SPELLINGS = {spelling: version.name for version in WINDOWS_VERSIONS for spelling in (version.name, *version.aliases)}
# "Windows 8" is not the start of "Windows 8.1", nor "Windows 10" of "Windows 10.0".
WINDOWS_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(name) for name in sorted(_SPELLINGS, key=len, reverse=True)) + r")(?!\w|\.\d)"
)


def canonical_windows(spelling: str) -> str | None:
    """The canonical name of a Windows spelling (`Windows 2000 Server` -> `Windows 2000`), any case."""
    found = _SPELLINGS.get(spelling)
    if found is not None:
        return found
    wanted = " ".join(spelling.split()).casefold()
    return next((name for written, name in _SPELLINGS.items() if written.casefold() == wanted), None)


def release_order(name: str) -> int:
    """The position of a Windows version in `WINDOWS_VERSIONS` (oldest 0)."""
    return WINDOWS_VERSIONS.index(_BY_NAME[name])


def later_releases(name: str, lines: tuple[Line, ...] | None = None) -> list[str]:
    """`name` and the releases after it in its lines ("Windows 7 and later": 7, 8, 8.1, 10, 11);
    `lines` narrows the lines followed ("later client and server releases" gives both)."""
    version = _BY_NAME[name]
    start = release_order(name)
    followed = set(lines if lines is not None else version.lines)
    return [name] + [later.name for later in WINDOWS_VERSIONS[start + 1 :] if set(later.lines) & followed]
