"""Finding records and the availability rule of --os/--runtime/--version."""

from __future__ import annotations

import pytest

from kbtools.kb import KnowledgeBase, PropertyRecord
from kbtools.kb.query import filter_records, find_record, statement_allows, suggest
from kbtools.kb.record import RequirementStatement, Source

XP_ANY = RequirementStatement(runtime="Windows Installer", versions=[], os=["Windows Server 2003", "Windows XP"])
VISTA_40_45 = RequirementStatement(runtime="Windows Installer", versions=["4.0", "4.5"], os=["Windows Server 2008", "Windows Vista"])
XP_30_LATER = RequirementStatement(runtime="Windows Installer", versions=["3.0"], or_later=True, os=["Windows XP"])
MERGEMOD_20_LATER = RequirementStatement(runtime="Mergemod.dll", versions=["2.0"], or_later=True)


def test_a_statement_naming_the_os_and_version_allows_them() -> None:
    assert statement_allows(VISTA_40_45, os="Windows Vista", runtime="Windows Installer", version="4.5")


def test_a_statement_naming_another_os_does_not() -> None:
    assert not statement_allows(VISTA_40_45, os="Windows XP", version="4.5")


def test_a_statement_naming_no_version_allows_every_version() -> None:
    assert statement_allows(XP_ANY, os="Windows XP", version="3.1")


def test_a_statement_naming_no_os_allows_every_os() -> None:
    assert statement_allows(MERGEMOD_20_LATER, os="Windows 2000", runtime="Mergemod.dll")


def test_or_later_allows_a_higher_version_only() -> None:
    assert statement_allows(XP_30_LATER, version="3.1")
    assert statement_allows(XP_30_LATER, version="3.0")
    assert not statement_allows(XP_30_LATER, version="2.0")
    assert not statement_allows(VISTA_40_45, version="5.0")  # no "or later"


def test_versions_compare_as_numbers() -> None:
    assert statement_allows(VISTA_40_45, version="4.5.0")
    assert statement_allows(RequirementStatement(runtime="Windows Installer", versions=["5.0"]), version="5")
    assert statement_allows(RequirementStatement(runtime="Windows Installer", versions=["4.5"], or_later=True), version="10.0")


def test_another_runtime_does_not_allow() -> None:
    assert not statement_allows(MERGEMOD_20_LATER, runtime="Windows Installer")


def _record(name: str, slug: str) -> PropertyRecord:
    return PropertyRecord(name=name, slug=slug, kind="installer", source=Source(path=f"{slug}.md"))


def test_find_by_name_or_slug_exact_first_then_any_case() -> None:
    records = [_record("ALLUSERS", "allusers"), _record("Installer.UILevel", "installer-uilevel"), _record("UILevel", "uilevel")]
    assert find_record(records, "installer-uilevel").name == "Installer.UILevel"  # type: ignore[union-attr]
    assert find_record(records, "uilevel").name == "UILevel"  # type: ignore[union-attr]
    assert find_record(records, "AllUsers").name == "ALLUSERS"  # type: ignore[union-attr]
    assert find_record(records, "nothing") is None


def test_suggest_offers_close_names_only() -> None:
    records = [_record("ALLUSERS", "allusers"), _record("UserSID", "usersid"), _record("Session.Mode", "session-mode")]
    assert suggest(records, "ALUSERS")[0] == "ALLUSERS"
    assert "Session.Mode" not in suggest(records, "ALUSERS")


@pytest.mark.corpus
def test_filters_on_the_corpus(corpus_kb: KnowledgeBase) -> None:
    records = corpus_kb.properties
    merge = filter_records(records, runtime="Mergemod.dll")
    assert {record.kind for record in merge} == {"merge-module"} and len(merge) == 24
    hardware = filter_records(records, category="hardware properties")
    assert "Msix64" in {record.name for record in hardware}
    on_xp_31 = {record.name for record in filter_records(records, os="Windows XP", runtime="Windows Installer", version="3.1")}
    assert "ALLUSERS" in on_xp_31  # "Windows Installer on Windows Server 2003 or Windows XP"
    assert "Msix64" in on_xp_31  # "Windows Installer 3.1 or later on ... Windows XP ..."
    assert "MsiRestartManagerSessionKey" not in on_xp_31  # states Windows Vista and later only
    assert "Installer::ProductElevated" not in on_xp_31  # "Windows Installer 4.5 on Windows Server 2003 and Windows XP"
    assert {record.name for record in filter_records(records, set_by="CostFinalize")} == {"CostingComplete"}


@pytest.mark.corpus
def test_text_filter_searches_both_languages(corpus_kb: KnowledgeBase) -> None:
    english = {record.slug for record in filter_records(corpus_kb.properties, text="restart manager session")}
    chinese = {record.slug for record in filter_records(corpus_kb.properties, text="工作階段金鑰")}
    assert "msirestartmanagersessionkey" in english & chinese
