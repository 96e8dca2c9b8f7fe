"""What the rules leave alone because a reviewer would not change it: wordings of one term, a
number written another faithful way, a source's own slip. Real pages where the corpus has them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sxs_pages import page, segment

from kbtools.check.engine import CheckSettings, RuleSelection, check_file, check_page
from kbtools.check.finding import Finding
from kbtools.page import parse_text


def check_text(text: str) -> list[Finding]:
    return check_page(parse_text(text, Path("page.md")), CheckSettings(RuleSelection.default()), "page.md")


def found(path: Path, rule: str) -> list[Finding]:
    return [f for f in check_file(path, CheckSettings(RuleSelection.default()), path.name).findings if f.rule == rule]


def front_matter(locale: str) -> str:
    return f"---\ntitle: T\nms.contentlocale: {locale}\n---\n"


# --- inconsistent-translation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "one", "other"),
    [
        ("fr-FR", "versions publiées de Windows Installer", "versions commercialisées de Windows Installer"),
        ("it-IT", "utilizzo di una tabella di sequenza", "usando una tabella di sequenza"),
        ("ru-RU", "*контрольной суммой*", "*контрольную сумму*"),
        ("de-DE", "Verwenden einer Sequenztabelle", "Verwendung einer Sequenztabelle"),
    ],
)
def test_two_wordings_that_keep_the_same_names_are_one_translation(locale: str, one: str, other: str) -> None:
    text = page(
        segment("1-1", f"Voir [{one}](x.md).", "See [Using a Sequence Table](x.md)."),
        segment("1-2", f"Voir [{other}](x.md).", "See [Using a Sequence Table](x.md)."),
        front_matter=front_matter(locale),
    )
    assert "inconsistent-translation" not in [f.rule for f in check_text(text)]


def test_a_rendering_that_lost_a_name_the_other_kept_is_reported_in_any_cased_language() -> None:
    text = page(
        segment("1-1", "Siehe [Tabelle Feature](feature-table.md).", "See the [Feature table](feature-table.md)."),
        segment("1-2", "In der [Funktionstabelle](feature-table.md).", "In the [Feature table](feature-table.md)."),
        front_matter=front_matter("de-DE"),
    )
    found_here = [f for f in check_text(text) if f.rule == "inconsistent-translation"]
    assert [f.segment for f in found_here] == ["1-2"]


def test_a_name_kept_in_lower_case_counts_as_kept(corpus_root: Path) -> None:
    # `[tabella media]` keeps the table's name, `[tabella dei supporti]` translated it: reported there.
    messages = [
        f.message
        for f in found(
            corpus_root / "win32-it-it-sxs/desktop-src/Msi/including-a-cabinet-file-in-an-installation.md",
            "inconsistent-translation",
        )
    ]
    assert "'Media table' is translated 'tabella dei supporti' here but 'tabella media' on line 25" in messages


def test_titles_worded_two_ways_in_the_corpus_are_not_reported(corpus_root: Path) -> None:
    fr = corpus_root / "win32-fr-fr-sxs/desktop-src/Msi/determining-the-windows-installer-version.md"
    it = corpus_root / "win32-it-it-sxs/desktop-src/Msi/importing-the-installuisequence.md"
    assert found(fr, "inconsistent-translation") == []
    assert found(it, "inconsistent-translation") == []


def test_a_title_left_in_english_beside_its_translation_is_not_reported(corpus_root: Path) -> None:
    # `[Small Update]` kept on line 239, `[piccolo aggiornamento]` on line 288; a download's title
    # `Windows Installer 3.1 Redistributable (v2)` kept once and translated once: either may be right.
    it = corpus_root / "win32-it-it-sxs/desktop-src/Msi"
    messages = [f.message for f in found(it / "windows-installer-best-practices.md", "inconsistent-translation")]
    assert not [m for m in messages if m.startswith("'Small Update'")]
    assert found(it / "windows-installer-redistributables.md", "inconsistent-translation") == []


def test_a_table_name_left_in_english_beside_a_translation_that_lost_it_is_reported() -> None:
    text = page(
        segment("1-1", "Vedere la [Feature Table](feature-table.md).", "See the [Feature Table](feature-table.md)."),
        segment(
            "1-2",
            "Nella [tabella delle funzionalità](feature-table.md).",
            "In the [Feature Table](feature-table.md).",
        ),
        front_matter=front_matter("it-IT"),
    )
    assert [f.segment for f in check_text(text) if f.rule == "inconsistent-translation"] == ["1-2"]


def test_an_instruction_kept_beside_its_translation_is_still_reported(corpus_root: Path) -> None:
    # `[sincos-ps]` kept on line 114, `[pow-]` on line 69: code, not a title.
    path = corpus_root / "win32-zh-tw-sxs/desktop-src/direct3dhlsl/dx9-graphics-reference-asm-ps-differences.md"
    messages = [f.message for f in found(path, "inconsistent-translation")]
    assert "'sincos - ps' is translated 'pow-' here but 'sincos-ps' on line 114" in messages


def test_a_button_label_in_capitals_translated_is_not_a_lost_identifier(corpus_root: Path) -> None:
    # `The **YES** button was pressed.` -> `Le bouton **Oui** a été enfoncé.`: Windows shows it localized.
    path = corpus_root / "win32-fr-fr-sxs/desktop-src/Msi/returning-values-from-an-external-user-interface-handler.md"
    assert [f for f in found(path, "protected-term") if f.segment == "48379-129"] == []


def test_a_property_linked_before_buttons_is_still_a_name(corpus_root: Path) -> None:
    # `several [**REINSTALL**](reinstall.md) buttons`: buttons that set the property.
    path = corpus_root / "win32-fr-fr-sxs/desktop-src/Msi/reinstalling-a-feature-or-application.md"
    assert [f.message for f in found(path, "protected-term") if f.segment == "e85af-132"] == [
        "'REINSTALL' is missing from the target (translated or dropped)"
    ]
    # `a few INPUT buttons`: the HTML element, not a label.
    path = corpus_root / "win32-zh-tw-sxs/desktop-src/WMP/simple-example-of-scripting-in-a-web-page.md"
    assert [f.message for f in found(path, "protected-term") if f.segment == "642ba-152"] == [
        "'INPUT' is missing from the target (translated or dropped)"
    ]


def test_words_a_bold_link_takes_in_from_its_sentence_are_not_its_translation(msi_dir: Path) -> None:
    # `Methods of [**Product Object**]` -> `[**Product 物件** 的方法]`, `Properties of ...` -> `... 的屬性`
    assert found(msi_dir / "not-supported-in-windows-installer-version-2-0.md", "inconsistent-translation") == []


def test_in_chinese_the_fuller_rendering_is_kept_and_the_shorter_reported() -> None:
    text = page(
        segment("1-1", "請參閱 [控制項資料表](control-table.md)。", "See the [Control table](control-table.md)."),
        segment("1-2", "在 [控制資料表](control-table.md) 中。", "In the [Control table](control-table.md)."),
    )
    found_here = [f for f in check_text(text) if f.rule == "inconsistent-translation"]
    assert [(f.segment, f.message) for f in found_here] == [
        ("1-2", "'Control table' is translated '控制資料表' here but '控制項資料表' on line 6")
    ]


def test_brackets_around_a_term_do_not_make_another_rendering() -> None:
    text = page(
        segment("1-1", "請參閱 [升級資料表](upgrade-table.md)。", "See the [Upgrade Table](upgrade-table.md)."),
        segment("1-2", "在 [[升級] 資料表](upgrade-table.md) 中。", "In the [Upgrade Table](upgrade-table.md)."),
    )
    assert "inconsistent-translation" not in [f.rule for f in check_text(text)]


# --- number-mismatch --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "target", "source"),
    [
        ("fr-FR", "La valeur maximale est de 2 millions kilo-octets.", "The maximum value is 2000000 kilobytes."),
        ("it-IT", "Il valore massimo è 2 milioni di kilobyte.", "The maximum value is 2000000 kilobytes."),
        ("zh-TW", "最大值為 200 萬 KB。", "The maximum value is 2000000 kilobytes."),
        ("zh-TW", "假設總位元組數為18336768。", "Assume the total number of bytes is 18,336,768."),
    ],
)
def test_a_large_number_written_with_a_scale_word_or_without_grouping_is_kept(
    locale: str, target: str, source: str
) -> None:
    assert check_text(page(segment("1-1", target, source), front_matter=front_matter(locale))) == []


def test_grouping_dropped_from_quantities_in_the_corpus_is_not_reported(msi_dir: Path) -> None:
    # `18,336,768` -> `18336768`, `10,485,760` -> `10485760`: the values are kept.
    assert found(msi_dir / "formatsize-control-attribute.md", "number-mismatch") == []


def test_a_list_of_byte_values_run_together_is_still_reported() -> None:
    (finding,) = check_text(page(segment("1-1", "色彩 100200150", "color 100,200,150")))
    assert finding.message == "number(s) of the source missing from the target: 100,200,150"


# --- cjk-punctuation, changed-case ----------------------------------------------------------


def test_a_full_stop_after_a_source_sentence_run_into_the_next_is_no_member_dot(msi_dir: Path) -> None:
    # `... as the query.Seek cannot be used`: the source lost a space, the target ends a sentence.
    messages = [f.message for f in found(msi_dir / "view-modify.md", "cjk-punctuation") if f.segment == "b8b7d-115"]
    assert messages == []


def test_a_member_dot_made_a_full_stop_is_still_reported() -> None:
    text = page(segment("1-1", "Merge。 Errors 屬性", "Merge.Errors property"))
    assert "cjk-punctuation" in [f.rule for f in check_text(text)]


def test_a_name_the_source_lower_cased_and_the_target_wrote_right_is_not_recased() -> None:
    text = page(
        segment("1-1", "Возьмите **UpgradeCode** продукта.", "Take the **upgradecode** of the product."),
        front_matter=front_matter("ru-RU"),
    )
    assert "changed-case" not in [f.rule for f in check_text(text)]


def test_a_doubling_that_the_source_has_too_is_a_faithful_translation(corpus_root: Path) -> None:
    # `after the user user moves` -> `使用者使用者移動`
    shell = corpus_root / "win32-zh-tw-sxs/desktop-src/shell/application-desktop-toolbars.md"
    assert [f for f in found(shell, "doubled-word") if "使用者使用者" in f.message] == []


def test_a_sentence_run_into_the_next_is_no_dotted_name(corpus_root: Path) -> None:
    # `Play the specified file in full-screen mode.You must ...`: no name `mode.You` to keep.
    wmp = corpus_root / "win32-zh-tw-sxs/desktop-src/WMP/command-line-parameters.md"
    assert [f for f in found(wmp, "translated-identifier") if "mode.You" in f.message] == []


def test_a_member_of_a_member_is_still_a_name(corpus_root: Path) -> None:
    # `Texture1D::mips.Operator function` -> `Texture1D：： mips。Operator 函數`: the dot joins names.
    page_path = corpus_root / "win32-zh-tw-sxs/desktop-src/direct3dhlsl/sm5-object-texture1d-mipsoperatorindex.md"
    assert [f.line for f in found(page_path, "cjk-punctuation")] == [23]
