"""Which pages become records, and the name, slug and kind of each (real corpus)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kbtools.kb import KnowledgeBase, PropertyRecord

pytestmark = pytest.mark.corpus


def test_every_property_page_of_the_corpus_becomes_a_record(corpus_kb: KnowledgeBase) -> None:
    assert len(corpus_kb.properties) == 335
    assert corpus_kb.errors == []
    assert corpus_kb.locale == "zh-TW"


def test_slugs_are_unique_file_stems(corpus_kb: KnowledgeBase, msi_dir: Path) -> None:
    slugs = [record.slug for record in corpus_kb.properties]
    assert len(set(slugs)) == len(slugs)
    assert all((msi_dir / f"{slug}.md").is_file() for slug in slugs)


def test_kinds_split_the_corpus_into_four_families(corpus_kb: KnowledgeBase) -> None:
    assert Counter(record.kind for record in corpus_kb.properties) == {
        "installer": 203,
        "automation": 91,
        "merge-module": 24,
        "summary": 17,
    }


@pytest.mark.parametrize(
    ("slug", "name", "kind", "public"),
    [
        ("msirestartmanagersessionkey", "MsiRestartManagerSessionKey", "installer", False),
        ("allusers", "ALLUSERS", "installer", True),
        ("msix64", "Msix64", "installer", False),
        ("msiuninstallsupersededcomponents", "MSIUNINSTALLSUPERSEDEDCOMPONENTS", "installer", True),
        ("ccp-drive", "CCP_DRIVE", "installer", True),
        ("-disablemedia", "DISABLEMEDIA", "installer", True),
        ("installer-patchfiles", "Installer.PatchFiles", "automation", None),
        ("installer-uilevel", "Installer.UILevel", "automation", None),
        ("session-mode", "Session.Mode", "automation", None),
        ("installer-productelevated", "Installer::ProductElevated", "automation", None),
        ("client-componentcode", "Client.ComponentCode", "automation", None),
        ("configurableitem-attributes", "ConfigurableItem.Attributes", "merge-module", None),
        ("author-summary", "Author Summary", "summary", None),
        ("create-time-date-summary", "Create Time/Date Summary", "summary", None),
    ],
)
def test_name_kind_and_public_come_from_the_english_title(
    by_slug: dict[str, PropertyRecord], slug: str, name: str, kind: str, public: bool | None
) -> None:
    record = by_slug[slug]
    assert (record.name, record.kind, record.public) == (name, kind, public)


def test_names_match_the_titles_of_the_current_english_pages(corpus_kb: KnowledgeBase, msi_en_dir: Path) -> None:
    for record in corpus_kb.properties:
        text = (msi_en_dir / f"{record.slug}.md").read_text(encoding="utf-8")
        heading = re.search(r"^# (.+?)\s*$", text, re.M)
        assert heading is not None, record.slug
        title = re.sub(r"\\(.)", r"\1", heading.group(1))
        assert title == f"{record.name} property", record.slug


def test_merge_module_properties_are_exactly_those_implemented_by_mergemod(corpus_kb: KnowledgeBase) -> None:
    for record in corpus_kb.properties:
        implemented_by_mergemod = record.requirements.dll == "Mergemod.dll"
        assert (record.kind == "merge-module") == implemented_by_mergemod, record.slug


def test_public_is_set_for_installer_properties_only(corpus_kb: KnowledgeBase) -> None:
    for record in corpus_kb.properties:
        if record.kind == "installer":
            assert record.public is (record.name.upper() == record.name), record.slug
        else:
            assert record.public is None, record.slug


def test_a_page_titled_property_something_else_is_not_a_property_page(corpus_kb: KnowledgeBase) -> None:
    slugs = {record.slug for record in corpus_kb.properties}
    assert "installer-productstate-property" not in slugs  # "Installer.ProductState Property method"
    assert "property-reference" not in slugs
