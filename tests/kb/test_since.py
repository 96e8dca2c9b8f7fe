"""`requirements.since`: the first version a page states, with its evidence; never from the Version row."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb_sxs_pages import front_matter, seg, write

from kbtools.kb import KnowledgeBase, build_knowledge_base
from kbtools.kb.query import Catalog, UnknownFilterValue, UnknownProperty


def _page(slug: str, name: str, *lines: str) -> str:
    return (
        front_matter("zh-TW", f"{name} 屬性", f"{name} 屬性。")
        + f"# {seg(slug + '-100', f'{name} 屬性', f'{name} property')}\n\n"
        + "\n\n".join(lines)
        + f"\n\n## {seg(slug + '-190', '需求', 'Requirements')}\n\n"
        + f"| {seg(slug + '-191', '需求', 'Requirement')} | {seg(slug + '-192', '值', 'Value')} |\n|---|---|\n"
        + f"| {seg(slug + '-193', '版本', 'Version')} | "
        + seg(
            slug + "-194", "Windows Installer 4.0", "Windows Installer 4.0 or Windows Installer 4.5 on Windows Vista."
        )
        + " |\n"
    )


@pytest.mark.corpus
def test_available_beginning_with_states_the_version(by_slug) -> None:  # type: ignore[no-untyped-def]
    since = by_slug["msifastinstall"].requirements.since["Windows Installer"]
    assert since.version == "5.0"
    assert since.evidence == ["fd83e-117", "fd83e-118"]


@pytest.mark.corpus
def test_not_supported_in_and_earlier_is_the_next_release(by_slug) -> None:  # type: ignore[no-untyped-def]
    since = by_slug["msirestartmanagersessionkey"].requirements.since["Windows Installer"]
    assert (since.version, since.evidence) == ("4.0", ["75da0-118"])
    assert by_slug["msix64"].requirements.since["Windows Installer"].version == "3.1"


@pytest.mark.corpus
def test_ignored_by_versions_earlier_than_states_the_version(by_slug) -> None:  # type: ignore[no-untyped-def]
    assert by_slug["msiinstallperuser"].requirements.since["Windows Installer"].version == "5.0"
    assert by_slug["msidisableeeui"].requirements.since["Windows Installer"].version == "4.5"


@pytest.mark.corpus
def test_the_version_row_alone_states_no_since(by_slug) -> None:  # type: ignore[no-untyped-def]
    # "Windows Installer 5.0 on ... Windows 4.0 or Windows Installer 4.5 on ... Vista": not when it arrived.
    assert by_slug["allusers"].requirements.since == {}


def test_without_runtime_pages_a_next_release_is_not_guessed(tmp_path: Path) -> None:
    write(
        tmp_path,
        "p.md",
        _page("aa1", "PROP", seg("aa1-101", "不支援", "Not Supported in Windows Installer 3.1 and earlier versions")),
    )
    [record] = build_knowledge_base(tmp_path).properties
    assert record.requirements.since == {}


def test_another_subject_states_nothing_about_the_property(tmp_path: Path) -> None:
    write(
        tmp_path,
        "p.md",
        _page(
            "aa2",
            "PROP",
            seg(
                "aa2-101", "CRC", "Cyclic redundancy checking (CRC) is available beginning with Windows Installer 2.0."
            ),
            seg("aa2-102", "多個", "Windows Installer 2.0: Multiple patches are not supported."),
        ),
    )
    [record] = build_knowledge_base(tmp_path).properties
    assert record.requirements.since == {}


def test_a_stated_version_on_a_hand_written_page(tmp_path: Path) -> None:
    write(
        tmp_path,
        "p.md",
        _page(
            "aa3", "PROP", seg("aa3-101", "此屬性", "This property is available starting with Windows Installer 4.5.")
        ),
    )
    [record] = build_knowledge_base(tmp_path).properties
    since = record.requirements.since["Windows Installer"]
    assert (since.version, since.evidence) == ("4.5", ["aa3-101"])


@pytest.mark.corpus
def test_query_new_in_a_version_and_a_name_with_filters(corpus_kb: KnowledgeBase) -> None:
    catalog = Catalog(corpus_kb)
    new_in_45 = {r.name for r in catalog.select(catalog.check(since="4.5"))}
    assert new_in_45 == {"MSIDISABLEEEUI", "MSIUNINSTALLSUPERSEDEDCOMPONENTS"}
    assert [r.name for r in catalog.select(catalog.check(name="allusers", os="Windows Vista"))] == ["ALLUSERS"]
    assert catalog.select(catalog.check(name="MSIFASTINSTALL", os="Windows Vista")) == []
    with pytest.raises(UnknownProperty):
        catalog.check(name="ALLUSER", os="Windows Vista")
    with pytest.raises(UnknownFilterValue):
        catalog.check(since="1.0")


@pytest.mark.corpus
def test_lifetime_filters_name_the_actions_of_the_records(corpus_kb: KnowledgeBase) -> None:
    catalog = Catalog(corpus_kb)
    cleared = {r.name for r in catalog.select(catalog.check(cleared_at="installvalidate"))}
    assert "MsiRestartManagerSessionKey" in cleared
    for name in ("set_at", "cleared_at", "used_by", "valid_after"):
        for value in catalog.known_values(name):
            found = catalog.select(catalog.check(**{name: value}))
            assert found and all(value in getattr(r.lifetime, name) for r in found)
    with pytest.raises(UnknownFilterValue):
        catalog.check(used_by="NoSuchAction")
