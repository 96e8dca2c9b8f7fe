"""Each rule, as a specification: real defects of the corpus, and small hand-written pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sxs_pages import page, segment

from kbtools.check.engine import CheckSettings, RuleSelection, check_file
from kbtools.check.finding import Finding
from kbtools.check.registry import CheckOptions, all_rules
from kbtools.freshness.tree import EnglishTree
from kbtools.page import parse_text


def check_text(text: str, locale: str | None = None) -> list[Finding]:
    from kbtools.check.engine import check_page

    settings = CheckSettings(RuleSelection.default(), CheckOptions(locale=locale))
    return check_page(parse_text(text, Path("page.md")), settings, "page.md")


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def corpus_findings(msi_dir: Path, name: str, rule: str) -> list[Finding]:
    result = check_file(msi_dir / name, CheckSettings(RuleSelection.default()), name)
    return [f for f in result.findings if f.rule == rule]


# --- the real corpus -----------------------------------------------------------------------


def test_protected_term_reports_property_name_in_lower_case(msi_dir: Path) -> None:
    found = corpus_findings(msi_dir, "allusers.md", "protected-term")
    # the second: `ALLUSERS = 2 ... **allusers**`, kept once and lower-cased once
    assert [(f.segment, f.line, f.column) for f in found] == [("d3ba3-109", 23, 5), ("d3ba3-110", 23, 527)]
    assert {f.message for f in found} == {"'ALLUSERS' appears as 'allusers' in the target"}
    assert found[0].severity == "error"


def test_protected_term_reports_file_name_broken_by_full_width_stop(msi_dir: Path) -> None:
    found = corpus_findings(msi_dir, "configuremodule-provideintegerdata.md", "protected-term")
    assert "'Mergemod.h' appears as 'Mergemod。h' in the target" in [f.message for f in found]


def test_protected_term_reports_translated_identifiers_not_link_urls(msi_dir: Path) -> None:
    # `[**移除**](remove.md)`: the URL must not pass for the property name REMOVE.
    found = corpus_findings(msi_dir, "installer-installproduct.md", "protected-term")
    assert any(f.message.startswith("'REMOVE' ") for f in found)


def test_empty_segment_ignores_markup_only_on_both_sides(msi_dir: Path) -> None:
    # `</dt> <dd></dd> </dl>` on both sides: nothing to translate, nothing lost
    assert corpus_findings(msi_dir, "moduleadminuisequence-table.md", "empty-segment") == []


def test_empty_segment_reads_an_angle_bracket_placeholder_as_text(corpus_root: Path) -> None:
    # `**<version-independent ProgID>**` in both languages: a placeholder, not an empty tag
    com = corpus_root / "win32-zh-tw-sxs" / "desktop-src" / "com"
    result = check_file(com / "hkey-local-machine-software-classes.md", CheckSettings(RuleSelection.default()), "p.md")
    assert [f for f in result.findings if f.rule == "empty-segment"] == []


def test_empty_segment_reports_a_lost_translation(corpus_root: Path) -> None:
    wmp = corpus_root / "win32-zh-tw-sxs" / "desktop-src" / "WMP"
    result = check_file(wmp / "ambient-event-handlers.md", CheckSettings(RuleSelection.default()), "p.md")
    assert [f.message for f in result.findings if f.rule == "empty-segment"] == [
        "target of segment 'c041c-136' is empty"
    ]


def test_link_mismatch_in_the_corpus(msi_dir: Path) -> None:
    found = corpus_findings(msi_dir, "adding-text-stored-in-a-property.md", "link-mismatch")
    assert [f.segment for f in found] == ["9b688-116"]
    assert "authoring-a-conditional-please-wait-------message-box.md" in found[0].message


def test_inline_code_mismatch_reads_escaped_backticks_as_text(msi_dir: Path) -> None:
    # `\\`Privileged\\`` on both sides: literal backticks, no code span to compare
    assert corpus_findings(msi_dir, "ice86.md", "inline-code-mismatch") == []


def test_number_mismatch_reports_version_broken_by_full_width_stop(msi_dir: Path) -> None:
    found = corpus_findings(msi_dir, "released-versions-of-windows-installer.md", "number-mismatch")
    assert found and found[0].message.endswith("2.0")
    assert all(f.severity == "warning" for f in found)


def test_inconsistent_translation_of_one_linked_term(msi_dir: Path) -> None:
    found = corpus_findings(msi_dir, "hyperlink-control.md", "inconsistent-translation")
    assert [f.message for f in found] == [
        "'BBControl table' is translated 'BBControl 表' here but 'BBControl 資料表' on line 34"
    ]


def test_inconsistent_translation_is_reported_at_the_rendering_that_lost_the_name() -> None:
    fr = "---\ntitle: T\nms.contentlocale: fr-FR\n---\n"
    text = page(
        segment(
            "1-1",
            "Voir la [table de répertoires](directory-table.md).",
            "See the [Directory Table](directory-table.md).",
        ),
        segment(
            "1-2", "Dans la [table Directory](directory-table.md).", "In the [Directory Table](directory-table.md)."
        ),
        front_matter=fr,
    )
    found = [f for f in check_text(text) if f.rule == "inconsistent-translation"]
    assert [(f.segment, f.message) for f in found] == [
        ("1-1", "'Directory Table' is translated 'table de répertoires' here but 'table Directory' on line 8")
    ]


def test_inconsistent_translation_ignores_inflection_and_particles() -> None:
    text = page(
        segment("1-1", "См. [таблицы Feature](feature-table.md).", "See the [Feature table](feature-table.md)."),
        segment("1-2", "В [таблице Feature](feature-table.md).", "In the [Feature table](feature-table.md)."),
        segment("1-3", "設定 [許可權的屬性](privileged.md)。", "Set [Privileged property](privileged.md)."),
        segment("1-4", "設定 [許可權屬性](privileged.md)。", "Set [Privileged property](privileged.md)."),
    )
    assert "inconsistent-translation" not in rules_of(check_text(text))


def test_inconsistent_translation_compares_the_word_after_an_elided_article() -> None:
    # `dell'utente` is `dello` + `utente`, `l'installation` `la` + `installation`: the words a
    # language elides are data, and only that language's.
    from kbtools.check.rules.terms import _language, _wording

    italian, french, english = _language("it"), _language("fr"), _language("en")
    assert _wording("impostazioni dell'utente", italian) == _wording("impostazioni utente", italian)
    assert _wording("l'installation", french) == _wording("installation", french)
    assert _wording("qu'un fichier", french) == _wording("un fichier", french)
    assert _wording("dell'utente", french) != _wording("utente", french)
    assert _wording("d'Artagnan", english) != _wording("Artagnan", english)


def test_inconsistent_translation_ignores_a_link_boundary_that_moved(msi_dir: Path) -> None:
    # `控制項 [資料表](control-table.md)` and `[控制項資料表](control-table.md)` name it alike.
    found = corpus_findings(msi_dir, "hyperlink-control.md", "inconsistent-translation")
    assert not any("'Control table'" in f.message for f in found)


def test_frontmatter_that_was_machine_translated_does_not_parse(msi_dir: Path) -> None:
    found = corpus_findings(msi_dir, "standard-installer-command-line-options.md", "frontmatter")
    assert len(found) == 1 and found[0].message.startswith("unparseable YAML")


def test_frontmatter_reports_a_known_key_in_another_case(msi_dir: Path) -> None:
    found = corpus_findings(msi_dir, "allusers.md", "frontmatter")
    assert [(f.line, f.message) for f in found] == [(2, "front matter key 'Description' should be 'description'")]


@pytest.mark.parametrize(("english_key", "reported"), [("Description", False), ("description", True)])
def test_frontmatter_leaves_a_miscased_key_the_english_page_has_too(
    tmp_path: Path, english_key: str, reported: bool
) -> None:
    # `shell/knownfolderid.md` has `Description:` in English and in every translation.
    translated, english = tmp_path / "zh-TW", tmp_path / "en"
    translated.mkdir()
    english.mkdir()
    front = "---\nDescription: 常數\ntitle: T\nms.contentlocale: zh-TW\n---\n"
    (translated / "x.md").write_text(page(segment("1-1", "常數", "Constants"), front_matter=front), encoding="utf-8")
    (english / "x.md").write_text(f"---\n{english_key}: Constants\ntitle: T\n---\n\nConstants\n", encoding="utf-8")
    options = CheckOptions(english=EnglishTree.for_paths(english, [translated]))
    result = check_file(translated / "x.md", CheckSettings(RuleSelection.default(), options), "x.md")
    messages = [f.message for f in result.findings if f.rule == "frontmatter"]
    assert messages == (["front matter key 'Description' should be 'description'"] if reported else [])


def test_seed_page_has_no_errors(sample_dir: Path) -> None:
    result = check_file(sample_dir / "msirestartmanagersessionkey.md", CheckSettings(RuleSelection.default()))
    assert [f for f in result.findings if f.severity == "error"] == []
    assert result.segments == 16


# --- hand-written edge cases ---------------------------------------------------------------


def test_unpaired_target_and_unpaired_source() -> None:
    text = page('<span data-ttu-id="1-1">甲</span>', '<span class="sxs-lookup"><span data-stu-id="1-2">B</span></span>')
    findings = check_text(text)
    assert [(f.rule, f.segment) for f in findings] == [("unpaired-segment", "1-1"), ("unpaired-segment", "1-2")]


def test_segment_id_mismatch() -> None:
    text = page('<span data-ttu-id="1-1">甲</span><span class="sxs-lookup"><span data-stu-id="1-9">A</span></span>')
    assert rules_of(check_text(text)) == ["segment-id-mismatch"]


def test_duplicate_segment_id_points_at_the_second_use() -> None:
    text = page(segment("1-1", "甲", "A"), segment("1-1", "乙", "B"))
    (finding,) = check_text(text)
    assert finding.rule == "duplicate-segment-id" and finding.line == 8
    assert "already used on line 6" in finding.message


def test_malformed_markup_and_the_rest_is_still_checked() -> None:
    broken = '<span data-ttu-id="1-1">甲<span class="sxs-lookup"><span data-stu-id="1-1">A</span></span>'
    text = page(broken, segment("1-2", "設定 **allusers**。", "Set **ALLUSERS**."))
    rules = rules_of(check_text(text))
    assert "malformed-markup" in rules
    assert "protected-term" in rules


def test_empty_target() -> None:
    assert rules_of(check_text(page(segment("1-1", " ", "Set the value.")))) == ["empty-segment"]


def test_untranslated_sentence_but_not_an_identifier() -> None:
    assert rules_of(check_text(page(segment("1-1", "Set the value to 1.", "Set the value to 1.")))) == ["untranslated"]
    assert check_text(page(segment("1-1", "MsiLogging", "MsiLogging"))) == []
    assert check_text(page(segment("1-1", "`INSTALLLEVEL=1`", "`INSTALLLEVEL=1`"))) == []


def test_link_mismatch_on_a_changed_target() -> None:
    text = page(segment("1-1", "請參閱 [甲](a-table.md)。", "See [A](a-tables.md)."))
    (finding,) = check_text(text)
    assert finding.rule == "link-mismatch"
    assert finding.message == "link targets differ from the source: missing 'a-tables.md'; unexpected 'a-table.md'"


def test_inline_code_mismatch_on_translated_code() -> None:
    text = page(segment("1-1", "執行 `msiexec / a`。", "Run `msiexec /a`."))
    assert rules_of(check_text(text)) == ["inline-code-mismatch"]


def test_protected_term_inserted_spaces() -> None:
    text = page(segment("1-1", "值為 **REG \\_ DWORD**", "The value is **REG\\_DWORD**"))
    (finding,) = check_text(text)
    assert finding.message == "'REG_DWORD' appears as 'REG _ DWORD' in the target"


def test_protected_term_ignores_capitals_used_for_emphasis() -> None:
    assert check_text(page(segment("1-1", "此為必要屬性。", "This property is REQUIRED."))) == []


def test_number_mismatch_counts_full_width_digits_and_compounds() -> None:
    assert check_text(page(segment("1-1", "等待３０秒。", "Wait 30 seconds."))) == []
    assert check_text(page(segment("1-1", "3D 外觀。", "A 3-D look."))) == []
    assert rules_of(check_text(page(segment("1-1", "等待幾秒。", "Wait 30 seconds.")))) == ["number-mismatch"]


def test_markup_mismatch_on_lost_placeholder_emphasis() -> None:
    text = page(segment("1-1", "以 VBS > 路徑結束。", "End with VBS > *path to file*."))
    assert rules_of(check_text(text)) == ["markup-mismatch"]


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<script>alert(1)</script>", "<script> element"),
        ('<IFRAME src="x.html"></IFRAME>', "<iframe> element"),
        ('<img src="x.png" onerror="alert(1)">', "event handler attribute 'onerror'"),
        ('<a href="javascript:alert(1)">x</a>', "script URL in an attribute"),
        ('<a href="jav&#x61;script:alert(1)">x</a>', "script URL in an attribute"),
        ("[x](JavaScript:alert(1))", "script URL in a link"),
    ],
)
def test_unsafe_html_in_a_target(html: str, problem: str) -> None:
    text = page(segment("1-1", f"甲 {html}", "A"))
    unsafe = [f for f in check_text(text) if f.rule == "unsafe-html"]
    assert [f.message for f in unsafe] == [f"unsafe HTML: {problem}"]
    assert unsafe[0].segment == "1-1"


def test_unsafe_html_ignores_code_fences_and_plain_words() -> None:
    text = page(segment("1-1", "一個選項 once = 1", "An option once = 1"), "```html\n<script>x()</script>\n```")
    assert [f for f in check_text(text) if f.rule == "unsafe-html"] == []


def test_frontmatter_missing_keys_and_wrong_locale() -> None:
    text = "---\ntitle: x\nms.contentlocale: de-DE\n---\n" + segment("1-1", "甲", "A") + "\n"
    findings = check_text(text, locale="zh-TW")
    assert [(f.rule, f.line, f.message) for f in findings] == [
        ("frontmatter", 3, "locale is 'de-DE', expected 'zh-TW'")
    ]
    no_title = check_text("---\nms.contentlocale: zh-TW\n---\n")
    assert [f.message for f in no_title] == ["front matter has no 'title'"]


def test_every_rule_has_an_id_summary_explanation_and_example() -> None:
    rules = all_rules()
    required = {
        "unpaired-segment",
        "segment-id-mismatch",
        "duplicate-segment-id",
        "malformed-markup",
        "empty-segment",
        "untranslated",
        "link-mismatch",
        "inline-code-mismatch",
        "protected-term",
        "number-mismatch",
        "unsafe-html",
        "frontmatter",
        "encoding",
    }
    assert required <= set(rules)
    for rule in rules.values():
        assert rule.summary and rule.explanation and rule.example, rule.id
        assert rule.severity in ("error", "warning")


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("(0、0、0、1)", "(0,0,0,1)"),
        ("10，1703", "10, 1703"),
        ("18.336.768 octets", "18,336,768 bytes"),
        ("1\u00a0700", "1700"),
        ("la 2003-Version", "the 2003 version"),
        ("64-Bit", "64-bit"),
        ("傳遞 2.0 f 作為", "pass 2.0f for"),
        ("taille 2,5 Mo", "size 2.5 MB"),
        ("1000 個", "1,000 items"),
        ("立體外觀。", "A 3-D look."),  # a dimension is a word in every language
        ("Отображает трехмерный вид.", "Displays a 3-D look."),
    ],
)
def test_number_mismatch_accepts_a_number_written_the_locales_way(target: str, source: str) -> None:
    assert check_text(page(segment("1-1", target, source))) == []


@pytest.mark.parametrize(
    ("target", "source", "missing"),
    [
        ("色彩 255255255", "color 255,255,255", "255,255,255"),
        ("三2 矩陣", "a 3-by-2 matrix", "3"),
        ("著色器模型4。1", "Shader Model 4.1", "4.1"),
    ],
)
def test_number_mismatch_reports_numbers_spelled_out_merged_or_broken(target: str, source: str, missing: str) -> None:
    (finding,) = check_text(page(segment("1-1", target, source)))
    assert (finding.rule, finding.message) == (
        "number-mismatch",
        f"number(s) of the source missing from the target: {missing}",
    )


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("Группа имеет менее двух кнопок.", "The group has fewer than 2 buttons."),
        ("Создается одна запись.", "1 record is created."),
        ("Il gruppo ha meno di due pulsanti.", "The group has fewer than 2 buttons."),
    ],
)
def test_a_small_number_written_out_in_a_language_with_number_words_is_kept(target: str, source: str) -> None:
    locale = "ru-RU" if "Г" in target or "С" in target else "it-IT"
    front_matter = f"---\ntitle: T\nms.contentlocale: {locale}\n---\n"
    assert check_text(page(segment("1-1", target, source), front_matter=front_matter)) == []


def test_a_number_written_out_in_another_language_is_still_missing() -> None:
    (finding,) = check_text(
        page(
            segment("1-1", "Группа имеет менее двух кнопок.", "The group has fewer than 5 buttons."),
            front_matter="---\ntitle: T\nms.contentlocale: ru-RU\n---\n",
        )
    )
    assert finding.message == "number(s) of the source missing from the target: 5"


def test_version_with_a_decimal_comma_is_a_rule_of_its_own(corpus_root: Path) -> None:
    fr = corpus_root / "win32-fr-fr-sxs" / "desktop-src" / "Msi"
    result = check_file(fr / "session-targetpath.md", CheckSettings(RuleSelection.default()), "p.md")
    rules = {f.rule for f in result.findings}
    assert "number-mismatch" not in rules
    messages = [f.message for f in result.findings if f.rule == "version-decimal-comma"]
    assert "version '4.5' is written '4,5' in the target" in messages
    assert all(f.severity == "warning" for f in result.findings if f.rule == "version-decimal-comma")


def test_a_quantity_with_a_decimal_comma_is_no_version() -> None:
    assert check_text(page(segment("1-1", "Le fichier fait 2,5 Mo.", "The file is 2.5 MB."))) == []


@pytest.mark.parametrize(
    ("target", "source", "term", "altered"),
    [
        ("*PpISCardVerify* 參數", "the *ppISCardVerify* parameter", "ppISCardVerify", "PpISCardVerify"),
        ("*>dwlogontype* 的值", "the value of *dwLogonType*", "dwLogonType", "dwlogontype"),
        ("設定 Unittype 值", "set the UnitType value", "UnitType", "Unittype"),
        (
            "**AcceptSecurityCoNtext (NTLM)**",
            "**AcceptSecurityContext (NTLM)**",
            "AcceptSecurityContext",
            "AcceptSecurityCoNtext",
        ),
        (
            "<strong>Getwindowtext</strong> 函式",
            "the <strong>GetWindowText</strong> function",
            "GetWindowText",
            "Getwindowtext",
        ),
        ("**count** 屬性", "the **Count** property", "Count", "count"),
        ("由 **microsoft** 提供", "provided by **Microsoft**", "Microsoft", "microsoft"),
        ("LaunchURL 方法", "Player.launchURL method", "launchURL", "LaunchURL"),
    ],
)
def test_protected_term_reports_names_whose_case_alone_changed(
    target: str, source: str, term: str, altered: str
) -> None:
    (finding,) = check_text(page(segment("1-1", target, source)))
    assert finding.message == f"'{term}' appears as '{altered}' in the target"


def test_a_capitalised_bold_word_may_be_the_same_word_in_a_cased_language() -> None:
    fr = "---\ntitle: Test\nms.contentlocale: fr-FR\n---\n"
    text = page(
        segment("1-1", "La **description** du produit.", "The **Description** of the product."), front_matter=fr
    )
    assert check_text(text) == []


def test_a_camel_case_name_in_running_text_translated_is_a_translated_identifier() -> None:
    found = check_text(page(segment("1-1", "使用者可以選取單位類型。", "The user can select the UnitType.")))
    assert [(f.rule, f.message) for f in found] == [
        ("translated-identifier", "'UnitType' is missing from the target (translated or dropped)")
    ]


def test_empty_segment_does_not_read_vml_syntax_as_tags() -> None:
    text = page(segment("1-1", '<v: *element* attr=" *expression* ">', '<v: *element* attr=" *expression* ">'))
    assert "empty-segment" not in rules_of(check_text(text))


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("在 <STYLE> 和 </STYLE> 標記之間", "Between the <STYLE> and </STYLE> tags"),
        ("使用 `<Script>` 元素", "Use the `<Script>` element"),
        ("\\<object\\> 元素", "The \\<object\\> element"),
    ],
)
def test_unsafe_html_ignores_tags_that_prose_mentions(target: str, source: str) -> None:
    assert "unsafe-html" not in rules_of(check_text(page(segment("1-1", target, source))))


def test_unsafe_html_reports_a_tag_the_translation_brought_in() -> None:
    text = page(segment("1-1", "在 <STYLE> 標記之間", "Between the style tags"))
    assert rules_of(check_text(text)) == ["unsafe-html"]


def test_an_injected_event_handler_is_one_finding() -> None:
    text = page(segment("1-1", '請參閱<img src="x.png" onerror="alert(1)">說明', "See the notes"))
    assert rules_of(check_text(text)) == ["unsafe-html"]


def test_an_unclosed_span_is_one_finding() -> None:
    text = page(
        '<span data-ttu-id="1-1">安裝程式會設定此值。<span class="sxs-lookup"><span data-stu-id="1-1">The installer sets it.</span></span>'
    )
    rules = rules_of(check_text(text))
    assert "malformed-markup" in rules and "unpaired-segment" not in rules


@pytest.mark.parametrize(
    "text",
    [
        "&quot;Programs&quot;",
        "unsigned char",
        "texkill dst",
        "pragma deleteclass",
        "add iplisten ipaddress=1.1.1.1",
        "A + k + n0 + ni + mj",
    ],
)
def test_untranslated_leaves_names_types_and_commands_alone(text: str) -> None:
    assert check_text(page(segment("1-1", text, text))) == []


def test_untranslated_reports_prose_left_in_english() -> None:
    sentence = "For more information, see the overview."
    assert rules_of(check_text(page(segment("1-1", sentence, sentence)))) == ["untranslated"]


def test_a_segment_left_in_english_gives_no_inconsistent_translation() -> None:
    left = "See the [Control table](control-table.md) and the [Control table](control-table.md)."
    text = page(
        segment("1-1", "請參閱 [控制項資料表](control-table.md)。", "See the [Control table](control-table.md)."),
        segment("1-2", left, left),
        segment("1-3", "請參閱 [控制項資料表](control-table.md)。", "See the [Control table](control-table.md)."),
    )
    found = rules_of(check_text(text))
    assert "untranslated" in found
    assert "inconsistent-translation" not in found  # the table name translated is `translated-table-name`'s


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("la table \\`Feature\\` entière", "the whole \\`Feature\\` table"),
        ("設定 `ProductCode` 屬性", "Set the ProductCode property"),
    ],
)
def test_inline_code_mismatch_ignores_escaped_backticks_and_names_marked_as_code(target: str, source: str) -> None:
    assert "inline-code-mismatch" not in rules_of(check_text(page(segment("1-1", target, source))))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Tabelle CustomAction", "CustomAction-Tabelle"),
        ("objet StringList", "objets StringList"),
        ("table de fichiers", "table des fichiers"),
    ],
)
def test_inconsistent_translation_ignores_inflection_and_word_order(one: str, other: str) -> None:
    fr = "---\ntitle: Test\nms.contentlocale: fr-FR\n---\n"
    text = page(
        segment("1-1", f"Voir [{one}](x.md).", "See [the x](x.md)."),
        segment("1-2", f"Voir [{other}](x.md).", "See [the x](x.md)."),
        front_matter=fr,
    )
    assert check_text(text) == []


def test_number_mismatch_accepts_a_small_number_written_out_in_french() -> None:
    fr = "---\ntitle: Test\nms.contentlocale: fr-FR\n---\n"
    text = page(segment("1-1", "Un code d’erreur à deux chiffres.", "A 2-digit error code."), front_matter=fr)
    assert check_text(text) == []
