"""Category, texts, value, see also, links and source of records from real pages."""

from __future__ import annotations

import pytest

from kbtools.kb import KnowledgeBase, PropertyRecord

pytestmark = pytest.mark.corpus


def test_category_is_the_reference_section_that_lists_the_property(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["msirestartmanagersessionkey"].category == "Installation Status Properties"
    assert by_slug["allusers"].category == "Configuration Properties"
    assert by_slug["ccp-drive"].category == "Configuration Properties"


def test_category_from_an_html_table_of_the_reference(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["alpha"].category == "Hardware Properties"
    assert by_slug["msix64"].category == "Hardware Properties"


def test_a_listed_name_wins_over_a_wrong_link(by_slug: dict[str, PropertyRecord]) -> None:
    # The reference row of ParentProductCode links to parentoriginaldatabase.md.
    assert by_slug["parentproductcode"].category == "Product Information Properties"
    assert by_slug["parentoriginaldatabase"].category == "Component Location Properties"


def test_category_is_null_when_the_reference_does_not_list_the_property(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["securecustomproperties"].category is None
    assert by_slug["installer-uilevel"].category is None
    assert by_slug["author-summary"].category is None


def test_title_and_semantics_are_localized_segments(by_slug: dict[str, PropertyRecord]) -> None:
    record = by_slug["msirestartmanagersessionkey"]
    assert record.title == {
        "en-US": "MsiRestartManagerSessionKey property",
        "zh-TW": "MsiRestartManagerSessionKey 屬性",
    }
    assert [segment.id for segment in record.semantics] == ["75da0-104", "75da0-105"]
    first = record.semantics[0].model_dump()
    assert first["en-US"].startswith("The installer sets the value of the **MsiRestartManagerSessionKey** property")
    assert first["zh-TW"].startswith("安裝程式會將 **MsiRestartManagerSessionKey** 屬性的值")
    assert [segment.id for segment in record.remarks] == ["75da0-107", "75da0-108"]


def test_semantics_include_list_items_before_the_first_section(by_slug: dict[str, PropertyRecord]) -> None:
    assert [segment.id for segment in by_slug["author-summary"].semantics] == [
        "ae76c-104",
        "ae76c-105",
        "ae76c-106",
        "ae76c-107",
    ]


def test_semantics_keep_the_paragraphs_and_list_items_of_the_page(by_slug: dict[str, PropertyRecord]) -> None:
    # allusers.md: two paragraphs, then a list of four items; the third item holds the
    # paragraph that opens it and three indented ones (Windows 7, Windows Vista, Windows XP).
    semantics = by_slug["allusers"].semantics
    paragraphs = sorted({segment.block for segment in semantics})
    assert paragraphs == list(range(9))
    item_of = {segment.block: segment.list_item for segment in semantics}
    assert [item_of[block] for block in paragraphs] == [None, None, 0, 1, 2, 2, 2, 2, 3]
    windows_7 = next(segment for segment in semantics if segment.id == "d3ba3-111")
    assert windows_7.model_dump()["en-US"].startswith("**Windows 7:**")
    assert (windows_7.block, windows_7.list_item) == (5, 2)


def test_sentences_of_one_paragraph_share_its_block(by_slug: dict[str, PropertyRecord]) -> None:
    default_value = by_slug["allusers"].default_value
    assert [segment.id for segment in default_value] == ["d3ba3-125", "d3ba3-126", "d3ba3-127"]
    assert {(segment.block, segment.list_item) for segment in default_value} == {(0, None)}


def test_summary_is_the_description_with_the_english_it_was_made_from(by_slug: dict[str, PropertyRecord]) -> None:
    summary = by_slug["msirestartmanagersessionkey"].summary
    assert (
        summary["zh-TW"] == "安裝程式會將 MsiRestartManagerSessionKey 屬性的值設定為重新啟動管理員會話的工作階段金鑰。"
    )
    assert summary["en-US"] == (
        "The installer sets the value of the MsiRestartManagerSessionKey property to the session key for the "
        "Restart Manager session."
    )


def test_a_description_key_in_another_case_still_gives_the_summary(by_slug: dict[str, PropertyRecord]) -> None:
    # allusers.md spells the key `Description:`.
    summary = by_slug["allusers"].summary
    assert summary["zh-TW"] == "ALLUSERS 屬性會設定封裝的安裝內容。"
    assert summary["en-US"] == "The ALLUSERS property configures the installation context of the package."


def test_default_value_section(by_slug: dict[str, PropertyRecord]) -> None:
    default = by_slug["allusers"].default_value
    assert [segment.id for segment in default] == ["d3ba3-125", "d3ba3-126", "d3ba3-127"]


def test_automation_value_access_and_syntax(by_slug: dict[str, PropertyRecord]) -> None:
    value = by_slug["installer-uilevel"].value
    assert value is not None
    assert value.access == "read/write"
    assert value.syntax == "propVal = Installer.UILevel\nInstaller.UILevel = propVal"
    assert by_slug["configurableitem-attributes"].value.access == "read-only"  # type: ignore[union-attr]
    assert by_slug["installer-productinfofromscript"].value.access == "write-only"  # type: ignore[union-attr]


def test_automation_value_type_where_the_lead_states_it(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["installer-patchfiles"].value.type == "StringList"  # type: ignore[union-attr]
    assert by_slug["installer-productelevated"].value.type == "Boolean"  # type: ignore[union-attr]
    assert by_slug["merge-errors"].value.type == "Error collection"  # type: ignore[union-attr]
    assert by_slug["session-mode"].value.type is None  # type: ignore[union-attr]


def test_property_value_text_of_an_automation_property(by_slug: dict[str, PropertyRecord]) -> None:
    text = by_slug["installer-productelevated"].value.text  # type: ignore[union-attr]
    assert [segment.model_dump()["en-US"] for segment in text] == [
        "The full product code GUID of the product.",
        "This parameter is required.",
    ]


def test_installer_and_summary_properties_have_no_automation_value(corpus_kb: KnowledgeBase) -> None:
    for record in corpus_kb.properties:
        assert (record.value is not None) == (record.kind in ("automation", "merge-module")), record.slug


def test_see_also_targets_sit_outside_the_spans(by_slug: dict[str, PropertyRecord]) -> None:
    see_also = by_slug["msirestartmanagersessionkey"].see_also
    assert [(entry.target, entry.title) for entry in see_also] == [
        ("properties.md", {"en-US": "Properties", "zh-TW": "屬性"}),
        (
            "not-supported-in-windows-installer-version-3-1.md",
            {
                "en-US": "Not Supported in Windows Installer 3.1 and earlier versions",
                "zh-TW": "Windows Installer 3.1 及更早版本不支援",
            },
        ),
    ]
    assert by_slug["installer-patchfiles"].see_also[0].title["en-US"] == "Installer Object"


def test_links_are_the_english_targets_in_page_order(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["msirestartmanagersessionkey"].links == [
        "../rstmgr/restart-manager-portal.md",
        "installvalidate-action.md",
        "windows-installer-portal.md",
        "properties.md",
        "not-supported-in-windows-installer-version-3-1.md",
    ]


def test_source_metadata(by_slug: dict[str, PropertyRecord]) -> None:
    source = by_slug["msirestartmanagersessionkey"].source
    assert source.path.endswith("msirestartmanagersessionkey.md")
    assert source.locale == "zh-TW"
    assert source.model_dump(by_alias=True, exclude={"path"}) == {
        "locale": "zh-TW",
        "ms.date": "05/31/2018",
        "ms.sourcegitcommit": "c8ec1ded1ffffc364d3c4f560bb2171da0dc5040",
        "ms.translationtype": "MT",
        "ms.lasthandoff": "03/22/2021",
        "ms.assetid": "efbf11f2-38ab-4509-aa01-23fa8cfdaa60",
    }
