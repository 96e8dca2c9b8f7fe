"""Runtime releases read from the runtime pages: which Windows Installer builds shipped with which
Windows, and where each release's redistributable installs.

Two pages say it: `released-versions-of-windows-installer.md` (a table of builds: "Released with
Windows XP with Service Pack 1 (SP1).", "Released as a redistributable for Windows Vista.") and
`windows-installer-redistributables.md` ("There is no redistributable for Windows Installer 5.0.",
"The name of the redistributable that installs Windows Installer 4.5 on x64-based computers running
Windows Vista ... is Windows6.0-KB942288-v2-x64.MSU.", or the same as a File Name / OS Version
table). Only the English source sentences are read; every fact keeps the id of its segment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kbtools.kb.record import (
    LocalizedText,
    RedistributableFile,
    RuntimeBuild,
    RuntimeRelease,
    WindowsRelease,
)
from kbtools.kb.requirements import english_sentences, version_key
from kbtools.kb.sections import heading_text
from kbtools.kb.sentence import localized_plain, plain
from kbtools.kb.windows import WINDOWS_PATTERN, canonical_windows, later_releases, release_order
from kbtools.page import Page, Segment
from kbtools.page.blocks import Block

RELEASES_PAGE = "released-versions-of-windows-installer.md"
REDISTRIBUTABLES_PAGE = "windows-installer-redistributables.md"
RUNTIME_PAGES = (RELEASES_PAGE, REDISTRIBUTABLES_PAGE)

_RELEASE = re.compile(r"\bWindows Installer (\d+\.\d+)\b")
_BUILD = re.compile(r"^(\d+(?:\.\d+){2,3})(\s+or greater)?$")
_SERVICE_PACK = re.compile(r"^\s*(?:with\s+)?(?:Service Pack\s*\(?\s*SP\s*(\d+)|Service Pack\s*(\d+)|SP\s*(\d+))", re.I)
_CLOSING = re.compile(r"\s*\(SP\s*\d+\)|[.\s]*\)")  # "(SP3)" after "Service Pack 3", ".)" after "(SP2"
_AND_LATER = re.compile(r"^[^,;]*?\band later\b")
_RELEASED_WITH = re.compile(r"^Released with (?!a fix)(.+)$")
_REDISTRIBUTABLE = re.compile(r"^Released as a redistributable(?: for (.+))?\.?$")
_COMES_WITH = re.compile(r"^(.+?) (?:comes|ships) with Windows Installer (\d+\.\d+)")
_NO_REDISTRIBUTABLE = re.compile(r"\bThere is no redistributable (?:that installs |for )Windows Installer (\d+\.\d+)")
_FILE = re.compile(
    r"redistributable that installs Windows Installer (\d+\.\d+)"
    r"(?: on (?:(\S+?)-based |(Itanium)-Based Systems )?computers running (.+?))? is ([\w.\-]+?)\.?$"
)
# "Windows Installer 2.0 Redistributable for Windows NT 4.0 and Windows 2000", "the Windows Installer 4.5
# resdistributable is provided for Windows Vista ...", "... to Windows Installer 2.0 on Windows 2000 should not ..."
_INSTALLS_FOR = re.compile(
    r"Windows Installer (\d+\.\d+) (?:res?distributable|Redistributable)s?(?: package)?(?: is provided)? for (.+?)"
    r"(?= operating systems| as | can | cannot |\)|\]|$)"
)
_UPGRADING_ON = re.compile(r"(?:installing|upgrading) to Windows Installer (\d+\.\d+) on (.+?) should not\b")
# "This version is included with the OS in Windows 7, Windows Server 2008 R2, and later client and server
# releases (including Windows 10)." after "There is no redistributable for Windows Installer 5.0."
_INCLUDED_WITH = re.compile(
    r"^This version is included with the (?:OS|operating system) in (.+?)"
    r"(,? and later (?:client and server|client|server) releases)?(?:,? \(?including ([^)]+?)\)?)?\.?$"
)
_FILE_NAME = re.compile(r"^[\w.\-]+\.(?:exe|msu|msi)$", re.I)


def windows_releases(text: str, evidence: str | None = None) -> list[WindowsRelease]:
    """The Windows releases a phrase names, each with its service pack and "and later"."""
    matches = list(WINDOWS_PATTERN.finditer(text))
    releases: list[WindowsRelease] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        tail = text[match.end() : end]
        service_pack = _SERVICE_PACK.match(tail)
        pack = next((int(group) for group in service_pack.groups() if group), None) if service_pack else None
        written = match.group(1)
        if service_pack:
            closing = _CLOSING.match(tail, service_pack.end())
            written += tail[: closing.end() if closing else service_pack.end()]
        later = bool(_AND_LATER.match(tail))
        releases.append(
            WindowsRelease(
                os=canonical_windows(match.group(1)) or match.group(1),
                as_written=written + (" and later" if later else ""),
                service_pack=pack,
                and_later=later,
                evidence=evidence,
            )
        )
    return releases


def covered_windows(releases: Iterable[WindowsRelease]) -> set[str]:
    """The Windows versions the releases cover: "and later" without a service pack adds the later releases
    of the line; with one it means later service packs of the same Windows."""
    names: set[str] = set()
    for release in releases:
        if release.and_later and release.service_pack is None:
            names.update(later_releases(release.os))
        else:
            names.add(release.os)
    return names


def _table_rows(blocks: list[Block]) -> list[tuple[dict[str, list[Segment]], list[list[Segment]]]]:
    """Each table row as (cells by English header, cells in order); header rows are skipped."""
    tables: list[dict[int, dict[int, list[Segment]]]] = []
    for block in blocks:
        if block.kind != "table_cell" or block.row is None:
            continue
        if block.row == 0 and (block.column or 0) == 0 or not tables:
            tables.append({})
        tables[-1].setdefault(block.row, {}).setdefault(block.column or 0, []).extend(block.segments)
    rows = []
    for table in tables:
        header = {column: " ".join(plain(s.source) for s in cells) for column, cells in table.get(0, {}).items()}
        for row, cells in sorted(table.items()):
            if row == 0:
                continue
            ordered = [cells.get(column, []) for column in range(max(cells, default=-1) + 1)]
            rows.append(({header.get(column, ""): segments for column, segments in cells.items()}, ordered))
    return rows


def _sentences(segments: list[Segment]) -> list[tuple[str, str]]:
    """(English sentence, segment id) for every sentence of the segments."""
    return [(sentence, segment.id) for segment in segments for sentence in english_sentences(plain(segment.source))]


class RuntimeReader:
    """Collects the facts of the runtime pages into one `RuntimeRelease` per version."""

    def __init__(self) -> None:
        self.releases: dict[str, RuntimeRelease] = {}

    def release(self, version: str, page: Page) -> RuntimeRelease:
        release = self.releases.get(version)
        if release is None:
            release = self.releases[version] = RuntimeRelease(version=version)
        name = page.path.name
        if name not in release.pages:
            release.pages.append(name)
        return release

    def read_releases_page(self, page: Page, locale: str) -> None:
        """The table of builds, and sentences such as "Windows 8 comes with Windows Installer 5.0."."""
        for _, cells in _table_rows(page.blocks):
            if len(cells) < 3:
                continue
            release_name = " ".join(plain(s.source) for s in cells[0])
            build_text = " ".join(plain(s.source) for s in cells[1])
            version, build = _RELEASE.fullmatch(release_name), _BUILD.match(build_text)
            if version is None or build is None:
                continue
            entry = RuntimeBuild(build=build.group(1), or_greater=bool(build.group(2)))
            description: LocalizedText = localized_plain(cells[2], locale)
            entry.description = description
            entry.evidence = [segment.id for segment in cells[0] + cells[1] + cells[2]]
            for sentence, segment_id in _sentences(cells[2]):
                shipped = _RELEASED_WITH.match(sentence)
                redistributable = _REDISTRIBUTABLE.match(sentence)
                if shipped:
                    entry.shipped_with.extend(windows_releases(shipped.group(1), segment_id))
                elif redistributable:
                    entry.redistributable = True
                    if redistributable.group(1):
                        entry.redistributable_for.extend(windows_releases(redistributable.group(1), segment_id))
            release = self.release(version.group(1), page)
            release.builds.append(entry)
            release.shipped_with.extend(entry.shipped_with)
            if entry.redistributable:
                release.redistributable = True
                release.installs_on.extend(entry.redistributable_for)
        for block in page.blocks:
            if block.kind == "table_cell":
                continue
            for sentence, segment_id in _sentences(block.segments):
                comes = _COMES_WITH.match(sentence)
                if comes:
                    self.release(comes.group(2), page).shipped_with.extend(windows_releases(comes.group(1), segment_id))

    def read_redistributables_page(self, page: Page) -> None:
        """Which releases have a redistributable, its files, and the Windows they install on."""
        heading_version: str | None = None
        for block in page.blocks:
            if block.kind == "heading":
                found = _RELEASE.search(heading_text(block))
                heading_version = found.group(1) if found else heading_version
                continue
            if block.kind == "table_cell":
                continue
            named = heading_version
            for sentence, segment_id in _sentences(block.segments):
                self._redistributable_sentence(page, sentence, segment_id, named)
                found = _RELEASE.search(sentence)
                named = found.group(1) if found else named
        for by_header, _ in _table_rows(page.blocks):
            # The File Name / OS Version / Architecture table under a "Windows Installer 4.5 Redistributable" heading.
            file_cells = by_header.get("File Name")
            os_cells = by_header.get("OS Version")
            if not file_cells or os_cells is None:
                continue
            file_name = " ".join(plain(s.source) for s in file_cells)
            version = (
                _RELEASE.search(heading_text(file_cells[0].block.heading))
                if file_cells[0].block and file_cells[0].block.heading
                else None
            )
            if not _FILE_NAME.match(file_name) or version is None:
                continue
            architecture = " ".join(plain(s.source) for s in by_header.get("Architecture", [])) or None
            installs_on = [r for s in os_cells for r in windows_releases(plain(s.source), s.id)]
            release = self.release(version.group(1), page)
            release.redistributable = True
            release.installs_on.extend(installs_on)
            evidence = [s.id for cells in by_header.values() for s in cells]
            release.redistributable_files.append(
                RedistributableFile(
                    file=file_name, architecture=architecture, installs_on=installs_on, evidence=evidence
                )
            )

    def _redistributable_sentence(self, page: Page, sentence: str, segment_id: str, named: str | None) -> None:
        """One sentence; `named` is the release the sentences before it in its paragraph (or its heading) name."""
        included = _INCLUDED_WITH.match(sentence)
        if included and named is not None:
            systems, later, including = included.groups()
            shipped = [
                release.model_copy(update={"and_later": bool(later)})
                for release in windows_releases(systems, segment_id)
            ]
            shipped.extend(windows_releases(including or "", segment_id))
            self.release(named, page).shipped_with.extend(shipped)
            return
        none = _NO_REDISTRIBUTABLE.search(sentence)
        if none:
            self.release(none.group(1), page).redistributable = False
            return
        file_match = _FILE.search(sentence)
        if file_match:
            version, architecture, itanium, systems, file_name = file_match.groups()
            installs_on = windows_releases(systems or "", segment_id)
            release = self.release(version, page)
            release.redistributable = True
            release.installs_on.extend(installs_on)
            release.redistributable_files.append(
                RedistributableFile(
                    file=file_name, architecture=architecture or itanium, installs_on=installs_on, evidence=[segment_id]
                )
            )
            return
        for pattern in (_UPGRADING_ON, _INSTALLS_FOR):
            for found in pattern.finditer(sentence):
                installs_on = windows_releases(found.group(2), segment_id)
                if installs_on:
                    release = self.release(found.group(1), page)
                    release.redistributable = True
                    release.installs_on.extend(installs_on)

    def result(self) -> list[RuntimeRelease]:
        """The releases in release order, each with its `available_on` worked out."""
        releases = sorted(self.releases.values(), key=lambda release: version_key(release.version))
        for release in releases:
            release.shipped_with = _unique(release.shipped_with)
            release.installs_on = _unique(release.installs_on)
            covered = covered_windows(release.shipped_with) | covered_windows(release.installs_on)
            release.available_on = sorted(covered, key=release_order)
        return releases


def _unique(releases: list[WindowsRelease]) -> list[WindowsRelease]:
    """One entry per (Windows, service pack, and later), the first statement's evidence kept."""
    seen: dict[tuple[str, int | None, bool], WindowsRelease] = {}
    for release in releases:
        seen.setdefault((release.os, release.service_pack, release.and_later), release)
    return list(seen.values())


def read_runtimes(pages: Iterable[tuple[Page, str]]) -> list[RuntimeRelease]:
    """The runtime releases stated by the runtime pages among `pages` ((page, locale) pairs)."""
    reader = RuntimeReader()
    for page, locale in pages:
        if page.path.name == RELEASES_PAGE:
            reader.read_releases_page(page, locale)
        elif page.path.name == REDISTRIBUTABLES_PAGE:
            reader.read_redistributables_page(page)
    return reader.result()
