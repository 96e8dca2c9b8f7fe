"""Today's Windows: releases after 2012 from the data file, and properties available with 5.0 there."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from kbtools.kb import KnowledgeBase
from kbtools.kb.availability import Availability
from kbtools.kb.query import Catalog, UnknownFilterValue
from kbtools.kb.record import PropertyRecord, Requirements, RequirementStatement, RuntimeRelease, Source
from kbtools.kb.windows import OPERATING_SYSTEMS, WINDOWS_SOURCES, WINDOWS_VERSIONS, canonical_windows, later_releases

WI = "Windows Installer"
AFTER_2012 = (
    "Windows 8.1",
    "Windows 10",
    "Windows 11",
    "Windows Server 2012 R2",
    "Windows Server 2016",
    "Windows Server 2019",
    "Windows Server 2022",
    "Windows Server 2025",
)


def test_every_release_after_2012_is_in_the_data_with_its_source() -> None:
    data = json.loads(resources.files("kbtools.kb").joinpath("data", "windows.json").read_text(encoding="utf-8"))
    by_name = {entry["name"]: entry for entry in data["releases"]}
    for name in AFTER_2012:
        assert by_name[name]["source"] in WINDOWS_SOURCES
        assert by_name[name]["released"] > "2013"
    assert [version.name for version in WINDOWS_VERSIONS] == [entry["name"] for entry in data["releases"]]


def test_later_releases_follow_their_line_to_today() -> None:
    assert later_releases("Windows 7")[-2:] == ["Windows 10", "Windows 11"]
    assert "Windows 11" not in later_releases("Windows Server 2008 R2")
    assert later_releases("Windows Server 2008 R2")[-1] == "Windows Server 2025"


def test_spellings_are_matched_in_any_case_and_never_cut_short() -> None:
    assert canonical_windows("windows server 2012 r2") == "Windows Server 2012 R2"
    assert canonical_windows("Windows 12") is None


def _record(name: str, *statements: RequirementStatement) -> PropertyRecord:
    return PropertyRecord(
        name=name,
        slug=name.casefold(),
        kind="installer",
        source=Source(path=f"{name}.md"),
        requirements=Requirements(statements=list(statements)),
    )


SEVEN_50 = RequirementStatement(runtime=WI, versions=["5.0"], os=["Windows 8", "Windows 7"])
VISTA_45 = RequirementStatement(runtime=WI, versions=["4.5"], os=["Windows Vista"])
FIVE = RuntimeRelease(version="5.0", available_on=["Windows 7", "Windows 8", "Windows 8.1", "Windows 10", "Windows 11"])
FOUR_FIVE = RuntimeRelease(version="4.5", available_on=["Windows Vista"])
KB = KnowledgeBase(properties=[_record("FIVE", SEVEN_50), _record("OLD", VISTA_45)], runtimes=[FOUR_FIVE, FIVE])


def test_a_property_available_with_50_is_available_on_windows_after_the_statements() -> None:
    rule = Availability(KB.properties, KB.runtimes)
    assert rule.allows(SEVEN_50, os="Windows 11", version="5.0")
    assert rule.allows(SEVEN_50, os="Windows 10")
    assert not rule.allows(VISTA_45, os="Windows 10")  # 4.5 never shipped with Windows 10


def test_query_names_today_windows_and_refuses_unknown_ones_with_close_names() -> None:
    catalog = Catalog(KB)
    assert [r.name for r in catalog.select(catalog.check(os="windows 11"))] == ["FIVE"]
    with pytest.raises(UnknownFilterValue) as refused:
        catalog.check(os="Windows 12")
    assert "Windows 11" in refused.value.close
    assert not set(refused.value.close) - set(OPERATING_SYSTEMS)


def test_windows_before_the_statements_get_no_answer() -> None:
    catalog = Catalog(KB)
    with pytest.raises(UnknownFilterValue) as refused:
        catalog.check(os="Windows NT 4.0")
    assert refused.value.close == []


@pytest.mark.corpus
def test_corpus_properties_on_windows_10_are_those_available_with_50(corpus_kb: KnowledgeBase) -> None:
    catalog = Catalog(corpus_kb)
    on_ten = {r.slug for r in catalog.select(catalog.check(os="Windows 10"))}
    with_50 = {r.slug for r in catalog.select(catalog.check(runtime=WI, version="5.0"))}
    assert on_ten == with_50 and "allusers" in on_ten and len(on_ten) > 300
    on_seven = {r.slug for r in catalog.select(catalog.check(os="Windows 7", version="5.0"))}
    assert on_seven <= on_ten
