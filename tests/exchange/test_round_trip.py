"""Export then import unchanged: every page byte for byte as it was, in every corpus locale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

LOCALES = ("zh-tw", "fr-fr", "it-it", "ru-ru")
# Every 40th Msi page (40 pages per locale), plus the pages with the most markup.
STRIDE = 40


def _subset(corpus_root: Path, locale: str, into: Path) -> Path:
    source = corpus_root / f"win32-{locale}-sxs" / "desktop-src" / "Msi"
    if not source.is_dir():
        pytest.skip(f"{source} not in the corpus")
    into.mkdir()
    names = sorted(p.name for p in source.glob("*.md"))
    for name in [*names[::STRIDE], "allusers.md", "reinstallmode.md", "standard-installer-command-line-options.md"]:
        if (source / name).exists():
            shutil.copyfile(source / name, into / name)
    return into


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.corpus
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("form", ["xliff", "po"])
def test_export_all_and_import_unchanged_leaves_every_page_byte_identical(corpus_root, tmp_path, kbtools, locale, form):
    pages = _subset(corpus_root, locale, tmp_path / "pages")
    before = _snapshot(pages)
    exported = tmp_path / f"out.{'xlf' if form == 'xliff' else 'po'}"
    assert kbtools("export", pages, "--format", form, "--segments", "all", "--output", exported).code == 0
    result = kbtools("import", exported, "--into", pages)
    assert "0 updated in 0 pages" in result.err
    assert "0 conflicts" in result.err
    assert _snapshot(pages) == before


def test_round_trip_keeps_crlf_line_breaks_and_a_byte_order_mark(tmp_path, kbtools):
    from sxs_pages import page, segment

    text = page(segment("1-1", "設定 **ALLUSERS** 屬性。", "Set the **ALLUSERS** property."))
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    (tmp_path / "p.md").write_bytes(data)
    kbtools("export", tmp_path, "--format", "xliff", "--output", tmp_path / "out.xlf")
    kbtools("import", tmp_path / "out.xlf", "--into", tmp_path)
    assert (tmp_path / "p.md").read_bytes() == data
