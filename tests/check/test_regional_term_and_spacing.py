"""A term of another region (`宏` for macro in zh-TW) and a space before a stop or comma, as a
specification: real pairs of the corpus and small hand-written pages."""

from __future__ import annotations

from pathlib import Path

from sxs_pages import page, segment
from test_names_tokens_typography import IT, RU, corpus_messages, messages

# regional-term


def test_a_mainland_term_for_macro_in_a_zh_tw_page_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/Controls/bumper-image-lists-reference-macros.md",
        "795d1-103",
        "regional-term",
    )
    assert found == ["'宏' (for 'Macros') is written '巨集' in zh-TW"]


def test_a_mainland_term_for_process_in_a_zh_tw_page_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/shell/context-menu-handlers.md", "b2a1a-107", "regional-term"
    )
    assert found == ["'進程' (for 'process') is written '處理序' in zh-TW"]


def test_a_term_is_not_reported_where_the_source_has_no_word_it_renders() -> None:
    text = page(segment("1-1", "宏觀來看，安裝程式會設定屬性。", "Overall, the installer sets the property."))
    assert messages(text, "regional-term") == []


def test_a_term_inside_the_taiwan_term_is_not_reported() -> None:
    # 演算法, Taiwan's algorithm, holds 算法, the mainland's.
    text = page(
        segment("1-1", "如需這些演算法的說明，請參閱詞彙。", "For descriptions of these algorithms, see the glossary.")
    )
    assert messages(text, "regional-term") == []


def test_a_term_in_inline_code_is_not_reported() -> None:
    text = page(segment("1-1", "使用 `宏` 巨集。", "Use the `宏` macro."))
    assert messages(text, "regional-term") == []


def test_a_locale_without_a_table_is_not_read() -> None:
    text = page(segment("1-1", "Используйте 宏.", "Use the macro."), front_matter=RU)
    assert messages(text, "regional-term") == []


def test_a_word_of_a_joined_name_is_no_english_word_for_a_term(corpus_root: Path) -> None:
    # `SERVICE_WIN32_SHARE_PROCESS` -> `服務 \_ WIN32 \_ 共用 \_ 進程`: a name translated
    # (`protected-term`), for which `處理序` would be as wrong as `進程`.
    rel = "win32-zh-tw-sxs/desktop-src/Msi/serviceinstall-table.md"
    assert corpus_messages(corpus_root, rel, "721d0-182", "regional-term") == []
    assert corpus_messages(corpus_root, rel, "721d0-182", "protected-term") != []


# regional-term: forms a conversion from simplified characters gets wrong


def test_a_standard_written_for_horizontal_and_a_mainland_scroll_are_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/Controls/about-edit-controls.md", "feef0-150", "regional-term"
    )
    assert found == [
        "'水準' (for 'horizontally') is written '水平' in zh-TW",
        "'滾動' (for 'scroll') is written '捲動' in zh-TW",
    ]


def test_a_wrong_traditional_form_of_copy_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/Controls/about-edit-controls.md", "feef0-299", "regional-term"
    )
    assert found == ["'復制' (for 'Copies') is written '複製' in zh-TW"]


def test_a_standard_meant_as_a_standard_is_not_reported() -> None:
    text = page(segment("1-1", "安全性水準很高。", "The level of security is high."))
    assert messages(text, "regional-term") == []


# space-before-punctuation


def test_a_space_before_the_stop_after_a_spaced_placeholder_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-ru-ru-sxs/desktop-src/Msi/windows-installer-error-messages.md",
        "ea885-1562",
        "space-before-punctuation",
    )
    assert found == ["space before '.': remove the space"]


def test_a_space_before_the_stop_after_a_link_is_left_as_reviewers_leave_it(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-it-it-sxs/desktop-src/Msi/neither-file-has-a-version.md",
        "c50a9-107",
        "space-before-punctuation",
    )
    assert found == []


def test_a_space_before_a_comma_after_a_link_is_left_as_reviewers_leave_it(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/specifying-components.md", "8845c-107", "space-before-punctuation"
    )
    assert found == []


def test_a_space_before_the_stop_after_bold_or_italics_is_not_reported() -> None:
    text = page(
        segment(
            "1-1", "Questo argomento deve essere un oggetto **BSTR** .", "This argument MUST be a **BSTR** object."
        ),
        segment("1-2", "Il valore di *dwContext* , poi.", "The value of *dwContext*, then."),
        front_matter=IT,
    )
    assert messages(text, "space-before-punctuation") == []


def test_a_space_before_the_stop_after_a_plain_word_is_reported() -> None:
    text = page(
        segment("1-1", "Informazioni lasciate fuori dalla tabella \\_ .", "Information left out of the table\\_."),
        front_matter=IT,
    )
    assert messages(text, "space-before-punctuation") == ["space before '.': remove the space"]


def test_a_space_before_the_stop_after_a_placeholder_is_reported() -> None:
    text = page(segment("1-1", "Errore di sistema: \\[ 3 \\] .", "System error: \\[3\\]."), front_matter=IT)
    assert messages(text, "space-before-punctuation") == ["space before '.': remove the space"]


def test_a_file_extension_or_an_ellipsis_after_a_space_is_not_reported() -> None:
    text = page(
        segment("1-1", "Aprire i file .msi e .mst, poi attendere ...", "Open the .msi and .mst files, then wait ..."),
        front_matter=IT,
    )
    assert messages(text, "space-before-punctuation") == []


def test_a_spacing_the_source_has_too_is_not_reported() -> None:
    text = page(segment("1-1", "Registri r0 , r1", "Registers r0 , r1"), front_matter=IT)
    assert messages(text, "space-before-punctuation") == []


def test_a_space_before_a_stop_in_inline_code_is_not_reported() -> None:
    text = page(segment("1-1", "Eseguire `x . y` ora.", "Run `x.y` now."), front_matter=IT)
    assert messages(text, "space-before-punctuation") == []


def test_a_member_dot_spaced_in_a_syntax_line_is_left_to_the_token_rules() -> None:
    text = page(
        segment("1-1", "udiv dest \\[ . mask \\] 、src0 \\[ . swizzle \\]", "udiv dest\\[.mask\\], src0\\[.swizzle\\]")
    )
    assert messages(text, "space-before-punctuation") == []


# copied-token: a language named with a symbol


def test_a_language_name_broken_by_spaces_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/WMP/wmplibiwmpstringcollection-iwmpstringcollection-item--vb-and-c.md",
        "29e39-133",
        "copied-token",
    )
    assert found == ["language name 'C#' is not copied exactly into the target"]


def test_a_language_name_kept_is_not_reported() -> None:
    text = page(segment("1-1", "以 C++ 或 C# 撰寫的 DLL。", "A DLL written in C++ or C#."))
    assert messages(text, "copied-token") == []


def test_a_sharp_sign_after_a_word_is_no_language_name() -> None:
    text = page(segment("1-1", "請參閱第 2 項。", "See Item# 2 and PKCS #7."), front_matter=IT)
    assert [m for m in messages(text, "copied-token") if "language" in m] == []


# translated-identifier: the term of a list of parameters


def test_a_parameter_named_in_a_list_term_translated_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-ru-ru-sxs/desktop-src/Msi/installer-clearsourcelist.md",
        "0d833-107",
        "translated-identifier",
    )
    assert found == ["'Product', a parameter's name, is transliterated as 'Продукт' in the target"]


def test_an_italic_word_in_a_table_cell_may_be_translated() -> None:
    text = page(
        "| DisableMSI | Description |\n|---|---|\n| " + segment("1-1", "*Par défaut*", "*Default*") + " | x |",
        front_matter=IT,
    )
    assert messages(text, "translated-identifier") == []


def test_a_list_term_kept_in_other_case_is_left_to_changed_case() -> None:
    text = page("<dl> <dt>\n\n" + segment("1-1", "*index*", "*Index*") + "\n</dt> </dl>", front_matter=IT)
    assert messages(text, "translated-identifier") == []


def test_a_list_term_translated_is_reported() -> None:
    text = page("<dl> <dt>\n\n" + segment("1-1", "*Percorso*", "*Path*") + "\n</dt> </dl>", front_matter=IT)
    assert messages(text, "translated-identifier") == [
        "'Path', a parameter's name, is missing from the target (translated)"
    ]


# bracket-scope


def test_a_product_moved_inside_the_brackets_of_its_qualifier_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/Controls/lvm-getemptytext.md", "1ff9f-120", "bracket-scope"
    )
    assert found == ["'Windows Vista', outside the brackets in the source, is inside them in the target"]


def test_a_word_moved_into_a_folder_property_is_reported() -> None:
    text = page(
        segment(
            "1-1",
            "\\[Menu di ProgramFilesFolder \\] \\\\ Red \\_ Park",
            "\\[ProgramFilesFolder\\]\\\\Red\\_Park\\\\Menu",
        ),
        front_matter=IT,
    )
    assert messages(text, "bracket-scope") == [
        "'Menu', outside the brackets in the source, is inside them in the target"
    ]


def test_brackets_the_target_empties_are_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/bootstrapping.md", "c1bca-215", "bracket-scope"
    )
    assert found == ["1 pair(s) of brackets empty in the target, whose words stand outside them"]


def test_empty_brackets_the_source_has_too_are_not_reported() -> None:
    text = page(segment("1-1", "Il tipo \\[\\] è una matrice.", "The type \\[\\] is an array."), front_matter=IT)
    assert messages(text, "bracket-scope") == []


def test_brackets_around_the_words_they_had_are_not_reported() -> None:
    text = page(
        segment(
            "1-1",
            "Windows 2000 Professional \\[僅限傳統型應用程式\\]",
            "Windows 2000 Professional \\[desktop apps only\\]",
        )
    )
    assert messages(text, "bracket-scope") == []


def test_a_word_the_source_has_inside_and_outside_its_brackets_is_not_reported() -> None:
    text = page(
        segment("1-1", "Il file \\[file 2\\] è valido.", "The file \\[file 2\\] is valid."),
        front_matter=IT,
    )
    assert messages(text, "bracket-scope") == []
