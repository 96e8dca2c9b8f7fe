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
from kbtools.kb.record import RECORD_VERSION, PropertyRecord, Runtime
from kbtools.kb.requirements import OPERATING_SYSTEMS, version_key

WINDOWS_INSTALLER: Runtime = "Windows Installer"


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
    runtime: Runtime = WINDOWS_INSTALLER
    installer_versions: list[str] = []
    rows: list[RequirementsRow] = []


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


def _os_order(os_name: str) -> tuple[int, str]:
    known = OPERATING_SYSTEMS.index(os_name) if os_name in OPERATING_SYSTEMS else len(OPERATING_SYSTEMS)
    return known, os_name


def requirements_matrix(records: Sequence[PropertyRecord]) -> RequirementsMatrix:
    """The matrix over every stated (Windows, Windows Installer) pair.

    Rows follow `OPERATING_SYSTEMS` (newest first); cells go from the oldest installer version.
    """
    pairs = stated_pairs(records)
    rows = []
    for os_name in sorted(pairs, key=_os_order):
        versions = pairs[os_name]
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
            for version in sorted(versions, key=version_key)
        ]
        rows.append(RequirementsRow(os=os_name, cells=cells))
    all_versions = sorted({v for versions in pairs.values() for v in versions}, key=version_key)
    return RequirementsMatrix(installer_versions=all_versions, rows=rows)
