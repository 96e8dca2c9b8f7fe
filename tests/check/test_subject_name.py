"""translated-subject-name: the name a reference page documents, marked as a name in its prose,
translated in the target. Real pairs of the corpus and small hand-written pages."""

from __future__ import annotations

from pathlib import Path

from sxs_pages import page, segment
from test_names_tokens_typography import IT, corpus_messages, messages

from kbtools.check.engine import CheckSettings, RuleSelection, check_file

RULE = "translated-subject-name"


def _reference_page(title: tuple[str, str], *pairs: tuple[str, str]) -> str:
    heading = "# " + segment("1-1", *title)
    return page(heading, *(segment(f"1-{n}", t, s) for n, (t, s) in enumerate(pairs, 2)), front_matter=IT)


def test_a_bold_property_name_of_its_own_page_translated_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(corpus_root, "win32-it-it-sxs/desktop-src/Msi/privileged.md", "cd93b-110", RULE)
    assert found == ["'Privileged', the name this page documents, is missing from the target (translated)"]


def test_a_bold_object_name_inflected_in_russian_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/dependency-object.md", "8b7dc-104", RULE)
    assert found == ["'Dependency', the name this page documents, is missing from the target (translated)"]


def test_the_object_of_a_member_page_translated_in_a_table_cell_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(corpus_root, "win32-it-it-sxs/desktop-src/Msi/product-componentstate.md", "bd56c-150", RULE)
    assert found == ["'Product', the name this page documents, is missing from the target (translated)"]


def test_the_name_kept_is_not_reported() -> None:
    text = _reference_page(
        ("Proprietà Privileged", "Privileged property"),
        ("La proprietà **Privileged** è impostata.", "The **Privileged** property is set."),
    )
    assert messages(text, RULE) == []


def test_the_name_recased_only_is_left_to_the_case_rules() -> None:
    text = _reference_page(
        ("Proprietà Privileged", "Privileged property"),
        ("La proprietà **privileged** è impostata.", "The **Privileged** property is set."),
    )
    assert messages(text, RULE) == []


def test_the_name_unmarked_in_the_source_is_not_reported() -> None:
    text = _reference_page(
        ("Oggetto Installer", "Installer object"),
        ("Il programma di installazione è pronto.", "The Installer object is ready."),
    )
    assert messages(text, RULE) == []


def test_a_title_that_names_no_reference_kind_gives_no_name() -> None:
    text = _reference_page(
        ("Informazioni sulle funzionalità", "About Features"),
        ("Una **funzionalità** è installata.", "A **Features** entry is installed."),
    )
    assert messages(text, RULE) == []


def test_a_name_known_by_its_shape_is_left_to_protected_term() -> None:
    text = _reference_page(
        ("Proprietà AppDataFolder", "AppDataFolder property"),
        ("La proprietà **CartellaDatiApp** è impostata.", "The **AppDataFolder** property is set."),
    )
    assert messages(text, RULE) == []


def test_a_dialog_box_named_by_a_plain_word_is_named_in_the_readers_language(corpus_root: Path) -> None:
    # `A **Cancel** dialog box` is `une boîte de dialogue **Annuler**`: the user sees it so.
    for tree in ("win32-fr-fr-sxs", "win32-zh-tw-sxs", "win32-ru-ru-sxs"):
        path = corpus_root / tree / "desktop-src/Msi/cancel-dialog.md"
        rules = [f.rule for f in check_file(path, CheckSettings(RuleSelection.default())).findings]
        assert RULE not in rules, tree
