"""The requirements matrix: which properties a given Windows and Windows Installer pair offers.

Each cell is the answer of the query rule (`kbtools.kb.query.filter_records` with `os`,
`runtime="Windows Installer"` and `version`), so the static matrix and the live
`/api/v1/properties?os=...&version=...` always agree. The axes are the pairs the pages
themselves state ("Windows Installer 4.5 on Windows XP"), so no cell describes a combination
that never shipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from kbtools.kb.query import filter_records
from kbtools.kb.record import RECORD_VERSION, PropertyRecord

WINDOWS_INSTALLER = "Windows Installer"


class RequirementsCell(BaseModel):
    """The properties available on `os` with Windows Installer `version` (slugs)."""

    version: str
    properties: list[str]


class RequirementsRow(BaseModel):
    """One Windows version and the Windows Installer versions the pages pair with it."""

    os: str
    cells: list[RequirementsCell]


class RequirementsMatrix(BaseModel):
    version: int = RECORD_VERSION
    runtime: str = WINDOWS_INSTALLER
    installer_versions: list[str] = []
    rows: list[RequirementsRow] = []


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def stated_pairs(records: Sequence[PropertyRecord]) -> dict[str, set[str]]:
    """Windows version -> the Windows Installer versions some page states for it."""
    pairs: dict[str, set[str]] = {}
    for record in records:
        for statement in record.requirements.statements:
            if statement.runtime != WINDOWS_INSTALLER:
                continue
            for os_name in statement.os:
                pairs.setdefault(os_name, set()).update(statement.versions)
    return pairs


def requirements_matrix(records: Sequence[PropertyRecord]) -> RequirementsMatrix:
    """The matrix over every stated (Windows, Windows Installer) pair.

    Rows are ordered by the newest installer version they support, then by name, so the
    table reads from old systems to new ones.
    """
    pairs = stated_pairs(records)
    rows = []
    for os_name, versions in sorted(
        pairs.items(), key=lambda item: (max(map(_version_key, item[1]), default=()), item[0])
    ):
        cells = [
            RequirementsCell(
                version=version,
                properties=[
                    record.slug
                    for record in filter_records(
                        records, os=os_name, runtime=WINDOWS_INSTALLER, version=version
                    )
                ],
            )
            for version in sorted(versions, key=_version_key)
        ]
        rows.append(RequirementsRow(os=os_name, cells=cells))
    all_versions = sorted({v for versions in pairs.values() for v in versions}, key=_version_key)
    return RequirementsMatrix(installer_versions=all_versions, rows=rows)
