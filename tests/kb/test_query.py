"""Finding records, checking filter values, and the availability rule of --os/--runtime/--version."""

from __future__ import annotations

import pytest

from kbtools.kb import KnowledgeBase, PropertyRecord
from kbtools.kb.availability import Availability
from kbtools.kb.query import Catalog, UnknownFilterValue, find_record, suggest
from kbtools.kb.record import Requirements, RequirementStatement, RuntimeRelease, Source

WI = "Windows Installer"
XP_ANY = RequirementStatement(runtime=WI, versions=[], os=["Windows Server 2003", "Windows XP"])
VISTA_40_45 = RequirementStatement(runtime=WI, versions=["4.0", "4.5"], os=["Windows Server 2008", "Windows Vista"])
XP_2000_30_LATER = RequirementStatement(runtime=WI, versions=["3.0"], or_later=True, os=["Windows XP", "Windows 2000"])
FIVE_OR_LATER = RequirementStatement(runtime=WI, versions=["5.0"], or_later=True)
MERGEMOD_20_LATER = RequirementStatement(runtime="Mergemod.dll", versions=["2.0"], or_later=True)

# Releases as the runtime pages state them, reduced to where each exists.
RELEASES = [
    RuntimeRelease(version="2.0", available_on=["Windows 2000", "Windows XP", "Windows Server 2003"]),
    RuntimeRelease(version="3.0", available_on=["Windows XP"]),
    RuntimeRelease(version="3.1", available_on=["Windows XP", "Windows Server 2003"]),
    RuntimeRelease(version="4.0", available_on=["Windows Vista", "Windows Server 2008"]),
    RuntimeRelease(
        version="4.5", available_on=["Windows XP", "Windows Server 2003", "Windows Vista", "Windows Server 2008"]
    ),
    RuntimeRelease(
        version="5.0", available_on=["Windows 7", "Windows Server 2008 R2", "Windows 8", "Windows Server 2012"]
    ),
]


def _record(name: str, slug: str, *statements: RequirementStatement) -> PropertyRecord:
    return PropertyRecord(
        name=name,
        slug=slug,
        kind="installer",
        source=Source(path=f"{slug}.md"),
        requirements=Requirements(statements=list(statements)),
    )


RECORDS = [
    _record("XPANY", "xpany", XP_ANY),
    _record("VISTA", "vista", VISTA_40_45),
    _record("LATER30", "later30", XP_2000_30_LATER),
    _record("Installer.Five", "installer-five", FIVE_OR_LATER),
    _record("Merge.Two", "merge-two", MERGEMOD_20_LATER),
]
RULE = Availability(RECORDS, RELEASES)


def test_a_statement_naming_the_os_and_version_allows_them() -> None:
    assert RULE.allows(VISTA_40_45, os="Windows Vista", runtime=WI, version="4.5")


def test_a_statement_naming_another_os_does_not() -> None:
    assert not RULE.allows(VISTA_40_45, os="Windows XP", version="4.5")


def test_a_statement_without_a_version_allows_the_versions_that_exist_on_its_os() -> None:
    assert RULE.allows(XP_ANY, os="Windows XP", version="3.1")
    assert not RULE.allows(XP_ANY, os="Windows XP", version="5.0")  # 5.0 never shipped for XP


def test_a_version_without_an_os_is_available_only_where_such_a_release_exists() -> None:
    assert RULE.allows(FIVE_OR_LATER, os="Windows 7")
    assert not RULE.allows(FIVE_OR_LATER, os="Windows 2000")
    assert not RULE.allows(FIVE_OR_LATER, os="Windows XP")
    assert RULE.allows(FIVE_OR_LATER, version="5.0")


def test_or_later_follows_release_order_and_stays_on_the_named_os() -> None:
    assert RULE.allows(XP_2000_30_LATER, os="Windows XP", version="4.5")
    assert RULE.allows(XP_2000_30_LATER, os="Windows 2000", version="3.0")  # stated as written
    assert not RULE.allows(XP_2000_30_LATER, os="Windows 2000", version="4.5")  # 4.5 does not exist there
    assert not RULE.allows(XP_2000_30_LATER, os="Windows XP", version="2.0")
    assert not RULE.allows(VISTA_40_45, version="5.0")  # no "or later"


def test_a_runtime_without_release_data_is_never_available_on_a_named_os() -> None:
    assert RULE.allows(MERGEMOD_20_LATER, runtime="Mergemod.dll", version="2.0")
    assert not RULE.allows(MERGEMOD_20_LATER, os="Windows 7")


def test_another_runtime_does_not_allow() -> None:
    assert not RULE.allows(MERGEMOD_20_LATER, runtime=WI)


def test_a_record_without_statements_is_never_available() -> None:
    assert not RULE.is_available(_record("NONE", "none"), runtime=WI)


def _catalog() -> Catalog:
    return Catalog(KnowledgeBase(properties=RECORDS, runtimes=RELEASES))


def test_known_values_are_canonicalised() -> None:
    filters = _catalog().check(os="windows xp", runtime="windows installer", version="5", kind="INSTALLER")
    assert (filters.os, filters.runtime, filters.version, filters.kind) == ("Windows XP", WI, "5.0", "installer")


@pytest.mark.parametrize(
    ("filters", "name", "close"),
    [
        ({"version": "9.9"}, "version", ["4.0", "4.5", "5.0"]),
        ({"version": "four"}, "version", []),
        ({"os": "Windows 95"}, "os", None),
        ({"runtime": "msi.dll"}, "runtime", None),
        ({"kind": "public"}, "kind", None),
        ({"category": "Hardware"}, "category", None),
        ({"set_by": "nobody"}, "set_by", None),
        ({"runtime": "Mergemod.dll", "version": "4.5"}, "version", None),
    ],
)
def test_unknown_values_are_errors_naming_the_filter(
    filters: dict[str, str], name: str, close: list[str] | None
) -> None:
    with pytest.raises(UnknownFilterValue) as raised:
        _catalog().check(**filters)
    assert raised.value.name == name
    assert repr(filters[name]) in str(raised.value)
    if close is not None:
        assert raised.value.close == close


def test_select_answers_with_the_rule() -> None:
    catalog = _catalog()
    assert [r.slug for r in catalog.select(catalog.check(os="Windows 2000"))] == ["later30"]
    assert [r.slug for r in catalog.select(catalog.check(os="Windows 7"))] == ["installer-five"]
    assert [r.slug for r in catalog.select(catalog.check(runtime="Mergemod.dll"))] == ["merge-two"]


def test_find_by_name_or_slug_exact_first_then_any_case() -> None:
    records = [
        _record("ALLUSERS", "allusers"),
        _record("Installer.UILevel", "installer-uilevel"),
        _record("UILevel", "uilevel"),
    ]
    assert find_record(records, "installer-uilevel").name == "Installer.UILevel"  # type: ignore[union-attr]
    assert find_record(records, "uilevel").name == "UILevel"  # type: ignore[union-attr]
    assert find_record(records, "AllUsers").name == "ALLUSERS"  # type: ignore[union-attr]
    assert find_record(records, "nothing") is None


def test_suggest_offers_close_names_only() -> None:
    records = [_record("ALLUSERS", "allusers"), _record("UserSID", "usersid"), _record("Session.Mode", "session-mode")]
    assert suggest(records, "ALUSERS")[0] == "ALLUSERS"
    assert "Session.Mode" not in suggest(records, "ALUSERS")


@pytest.fixture(scope="module")
def catalog(corpus_kb: KnowledgeBase) -> Catalog:
    return Catalog(corpus_kb)


def _names(catalog: Catalog, **filters: str) -> set[str]:
    return {record.name for record in catalog.select(catalog.check(**filters))}


@pytest.mark.corpus
def test_filters_on_the_corpus(catalog: Catalog) -> None:
    merge = catalog.select(catalog.check(runtime="Mergemod.dll"))
    assert {record.kind for record in merge} == {"merge-module"} and len(merge) == 24
    assert "Msix64" in _names(catalog, category="hardware properties")
    on_xp_31 = _names(catalog, os="Windows XP", runtime=WI, version="3.1")
    assert "ALLUSERS" in on_xp_31  # "Windows Installer on Windows Server 2003 or Windows XP"
    assert "Msix64" in on_xp_31  # "Windows Installer 3.1 or later on ... Windows XP ..."
    assert "MsiRestartManagerSessionKey" not in on_xp_31  # states Windows Vista and later only
    assert "Installer::ProductElevated" not in on_xp_31  # "Windows Installer 4.5 on Windows Server 2003 and Windows XP"
    assert _names(catalog, set_by="CostFinalize") == {"CostingComplete"}


@pytest.mark.corpus
def test_windows_2000_offers_no_windows_installer_5_property(
    catalog: Catalog, by_slug: dict[str, PropertyRecord]
) -> None:
    on_2000 = _names(catalog, os="Windows 2000")
    assert "Msix64" in on_2000  # "Windows Installer 3.1 or later on Windows Server 2003, Windows XP, and Windows 2000"
    assert by_slug["client-componentcode"].name not in on_2000  # "Windows Installer 5.0 or later."
    assert len(on_2000) == 19


@pytest.mark.corpus
def test_windows_7_offers_what_the_pages_put_there(catalog: Catalog, corpus_kb: KnowledgeBase) -> None:
    on_7 = _names(catalog, os="Windows 7")
    assert "ALLUSERS" in on_7 and "Client.ComponentCode" in on_7
    assert "ConfigurableItem.Attributes" not in on_7  # "Mergemod.dll 2.0 or later." names no Windows
    assert len(on_7) < len(corpus_kb.properties)


@pytest.mark.corpus
def test_text_filter_searches_both_languages(catalog: Catalog) -> None:
    english = {record.slug for record in catalog.select(catalog.check(text="restart manager session"))}
    chinese = {record.slug for record in catalog.select(catalog.check(text="工作階段金鑰"))}
    assert "msirestartmanagersessionkey" in english & chinese
