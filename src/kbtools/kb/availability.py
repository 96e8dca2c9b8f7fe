"""The availability rule: on which (Windows version, runtime version) pairs a property is available.

Every answer about availability (`kbtools query --os/--runtime/--version`, the live and static
API, the requirements matrix and the site's matrix page) comes from `Availability.points`.

A statement makes a property available at a set of points `(windows, version)`:

- It names Windows versions and runtime versions ("Windows Installer 4.0 or Windows Installer 4.5
  on Windows Vista"): each named Windows with each named version, as stated. With "or later",
  also the later versions that exist on that Windows.
- It names Windows versions but no runtime version ("Windows Installer on Windows XP"): each named
  Windows with every version that exists there.
- It names runtime versions but no Windows ("Windows Installer 5.0 or later"): every Windows where
  such a version exists; `(None, version)` for each version, so a version asked alone matches.

A version *exists on* a Windows when a runtime release record says it shipped with it or its
redistributable installs on it, or when some requirement statement names that version on that
Windows. "Or later" follows the order of the known versions (release order). A Windows where
no version is known is `(windows, None)`: the statement holds there, for no named version.

The pages' statements stop at Windows 8 and Windows Server 2012; the runtime pages say that
Windows Installer 5.0 ships with the later releases ("Windows 7, Windows Server 2008 R2, and later
client and server releases (including Windows 10)"). So on a Windows released after every Windows
the statements name, a statement holds with each version it holds with elsewhere that exists
there: a property available with 5.0 is available on Windows 10, 11 and Server 2016 to 2025.
Windows released before the statements' range (Windows NT 4.0) get no such answer: the pages'
silence about them is what they say.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from kbtools.kb.record import PropertyRecord, RequirementStatement, RuntimeRelease
from kbtools.kb.requirements import RUNTIMES, version_key
from kbtools.kb.windows import OPERATING_SYSTEMS, release_order

Point = tuple[str | None, str | None]


class Availability:
    """The rule above over one knowledge base: its runtime releases and its statements."""

    def __init__(self, records: Sequence[PropertyRecord], runtimes: Sequence[RuntimeRelease] = ()) -> None:
        named: dict[str, set[str]] = {runtime: set() for runtime in RUNTIMES}
        on: dict[tuple[str, str], set[str]] = {}
        for release in runtimes:
            named.setdefault(release.runtime, set()).add(release.version)
            for windows in release.available_on:
                on.setdefault((release.runtime, windows), set()).add(release.version)
        for record in records:
            for statement in record.requirements.statements:
                named.setdefault(statement.runtime, set()).update(statement.versions)
                for windows in statement.os:
                    on.setdefault((statement.runtime, windows), set()).update(statement.versions)
        stated = {windows for record in records for s in record.requirements.statements for windows in s.os}
        newest_stated = max((release_order(windows) for windows in stated), default=len(OPERATING_SYSTEMS))
        self.versions: dict[str, list[str]] = {runtime: _ordered(found) for runtime, found in named.items()}
        """Runtime -> its known versions, oldest first."""
        self._on = {key: _ordered(found) for key, found in on.items()}
        self.after_statements: list[str] = [
            w
            for w in OPERATING_SYSTEMS
            if release_order(w) > newest_stated and any(windows == w for _, windows in self._on)
        ]
        """The Windows released after every Windows a statement names where a runtime release is
        known (from the runtime pages), newest first."""
        self._points = lru_cache(maxsize=None)(self._compute_points)

    def versions_on(self, runtime: str, windows: str) -> list[str]:
        """The versions of `runtime` that exist on `windows`, oldest first."""
        return self._on.get((runtime, windows), [])

    def points(self, statement: RequirementStatement) -> frozenset[Point]:
        return self._points(statement.runtime, tuple(statement.versions), statement.or_later, tuple(statement.os))

    def _compute_points(
        self, runtime: str, versions: tuple[str, ...], or_later: bool, systems: tuple[str, ...]
    ) -> frozenset[Point]:
        lowest = min((version_key(v) for v in versions), default=None)

        def wanted(version: str) -> bool:
            if lowest is None:
                return True
            return version in versions or (or_later and version_key(version) >= lowest)

        points: set[Point] = set()
        if systems:
            for windows in systems:
                existing = self.versions_on(runtime, windows)
                points.update((windows, version) for version in versions)
                if not versions or or_later:
                    points.update((windows, version) for version in existing if wanted(version))
                if not versions and not existing:
                    points.add((windows, None))
            for later in self.after_statements:
                found = self.versions_on(runtime, later)
                points.update((later, version) for _, version in list(points) if version in found)
            return frozenset(points)
        points.update((None, version) for version in self.versions.get(runtime, []) if wanted(version))
        points.update((None, version) for version in versions)
        for windows in OPERATING_SYSTEMS:
            points.update((windows, version) for version in self.versions_on(runtime, windows) if wanted(version))
        return frozenset(points)

    def allows(
        self,
        statement: RequirementStatement,
        *,
        os: str | None = None,
        runtime: str | None = None,
        version: str | None = None,
    ) -> bool:
        """Whether one statement makes its property available for the parts given (None: any)."""
        if runtime is not None and statement.runtime != runtime:
            return False
        if os is None and version is None:
            return True
        return matches(self.points(statement), os=os, version=version)

    def is_available(
        self, record: PropertyRecord, *, os: str | None = None, runtime: str | None = None, version: str | None = None
    ) -> bool:
        """True when one of the record's statements allows the parts given; never for a record without any."""
        return any(
            self.allows(statement, os=os, runtime=runtime, version=version)
            for statement in record.requirements.statements
        )

    def record_points(self, record: PropertyRecord, runtime: str) -> frozenset[Point]:
        """Every point where the record's statements of `runtime` make it available."""
        found: set[Point] = set()
        for statement in record.requirements.statements:
            if statement.runtime == runtime:
                found |= self.points(statement)
        return frozenset(found)


def matches(points: frozenset[Point], *, os: str | None, version: str | None) -> bool:
    """Whether a point matches the Windows and the version asked for (None: any)."""
    if os is not None and version is not None:
        return (os, version) in points
    return any((os is None or windows == os) and (version is None or named == version) for windows, named in points)


def _ordered(versions: Iterable[str]) -> list[str]:
    return sorted(versions, key=version_key)
