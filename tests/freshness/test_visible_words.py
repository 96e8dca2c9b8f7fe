"""Freshness compares the words a reader sees: placeholders written like tags are text, a
sentence split into several segments is diffed segment by segment, and a link that now leads
elsewhere is a change although its words are the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.freshness.test_check_rules import FRONT, pair

LOCALES = ("zh-tw", "fr-fr", "ru-ru", "it-it")


def _write(workdir: Path, translated: str, english: str, name: str = "page.md") -> None:
    for folder, text in (("zh", FRONT + translated), ("en", "---\ntitle: x\n---\n" + english)):
        (workdir / folder).mkdir(exist_ok=True)
        (workdir / folder / name).write_text(text, encoding="utf-8")


def _stale(kbtools, *paths: str | Path) -> list[dict]:
    run = kbtools("check", *paths, "--select", "stale-source", "--format", "json")
    return [f for f in json.loads(run.out)["findings"] if f["rule"] == "stale-source"]


def test_a_placeholder_the_pipeline_decoded_into_a_raw_tag_is_the_same_text(workdir, kbtools):
    _write(
        workdir,
        pair(
            1,
            "此資料表應命名為 MsiTransformView<PatchGUID> 資料表。",
            "This table is named MsiTransformView<PatchGUID> Table.",
        )
        + "\n",
        "This table is named MsiTransformView&lt;PatchGUID&gt; Table.\n",
    )
    assert _stale(kbtools, "zh", "--english", "en") == []


def test_a_changed_placeholder_is_still_a_change(workdir, kbtools):
    _write(
        workdir,
        pair(
            1,
            "此資料表應命名為 MsiTransformView<PatchGUID> 資料表。",
            "This table is named MsiTransformView<PatchGUID> Table.",
        )
        + "\n",
        "This table is named MsiTransformView&lt;PatchCode&gt; Table.\n",
    )
    (finding,) = _stale(kbtools, "zh", "--english", "en")
    assert "[-MsiTransformView<PatchGUID>-] {+MsiTransformView<PatchCode>+}" in finding["message"]


def test_html_elements_stay_markup(workdir, kbtools):
    _write(workdir, pair(1, "使用 <b>粗體</b>。", "Use the <b>bold</b> text.") + "\n", "Use the **bold** text.\n")
    assert _stale(kbtools, "zh", "--english", "en") == []


def test_the_diff_of_a_segment_split_at_a_raw_tag_holds_only_its_own_words(workdir, kbtools):
    # The pipeline split one English sentence into two segments at the raw `<value>` between them.
    translated = (
        pair(
            1,
            '項目必須採用 "<mask>;<Name>=" 格式',
            'The entry in the ContextData column must be in the form "<mask>;<Name>=',
        )
        + "<value>"
        + pair(2, '"，其中 <mask> 是整數值。', '", where <mask> is an integer value.')
        + "\n"
    )
    english = (
        'The entry in the ContextData column must be in the form "&lt;mask&gt;;&lt;Name&gt;=&lt;value&gt;", '
        "where &lt;mask&gt; is a decimal integer value.\n"
    )
    _write(workdir, translated, english)
    (finding,) = _stale(kbtools, "zh", "--english", "en")
    assert finding["segment"] == "ab-2"
    diff = finding["message"].split("word diff: ", 1)[1]
    assert "{+a decimal+}" in diff and "[-an-]" in diff
    assert "entry" not in diff and "ContextData" not in diff  # segment ab-1's words are not "added"


def test_a_link_that_now_leads_elsewhere_is_stale_with_the_targets_in_the_diff(workdir, kbtools):
    _write(
        workdir,
        pair(1, "請參閱 [ALLUSERS](allusers.md)。", "See [ALLUSERS](allusers.md) for details.") + "\n",
        "See [ALLUSERS](allusers-property.md) for details.\n",
    )
    (finding,) = _stale(kbtools, "zh", "--english", "en")
    assert "See ALLUSERS [-(allusers.md)-] {+(allusers-property.md)+} for details." in finding["message"]


def test_an_html_link_and_a_markdown_link_to_the_same_page_are_the_same(workdir, kbtools):
    _write(
        workdir,
        pair(1, '請參閱 <a href="allusers.md">ALLUSERS</a>。', 'See <a href="allusers.md">ALLUSERS</a> for details.')
        + "\n",
        "See [ALLUSERS](allusers.md) for details.\n",
    )
    assert _stale(kbtools, "zh", "--english", "en") == []


def test_an_unchanged_link_target_is_not_shown_in_a_diff(workdir, kbtools):
    _write(
        workdir,
        pair(1, "請參閱 [ALLUSERS](allusers.md)。", "See [ALLUSERS](allusers.md) for detail.") + "\n",
        "See [ALLUSERS](allusers.md) for details.\n",
    )
    (finding,) = _stale(kbtools, "zh", "--english", "en")
    assert "word diff: See ALLUSERS for [-detail.-] {+details.+}" in finding["message"]


@pytest.fixture(params=LOCALES)
def msi_pair(request, corpus_root: Path) -> tuple[Path, Path]:
    locale_dir = corpus_root / f"win32-{request.param}-sxs" / "desktop-src" / "Msi"
    english_dir = corpus_root / "win32-en-us" / "desktop-src" / "Msi"
    if not locale_dir.is_dir() or not english_dir.is_dir():
        pytest.fail(f"corpus folder missing: {locale_dir} or {english_dir}")
    return locale_dir, english_dir


@pytest.mark.corpus
def test_real_placeholders_decoded_by_the_pipeline_are_not_stale(msi_pair, kbtools, workdir):
    locale_dir, english_dir = msi_pair
    pages = [locale_dir / name for name in ("msitransformview.md", "appid-table.md", "ice-message-guidelines.md")]
    assert _stale(kbtools, *pages, "--english", english_dir) == []


@pytest.mark.corpus
def test_real_link_targets_that_moved_are_reported(msi_pair, kbtools, workdir):
    locale_dir, english_dir = msi_pair
    stale = _stale(kbtools, locale_dir / "windows-installer-error-messages.md", "--english", english_dir)
    kb886549 = [f for f in stale if "KB886549" in f["message"]]
    assert len(kb886549) == 1
    assert "[-(https://support.microsoft.com/search).-] {+(https://support.microsoft.com).+}" in kb886549[0]["message"]


@pytest.mark.corpus
def test_a_real_split_sentence_is_diffed_over_its_own_segment(msi_pair, kbtools, workdir):
    """arbitrary-bitfield-type.md: one English sentence, four segments split at raw `<value>` tags;
    a word changed in the English of the third is reported at it, without the others' words."""
    locale_dir, english_dir = msi_pair
    name = "arbitrary-bitfield-type.md"
    (workdir / "zh").mkdir()
    (workdir / "en").mkdir()
    (workdir / "zh" / name).write_bytes((locale_dir / name).read_bytes())
    english = (english_dir / name).read_text(encoding="utf-8")
    assert "is an integer value indicating the bits of interest" in english
    english = english.replace("is an integer value indicating the bits", "is an integer indicating the bits")
    (workdir / "en" / name).write_text(english, encoding="utf-8")
    assert _stale(kbtools, locale_dir / name, "--english", english_dir) == []  # unedited: current
    (finding,) = _stale(kbtools, "zh", "--english", "en")
    diff = finding["message"].split("word diff: ", 1)[1]
    assert "integer [-value-] indicating" in diff
    assert "{+" not in diff and "ContextData" not in diff
