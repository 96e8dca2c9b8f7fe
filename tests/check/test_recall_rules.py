"""What the checker sees that readers found in blind samples, as a specification: names translated
in tables and anchors, table names after any article, recased names, English left in a
translation, links run into words, member dots, braced and joined tokens, doubled phrases and
lower-case starts. Real pairs of the corpus and small hand-written pages."""

from __future__ import annotations

from pathlib import Path

from sxs_pages import page, segment
from test_names_tokens_typography import IT, RU, corpus_messages, messages

from kbtools.check.engine import CheckSettings, RuleSelection, check_file

# translated-name-cell: rows of a database table


def _table(front: str, heading: list[tuple[str, str]], *rows: list[tuple[str, str]]) -> str:
    def row(cells: list[tuple[str, str]], start: int) -> str:
        return "| " + " | ".join(segment(f"1-{start + i}", t, s) for i, (t, s) in enumerate(cells)) + " |"

    lines = [row(heading, 10), "|" + "---|" * len(heading)]
    lines += [row(cells, 20 + 10 * n) for n, cells in enumerate(rows)]
    return page("\n".join(lines), front_matter=front)


def test_a_heading_of_a_table_of_database_rows_translated_is_reported() -> None:
    text = _table(
        IT,
        [("Finestra di dialogo\\_", "Dialog\\_"), ("X", "X"), ("Altezza", "Height")],
        [("MyDialog", "MyDialog"), ("25", "25"), ("20", "20")],
    )
    assert "'Height' in a row of column names is translated as 'Altezza'" in messages(text, "translated-name-cell")


def test_headings_of_an_ordinary_table_translated_are_not_reported() -> None:
    text = _table(
        IT, [("Impostazione", "Setting"), ("Descrizione", "Description")], [("Valore", "Value"), ("Un testo", "A text")]
    )
    assert messages(text, "translated-name-cell") == []


def test_headings_of_a_table_of_a_parameters_values_are_words(corpus_root: Path) -> None:
    # `InstallMode | Meaning` over rows of constants with their anchors: `Significato` is right.
    rel = "win32-it-it-sxs/desktop-src/Msi/installer-providequalifiedcomponent.md"
    result = check_file(corpus_root / rel, CheckSettings(RuleSelection.default()), rel)
    assert [f.message for f in result.findings if "row of column names" in f.message] == []


def test_a_camel_case_heading_outside_a_documented_database_names_no_column(corpus_root: Path) -> None:
    # `Register | Name | ... | RelAddr | Defaults`: Direct3D's registers, not rows of a database table.
    rel = "win32-zh-tw-sxs/desktop-src/direct3dhlsl/dx9-graphics-reference-asm-ps-registers-ps-2-0.md"
    result = check_file(corpus_root / rel, CheckSettings(RuleSelection.default()), rel)
    assert [f.message for f in result.findings if "row of column names" in f.message] == []


def test_a_key_of_a_foreign_key_column_translated_is_reported() -> None:
    text = _table(
        RU, [("File", "File"), ("Component\\_", "Component\\_")], [("Red\\_File", "Red\\_File"), ("Синий", "Blue")]
    )
    assert messages(text, "translated-name-cell") == ["'Blue' in a column of names is translated as 'Синий'"]


def test_a_column_of_yes_and_no_kept_mostly_in_english_is_not_a_column_of_names(corpus_root: Path) -> None:
    # `Requires DCL`: `Yes` in most rows, `是` in some; a value, not a name.
    rel = "win32-zh-tw-sxs/desktop-src/direct3dhlsl/registers---hs-5-0.md"
    assert corpus_messages(corpus_root, rel, "7be4c-366", "translated-name-cell") == []


def test_a_file_name_repeated_down_a_column_is_still_a_name(corpus_root: Path) -> None:
    # `Sha.h` in every row of a requirements table's values, broken as `Sha. h` in one.
    rel = "win32-zh-tw-sxs/desktop-src/SecCrypto/a-shafinal.md"
    assert corpus_messages(corpus_root, rel, "f82b1-120", "translated-name-cell") == [
        "'Sha.h' in a column of names is translated as 'Sha. h'"
    ]


def test_a_numbered_name_translated_in_any_column_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/ice35.md", "a4b32-153", "translated-name-cell"
    )
    assert found == ["'File4' in a column of names is translated as 'Файл4'"]


def test_a_data_type_of_a_type_column_translated_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/lockpermissions-table.md", "4fc38-129", "translated-name-cell"
    )
    assert found == ["'Formatted' in a column of names is translated as 'Формате'"]


def test_a_heading_of_a_table_captioned_by_a_database_table_translated_is_reported(corpus_root: Path) -> None:
    # `[Registry table](registry-table.md) (partial)` over `Registry | Value`: its columns.
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/ice70.md", "cfba8-131", "translated-name-cell"
    )
    assert found == ["'Value' in a row of column names is translated as 'Valore'"]


def test_a_table_indented_under_an_item_of_a_list_is_read(corpus_root: Path) -> None:
    # The table of `[Directory Table](directory-table.md) (partial)` is indented under step 3.
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/a-mui-shortcut-example.md", "34239-155", "translated-name-cell"
    )
    assert found == ["'Directory' in a row of column names is translated as 'Каталог'"]


def test_a_caption_whose_link_wraps_both_spans_makes_its_headings_column_names(corpus_root: Path) -> None:
    # `[<span>二進位資料表</span><span class="sxs-lookup">...Binary Table</span>](binary-table.md)` over
    # `Name | Data`: the Binary table's columns, `Data` translated as 資料.
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/Msi/authoring-the-customaction-table.md",
        "a3fd1-139",
        "translated-name-cell",
    )
    assert found == ["'Data' in a row of column names is translated as '資料'"]


def _captioned(target: str, source: str) -> str:
    table = _table(IT, [("Registro", "Registry"), ("Valore", "Value")], [("Reg1", "Reg1"), ("1", "1")])
    head, _, rest = table.partition("| ")
    return head + segment("1-1", target, source) + "\n\n| " + rest


def test_only_a_caption_linking_a_database_table_makes_its_headings_column_names() -> None:
    linked = _captioned(
        "[Tabella Registry](registry-table.md) (parziale)", "[Registry table](registry-table.md) (partial)"
    )
    assert messages(linked, "translated-name-cell") == [
        "'Registry' in a row of column names is translated as 'Registro'",
        "'Value' in a row of column names is translated as 'Valore'",
    ]
    other = _captioned("[Esempio](example.md) (parziale)", "[Example](example.md) (partial)")
    assert messages(other, "translated-name-cell") == []


# translated-identifier: the word anchors name


def test_a_column_term_after_its_anchors_translated_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/inilocator-table.md", "ab827-149", "translated-identifier"
    )
    assert found == ["'Field', the name its anchors give, is missing from the target (translated)"]


def test_a_term_after_anchors_that_name_something_else_is_not_read() -> None:
    text = page(segment("1-1", '<span id="remarks"></span>備註', '<span id="remarks"></span>Notes'))
    assert messages(text, "translated-identifier") == []


# translated-table-name


def test_a_table_name_after_a_indefinite_article_translated_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/authoring-merge-modules.md", "ba332-116", "translated-table-name"
    )
    assert found == ["the table or column name 'Directory' is not in the target (translated)"]


def test_a_title_naming_a_group_of_tables_is_not_a_table_name(corpus_root: Path) -> None:
    # `File Tables Group` -> `Группа таблиц файлов`: a group of topics, not the File table.
    rel = "win32-ru-ru-sxs/desktop-src/Msi/role-based-guide-to-windows-installer-documentation.md"
    assert corpus_messages(corpus_root, rel, "bcd5b-214", "translated-table-name") == []


def test_a_data_type_name_translated_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/template.md", "39876-105", "translated-table-name"
    )
    assert found == ["the table or column name 'Template' is not in the target (translated)"]


def test_a_capitalised_word_starting_a_sentence_before_table_is_not_a_table_name() -> None:
    text = page(
        segment("1-1", "Specifica i valori dello stato della colonna.", "Specifies column state values."),
        front_matter=IT,
    )
    assert messages(text, "translated-table-name") == []


# protected-term: bold data types


def test_a_bold_type_name_translated_into_chinese_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/shell/didiskquotauser-quotathreshold.md",
        "2b750-108",
        "protected-term",
    )
    assert found == ["'Integer' is missing from the target (translated or dropped)"]


def test_a_type_name_in_running_text_may_be_translated() -> None:
    text = page(segment("1-1", "傳回整數值。", "Returns an Integer value."))
    assert messages(text, "protected-term") == []


# changed-case


def test_a_bold_name_lower_cased_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/product-context.md", "dd3c9-104", "changed-case"
    )
    assert found == ["'Context' appears as 'context' in the target"]


def test_an_acronym_recased_in_a_chinese_target_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/shell/iwebwizardhost-setheadertext.md", "40ec0-124", "changed-case"
    )
    assert found == ["'IDL' appears as 'Idl' in the target"]


def test_a_name_recased_half_way_is_reported_but_one_lower_cased_whole_is_not() -> None:
    half = page(segment("1-1", "請參閱 [Windows script host](x.md)。", "See [Windows Script Host](x.md)."))
    whole = page(segment("1-1", "在 global assembly cache 中。", "In the Global Assembly Cache."))
    assert messages(half, "changed-case") == ["'Windows Script Host' appears as 'Windows script host' in the target"]
    assert messages(whole, "changed-case") == []


def test_a_title_in_the_case_of_a_latin_script_language_is_not_a_recased_name() -> None:
    """French and Italian write titles in sentence case, translating their words: `documentation de
    Windows Installer`, `version 2,0`; a target that writes a name right (`TechNet`) is not faulted."""
    text = page(
        segment("1-1", "Voir la [documentation du SDK Windows](x.md).", "See the [Windows SDK Documentation](x.md)."),
        segment("1-2", "Voir [Windows Installer version 2,0](x.md).", "See [Windows Installer Version 2.0](x.md)."),
        segment("1-3", "Vedere [Microsoft TechNet](x.md).", "See [Microsoft Technet](x.md)."),
        segment("1-4", "Vedere la global assembly cache.", "See the Global Assembly Cache."),
        front_matter=IT,
    )
    assert messages(text, "changed-case") == []


def test_a_name_kept_but_recased_half_way_in_an_italian_target_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/installsfpcatalogfile-action.md", "0ea87-104", "changed-case"
    )
    assert found == ["'Windows Me' appears as 'Windows me' in the target"]
    text = page(
        segment("1-1", "Vedere [Windows script host](x.md).", "See [Windows Script Host](x.md)."), front_matter=IT
    )
    assert messages(text, "changed-case") == ["'Windows Script Host' appears as 'Windows script host' in the target"]


def test_a_capitalised_name_in_capitals_in_a_chinese_target_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/com/translating-to-visual-basic.md", "c3192-119", "changed-case"
    )
    assert found == ["'Java' appears as 'JAVA' in the target"]
    lowered = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/Msi/removeinifile-table.md", "23af1-176", "changed-case"
    )
    assert lowered == ["'Windows' appears as 'windows' in the target"]


def test_a_capitalised_word_the_source_writes_in_capitals_too_is_not_a_recased_name() -> None:
    # `PSWIZB _ FINISH`: the constant's words, split, not the **Finish** button recased
    text = page(
        segment("1-1", "設定 PSWIZB _ FINISH 以顯示 [完成] 按鈕。", "Set PSWIZB_FINISH to show the Finish button.")
    )
    assert messages(text, "changed-case") == []


def test_a_target_that_is_its_source_recased_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/bootstrapping.md", "b0e01-199", "changed-case"
    )
    assert found == ["'/settings' appears as '/Settings' in the target"]
    text = page(segment("1-1", "Ret", "ret"), segment("1-2", "FLOAT", "float"), front_matter=IT)
    assert messages(text, "changed-case") == [
        "'ret' appears as 'Ret' in the target",
        "'float' appears as 'FLOAT' in the target",
    ]


def test_a_copy_recasing_a_name_protected_term_watches_is_reported_once() -> None:
    text = page(segment("1-1", "**Dword**", "**DWORD**"))
    assert messages(text, "changed-case") == []
    assert messages(text, "protected-term") == ["'DWORD' appears as 'Dword' in the target"]


def test_a_copy_that_writes_a_name_in_its_usual_form_or_a_constant_in_capitals_is_not_reported() -> None:
    text = page(
        segment("1-1", "ComPlus", "Complus"),
        segment("1-2", "*DiskID*", "*Diskid*"),
        segment("1-3", "NULL", "Null"),
        front_matter=RU,
    )
    assert messages(text, "changed-case") == []


def test_a_common_noun_lower_cased_after_a_product_name_in_a_latin_script_target_is_not_reported(
    corpus_root: Path,
) -> None:
    # `Windows Installer Patch.` -> `Windows Installer patch.`: the page says `the Windows Installer`
    # alone, and `patch` is a word the Italian uses; `Windows Installer documentation` likewise.
    it = "win32-it-it-sxs/desktop-src/Msi/windows-installer-file-extensions.md"
    fr = "win32-fr-fr-sxs/desktop-src/Msi/roadmap-to-windows-installer-documentation.md"
    assert corpus_messages(corpus_root, it, "7ee12-112", "changed-case") == []
    assert corpus_messages(corpus_root, fr, "4382c-108", "changed-case") == []


def test_a_topic_title_left_in_english_in_sentence_case_as_a_link_text_is_not_reported(corpus_root: Path) -> None:
    # `[About merge modules](about-merge-modules.md)`: the English writes `merge modules` in lower case too.
    it = "win32-it-it-sxs/desktop-src/Msi/using-64-bit-merge-modules.md"
    assert corpus_messages(corpus_root, it, "5c287-115", "changed-case") == []


def test_a_name_recased_inside_or_not_used_alone_is_still_reported_in_a_latin_script_target(corpus_root: Path) -> None:
    registry = corpus_messages(
        corpus_root, "win32-fr-fr-sxs/desktop-src/Msi/selfreg-table.md", "66afd-129", "changed-case"
    )
    mime = corpus_messages(corpus_root, "win32-fr-fr-sxs/desktop-src/Msi/advertisement.md", "1de0e-116", "changed-case")
    assert registry == ["'Registry Tables Group' appears as 'Registry tables Group' in the target"]
    assert mime == [
        "'Multipurpose Internet Mail Extension' appears as 'Multipurpose Internet Mail extension' in the target"
    ]


def test_a_word_in_capitals_written_with_an_inner_capital_is_not_reported(corpus_root: Path) -> None:
    # `Win32 SXS Assembly` -> `сборки Win32 SxS`: the usual form of the name, not a mangling like `Idl`.
    found = corpus_messages(corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/ice83.md", "87224-112", "changed-case")
    assert found == []


def test_a_capitalised_word_lower_cased_in_a_russian_target_is_not_reported() -> None:
    text = page(segment("1-1", "Задайте значение null.", "Set it to Null."), front_matter=RU)
    assert messages(text, "changed-case") == []


# missing-space


def test_a_link_run_into_the_next_word_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/changing-the-product-code.md", "b2c53-107", "missing-space"
    )
    assert found == ["'](small-updates.md)' runs into the next word: put a space after the link"]


def test_a_link_followed_by_chinese_is_not_reported() -> None:
    text = page(segment("1-1", "請參閱[另一頁](other.md)的說明。", "See the [other page](other.md) for details."))
    assert messages(text, "missing-space") == []


# cjk-punctuation: the dot of a member


def test_a_full_width_stop_between_an_object_and_its_member_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/WMP/detailed-object-model-comparison.md",
        "7b71b-275",
        "cjk-punctuation",
    )
    assert found == ["full-width '。' where the source joins two names with '.' (`Player.controls`): write '.'"]


def test_a_full_stop_ending_a_sentence_is_not_a_member_dot() -> None:
    text = page(segment("1-1", "呼叫 **Play** 方法。", "Call the **Play** method."))
    assert messages(text, "cjk-punctuation") == []


# copied-token: braced placeholders and joined numbers


def test_a_braced_placeholder_and_font_styles_altered_are_reported() -> None:
    text = page(
        segment("1-1", "GUID1", "{GUID1}"),
        segment("1-2", "укажите { \\\\ Style} или {&Style}.", "prefix it with {\\\\style} or {&style}."),
        front_matter=RU,
    )
    assert sorted(messages(text, "copied-token")) == [
        "placeholder '{&style}' is not copied exactly into the target",
        "placeholder '{GUID1}' is not copied exactly into the target",
        "placeholder '{\\style}' is not copied exactly into the target",
    ]


def test_numbers_joined_by_an_underscore_split_by_spaces_are_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/direct3dhlsl/sub---vs.md", "f11ae-118", "copied-token"
    )
    assert found == ["joined number '3_0' is not copied exactly into the target"]


def test_a_shader_model_variant_split_by_spaces_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/direct3dhlsl/slt---vs.md", "1abb3-118", "copied-token"
    )
    assert found == ["joined number '3_sw' is not copied exactly into the target"]


def test_a_word_after_a_number_and_an_underscore_is_no_joined_number() -> None:
    text = page(segment("1-1", "請使用 vs_2_x 或 Component_name。", "Use vs_2_x or Component_name."))
    assert messages(text, "copied-token") == []


def test_a_file_extension_split_after_its_dot_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/windows-installer-best-practices.md", "4cbfd-314", "copied-token"
    )
    assert found == ["'.msi' is split after its dot in the target"]


def test_a_file_extension_written_the_language_s_way_or_whole_is_not_reported() -> None:
    text = page(
        segment("1-1", "Файл MSI можно переименовать.", "The .msi file can be renamed."),
        segment("1-2", "Файл .MSI можно переименовать. Msi-файл тоже.", "The .msi file can be renamed."),
        front_matter=RU,
    )
    assert messages(text, "copied-token") == []


def test_a_file_extension_translated_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/ascii-data-in-text-archive-files.md", "e9d6e-108", "copied-token"
    )
    assert found == ["'.ibd' is not in the target (translated or dropped)"]


def test_a_file_extension_dropped_is_reported() -> None:
    text = page(segment("1-1", "任何檔案都必須位於相同目錄。", "Any .cur file must be in the same directory."))
    assert messages(text, "copied-token") == ["'.cur' is not in the target (translated or dropped)"]


def test_a_word_after_a_link_run_into_it_is_no_file_extension() -> None:
    text = page(
        segment(
            "1-1",
            "Включите этот бит в [таблицу](control-table.md), чтобы показать.",
            "Set it in the [table](control-table.md).to show it.",
        ),
        front_matter=RU,
    )
    assert [m for m in messages(text, "copied-token") if "translated or dropped" in m] == []


# lowercase-start


def test_a_target_starting_in_lower_case_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/installer-reinstallproduct.md", "29656-142", "lowercase-start"
    )
    assert found == ["'установщик' starts the target in lower case where the source starts with a capital"]


def test_a_name_of_the_source_kept_in_lower_case_at_the_start_is_not_reported() -> None:
    text = page(segment("1-1", "msiexec запускает установку.", "The msiexec program starts it."), front_matter=RU)
    assert messages(text, "lowercase-start") == []


# unsourced-term


def test_a_project_where_the_source_says_item_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/Controls/common-control-reference.md", "b9408-144", "unsourced-term"
    )
    assert found == ["'專案' translates 'project', which the source does not have"]


def test_a_project_where_the_source_says_project_is_not_reported() -> None:
    text = page(segment("1-1", "建立新的專案。", "Create a new Visual Studio project."))
    assert messages(text, "unsourced-term") == []


def test_a_locale_without_term_data_is_not_read() -> None:
    text = page(segment("1-1", "Создайте проект.", "Create an item."), front_matter=RU)
    assert messages(text, "unsourced-term") == []


def test_a_heading_that_says_what_its_column_holds_is_translated_freely(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/sample--cub-file.md", "5055e-146", "translated-name-cell"
    )
    assert found == []


# untranslated: labels the page's language translates elsewhere


def test_a_syntax_heading_left_in_english_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/WMP/wmplibiwmpcdrom-iwmpcdrom-playlist--vb-and-c.md",
        "3de21-108",
        "untranslated",
    )
    assert found == ["target is the untranslated label 'Syntax', which this language translates elsewhere"]


def test_a_remarks_heading_left_in_english_in_russian_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/usersid.md", "227e9-109", "untranslated")
    assert found == ["target is the untranslated label 'Remarks', which this language translates elsewhere"]


def test_a_table_heading_left_in_english_beside_translated_ones_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(corpus_root, "win32-it-it-sxs/desktop-src/Msi/msistuff-exe.md", "c6aa7-115", "untranslated")
    assert found == ["target is the untranslated label 'Description', which this language translates elsewhere"]


def _heading_row(*cells: tuple[str, str]) -> str:
    row = "| " + " | ".join(segment(f"1-{n}", t, s) for n, (t, s) in enumerate(cells, 10)) + " |"
    return page(row + "\n|" + "---|" * len(cells) + "\n| a | b |", front_matter=IT)


def test_a_table_heading_in_a_row_of_column_names_is_not_reported() -> None:
    text = _heading_row(("Component\\_", "Component\\_"), ("Description", "Description"), ("Valore", "Value"))
    assert messages(text, "untranslated") == []


def test_a_table_heading_in_a_row_left_all_in_english_is_not_reported() -> None:
    text = _heading_row(("Name", "Name"), ("Description", "Description"))
    assert messages(text, "untranslated") == []


def test_a_label_the_language_keeps_elsewhere_is_not_reported() -> None:
    text = page("## " + segment("1-1", "Decimal", "Decimal"), front_matter=IT)
    assert messages(text, "untranslated") == []


def test_a_label_in_a_paragraph_is_not_reported() -> None:
    text = page(segment("1-1", "Syntax", "Syntax"), front_matter=IT)
    assert messages(text, "untranslated") == []


# untranslated: a label kept among labels translated into another script


def test_a_label_of_a_table_of_facts_left_in_english_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/shell/knownfolderid.md", "4139d-119", "untranslated"
    )
    assert found == ["target is the untranslated label 'Default Path', where the labels beside it are translated"]


def test_a_heading_of_a_table_captioned_by_a_database_table_kept_in_english_is_not_reported(corpus_root: Path) -> None:
    # `[Registry Table](registry-table.md) (partial)` over `Registry | Root | Key ...`: `Root` is the
    # Registry table's column and rightly stays `Root` beside the translated `登錄`.
    found = corpus_messages(corpus_root, "win32-zh-tw-sxs/desktop-src/Msi/ice53.md", "90fe1-111", "untranslated")
    assert found == []


def test_a_heading_left_in_english_beside_russian_headings_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/elevationshield-attribute.md", "10f33-111", "untranslated"
    )
    assert found == ["target is the untranslated label 'Decimal', where the labels beside it are translated"]


def test_a_product_name_heading_the_translation_keeps_in_sentences_is_not_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/shell/shortcut-choose-method.md", "225b1-170", "untranslated"
    )
    assert found == []


def test_a_heading_kept_beside_headings_translated_in_latin_letters_is_left_to_the_learned_labels() -> None:
    row = "| " + " | ".join([segment("1-1", "Bits", "Bits"), segment("1-2", "Descrizione", "Description")]) + " |"
    text = page(row + "\n|---|---|\n| a | b |", front_matter=IT)
    assert messages(text, "untranslated") == []


def test_a_value_the_page_translates_elsewhere_left_in_english_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/direct3dhlsl/registers---hs-5-0.md", "7be4c-286", "untranslated"
    )
    assert found == ["target is the untranslated label 'Yes', which the page translates elsewhere"]


def test_a_linked_data_type_the_page_translates_as_a_word_is_not_reported() -> None:
    row = (
        "| "
        + segment("1-1", "Условие", "Condition")
        + " | ["
        + segment("1-2", "Condition", "Condition")
        + "](condition.md) |"
    )
    text = page("| Столбец | Тип |\n|---|---|\n" + row, front_matter=RU)
    assert messages(text, "untranslated") == []


# untranslated: an English compound kept in a translated sentence


def test_a_compound_kept_in_a_russian_link_text_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/-disablemedia.md", "b6b96-118", "untranslated"
    )
    assert found == ["'Run-Time' is left in English among translated words"]


def test_a_compound_in_a_title_is_not_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/direct3dhlsl/t1d-samplecmp-s-float-float-int-float-uint-.md",
        "e664f-118",
        "untranslated",
    )
    assert found == []


def test_a_hyphenated_name_kept_in_a_sentence_is_not_reported() -> None:
    text = page(segment("1-1", "請參閱 Diffie-Hellman 金鑰的說明。", "See the description of the Diffie-Hellman keys."))
    assert messages(text, "untranslated") == []


# untranslated: a bracketed qualifier translated half-way


def test_a_word_of_a_bracketed_qualifier_left_in_english_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/Controls/pbm-setpos.md", "2a73c-122", "untranslated"
    )
    assert found == ["'desktop' of a bracketed qualifier is left in English beside its translated words"]


def test_a_bracketed_qualifier_translated_whole_or_in_a_latin_script_is_not_reported() -> None:
    whole = page(segment("1-1", "Windows XP \\[僅限桌面應用程式\\]", "Windows XP \\[desktop apps only\\]"))
    italian = page(
        segment("1-1", "Windows XP \\[solo app desktop\\]", "Windows XP \\[desktop apps only\\]"), front_matter=IT
    )
    placeholder = page(
        segment("1-1", "設定 \\[ProgramFilesFolder\\] 資料夾", "Set the \\[ProgramFilesFolder\\] folder")
    )
    assert messages(whole, "untranslated") == []
    assert messages(italian, "untranslated") == []
    assert messages(placeholder, "untranslated") == []


# detached-underscore: a name that begins with an underscore


def test_a_system_table_whose_underscore_stays_behind_is_reported(corpus_root: Path) -> None:
    # `\_ICESequence Table` -> `\_Tabella ICESequence`: the underscore now begins the Italian word.
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/sample--cub-file.md", "5055e-133", "detached-underscore"
    )
    assert found == ["'_ICESequence' is not kept whole in the target (the underscore is part of the name)"]


def test_a_name_spaced_off_its_underscore_is_reported() -> None:
    text = page(segment("1-1", "La proprietà **\\_ NewEnum** restituisce", "The **\\_NewEnum** property returns"))
    assert messages(text, "detached-underscore") == [
        "'_NewEnum' is not kept whole in the target (the underscore is part of the name)"
    ]


def test_a_kept_name_an_inner_underscore_and_emphasis_are_not_reported() -> None:
    kept = segment("1-1", "La tabella \\_Validation", "The \\_Validation table")
    inner = segment("1-2", "formato R32 \\_ UINT", "format R32\\_UINT")
    emphasis = segment("1-3", "il _percorso_ completo", "the full _Path_")
    assert messages(page(kept + " " + inner + " " + emphasis), "detached-underscore") == []


# version-decimal-comma: a version after a library's file name


def test_a_version_after_a_library_file_name_given_a_decimal_comma_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/error-object.md", "5ea56-138", "version-decimal-comma"
    )
    assert found == ["version '1.0' is written '1,0' in the target"]


def test_a_quantity_after_a_lower_case_word_keeps_its_decimal_comma() -> None:
    text = page(segment("1-1", "occupa circa 2,5 MB", "takes about 2.5 MB"), front_matter=IT)
    assert messages(text, "version-decimal-comma") == []
