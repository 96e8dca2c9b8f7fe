"""The requirements matrix: which properties each Windows and Windows Installer version offers.

Every list in it is an answer of the query (`kbtools.kb.query.Catalog.select` with `os`,
`runtime="Windows Installer"` and `version`), so the matrix, `kbtools query`, the live
`/api/v1/properties?os=...&version=...` and the site's matrix page agree. Rows are the Windows
versions a query may name (`Catalog.windows`: those requirement statements name and the releases
after them, where a property available with 5.0 is available); a row has a cell for each Windows Installer version
that exists on that Windows (a release shipped with it or installs on it, or a page states the
pair), so no cell describes a combination that never existed.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from kbtools.kb.query import Catalog
from kbtools.kb.record import Runtime

WINDOWS_INSTALLER: Runtime = "Windows Installer"


class RequirementsCell(BaseModel):
    """The properties available with Windows Installer `version` (slugs)."""

    version: str
    properties: list[str]


class RequirementsRow(BaseModel):
    """One Windows version: the properties available there with any version, and per version."""

    os: str
    properties: list[str] = Field(description="Available on this Windows with some Windows Installer version.")
    cells: list[RequirementsCell]


class RequirementsMatrix(BaseModel):
    runtime: Runtime = WINDOWS_INSTALLER
    installer_versions: list[str] = []
    rows: list[RequirementsRow] = []
    by_version: list[RequirementsCell] = Field(
        default=[], description="Available with each Windows Installer version, whatever the Windows."
    )


def requirements_matrix(catalog: Catalog) -> RequirementsMatrix:
    """The matrix over `catalog.windows` (newest first); cells go from the oldest installer version."""

    def slugs(**filters: str) -> list[str]:
        return [record.slug for record in catalog.select(catalog.check(runtime=WINDOWS_INSTALLER, **filters))]

    availability = catalog.availability
    rows = [
        RequirementsRow(
            os=windows,
            properties=slugs(os=windows),
            cells=[
                RequirementsCell(version=version, properties=slugs(os=windows, version=version))
                for version in availability.versions_on(WINDOWS_INSTALLER, windows)
            ],
        )
        for windows in catalog.windows
    ]
    versions = availability.versions.get(WINDOWS_INSTALLER, [])
    return RequirementsMatrix(
        installer_versions=versions,
        rows=rows,
        by_version=[RequirementsCell(version=version, properties=slugs(version=version)) for version in versions],
    )
