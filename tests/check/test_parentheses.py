"""broken-parentheses: a target that closes a parenthesis before it opens one. Real pairs of the
corpus and small hand-written pages."""

from __future__ import annotations

from pathlib import Path

from sxs_pages import page, segment
from test_names_tokens_typography import corpus_messages, messages

RULE = "broken-parentheses"


def test_a_parenthesis_moved_before_its_partner_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/direct3dhlsl/dx-graphics-hlsl-mul.md", "a7d28-176", RULE
    )
    assert found == ["a parenthesis is closed before it is opened: ')'"]


def test_an_error_code_whose_parentheses_were_swapped_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/Msi/return-values-for-uicreatepatchpackage.md", "a2fd2-518", RULE
    )
    assert found == ["a parenthesis is closed before it is opened: '_PCW _ BASE + 0x64)'"]


def test_parentheses_in_order_are_not_reported() -> None:
    text = page(
        segment(
            "1-1",
            "啟動 **Novell NetWare** 視窗 (如果已安裝)。",
            "Launches the **Novell NetWare** window (if installed).",
        )
    )
    assert messages(text, RULE) == []


def test_full_width_parentheses_pair_with_ascii_ones() -> None:
    text = page(segment("1-1", "啟動視窗（如果已安裝)。", "Launches the window (if installed)."))
    assert messages(text, RULE) == []


def test_a_parenthesis_lost_is_not_read_as_moved() -> None:
    text = page(segment("1-1", "如果已安裝) 則啟動視窗。", "Launches the window (if installed)."))
    assert messages(text, RULE) == []


def test_a_source_that_closes_first_itself_is_not_reported() -> None:
    text = page(segment("1-1", "a) 第一項", "a) first item"))
    assert messages(text, RULE) == []
