"""`kbtools check --english`: the freshness rules on small hand-written pages and on the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FRONT = """---
title: 特殊許可權屬性
ms.date: 05/31/2018
ms.sourcegitcommit: c8ec1ded1ffffc364d3c4f560bb2171da0dc5040
ms.contentlocale: zh-TW
ms.lasthandoff: 03/22/2021
---
"""


def pair(ident: int, target: str, source: str) -> str:
    return (
        f'<span data-ttu-id="ab-{ident}">{target}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="ab-{ident}">{source}</span></span>'
    )


TRANSLATED = (
    FRONT
    + f"""
# <a name="privileged"></a>{pair(1, "特殊許可權屬性", "Privileged property")}

{pair(2, "作者應該使用 **Privileged** 屬性。", "Authors should used the **Privileged** property.")} {pair(3, "此屬性由安裝程式設定。", "The installer sets this property.")}

{pair(4, "在 Windows Vista 上，兩者相同。", "On Windows Vista, the two are the same.")}
"""
)

ENGLISH = """---
title: Privileged property
ms.date: 10/12/2022
---

# Privileged property

Authors should use the **Privileged** property. The installer sets this property.

On Windows Vista, the two are the same. It is set to `1` for administrators.
"""


@pytest.fixture
def trees(workdir: Path) -> Path:
    (workdir / "zh").mkdir()
    (workdir / "en").mkdir()
    (workdir / "zh" / "privileged.md").write_text(TRANSLATED, encoding="utf-8")
    (workdir / "en" / "privileged.md").write_text(ENGLISH, encoding="utf-8")
    return workdir


def findings(run) -> list[dict]:
    return json.loads(run.out)["findings"]


def test_without_english_no_freshness_rule_runs(trees, kbtools):
    run = kbtools("check", "zh", "--format", "json")
    assert [f for f in findings(run) if f["rule"] in ("stale-source", "missing-translation", "orphaned-page")] == []


def test_a_changed_source_quotes_the_english_now_with_a_word_diff(trees, kbtools):
    run = kbtools("check", "zh", "--english", "en", "--select", "stale-source")
    line = run.out.splitlines()[0]
    assert line.startswith("zh/privileged.md:11:1: stale-source [warning] the English source changed;")
    assert 'now reads: "Authors should use the Privileged property." (English line 8)' in line
    assert "Authors should [-used-] {+use+} the Privileged property." in line


def test_findings_say_which_english_the_translation_was_made_from(trees, kbtools):
    line = kbtools("check", "zh", "--english", "en", "--select", "stale-source").out.splitlines()[0]
    assert line.endswith(
        "[translation handed off 03/22/2021 from English commit c8ec1de (English ms.date 05/31/2018, now 10/12/2022)]"
    )


def test_unchanged_sentences_are_not_reported(trees, kbtools):
    reported = {f["segment"] for f in findings(kbtools("check", "zh", "--english", "en", "--format", "json"))}
    assert "ab-1" not in reported and "ab-3" not in reported and "ab-4" not in reported


def test_a_removed_sentence_is_reported_as_removed(trees, kbtools):
    english = ENGLISH.replace(" The installer sets this property.", "")
    (trees / "en" / "privileged.md").write_text(english, encoding="utf-8")
    stale = [
        f
        for f in findings(kbtools("check", "zh", "--english", "en", "--format", "json"))
        if f["rule"] == "stale-source"
    ]
    removed = [f for f in stale if f["segment"] == "ab-3"]
    assert len(removed) == 1
    assert removed[0]["message"].startswith(
        'the English source was removed from the English page: "The installer sets this property."'
    )


def test_an_added_sentence_is_missing_at_the_segment_it_follows(trees, kbtools):
    missing = [
        f
        for f in findings(kbtools("check", "zh", "--english", "en", "--format", "json"))
        if f["rule"] == "missing-translation"
    ]
    assert len(missing) == 1
    assert missing[0]["line"] == 13 and missing[0]["column"] == 1  # segment ab-4
    assert 'no segment translates (English line 10): "It is set to `1` for administrators."' in missing[0]["message"]


def test_markup_escapes_and_whitespace_do_not_make_a_source_stale(trees, kbtools):
    english = ENGLISH.replace("**Privileged** property.", "__Privileged__\nproperty.").replace(
        "The installer", "The&nbsp;installer"
    )
    english = english.replace("On Windows Vista, the two", "On [Windows Vista](vista.md), the\\ two")
    english = english.replace("Authors should use", "Authors should used")
    (trees / "en" / "privileged.md").write_text(english, encoding="utf-8")
    assert [
        f
        for f in findings(kbtools("check", "zh", "--english", "en", "--format", "json"))
        if f["rule"] == "stale-source"
    ] == []


def test_a_moved_sentence_is_not_stale(trees, kbtools):
    english = ENGLISH.replace("Authors should use", "Authors should used").replace(
        " The installer sets this property.", ""
    )
    english += "\nThe installer sets this property.\n"
    (trees / "en" / "privileged.md").write_text(english, encoding="utf-8")
    assert [
        f
        for f in findings(kbtools("check", "zh", "--english", "en", "--format", "json"))
        if f["rule"] == "stale-source"
    ] == []


def test_a_page_without_english_page_is_orphaned(trees, kbtools):
    (trees / "zh" / "removed.md").write_text(TRANSLATED, encoding="utf-8")
    run = kbtools("check", "zh", "--english", "en", "--select", "orphaned-page")
    assert run.out.splitlines()[0] == (
        "zh/removed.md:1:1: orphaned-page [warning] no English page at en/removed.md: it was removed or renamed in the English "
        "[translation handed off 03/22/2021 from English commit c8ec1de (English ms.date 05/31/2018)]"
    )


def test_a_folder_missing_from_the_english_tree_orphans_nothing(trees, kbtools):
    (trees / "zh" / "other").mkdir()
    (trees / "zh" / "other" / "page.md").write_text(TRANSLATED, encoding="utf-8")
    assert "orphaned-page" not in kbtools("check", "zh", "--english", "en").out


def test_a_file_given_by_itself_is_matched_by_its_name(trees, kbtools):
    run = kbtools("check", "zh/privileged.md", "--english", "en", "--select", "stale-source")
    assert "zh/privileged.md:11:1: stale-source" in run.out


def test_english_is_read_from_the_configuration(trees, kbtools):
    (trees / "pyproject.toml").write_text('[tool.kbtools]\nenglish = "en"\n', encoding="utf-8")
    assert "stale-source" in kbtools("check", "zh").out


def test_an_english_directory_that_does_not_exist_is_a_usage_error(trees, kbtools):
    run = kbtools("check", "zh", "--english", "nowhere")
    assert run.code == 2
    assert run.err.strip() == "kbtools check: error: --english: nowhere: no such directory of English pages"


def test_an_english_page_that_is_not_utf8_is_one_finding(trees, kbtools):
    (trees / "en" / "privileged.md").write_bytes(ENGLISH.encode("utf-16"))
    run = kbtools("check", "zh", "--english", "en", "--select", "freshness")
    assert run.out.splitlines()[0].startswith(
        "zh/privileged.md:1:1: stale-source [warning] cannot compare with the English page"
    )
    assert "UTF-16 text, not UTF-8: save the page as UTF-8" in run.out


@pytest.mark.corpus
def test_the_msi_corpus_has_the_known_fixed_typo(msi_dir, msi_en_dir, kbtools, workdir):
    run = kbtools("check", msi_dir, "--english", msi_en_dir, "--select", "stale-source")
    line = next(line for line in run.out.splitlines() if "/adminuser.md:" in line)
    assert "Authors should [-used-] {+use+} the Privileged property." in line
    assert "orphaned-page" not in run.out
