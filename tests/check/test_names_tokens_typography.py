"""The rules for names, copied tokens and typography, as a specification: real pairs of the corpus
and small hand-written pages."""

from __future__ import annotations

from pathlib import Path

from sxs_pages import page, segment

from kbtools.check.engine import CheckSettings, RuleSelection, check_file, check_page
from kbtools.check.finding import Finding
from kbtools.check.patterns import pattern_of
from kbtools.page import parse_text

RU = "---\ntitle: Тест\nms.contentlocale: ru-RU\n---\n"
IT = "---\ntitle: Prova\nms.contentlocale: it-IT\n---\n"


def findings(text: str, rule: str) -> list[Finding]:
    result = check_page(parse_text(text, Path("page.md")), CheckSettings(RuleSelection.default()), "page.md")
    return [f for f in result if f.rule == rule]


def messages(text: str, rule: str) -> list[str]:
    return [f.message for f in findings(text, rule)]


def corpus_messages(corpus_root: Path, rel: str, segment_id: str, rule: str) -> list[str]:
    result = check_file(corpus_root / rel, CheckSettings(RuleSelection.default()), rel)
    return [f.message for f in result.findings if f.rule == rule and f.segment == segment_id]


# translated-identifier


def test_a_camel_case_name_spelled_in_cyrillic_is_reported_as_transliterated(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/publishfeatures-action.md", "4d875-104", "translated-identifier"
    )
    assert found == ["'PublishFeatures' is transliterated as 'Публишфеатурес' in the target"]


def test_a_dotted_name_half_translated_in_a_link_text_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/WMP/new-for-windows-media-player-skins.md",
        "df4fd-131",
        "translated-identifier",
    )
    assert found == ["'BUTTONELEMENT.click' is missing from the target (translated or dropped)"]


def test_a_name_joined_by_colons_split_by_spaces_is_reported() -> None:
    text = page(segment("1-1", "TextureCube：： GatherCmpGreen 方法", "TextureCube::GatherCmpGreen methods"))
    assert messages(text, "translated-identifier") == [
        "'TextureCube::GatherCmpGreen' appears as 'TextureCube：： GatherCmpGreen' in the target"
    ]


def test_a_name_kept_as_it_is_is_not_reported() -> None:
    text = page(
        segment("1-1", "使用 AdvtExecuteSequence 與 Component_ 資料行。", "Use AdvtExecuteSequence and Component_.")
    )
    assert messages(text, "translated-identifier") == []


def test_the_link_text_naming_its_reference_page_is_a_name() -> None:
    text = page(segment("1-1", "請參閱 [安裝程式](installer-object.md)。", "See [Installer](installer-object.md)."))
    assert messages(text, "translated-identifier") == [
        "'Installer', the name of the page linked, is missing from the target (translated)"
    ]


def test_a_bold_link_text_naming_the_page_it_links_is_a_name(corpus_root: Path) -> None:
    # `[**Preselected**](preselected.md)`: bold, as the pages write a property's name.
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/compaddsource.md", "289fd-126", "translated-identifier"
    )
    assert found == ["'Preselected', the name of the page linked, is missing from the target (translated)"]


def test_a_plain_link_text_naming_the_page_it_links_may_be_a_title_and_is_translated_rightly() -> None:
    # `[Properties](properties.md)` is a topic's title: only in bold is the word a name.
    text = page(
        segment(
            "1-1",
            "[屬性](properties.md)提供資訊。請設定 [**預選**](preselected.md)。",
            "[Properties](properties.md) gives information. Set [**Preselected**](preselected.md).",
        )
    )
    assert messages(text, "translated-identifier") == [
        "'Preselected', the name of the page linked, is missing from the target (translated)"
    ]


def test_a_name_transliterated_is_not_hidden_by_the_same_name_in_capitals(corpus_root: Path) -> None:
    # [**DISABLEMEDIA**](disablemedia.md) is kept; DisableMedia, spelled in Cyrillic, is still reported.
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/-disablemedia.md", "b6b96-108", "translated-identifier"
    )
    assert "'DisableMedia' is transliterated as 'дисаблемедиа' in the target" in found


def test_a_link_text_to_a_page_not_named_after_it_is_translated_rightly() -> None:
    text = page(segment("1-1", "請參閱 [詞彙](glossary.md)。", "See the [Glossary](glossary.md)."))
    assert messages(text, "translated-identifier") == []


# translated-table-name


def test_a_table_name_translated_is_reported_but_the_noun_table_is_not() -> None:
    text = page(
        segment(
            "1-1",
            "Vedere la [tabella di aggiornamento](upgrade-table.md).",
            "See the [Upgrade table](upgrade-table.md).",
        ),
        segment("1-2", "Vedere la tabella Upgrade.", "See the Upgrade table."),
        front_matter=IT,
    )
    found = findings(text, "translated-table-name")
    assert [(f.segment, f.message) for f in found] == [
        ("1-1", "the table or column name 'Upgrade' is not in the target (translated)")
    ]


def test_a_table_is_a_name_only_where_the_documentation_gives_it_a_page(tmp_path: Path) -> None:
    """`the Class Table` of COM or `the Format column` of a page's own table are concepts: a table
    counts when a page of the folder (`feature-table.md`) or a link of the page documents it."""
    text = page(
        segment("1-1", "功能資料表的屬性。", "The attributes of the Feature table."),
        segment("1-2", "[格式] 資料行中指出了整數。", "Integer is indicated in the Format column."),
    )
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "page.md").write_text(text, encoding="utf-8")
    settings = CheckSettings(RuleSelection.default())
    assert [
        f for f in check_file(alone / "page.md", settings, "page.md").findings if f.rule == "translated-table-name"
    ] == []
    database = tmp_path / "database"
    database.mkdir()
    (database / "page.md").write_text(text, encoding="utf-8")
    (database / "feature-table.md").write_text("# Feature table\n", encoding="utf-8")
    found = [
        f for f in check_file(database / "page.md", settings, "page.md").findings if f.rule == "translated-table-name"
    ]
    assert [(f.segment, f.message) for f in found] == [
        ("1-1", "the table or column name 'Feature' is not in the target (translated)"),
        ("1-2", "the table or column name 'Format' is not in the target (translated)"),
    ]


def test_the_title_of_an_article_on_the_web_is_not_a_table_name() -> None:
    text = page(
        segment(
            "1-1",
            "請參閱 [色彩表](https://msdn.microsoft.com/library/ms531197.aspx)。",
            "See the [Color Table](https://msdn.microsoft.com/library/ms531197.aspx).",
        ),
        segment("1-2", "請參閱 [色彩資料表](color-table.md)。", "See the [Color Table](color-table.md)."),
    )
    assert [(f.segment, f.message) for f in findings(text, "translated-table-name")] == [
        ("1-2", "the table or column name 'Color' is not in the target (translated)")
    ]


def test_a_determiner_before_table_is_not_a_name() -> None:
    text = page(segment("1-1", "Questa tabella contiene le righe.", "This table holds the rows."), front_matter=IT)
    assert messages(text, "translated-table-name") == []


# translated-name-cell


def test_a_cell_of_a_column_of_names_translated_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/registry-table.md", "fc10b-126", "translated-name-cell"
    )
    assert found == ["'Value' in a column of names is translated as 'Valore'"]


def test_a_column_of_descriptions_is_not_read() -> None:
    rows = "\n".join(
        f"| {segment(f'1-{n}', target, source)} |"
        for n, (target, source) in enumerate([("說明", "Description"), ("名稱", "Title"), ("值", "Amount")], start=2)
    )
    text = page("| " + segment("1-1", "描述", "Summary") + " |\n|---|\n" + rows)
    assert messages(text, "translated-name-cell") == []


# copied-token


def test_a_placeholder_with_spaces_inserted_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-ru-ru-sxs/desktop-src/Msi/windows-installer-error-messages.md", "ea885-407", "copied-token"
    )
    assert found == ["placeholder '[2]' is not copied exactly into the target"]


def test_an_annotation_path_guid_and_call_translated_are_reported() -> None:
    text = page(
        segment("1-1", "*hwnd* \\[在\\]", "*hwnd* \\[in\\]"),
        segment("1-2", "C: \\\\ 範例 \\\\ Notepad", "C:\\\\Sample\\\\Notepad"),
        segment("1-3", "{76fa7a80-33F 6-4b3e-9b2a-0c8b2f6c1e2d}", "{76fa7a80-33f6-4b3e-9b2a-0c8b2f6c1e2d}"),
        segment("1-4", "呼叫 GetLastError ()。", "Call GetLastError()."),
    )
    assert messages(text, "copied-token") == [
        "annotation '[in]' is not copied exactly into the target",
        "path 'C:\\Sample\\Notepad' is not copied exactly into the target",
        "GUID '{76fa7a80-33f6-4b3e-9b2a-0c8b2f6c1e2d}' is not copied exactly into the target",
        "call 'GetLastError()' is not copied exactly into the target",
    ]


def test_tokens_copied_exactly_are_not_reported() -> None:
    text = page(
        segment(
            "1-1",
            "設定 REINSTALL=ALL 並使用 %windir%\\\\Installer 與 \\[2\\]。",
            "Set REINSTALL=ALL and use %windir%\\\\Installer and \\[2\\].",
        )
    )
    assert messages(text, "copied-token") == []


# typography


def test_mainland_forms_in_zh_tw_are_reported_from_the_opencc_tables() -> None:
    text = page(segment("1-1", "檔案位于資料夾中，为使用者提供。", "The file is in the folder, for the user."))
    assert messages(text, "zh-tw-orthography") == [
        "'为' is written '為' in Taiwan",
        "'位于' is written '位於' in Taiwan",
    ]


def test_a_character_right_in_taiwan_in_other_words_is_not_reported() -> None:
    # 干 in 干擾 and 注 in 注意 are Taiwan forms; 台 is written in Taiwan as 臺 is.
    text = page(segment("1-1", "注意：這會干擾控制台。", "Note: this interferes with Control Panel."))
    assert messages(text, "zh-tw-orthography") == []


def test_yu_after_a_word_outside_any_opencc_phrase_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root,
        "win32-zh-tw-sxs/desktop-src/direct3dhlsl/tcube-samplecmp-s-float-float-float-.md",
        "37529-116",
        "zh-tw-orthography",
    )
    assert found == ["'依于' is written '依於' in Taiwan"]


def test_yu_as_a_surname_or_after_no_han_character_is_not_reported() -> None:
    # OpenCC keeps 于 in 于右任 (a name); a 于 after a space or a Latin word starts no mainland word.
    text = page(
        segment("1-1", "這是于右任的書法。", "This is calligraphy by Yu Youren."),
        segment("1-2", "請參閱 于 HTML 中。", "See in HTML."),
        segment("1-3", "定義于 Commctrl 中。", "Defined in Commctrl."),
    )
    assert messages(text, "zh-tw-orthography") == ["'義于' is written '義於' in Taiwan"]


def test_zh_tw_orthography_reads_only_zh_tw_pages() -> None:
    text = page(segment("1-1", "为", "For"), front_matter="---\ntitle: t\nms.contentlocale: zh-CN\n---\n")
    assert messages(text, "zh-tw-orthography") == []


def test_half_width_punctuation_between_cjk_characters_is_reported() -> None:
    text = page(segment("1-1", "指定新字型;控制項將會使用新的字型。", "Specified a new font; the control uses it."))
    assert messages(text, "cjk-punctuation") == ["half-width ';' between CJK characters: write '；'"]


def test_a_doubled_cjk_phrase_is_reported_but_a_two_character_word_before_a_longer_one_is_not() -> None:
    text = page(
        segment("1-1", "兩個物件之間的之間的關聯性。", "The relationship between the two objects."),
        segment("1-2", "使用使用者介面。", "Use the user interface."),
    )
    assert [(f.segment, f.message) for f in findings(text, "doubled-word")] == [
        ("1-1", "'之間的之間的' repeats a word or phrase")
    ]


def test_a_source_word_doubled_in_the_target_is_reported() -> None:
    text = page(segment("1-1", "設定為 local local。", "Set to local."))
    assert messages(text, "doubled-word") == ["'local local' repeats a word or phrase"]


def test_two_names_side_by_side_or_a_name_and_a_verb_are_not_a_doubled_word() -> None:
    text = page(
        segment(
            "1-1",
            "Demande que le Windows Installer installer le package.",
            "Requests that the Windows Installer install the package.",
        ),
        segment(
            "1-2",
            "Доступно только в выпуске установщик Windows Windows Server 2003.",
            "Only available with the Windows Server 2003 release of the Windows Installer.",
        ),
        segment("1-3", "Voir la page MySetup MySetup (MySetup.html).", "See the MySetup webpage (MySetup.html)."),
    )
    assert [(f.segment, f.message) for f in findings(text, "doubled-word")] == [
        ("1-3", "'MySetup MySetup' repeats a word or phrase")
    ]


def test_a_cjk_run_shared_by_two_words_is_not_a_doubling_but_one_at_a_boundary_is() -> None:
    text = page(
        segment("1-1", "提供標準使用者使用者經驗。", "Provides the standard user experience."),
        segment("1-2", "指定執行緒執行緒模型。", "Specifies the threading model of the thread."),
        segment("1-3", "請參閱功能資料表資料表。", "See the Feature table."),
        segment("1-4", "的材質的材質物件。", "The texture object."),
        segment("1-5", "若要同時安裝同時安裝兩者。", "To install both at once."),
    )
    assert [(f.segment, f.message) for f in findings(text, "doubled-word")] == [
        ("1-3", "'資料表資料表' repeats a word or phrase"),
        ("1-4", "'的材質的材質' repeats a word or phrase"),
        ("1-5", "'同時安裝同時安裝' repeats a word or phrase"),
    ]


# garbled-entity


def test_a_character_reference_broken_in_the_front_matter_is_reported() -> None:
    front = "---\ntitle: 測試\ndescription: 將 &# 0034; 選取 &# 0034; 屬性設定為 &#34;\nms.contentlocale: zh-TW\n---\n"
    found = findings(page(segment("1-1", "測試", "Test"), front_matter=front), "garbled-entity")
    assert [(f.line, f.message) for f in found] == [
        (3, "front matter 'description' has a broken character reference '&# 0034;'")
    ]


# patterns


def test_the_pattern_of_a_finding_names_the_source_form_and_what_the_target_made_of_it() -> None:
    text = page(segment("1-1", "TextureCube：： GatherCmpGreen", "TextureCube::GatherCmpGreen"))
    (finding,) = findings(text, "translated-identifier")
    assert pattern_of(finding) == "TextureCube::GatherCmpGreen -> TextureCube：： GatherCmpGreen"


def test_a_full_stop_before_a_bold_phrase_is_a_sentences_end_not_a_member_dot() -> None:
    text = page(
        segment(
            "1-1",
            "記錄檔中會提供其他資訊。<strong>Windows Installer 2.0：</strong> 無法使用。",
            "Additional information is available in the log file.<strong>Windows Installer 2.0:</strong> Not available.",
        ),
        segment(
            "1-2",
            '請參閱 <a href="x.md">啟用記錄。</a><strong>附註</strong>',
            'See <a href="x.md">Enable logging.</a><strong>Note</strong>',
        ),
        segment("1-3", "<em>Player6</em>。<strong>HasError</strong>", "<em>Player6</em>.<strong>HasError</strong>"),
    )
    assert [(f.segment, f.message) for f in findings(text, "cjk-punctuation")] == [
        ("1-3", "full-width '。' where the source joins two names with '.' (`Player.controls`): write '.'")
    ]
