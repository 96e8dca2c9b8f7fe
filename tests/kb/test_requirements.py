"""Requirement statements, the requirements table and their normalised values."""

from __future__ import annotations

import pytest

from kbtools.kb import KnowledgeBase, PropertyRecord
from kbtools.kb.requirements import parse_statement
from kbtools.kb.windows import OPERATING_SYSTEMS

W2012_TO_7 = ["Windows Server 2012", "Windows 8", "Windows Server 2008 R2", "Windows 7"]
W2008_VISTA = ["Windows Server 2008", "Windows Vista"]
W2003_XP = ["Windows Server 2003", "Windows XP"]
W2003_XP_2000 = ["Windows Server 2003", "Windows XP", "Windows 2000"]

# Every requirement sentence of the corpus (English source), normalised by hand:
# sentence -> (runtime, versions, or_later, os).
EXPECTED_STATEMENTS: dict[str, tuple[str, list[str], bool, list[str]]] = {
    "Windows Installer 5.0 on Windows Server 2012, Windows 8, Windows Server 2008 R2 or Windows 7.": (
        "Windows Installer",
        ["5.0"],
        False,
        W2012_TO_7,
    ),
    "Windows Installer 5.0 on Windows Server 2012, Windows 8, Windows Server 2008 R2 or Windows 7": (
        "Windows Installer",
        ["5.0"],
        False,
        W2012_TO_7,
    ),
    "Windows Installer 4.0 or Windows Installer 4.5 on Windows Server 2008 or Windows Vista.": (
        "Windows Installer",
        ["4.0", "4.5"],
        False,
        W2008_VISTA,
    ),
    "Windows Installer 4.0 or Windows Installer 4.5 on Windows Vista or Windows Server 2008.": (
        "Windows Installer",
        ["4.0", "4.5"],
        False,
        ["Windows Vista", "Windows Server 2008"],
    ),
    "Windows Installer 4.0 or Windows Installer 4.5 or later on Windows Vista.": (
        "Windows Installer",
        ["4.0", "4.5"],
        True,
        ["Windows Vista"],
    ),
    "Windows Installer 4.0 on Windows Server 2008 or Windows Vista.": (
        "Windows Installer",
        ["4.0"],
        False,
        W2008_VISTA,
    ),
    "Windows Installer on Windows Server 2003 or Windows XP.": ("Windows Installer", [], False, W2003_XP),
    "Windows Installer on Windows Server 2003 or Windows XP": ("Windows Installer", [], False, W2003_XP),
    "Windows Installer on Windows Server 2003, Windows XP, and Windows 2000.": (
        "Windows Installer",
        [],
        False,
        W2003_XP_2000,
    ),
    "Windows Installer 3.0 or later on Windows Server 2003, Windows XP, and Windows 2000": (
        "Windows Installer",
        ["3.0"],
        True,
        W2003_XP_2000,
    ),
    "Windows Installer 3.0 or later on Windows Server 2003 or Windows XP.": (
        "Windows Installer",
        ["3.0"],
        True,
        W2003_XP,
    ),
    "Windows Installer 3.1 or later on Windows Server 2003, Windows XP, and Windows 2000": (
        "Windows Installer",
        ["3.1"],
        True,
        W2003_XP_2000,
    ),
    "Windows Installer 4.5 on Windows Server 2003 or Windows XP.": ("Windows Installer", ["4.5"], False, W2003_XP),
    "Windows Installer 4.5 on Windows Server 2003 and Windows XP": ("Windows Installer", ["4.5"], False, W2003_XP),
    "Windows Installer 4.5 on Windows Server 2008, Windows Vista, Windows Server 2003, and Windows XP.": (
        "Windows Installer",
        ["4.5"],
        False,
        [*W2008_VISTA, *W2003_XP],
    ),
    "Windows Installer 4.5 or Windows Installer 4.5 on Windows Vista, Windows XP, Windows Server 2003, and Windows Server 2008.": (
        "Windows Installer",
        ["4.5"],
        False,
        ["Windows Vista", "Windows XP", "Windows Server 2003", "Windows Server 2008"],
    ),
    "Windows Installer 5.0 or later.": ("Windows Installer", ["5.0"], True, []),
    "Mergemod.dll 1.0 or later": ("Mergemod.dll", ["1.0"], True, []),
    "Mergemod.dll 2.0 or later": ("Mergemod.dll", ["2.0"], True, []),
}


def _facts(record: PropertyRecord) -> list[tuple[str, list[str], bool, list[str]]]:
    return [(s.runtime, s.versions, s.or_later, s.os) for s in record.requirements.statements]


@pytest.mark.corpus
def test_every_statement_of_the_corpus_is_normalised_as_written(corpus_kb: KnowledgeBase) -> None:
    seen = set()
    for record in corpus_kb.properties:
        assert record.requirements.statements, record.slug
        for statement in record.requirements.statements:
            sentence = statement.text["en-US"]
            assert sentence in EXPECTED_STATEMENTS, (record.slug, sentence)
            seen.add(sentence)
            assert (statement.runtime, statement.versions, statement.or_later, statement.os) == EXPECTED_STATEMENTS[
                sentence
            ]
            assert set(statement.os) <= set(OPERATING_SYSTEMS)
            assert statement.text["zh-TW"], record.slug
    assert seen == set(EXPECTED_STATEMENTS)


@pytest.mark.corpus
def test_the_seed_page_states_two_windows_installer_requirements(by_slug: dict[str, PropertyRecord]) -> None:
    requirements = by_slug["msirestartmanagersessionkey"].requirements
    assert _facts(by_slug["msirestartmanagersessionkey"]) == [
        ("Windows Installer", ["5.0"], False, W2012_TO_7),
        ("Windows Installer", ["4.0", "4.5"], False, W2008_VISTA),
    ]
    assert requirements.stated_versions == {"Windows Installer": ["4.0", "4.5", "5.0"]}
    assert requirements.statements[0].evidence == "75da0-113"
    assert requirements.statements[0].text == {
        "en-US": "Windows Installer 5.0 on Windows Server 2012, Windows 8, Windows Server 2008 R2 or Windows 7.",
        "zh-TW": "Windows Server 2012、Windows 8、Windows Server 2008 R2 或 Windows 7 上的 Windows Installer 5.0。",
    }
    assert (requirements.dll, requirements.header, requirements.iid) == (None, None, None)


@pytest.mark.corpus
def test_a_statement_without_a_version_names_none(by_slug: dict[str, PropertyRecord]) -> None:
    assert _facts(by_slug["allusers"]) == [
        ("Windows Installer", ["5.0"], False, W2012_TO_7),
        ("Windows Installer", ["4.0", "4.5"], False, W2008_VISTA),
        ("Windows Installer", [], False, W2003_XP),
    ]


@pytest.mark.corpus
def test_or_later_is_kept_with_the_version_it_follows(by_slug: dict[str, PropertyRecord]) -> None:
    assert _facts(by_slug["msix64"])[-1] == ("Windows Installer", ["3.1"], True, W2003_XP_2000)
    assert by_slug["msix64"].requirements.stated_versions == {"Windows Installer": ["3.1", "4.0", "4.5", "5.0"]}


@pytest.mark.corpus
def test_a_version_repeated_in_one_sentence_is_named_once(by_slug: dict[str, PropertyRecord]) -> None:
    assert _facts(by_slug["msiuninstallsupersededcomponents"]) == [
        ("Windows Installer", ["5.0"], False, W2012_TO_7),
        (
            "Windows Installer",
            ["4.5"],
            False,
            ["Windows Vista", "Windows XP", "Windows Server 2003", "Windows Server 2008"],
        ),
    ]


@pytest.mark.corpus
def test_automation_requirements_carry_dll_and_iid(by_slug: dict[str, PropertyRecord]) -> None:
    requirements = by_slug["installer-patchfiles"].requirements
    assert _facts(by_slug["installer-patchfiles"])[-1] == ("Windows Installer", ["4.5"], False, W2003_XP)
    assert requirements.dll == "Msi.dll"
    assert requirements.iid == "000C1090-0000-0000-C000-000000000046"
    client = by_slug["client-componentcode"].requirements
    assert _facts(by_slug["client-componentcode"]) == [("Windows Installer", ["5.0"], True, [])]
    assert client.iid == "000C1098-0000-0000-C000-000000000046"


@pytest.mark.corpus
def test_merge_module_header_comes_from_the_english_source(by_slug: dict[str, PropertyRecord]) -> None:
    requirements = by_slug["configurableitem-attributes"].requirements
    assert _facts(by_slug["configurableitem-attributes"]) == [("Mergemod.dll", ["2.0"], True, [])]
    assert requirements.header == "Mergemod.h"  # the translation says "Mergemod。h"
    assert requirements.dll == "Mergemod.dll"
    assert requirements.stated_versions == {"Mergemod.dll": ["2.0"]}
    header_row = next(row for row in requirements.rows if row.label["en-US"] == "Header")
    assert header_row.value == {"en-US": "Mergemod.h", "zh-TW": "Mergemod。h"}


@pytest.mark.corpus
def test_summary_properties_name_windows_installer_without_a_version(by_slug: dict[str, PropertyRecord]) -> None:
    assert _facts(by_slug["author-summary"])[-1] == ("Windows Installer", [], False, W2003_XP)


@pytest.mark.corpus
def test_a_pointer_run_into_a_requirement_is_cut_off_its_sentence(by_slug: dict[str, PropertyRecord]) -> None:
    # "Windows Installer on Windows Server 2003 or Windows XP See the [...] for information ..."
    statement = by_slug["versionmsi"].requirements.statements[-1]
    assert statement.text["en-US"] == "Windows Installer on Windows Server 2003 or Windows XP"
    assert (statement.versions, statement.os) == ([], W2003_XP)


def test_a_sentence_that_names_no_runtime_is_not_a_statement() -> None:
    assert parse_statement("See the Windows Installer Run-Time Requirements for information.") is None
    assert parse_statement("Windows Installer Run-Time Requirements") is None


@pytest.mark.corpus
def test_support_says_per_windows_what_the_statements_name(by_slug: dict[str, PropertyRecord]) -> None:
    requirements = by_slug["allusers"].requirements
    assert list(requirements.support) == [*W2012_TO_7, *W2008_VISTA, *W2003_XP]
    [xp] = requirements.support["Windows XP"]
    assert (xp.runtime, xp.versions, xp.or_later) == ("Windows Installer", [], False)
    assert xp.evidence == requirements.statements[2].evidence
    [vista] = requirements.support["Windows Vista"]
    assert vista.versions == ["4.0", "4.5"]
    assert requirements.support_without_os == []
    assert requirements.stated_versions == {"Windows Installer": ["4.0", "4.5", "5.0"]}


@pytest.mark.corpus
def test_a_statement_without_windows_is_support_without_os(by_slug: dict[str, PropertyRecord]) -> None:
    requirements = by_slug["client-componentcode"].requirements
    assert requirements.support == {}
    [entry] = requirements.support_without_os
    assert (entry.versions, entry.or_later) == (["5.0"], True)


@pytest.mark.corpus
def test_no_record_claims_a_minimum_version(corpus_kb: KnowledgeBase) -> None:
    for record in corpus_kb.properties:
        assert "min_version" not in record.requirements.model_dump()
        for statement in record.requirements.statements:
            assert statement.evidence is not None
