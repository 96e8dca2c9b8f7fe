"""Lifetime facts: stated where a sentence says them about this property, absent elsewhere."""

from __future__ import annotations

import pytest

from kbtools.kb import KnowledgeBase, PropertyRecord
from kbtools.kb.lifetime import action_names

pytestmark = pytest.mark.corpus


def test_the_seed_page_is_set_at_initialization_and_cleared_by_installvalidate(
    by_slug: dict[str, PropertyRecord],
) -> None:
    lifetime = by_slug["msirestartmanagersessionkey"].lifetime
    assert lifetime.set_by == ["installer"]
    assert lifetime.set_at == ["initialization"]
    assert lifetime.cleared_at == ["InstallValidate"]
    assert (lifetime.valid_after, lifetime.used_by) == ([], [])
    # The remarks sentence "... at initialization, and then clears the value during the InstallValidate action."
    assert lifetime.evidence["set_at:initialization"] == ["75da0-107"]
    assert lifetime.evidence["cleared_at:InstallValidate"] == ["75da0-107"]
    assert lifetime.evidence["set_by:installer"] == ["75da0-104", "75da0-107"]


def test_a_sentence_about_another_property_says_nothing_about_this_one(by_slug: dict[str, PropertyRecord]) -> None:
    # ADDDEFAULT: "The installer sets the **Preselected** property to a value of "1" ..."
    lifetime = by_slug["adddefault"].lifetime
    assert "installer" not in lifetime.set_by
    assert lifetime.evidence == {} or all("installer" not in key for key in lifetime.evidence)


def test_the_property_the_other_page_is_about_gets_the_fact(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["preselected"].lifetime.set_by == ["installer"]


def test_an_action_that_initializes_the_property_sets_it(by_slug: dict[str, PropertyRecord]) -> None:
    lifetime = by_slug["costingcomplete"].lifetime  # "This property is initialized to 0 by the CostFinalize action."
    assert lifetime.set_by == ["CostFinalize"]
    assert lifetime.set_at == ["CostFinalize"]


def test_valid_after_an_action(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["outofdiskspace"].lifetime.valid_after == ["CostFinalize"]
    assert by_slug["sourcedir"].lifetime.valid_after == ["ResolveSource"]
    assert by_slug["remove"].lifetime.valid_after == ["InstallValidate"]


def test_used_by_an_action(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["upgradecode"].lifetime.used_by == ["RegisterProduct"]
    assert by_slug["ccp-drive"].lifetime.used_by == ["RMCCPSearch"]
    assert by_slug["sequence"].lifetime.used_by == ["SEQUENCE"]  # the action of the same name


def test_set_during_actions_named_in_an_elliptical_sentence(by_slug: dict[str, PropertyRecord]) -> None:
    # ReplacedInUseFiles: "Set during the InstallExecute and InstallFinalize actions."
    assert by_slug["replacedinusefiles"].lifetime.set_at == ["InstallExecute", "InstallFinalize"]


def test_top_level_actions_set_executeaction(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["executeaction"].lifetime.set_by == ["INSTALL", "ADVERTISE", "ADMIN"]


def test_user_and_author_from_command_line_and_property_table(by_slug: dict[str, PropertyRecord]) -> None:
    assert by_slug["msiuninstallsupersededcomponents"].lifetime.set_by == ["user", "author"]
    assert by_slug["pidkey"].lifetime.set_by == ["user"]
    assert by_slug["author-summary"].lifetime.set_by == ["author"]


def test_a_negative_sentence_is_no_evidence(by_slug: dict[str, PropertyRecord]) -> None:
    # 1f2a6-105 "... the installer sets the value of MsiNetAssemblySupport to the file version of Fusion.dll."
    # 1f2a6-106 "The installer does not set this property if the operating system does not support ..."
    lifetime = by_slug["msinetassemblysupport"].lifetime
    assert lifetime.set_by == ["installer"]
    assert lifetime.evidence["set_by:installer"] == ["1f2a6-105"]


def test_facts_are_absent_where_the_page_states_none(by_slug: dict[str, PropertyRecord]) -> None:
    for slug in ("arphelplink", "productcode", "installer-uilevel", "configurableitem-attributes", "limitui"):
        lifetime = by_slug[slug].lifetime
        assert (lifetime.set_by, lifetime.set_at, lifetime.cleared_at, lifetime.valid_after, lifetime.used_by) == (
            [],
            [],
            [],
            [],
            [],
        ), slug
        assert lifetime.evidence == {}, slug


def test_every_fact_has_evidence(corpus_kb: KnowledgeBase) -> None:
    for record in corpus_kb.properties:
        lifetime = record.lifetime
        facts = {
            f"{field}:{value}"
            for field in ("set_by", "set_at", "cleared_at", "valid_after", "used_by")
            for value in getattr(lifetime, field)
        }
        assert facts == set(lifetime.evidence), record.slug
        assert all(lifetime.evidence.values()), record.slug


def test_action_names_are_read_as_written() -> None:
    assert action_names("during the InstallValidate action") == ["InstallValidate"]
    assert action_names("the InstallExecute and InstallFinalize actions") == ["InstallExecute", "InstallFinalize"]
    assert action_names("such as the INSTALL action, ADVERTISE action, and ADMIN action") == [
        "INSTALL",
        "ADVERTISE",
        "ADMIN",
    ]
    assert action_names("a custom action") == []


@pytest.mark.parametrize(
    ("slug", "field", "value", "evidence"),
    [
        # "... should only be used after the installer has completed file costing and after the CostFinalize action."
        ("session-componentcosts", "valid_after", "CostFinalize", "5aadf-107"),
        # "... only succeeds after the installer has called the CostInitialize and CostFinalize actions."
        ("session-featurevalidstates", "valid_after", "CostInitialize", "1fb0f-113"),
        # "... should only be called after the CostInitialize action, FileCost action, and CostFinalize action"
        ("session-verifydiskspace", "valid_after", "FileCost", "e32bd-106"),
        # "If the installation package ... is not at the root of the CD-ROM ..., MEDIAPACKAGEPATH must be set on the command line"
        ("mediapackagepath", "set_by", "user", "7ed48-107"),
        ("productname", "set_by", "author", "de741-111"),  # "This property can be changed by a transform."
        # "... can be used to condition the IsolateComponents action in the InstallUISequence table ..."
        ("redirecteddllsupport", "used_by", "IsolateComponents", "c019b-107"),
        ("remove", "set_by", "user", "d8e14-106"),  # "Note that if you use REMOVE=ALL on the command line, ..."
        # "The EXECUTEACTION property is set to determine which top-level action the ExecuteAction action initiates."
        ("executeaction", "used_by", "ExecuteAction", "a154c-104"),
        # "The SetInstallLevel method must be called before calling FeatureRequestState." (the name
        # ends the sentence: a full stop after it is no qualified name)
        ("session-featurerequeststate", "valid_after", "SetInstallLevel", "9f6b2-116"),
    ],
)
def test_lifetime_said_in_other_words_is_found_with_its_segment(
    by_slug: dict[str, PropertyRecord], slug: str, field: str, value: str, evidence: str
) -> None:
    lifetime = by_slug[slug].lifetime
    assert value in getattr(lifetime, field)
    assert evidence in lifetime.evidence[f"{field}:{value}"]


@pytest.mark.parametrize(
    ("slug", "value", "evidence"),
    [
        (
            "msirestartmanagercontrol",
            "0",
            "10d3e-109",
        ),  # a value row: "This is the default value if the property is not set."
        ("msifastinstall", "0", "fd83e-110"),  # a value row: "Default value"
        ("word-count-summary", "0", "848fa-105"),  # "If this property is not present, it defaults to zero (0)."
        ("nocompanyname", "Not set", "8ebbb-108"),  # "## Default Value" opening "Not set. The installer sets ..."
        ("terminalserver", "None", "f40f9-106"),  # "## Default Value" opening "None. The property is undefined ..."
    ],
)
def test_a_default_stated_in_a_table_or_in_words_is_the_default(
    by_slug: dict[str, PropertyRecord], slug: str, value: str, evidence: str | None
) -> None:
    record = by_slug[slug]
    assert record.default == value
    assert record.default_evidence and (evidence is None or evidence in record.default_evidence)


def test_a_negation_in_the_setting_itself_still_stops_the_user_rule() -> None:
    from kbtools.kb.lifetime import MARK, user_or_author_sets

    assert user_or_author_sets(f"{MARK} cannot be set on the command line.") == []
    assert user_or_author_sets(f"If the package is not on the CD-ROM, {MARK} must be set on the command line.") == [
        ("set_by", "user")
    ]


def test_a_default_value_section_opening_with_other_words_states_no_default() -> None:
    from kbtools.kb.value_table import read_default

    for opening in (
        "None of the features is installed.",
        "Nonexistent.",
        "A default value can be put in the Property table.",
    ):
        assert read_default([], (), [("s-1", opening)]) == (None, [])
    assert read_default([], (), [("s-1", "None.")]) == ("None", ["s-1"])


def test_a_method_called_before_the_property_is_valid_after_it() -> None:
    from kbtools.kb.lifetime import MARK, valid_after

    assert valid_after(f"The SetInstallLevel method must be called before calling {MARK}.") == [
        ("valid_after", "SetInstallLevel")
    ]
    assert valid_after(f"The module must be opened by a call to the OpenModule method before calling {MARK}.") == [
        ("valid_after", "OpenModule")
    ]
    assert valid_after(f"The Persist method must be called before closing {MARK}.") == []
