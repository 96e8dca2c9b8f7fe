"""Windows versions: the names the pages use, which line (client, server) each belongs to, and
their order of release.

The pages name Windows versions in two places: requirement statements of property pages
("... on Windows Server 2003 or Windows XP") and the runtime pages ("Released with Windows 2000
Server with Service Pack 3 (SP3)"). Neither says which release follows which, so "Windows 7 and
later" needs this table: later means the next releases of the same line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Line = Literal["client", "server"]


@dataclass(frozen=True)
class WindowsVersion:
    """A Windows release as the pages name it. `aliases` are other spellings of the same release
    (`Windows 2000 Server`); `lines` says whether later client or later server releases follow it."""

    name: str
    lines: tuple[Line, ...]
    aliases: tuple[str, ...] = ()


# Oldest first, within each line in order of release.
WINDOWS_VERSIONS: tuple[WindowsVersion, ...] = (
    WindowsVersion("Windows NT 4.0", ("client", "server")),
    WindowsVersion("Windows 2000", ("client", "server"), aliases=("Windows 2000 Server", "Windows 2000 Professional")),
    WindowsVersion("Windows XP", ("client",), aliases=("Windows XP Professional x64 Edition",)),
    WindowsVersion("Windows Server 2003", ("server",)),
    WindowsVersion("Windows Vista", ("client",)),
    WindowsVersion("Windows Server 2008", ("server",)),
    WindowsVersion("Windows 7", ("client",)),
    WindowsVersion("Windows Server 2008 R2", ("server",)),
    WindowsVersion("Windows 8", ("client",)),
    WindowsVersion("Windows Server 2012", ("server",)),
    WindowsVersion("Windows 10", ("client",)),
)

# The Windows versions requirement statements name: the values of the `--os` filter and the rows
# of the requirements matrix, newest first. Windows NT 4.0 and Windows 10 appear only on the
# runtime pages; no property page states a requirement for them, so no answer is given for them.
OPERATING_SYSTEMS: tuple[str, ...] = (
    "Windows Server 2012",
    "Windows 8",
    "Windows Server 2008 R2",
    "Windows 7",
    "Windows Server 2008",
    "Windows Vista",
    "Windows Server 2003",
    "Windows XP",
    "Windows 2000",
)

_BY_NAME = {version.name: version for version in WINDOWS_VERSIONS}
_SPELLINGS = {spelling: version.name for version in WINDOWS_VERSIONS for spelling in (version.name, *version.aliases)}
WINDOWS_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(name) for name in sorted(_SPELLINGS, key=len, reverse=True)) + r")(?!\w|\.\d)"
)


def canonical_windows(spelling: str) -> str | None:
    """The canonical name of a Windows spelling (`Windows 2000 Server` -> `Windows 2000`)."""
    return _SPELLINGS.get(spelling)


def release_order(name: str) -> int:
    """The position of a Windows version in `WINDOWS_VERSIONS` (oldest 0)."""
    return WINDOWS_VERSIONS.index(_BY_NAME[name])


def later_releases(name: str) -> list[str]:
    """`name` and the releases after it in its lines ("Windows 7 and later": 7, 8, 10)."""
    version = _BY_NAME[name]
    start = release_order(name)
    return [name] + [
        later.name for later in WINDOWS_VERSIONS[start + 1 :] if set(later.lines) & set(version.lines)
    ]
