"""emphasis-scope: the bold of a name widened to words around it in the target. Real pairs of the
corpus and small hand-written pages."""

from __future__ import annotations

from pathlib import Path

from sxs_pages import page, segment
from test_names_tokens_typography import IT, corpus_messages, messages

RULE = "emphasis-scope"


def test_a_bold_value_widened_to_the_verb_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(corpus_root, "win32-zh-tw-sxs/desktop-src/Controls/sb-settext.md", "9f01a-133", RULE)
    assert found == ["the bold of 'TRUE' covers '則傳回 TRUE' in the target"]


def test_a_bold_method_widened_to_its_kind_in_italian_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(corpus_root, "win32-it-it-sxs/desktop-src/Msi/installer-opendatabase.md", "4f5f3-138", RULE)
    assert found == ["the bold of 'Commit' covers 'metodo Commit' in the target"]


def test_a_bold_name_kept_alone_is_not_reported() -> None:
    text = page(segment("1-1", "如果成功，則傳回 **TRUE**。", "Returns **TRUE** if successful."))
    assert messages(text, RULE) == []


def test_punctuation_swept_into_the_bold_is_not_reported() -> None:
    text = page(
        segment("1-1", "Aggiunge icone al menu **Start,** e associa i file.", "Adds icons to the **Start** menu."),
        front_matter=IT,
    )
    assert messages(text, RULE) == []


def test_a_name_beside_its_translation_in_parentheses_is_not_reported() -> None:
    text = page(segment("1-1", "**純量 (scalar)**", "**scalar**"))
    assert messages(text, RULE) == []


def test_a_bold_name_whose_punctuation_changed_is_left_to_protected_term() -> None:
    text = page(
        segment("1-1", "呼叫 **IOleControl：： FreezeEvents** 方法。", "Call the **IOleControl::FreezeEvents** method.")
    )
    assert messages(text, RULE) == []


def test_a_bold_lost_is_left_to_markup_mismatch() -> None:
    text = page(
        segment(
            "1-1",
            "如果成功，則傳回 TRUE，否則 **為 FALSE**。",
            "Returns **TRUE** if successful, or **FALSE** otherwise.",
        )
    )
    assert messages(text, RULE) == []
