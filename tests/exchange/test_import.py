"""`kbtools import`: only target spans change; what cannot be placed is a conflict, not a write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sxs_pages import page, segment

TARGET = "設定 **allusers** 屬性。"
SOURCE = "Set the **ALLUSERS** property."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    text = page("# " + segment("1-1", "測試", "Test"), segment("1-2", TARGET, SOURCE))
    (pages / "p.md").write_text(text, encoding="utf-8")
    return pages


def _po(entries: str) -> str:
    return 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + entries


def test_a_translation_changes_its_target_span_and_nothing_else(folder, tmp_path, kbtools):
    before = (folder / "p.md").read_text(encoding="utf-8")
    po = tmp_path / "in.po"
    po.write_text(
        _po(f'#: p.md:6\nmsgctxt "1-2"\nmsgid "{SOURCE}"\nmsgstr "設定 **ALLUSERS** 屬性。"\n'), encoding="utf-8"
    )
    result = kbtools("import", po, "--into", folder)
    after = (folder / "p.md").read_text(encoding="utf-8")
    assert after == before.replace(TARGET, "設定 **ALLUSERS** 屬性。")
    assert "1 updated in 1 page, 0 unchanged, 0 conflicts" in result.err
    assert result.code == 0


def test_an_english_that_no_longer_matches_is_a_conflict_and_not_written(folder, tmp_path, kbtools):
    before = (folder / "p.md").read_bytes()
    po = tmp_path / "in.po"
    po.write_text(_po('#: p.md:6\nmsgctxt "1-2"\nmsgid "Set the property."\nmsgstr "新的"\n'), encoding="utf-8")
    result = kbtools("import", po, "--into", folder)
    assert "no longer matches" in result.err
    assert "1 conflict" in result.err
    assert result.code == 1
    assert (folder / "p.md").read_bytes() == before


@pytest.mark.parametrize(
    ("reference", "context", "expected"),
    [
        ("p.md:6", "9-9", "segment 9-9 is not in"),
        ("gone.md:6", "1-2", "does not exist"),
        ("../outside.md:1", "1-2", "is not under"),
    ],
)
def test_a_missing_page_or_segment_or_a_path_outside_is_a_conflict(
    folder, tmp_path, kbtools, reference, context, expected
):
    (tmp_path / "outside.md").write_text(page(segment("1-2", TARGET, SOURCE)), encoding="utf-8")
    po = tmp_path / "in.po"
    po.write_text(_po(f'#: {reference}\nmsgctxt "{context}"\nmsgid "{SOURCE}"\nmsgstr "x"\n'), encoding="utf-8")
    result = kbtools("import", po, "--into", folder)
    assert expected in result.err
    assert result.code == 1
    assert TARGET in (tmp_path / "outside.md").read_text(encoding="utf-8")


def test_a_translation_that_would_break_the_spans_is_a_conflict(folder, tmp_path, kbtools):
    before = (folder / "p.md").read_bytes()
    po = tmp_path / "in.po"
    po.write_text(_po(f'#: p.md:6\nmsgctxt "1-2"\nmsgid "{SOURCE}"\nmsgstr "a</span> b"\n'), encoding="utf-8")
    result = kbtools("import", po, "--into", folder)
    assert "span structure" in result.err or "read back" in result.err
    assert (folder / "p.md").read_bytes() == before


def test_dry_run_prints_the_diff_and_writes_nothing(folder, tmp_path, kbtools):
    before = (folder / "p.md").read_bytes()
    po = tmp_path / "in.po"
    po.write_text(
        _po(f'#: p.md:6\nmsgctxt "1-2"\nmsgid "{SOURCE}"\nmsgstr "設定 **ALLUSERS** 屬性。"\n'), encoding="utf-8"
    )
    result = kbtools("import", po, "--into", folder, "--dry-run")
    assert result.out.startswith("--- a/p.md\n+++ b/p.md\n")
    assert "+" + segment("1-2", "設定 **ALLUSERS** 屬性。", SOURCE) in result.out
    assert "1 would update" in result.err
    assert (folder / "p.md").read_bytes() == before


def test_a_symlinked_page_is_not_written_through(folder, tmp_path, kbtools):
    real = tmp_path / "real.md"
    os.replace(folder / "p.md", real)
    (folder / "p.md").symlink_to(real)
    before = real.read_bytes()
    po = tmp_path / "in.po"
    po.write_text(_po(f'#: p.md:6\nmsgctxt "1-2"\nmsgid "{SOURCE}"\nmsgstr "x"\n'), encoding="utf-8")
    result = kbtools("import", po, "--into", folder)
    assert "symlink" in result.err
    assert real.read_bytes() == before


def test_export_never_writes_onto_an_input_or_through_a_symlink(folder, tmp_path, kbtools):
    before = (folder / "p.md").read_bytes()
    result = kbtools("export", folder, "--format", "po", "--output", folder / "p.md")
    assert result.code == 2
    assert "p.md" in result.err and "never writes" in result.err
    link = tmp_path / "link.po"
    link.symlink_to(tmp_path / "elsewhere.po")
    result = kbtools("export", folder, "--format", "po", "--output", link)
    assert result.code == 2
    assert "symlink" in result.err
    assert not (tmp_path / "elsewhere.po").exists()
    assert (folder / "p.md").read_bytes() == before


def test_import_ends_with_a_check_of_the_touched_pages(folder, tmp_path, kbtools):
    po = tmp_path / "in.po"
    po.write_text(
        _po(f'#: p.md:6\nmsgctxt "1-2"\nmsgid "{SOURCE}"\nmsgstr "設定 **allUsers** 屬性。"\n'), encoding="utf-8"
    )
    result = kbtools("import", po, "--into", folder)
    assert "protected-term" in result.out
    assert "1 error" in result.err
    assert result.code == 1


def test_an_edit_in_a_crlf_page_keeps_its_line_breaks_and_byte_order_mark(tmp_path, kbtools):
    folder = tmp_path / "pages"
    folder.mkdir()
    text = page("# " + segment("1-1", "測試", "Test"), segment("1-2", TARGET, SOURCE))
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    (folder / "p.md").write_bytes(data)
    po = tmp_path / "in.po"
    po.write_text(
        _po(f'#: p.md:6\nmsgctxt "1-2"\nmsgid "{SOURCE}"\nmsgstr "設定 **ALLUSERS** 屬性。"\n'), encoding="utf-8"
    )
    kbtools("import", po, "--into", folder)
    assert (folder / "p.md").read_bytes() == data.replace(TARGET.encode(), "設定 **ALLUSERS** 屬性。".encode())


def test_an_xliff_export_of_two_locales_is_refused_and_the_old_output_kept(tmp_path, kbtools):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.md").write_text(page(segment("1-1", "測試", "Test")), encoding="utf-8")
    french = "---\ntitle: T\nms.contentlocale: fr-FR\n---\n"
    (pages / "b.md").write_text(page(segment("2-1", "Essai", "Test"), front_matter=french), encoding="utf-8")
    out = tmp_path / "out.xlf"
    out.write_bytes(b"earlier export")
    result = kbtools("export", pages, "--format", "xliff", "--output", out)
    assert result.code == 2
    assert "fr-FR, zh-TW: export one locale at a time" in result.err
    assert out.read_bytes() == b"earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlf", "pages"]  # no temporary file left


def test_the_page_spool_gives_back_every_page_in_order_and_can_be_read_twice():
    from kbtools.exchange.units import ExchangePage, ExchangeUnit, PageSpool

    with PageSpool() as spool:
        for number in range(3):
            spool.add(ExchangePage(f"p{number}.md", "zh-TW", [ExchangeUnit(f"{number}-1", 6, "Test", "測試")]))
        first = [p.path for p in spool]
        assert first == ["p0.md", "p1.md", "p2.md"] == [p.path for p in spool]
        assert (spool.pages, spool.units, spool.locales) == (3, 3, {"zh-TW"})
