"""`kbtools check --fix` and `--diff`: safe fixes that restore what the English determines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sxs_pages import DEFECT, WARNING, page, segment

from kbtools.page.reader import parse_bytes

FR = "---\ntitle: Test\nms.contentlocale: fr-FR\n---\n"


def _write(folder: Path, *segments: str, front_matter: str | None = None) -> Path:
    path = folder / "p.md"
    text = page(*segments) if front_matter is None else page(*segments, front_matter=front_matter)
    path.write_text(text, encoding="utf-8")
    return path


def test_diff_prints_the_fix_writes_nothing_and_exits_1(workdir, kbtools):
    path = _write(workdir, DEFECT, WARNING)
    before = path.read_bytes()
    result = kbtools("check", "--diff", "p.md")
    assert result.code == 1
    assert result.out.startswith("--- a/p.md\n+++ b/p.md\n")
    assert "-" + DEFECT + "\n+" + DEFECT.replace("**allusers**", "**ALLUSERS**", 1) + "\n" in result.out
    assert "1 fix would apply to 1 file" in result.err
    assert path.read_bytes() == before


def test_diff_exits_0_when_no_fix_applies(workdir, kbtools):
    _write(workdir, WARNING)
    result = kbtools("check", "--diff", "p.md")
    assert result.code == 0
    assert result.out == ""


def test_fix_changes_the_damaged_token_only_and_reports_what_remains(workdir, kbtools):
    path = _write(workdir, DEFECT, WARNING)
    before = path.read_text(encoding="utf-8")
    result = kbtools("check", "--fix", "p.md")
    assert path.read_text(encoding="utf-8") == before.replace("**allusers**", "**ALLUSERS**", 1)
    assert "protected-term" not in result.out
    assert "number-mismatch" in result.out
    assert "Fixed 1 finding in 1 file (1 remaining)." in result.err
    assert result.code == 0


def test_a_damaged_form_that_maps_to_two_source_tokens_is_not_fixed(workdir, kbtools):
    _write(
        workdir, segment("1-1", "設定 **productcode** 屬性。", "Set the **ProductCode** or **PRODUCTCODE** property.")
    )
    result = kbtools("check", "--format", "json", "p.md")
    findings = json.loads(result.out)["findings"]
    assert findings and not any(f["fixable"] for f in findings)


def test_more_damaged_forms_than_missing_tokens_is_not_fixed(workdir, kbtools):
    _write(workdir, segment("1-1", "設定 **allusers** 或 AllUsers。", "Set **ALLUSERS**."))
    result = kbtools("check", "--diff", "p.md")
    assert result.code == 0


def test_a_version_with_a_decimal_comma_is_restored(workdir, kbtools):
    path = _write(
        workdir,
        segment(
            "1-1",
            "Disponible à partir de Windows Installer 4,5 (2,5 Mo).",
            "Available starting with Windows Installer 4.5 (2.5 MB).",
        ),
        front_matter=FR,
    )
    kbtools("check", "--fix", "p.md")
    assert "Windows Installer 4.5 (2,5 Mo)." in path.read_text(encoding="utf-8")


def test_spaces_inserted_into_a_code_span_and_a_file_name_are_removed(workdir, kbtools):
    path = _write(
        workdir,
        segment("1-1", "執行 `msiexec / a package.msi`。", "Run `msiexec /a package.msi`."),
        segment("1-2", "請參閱 Mergemod。h。", "See Mergemod.h."),
    )
    kbtools("check", "--fix", "p.md")
    text = path.read_text(encoding="utf-8")
    assert "執行 `msiexec /a package.msi`。" in text
    assert "請參閱 Mergemod.h。" in text


def test_a_link_target_spelled_otherwise_is_restored_but_another_page_is_not(workdir, kbtools):
    path = _write(
        workdir,
        segment("1-1", "請參閱 [屬性](AllUsers.md)。", "See [the property](allusers.md)."),
        segment("1-2", "請參閱 [屬性](other.md)。", "See [the property](allusers.md)."),
    )
    kbtools("check", "--fix", "p.md")
    text = path.read_text(encoding="utf-8")
    assert "請參閱 [屬性](allusers.md)。" in text
    assert "請參閱 [屬性](other.md)。" in text


def test_sarif_carries_the_fix_as_a_replacement(workdir, kbtools):
    _write(workdir, DEFECT)
    result = kbtools("check", "--format", "sarif", "p.md")
    (finding,) = json.loads(result.out)["runs"][0]["results"]
    (fix,) = finding["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"] == {"text": "ALLUSERS"}
    assert replacement["deletedRegion"] == {"startLine": 6, "startColumn": 30, "endLine": 6, "endColumn": 38}


def test_a_fix_that_would_add_a_finding_is_not_applied(corpus_root, workdir, kbtools):
    source = corpus_root / "win32-fr-fr-sxs" / "desktop-src" / "Msi" / "doaction-controlevent.md"
    shutil.copyfile(source, workdir / "p.md")
    before = (workdir / "p.md").read_text(encoding="utf-8").splitlines()[35]
    result = kbtools("check", "--fix", "p.md")
    assert "p.md:36:1: protected-term: it would add inconsistent-translation" in result.err
    assert (workdir / "p.md").read_text(encoding="utf-8").splitlines()[35] == before


@pytest.mark.corpus
@pytest.mark.parametrize("locale", ["zh-tw", "fr-fr", "it-it", "ru-ru"])
def test_fixes_on_real_pages_change_target_spans_only_and_clear_their_findings(corpus_root, workdir, kbtools, locale):
    source = corpus_root / f"win32-{locale}-sxs" / "desktop-src" / "Msi"
    names = ["allusers.md", "command-line-options.md", "merge-errors.md", "sourcedir.md", "transforms.md"]
    for name in names:
        shutil.copyfile(source / name, workdir / name)
    before = {name: (workdir / name).read_bytes() for name in names}
    result = kbtools("check", "--fix", ".")
    assert "Fixed " in result.err
    assert "[*]" not in result.out  # what could be fixed was, or is reported as not applied
    changed = 0
    for name in names:
        old, new = parse_bytes(before[name], workdir / name), parse_bytes((workdir / name).read_bytes(), workdir / name)
        assert [s.id for s in old.segments] == [s.id for s in new.segments]
        assert [s.source.text for s in old.segments] == [s.source.text for s in new.segments]

        # Outside the target spans, not a byte moved.
        def outside(p):
            text, pieces, cursor = p.text, [], 0
            for s in p.segments:
                pieces.append(text[cursor : s.target.start])
                cursor = s.target.end
            return "".join(pieces) + text[cursor:]

        assert outside(old) == outside(new)
        changed += before[name] != (workdir / name).read_bytes()
    assert changed


# --- copied-token: placeholders, paths, GUIDs, URLs, switches, calls ---------------------------


def test_spaces_inside_placeholders_and_a_call_are_removed(workdir, kbtools):
    path = _write(
        workdir,
        segment("1-1", "傳回 GetLastError () ： [ 2 ] ，帳戶 [ 1]。", "Returns GetLastError(): [2], account [1]."),
    )
    result = kbtools("check", "--fix", "p.md")
    assert "傳回 GetLastError() ： [2] ，帳戶 [1]。" in path.read_text(encoding="utf-8")
    assert "copied-token" not in result.out
    assert "Fixed 3 findings in 1 file" in result.err


def test_a_url_given_full_width_punctuation_spaces_and_capitals_is_restored(workdir, kbtools):
    url = "https://www.blueyonderairlines.com/Products/MySetup/"
    path = _write(
        workdir,
        segment("1-1", "網址為 HTTPs： / /www.blueyonderairlines.com/Products/mySetup/。", f"The URL is {url}."),
    )
    kbtools("check", "--fix", "p.md")
    assert f"網址為 {url}。" in path.read_text(encoding="utf-8")


def test_a_space_inside_a_guid_a_path_and_a_switch_is_removed(workdir, kbtools):
    guid = "{76fa7a80-33F6-4d1a-bc12-2d1d6cfb0a38}"
    path = _write(
        workdir,
        segment("1-1", "使用 {76fa7a80-33F 6-4d1a-bc12-2d1d6cfb0a38}。", f"Use {guid}."),
        segment(
            "1-2", "執行 msiexec / i C： \\ TempImage \\package.msi。", "Run msiexec /i C:\\TempImage\\package.msi."
        ),
    )
    kbtools("check", "--fix", "p.md")
    text = path.read_text(encoding="utf-8")
    assert f"使用 {guid}。" in text
    assert "執行 msiexec /i C:\\TempImage\\package.msi。" in text


def test_a_token_partly_translated_is_not_fixed(workdir, kbtools):
    _write(
        workdir,
        segment("1-1", "[ ] 在資料行中輸入 SecondMessage。", "Enter [SecondMessage] in the column."),
        segment("1-2", "檔案位於 C： \\ 範例 \\ Notepad。", "The file is in C:\\Sample\\Notepad."),
    )
    result = kbtools("check", "--format", "json", "p.md")
    findings = [f for f in json.loads(result.out)["findings"] if f["rule"] == "copied-token"]
    assert len(findings) == 2 and not any(f["fixable"] for f in findings)


def test_fewer_damaged_tokens_than_the_source_has_is_not_fixed(workdir, kbtools):
    # The source names [1] three times, the target twice: which two it meant is a guess.
    _write(workdir, segment("1-1", "將 [ 1 ] 與 [ 1 ] 比較。", "Compare [1] with [1] and [1]."))
    result = kbtools("check", "--format", "json", "p.md")
    finding = next(f for f in json.loads(result.out)["findings"] if f["rule"] == "copied-token")
    assert not finding["fixable"]


def test_a_damaged_form_of_two_source_tokens_is_not_fixed(workdir, kbtools):
    _write(workdir, segment("1-1", "設定 [ mst ]。", "Set [MST] or [MsT]."))
    result = kbtools("check", "--format", "json", "p.md")
    findings = [f for f in json.loads(result.out)["findings"] if f["rule"] == "copied-token"]
    assert findings and not any(f["fixable"] for f in findings)


def test_a_token_fix_keeps_the_sources_escapes_and_never_reaches_into_markup(workdir, kbtools):
    path = _write(
        workdir,
        segment("1-1", "輸入 \\[ ProductName \\]。", "Enter \\[ProductName\\]."),
        segment("1-2", "請參閱 [頁面](a.md) 與 [ 1 ]。", "See [the page](a.md) and [1]."),
    )
    kbtools("check", "--fix", "p.md")
    text = path.read_text(encoding="utf-8")
    assert "輸入 \\[ProductName\\]。" in text
    assert "請參閱 [頁面](a.md) 與 [1]。" in text


def test_a_space_inserted_after_the_dot_of_a_dotted_name_is_removed(workdir, kbtools):
    path = _write(
        workdir, segment("1-1", "請參閱 **Microsoft. Esent** 命名空間。", "See the **Microsoft.Esent** namespace.")
    )
    kbtools("check", "--fix", "p.md")
    assert "請參閱 **Microsoft.Esent** 命名空間。" in path.read_text(encoding="utf-8")


def test_a_token_whose_space_moved_onto_a_word_is_not_fixed(workdir, kbtools):
    # `installazione% i` -> `installazione%i` would glue the placeholder to the word.
    _write(
        workdir,
        segment("1-1", "Messaggio: errore del programma di installazione% i.", "Message: installer error %i."),
        front_matter="---\ntitle: Test\nms.contentlocale: it-IT\n---\n",
    )
    result = kbtools("check", "--format", "json", "p.md")
    finding = next(f for f in json.loads(result.out)["findings"] if f["rule"] == "copied-token")
    assert not finding["fixable"]


def test_fixes_that_overlap_in_one_segment_are_applied_in_a_further_pass(workdir, kbtools):
    path = _write(
        workdir,
        segment(
            "1-1",
            "**msiexec /i A:\\\\Example.msi Property = Value**",
            "**msiexec /i A:\\\\Example.msi PROPERTY=VALUE**",
        ),
    )
    result = kbtools("check", "--fix", "p.md")
    assert "**msiexec /i A:\\\\Example.msi PROPERTY=VALUE**</span>" in path.read_text(encoding="utf-8")
    assert "[*]" not in result.out


def test_fix_in_worker_processes_writes_what_one_process_writes(workdir, kbtools):
    serial, parallel = workdir / "serial", workdir / "parallel"
    for folder in (serial, parallel):
        folder.mkdir()
        for number in range(70):  # enough files to use the process pool
            (folder / f"p{number:02}.md").write_text(page(DEFECT, WARNING), encoding="utf-8")
    one = kbtools("check", "--fix", "--jobs", "1", "serial")
    two = kbtools("check", "--fix", "--jobs", "2", "parallel")
    assert "Fixed 70 findings in 70 files (70 remaining)." in two.err
    assert two.err.replace("parallel", "serial") == one.err
    assert two.out.replace("parallel", "serial") == one.out
    for number in range(70):
        name = f"p{number:02}.md"
        assert (parallel / name).read_bytes() == (serial / name).read_bytes()
        assert "**ALLUSERS**" in (parallel / name).read_text(encoding="utf-8")


def test_diff_in_worker_processes_prints_every_page_in_order_and_writes_nothing(workdir, kbtools):
    for number in range(70):
        (workdir / f"p{number:02}.md").write_text(page(DEFECT), encoding="utf-8")
    before = {path.name: path.read_bytes() for path in workdir.glob("*.md")}
    result = kbtools("check", "--diff", "--jobs", "2", ".")
    assert [line for line in result.out.splitlines() if line.startswith("--- a/")] == [
        f"--- a/p{number:02}.md" for number in range(70)
    ]
    assert {path.name: path.read_bytes() for path in workdir.glob("*.md")} == before


# Forms a translation gives a token, and near misses: full-width letters and punctuation, the
# third forms of a dot, white space of every kind, escapes, capitals, word characters around it.
_DAMAGED_TEXTS = [
    "見 C：＼ Windows\u3000\\\\ System32。dll 與 c:\\windows\\system32.DLL。",
    "路徑 Ｃ:\\\tＷindows\u00a0\\System32\\.dll、xC:\\Windows\\System32.dll、C:\\Windows\\System32.dllx",
    "ＡC:\\Windows\\System32.dll 和 C:\\Windows\\System32.dll＿ 及 C : \\ Windows \\ System32 . dll",
    "設定 REINSTALL = ALL、reinstall＝ａｌｌ、REINSTALL =ALL_ 與 [ 2 ]、［２］、[2 ]",
]


@pytest.mark.parametrize("token", ["C:\\Windows\\System32.dll", "REINSTALL=ALL", "[2]", "Ünïcode.dll", "% d"])
def test_damaged_tokens_are_found_in_the_folded_text_where_the_full_pattern_finds_them(token):
    """The folded search and its pre-screen (`_DamagedToken`) are a cheaper way to the same
    matches as the pattern that spells out every form."""
    from kbtools.check.fix import _DamagedToken, _token_pattern

    full = _token_pattern(token, damaged=True)
    damaged = _DamagedToken(token)
    for text in [*_DAMAGED_TEXTS, token.upper(), token.lower(), token.replace("d", "Ｄ")]:
        assert [m.span() for m in damaged.finditer(text)] == [m.span() for m in full.finditer(text)]
        for start, end in {m.span() for m in full.finditer(text)} | {(0, len(text)), (3, 20)}:
            form = text[start:end]
            assert damaged.fullmatch(form) == (full.fullmatch(form) is not None)
    assert any(full.finditer(" ".join(_DAMAGED_TEXTS))) or token in ("Ünïcode.dll", "% d")


@pytest.mark.parametrize("token", ["C:\\Windows\\System32.dll", "REINSTALL=ALL", "[2]", "Ünïcode.dll", "% d", "\\\\a"])
def test_token_sequences_match_what_the_token_patterns_match(token):
    """`_token_sequence` finds, without compiling it, what `_token_pattern` finds: the same
    spans, left to right, and the same whole forms."""
    from kbtools.check.fix import _FOLDED, _token_pattern, _token_sequence

    texts = [*_DAMAGED_TEXTS, token, token.upper(), token.lower(), "\\" + token.replace(".", "\\."), ""]
    for damaged, folded in [(False, False), (True, False), (True, True)]:
        pattern, sequence = _token_pattern(token, damaged, folded), _token_sequence(token, damaged, folded)
        for text in [*texts, *(text.translate(_FOLDED) for text in texts)]:
            spans = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in sequence.finditer(text)] == spans
            assert [m.group(0) for m in sequence.finditer(text)] == [m.group(0) for m in pattern.finditer(text)]
            for start, end in {*spans, (0, len(text)), (3, 20)}:
                form = text[start:end]
                assert (sequence.fullmatch(form) is None) == (pattern.fullmatch(form) is None)
    assert any(_token_sequence(token, True).finditer(" ".join(_DAMAGED_TEXTS))) or token in (
        "Ünïcode.dll",
        "% d",
        "\\\\a",
    )


@pytest.mark.parametrize("term", ["REG_SZ", "__MsiPromptForCD", "Mergemod.h", "component_", "C:\\Temp", "Ünï.code"])
def test_variant_sequences_match_what_the_variant_patterns_match(term):
    """A term's variants are found, without compiling its pattern, where the pattern finds
    them: `_variant_sequence` in lower-cased folded text, `_variant_in` in any text."""
    from kbtools.check.fix import _variant, _variant_in
    from kbtools.check.rules.terms import _THIRD_FORMS, _variant_pattern, _variant_sequence

    texts = [
        "設定 reg＿ sz 與 REG _SZ、reg_szx、xREG_SZ 和 REG_ SZ",
        "請參閱 Mergemod。 h 或 MERGEMOD．H、mergemod . h",
        "＿＿msipromptforcd 與 _ _MsiPromptForCD、 __msipromptforcd",
        "component_ table、Component＿x、component _",
        "c：＼ temp 與 C:\\TEMP、c:\\tempx",
        "ünï。code、ÜNÏ．CODE、ünï.codes",
        "ſ ı İ reg_ſz",
        "",
    ]
    for text in texts:
        folded = text.lower().translate(_THIRD_FORMS)
        if len(folded) == len(text):
            spans = [m.span() for m in _variant_pattern(term).finditer(folded)]
            assert [m.span() for m in _variant_sequence(term).finditer(folded)] == spans
        text = text.translate(_THIRD_FORMS)
        pattern, searched = _variant_in(term, text)
        spans = [m.span() for m in _variant(term).finditer(text)]
        assert [m.span() for m in pattern.finditer(searched)] == spans
        for start, end in {*spans, (0, len(text)), (2, 12)}:
            assert (pattern.fullmatch(searched[start:end]) is None) == (
                _variant(term).fullmatch(text[start:end]) is None
            )
    assert any(_variant(term).finditer(" ".join(texts).translate(_THIRD_FORMS))) or term == "Ünï.code"


@pytest.mark.parametrize("word", ["Disk", "Installer", "KeyPath"])
def test_in_any_case_is_never_false_where_a_case_insensitive_search_matches(word):
    import re

    from kbtools.check.rules.terms import in_any_case

    pattern = re.compile(re.escape(word), re.IGNORECASE)
    # ı and İ match i, ſ matches s and the Kelvin sign K matches k under IGNORECASE.
    for text in ["a " + word.upper(), "ınstaller dıſk", "İnstaller", "\u212aeyPath", "nothing", word.lower()]:
        if pattern.search(text):
            assert in_any_case(word, text)
    assert not in_any_case(word, "nothing here")


@pytest.mark.parametrize("term", ["ALLUSERS", "Mergemod.h", "REG_DWORD", "Installer.UILevel", "Ünïcode"])
def test_a_term_whose_pieces_are_not_there_in_any_case_has_no_variant_there(term):
    from kbtools.check.fix import _may_hold, _variant
    from kbtools.check.rules.terms import _THIRD_FORMS

    texts = [
        "設定 allusers 屬性",
        "請參閱 Mergemod。 h",
        "reg＿ dword",
        "installer． uilevel",
        "ünïcode",
        "其他",
        "ſ ı İ",
    ]
    for text in texts:
        if _variant(term).search(text.translate(_THIRD_FORMS)):
            assert _may_hold(term, text)
    assert not _may_hold("ALLUSERS", "其他")


@pytest.mark.parametrize("word", ["Product", "attributes", "KeyPath", "a.b", "_Validation"])
def test_find_word_finds_what_the_whole_word_pattern_finds(word):
    import re

    from kbtools.check.sequence import find_word

    texts = [
        f"設定 {word} 屬性",
        f"{word.upper()}x 與 x{word}、{word}_ 和 {word}9",
        f"({word.lower()}) 與 {word.upper()}",
        "ınstalled ſ İ " + word.lower().replace("i", "ı"),
        word.replace("t", "\u212a".lower()),
        "",
    ]
    for text in texts:
        for flags in (0, re.IGNORECASE):
            expected = re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text, flags)
            found = find_word(word, text, ignore_case=bool(flags))
            assert (found is None) == (expected is None)
            if expected is not None:
                assert (found.span(), found.group()) == (expected.span(), expected.group())
    assert find_word(word, texts[0]) is not None and find_word(word, texts[1]) is None
