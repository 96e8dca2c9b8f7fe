"""Runtime releases read from the runtime pages, and the `kbtools runtimes` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kb_sxs_pages import front_matter, seg, write

from kbtools.cli import main
from kbtools.kb import KnowledgeBase, build_knowledge_base
from kbtools.kb.record import RuntimeRelease
from kbtools.kb.runtimes import covered_windows, windows_releases


def _by_version(kb: KnowledgeBase) -> dict[str, RuntimeRelease]:
    return {release.version: release for release in kb.runtimes}


@pytest.mark.corpus
def test_every_release_of_the_table_is_read_in_release_order(corpus_kb: KnowledgeBase) -> None:
    assert [release.version for release in corpus_kb.runtimes] == ["2.0", "3.0", "3.1", "4.0", "4.5", "5.0"]
    builds = [build.build for release in corpus_kb.runtimes for build in release.builds]
    assert len(builds) == 19
    assert _by_version(corpus_kb)["5.0"].builds[0].build == "5.0.7600.16385"
    assert _by_version(corpus_kb)["5.0"].builds[0].or_greater


@pytest.mark.corpus
def test_shipped_with_keeps_service_packs_and_editions(corpus_kb: KnowledgeBase) -> None:
    shipped = {(w.os, w.service_pack, w.as_written) for w in _by_version(corpus_kb)["2.0"].shipped_with}
    # "Released with Windows 2000 Server with Service Pack 3 (SP3)."
    assert ("Windows 2000", 3, "Windows 2000 Server with Service Pack 3 (SP3)") in shipped
    assert ("Windows XP", None, "Windows XP") in shipped
    assert ("Windows Server 2003", None, "Windows Server 2003") in shipped
    build = next(b for b in _by_version(corpus_kb)["3.1"].builds if b.build == "3.1.4000.1830")
    assert [w.as_written for w in build.shipped_with] == [
        "Windows Server 2003 with Service Pack 1 (SP1)",
        "Windows XP Professional x64 Edition",
    ]
    assert build.shipped_with[0].evidence == "41b6c-138"


@pytest.mark.corpus
def test_and_later_follows_the_line_of_the_release(corpus_kb: KnowledgeBase) -> None:
    # "Released with Windows Server 2008 R2 and later and Windows 7 and later."
    five = _by_version(corpus_kb)["5.0"]
    assert five.available_on == [
        "Windows 7",
        "Windows Server 2008 R2",
        "Windows 8",
        "Windows Server 2012",
        "Windows 8.1",
        "Windows Server 2012 R2",
        "Windows 10",
        "Windows Server 2016",
        "Windows Server 2019",
        "Windows Server 2022",
        "Windows 11",
        "Windows Server 2025",
    ]
    assert five.redistributable is False  # "There is no redistributable for Windows Installer 5.0."


@pytest.mark.corpus
def test_included_with_the_os_in_later_releases_is_shipped_with(corpus_kb: KnowledgeBase) -> None:
    # "This version is included with the OS in Windows 7, Windows Server 2008 R2, and later client and
    # server releases (including Windows 10)." after "There is no redistributable for Windows Installer 5.0."
    five = _by_version(corpus_kb)["5.0"]
    ten = [w for w in five.shipped_with if w.os == "Windows 10"]
    assert ten and ten[0].evidence is not None and ten[0].evidence.endswith("-108")
    assert "windows-installer-redistributables.md" in five.pages


@pytest.mark.corpus
def test_redistributables_say_where_they_install(corpus_kb: KnowledgeBase) -> None:
    four_five = _by_version(corpus_kb)["4.5"]
    assert four_five.redistributable is True
    assert four_five.available_on == ["Windows XP", "Windows Server 2003", "Windows Vista", "Windows Server 2008"]
    xp = next(w for w in four_five.installs_on if w.as_written == "Windows XP with Service Pack 2 (SP2) and later")
    assert (xp.os, xp.service_pack, xp.and_later) == ("Windows XP", 2, True)
    files = {(f.file, f.architecture) for f in four_five.redistributable_files}
    assert ("Windows6.0-KB942288-v2-ia64.MSU", "Itanium") in files
    assert ("WindowsXP-KB942288-v3-x86.exe", "x86") in files
    assert _by_version(corpus_kb)["4.0"].redistributable is False
    two = _by_version(corpus_kb)["2.0"]
    # "... Windows Installer 2.0 on Windows 2000 should not be used to install ... on Windows Server 2003 and Windows XP."
    assert {w.os for w in two.installs_on} == {"Windows 2000", "Windows NT 4.0"}


def test_service_pack_and_later_means_later_service_packs_of_the_same_windows() -> None:
    [xp] = windows_releases("Windows XP with Service Pack 2 (SP2) and later")
    assert covered_windows([xp]) == {"Windows XP"}
    [seven] = windows_releases("Windows 7 and later")
    assert covered_windows([seven]) == {"Windows 7", "Windows 8", "Windows 8.1", "Windows 10", "Windows 11"}
    [server] = windows_releases("Windows Server 2008 R2 and later")
    assert "Windows Server 2025" in covered_windows([server]) and "Windows 11" not in covered_windows([server])
    assert [w.os for w in windows_releases("Windows 8.1 and Windows 8")] == ["Windows 8.1", "Windows 8"]
    broken = windows_releases("Windows Server 2008 with Service Pack (SP2.)")
    assert [(w.os, w.service_pack) for w in broken] == [("Windows Server 2008", 2)]


def _redistributables_table_page() -> str:
    """The layout of the current English page: a File Name / OS Version / Architecture table per release."""
    return (
        front_matter("zh-TW", "可轉散發套件", "可轉散發套件。")
        + f"# {seg('bb1-1', '可轉散發套件', 'Windows Installer Redistributables')}\n\n"
        + f"### {seg('bb1-2', 'Windows Installer 4.5 可轉散發套件', 'Windows Installer 4.5 Redistributable')}\n\n"
        + f"| {seg('bb1-3', '檔案名稱', 'File Name')} | {seg('bb1-4', '作業系統版本', 'OS Version')} | {seg('bb1-5', '架構', 'Architecture')} |\n"
        + "| --- | --- | --- |\n"
        + f"| {seg('bb1-6', 'WindowsXP-KB942288-v3-x86.exe', 'WindowsXP-KB942288-v3-x86.exe')} | "
        + f"{seg('bb1-7', 'Windows XP SP2', 'Windows XP with Service Pack 2 (SP2)')} <br>"
        + f"{seg('bb1-8', 'Windows XP SP3', 'Windows XP with Service Pack 3 (SP3)')} | {seg('bb1-9', 'x86', 'x86 (32 bit)')} |\n\n"
        + f"### {seg('bb1-10', 'Windows Installer 4.0 可轉散發套件', 'Windows Installer 4.0 Redistributable')}\n\n"
        + "- "
        + seg("bb1-11", "沒有可轉散發套件。", "There is no redistributable that installs Windows Installer 4.0.")
        + "\n"
    )


def test_a_redistributables_table_is_read_like_the_sentences(tmp_path: Path) -> None:
    write(tmp_path, "windows-installer-redistributables.md", _redistributables_table_page())
    releases = {release.version: release for release in build_knowledge_base(tmp_path).runtimes}
    [package] = releases["4.5"].redistributable_files
    assert (package.file, package.architecture) == ("WindowsXP-KB942288-v3-x86.exe", "x86 (32 bit)")
    assert [(w.os, w.service_pack, w.evidence) for w in package.installs_on] == [
        ("Windows XP", 2, "bb1-7"),
        ("Windows XP", 3, "bb1-8"),
    ]
    assert releases["4.5"].available_on == ["Windows XP"]
    assert releases["4.0"].redistributable is False


@pytest.mark.corpus
def test_runtimes_command_prints_the_published_document(
    msi_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kbtools.publish.static_api import write_static_api

    out = tmp_path / "kb.json"
    assert main(["parse", str(msi_dir), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["runtimes"][0]["version"] == "2.0"
    capsys.readouterr()
    assert main(["runtimes", "--kb", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    write_static_api(KnowledgeBase.model_validate_json(out.read_bytes()), tmp_path / "site")
    assert printed == json.loads((tmp_path / "site" / "api" / "v1" / "runtimes.json").read_bytes())
    assert printed["total"] == 6 and printed["schema_version"] == 3


def test_runtimes_command_without_runtime_pages_says_so(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["runtimes", str(sample_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert "no runtime pages found" in err and "released-versions-of-windows-installer.md" in err
    assert len(err.splitlines()) == 1
