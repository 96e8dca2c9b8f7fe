"""The page model: segments with exact positions, nesting, code, front matter, blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtools.page import parse_bytes, parse_text, read_page


def _page(body: str, locale: str = "zh-TW"):
    text = f"---\ntitle: T\nms.contentlocale: {locale}\n---\n{body}"
    return parse_text(text, Path("page.md"))


def pair(ident: str, target: str, source: str) -> str:
    return (
        f'<span data-ttu-id="{ident}">{target}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{ident}">{source}</span></span>'
    )


def test_seed_page_has_every_segment_paired_in_order(sample_dir: Path) -> None:
    page = read_page(sample_dir / "msirestartmanagersessionkey.md")
    assert [s.id for s in page.segments] == [f"75da0-{n}" for n in range(103, 119)]
    assert all(s.paired for s in page.segments)
    assert page.markup_errors == []


def test_seed_page_positions_are_one_based_line_and_column_of_the_target_span(sample_dir: Path) -> None:
    page = read_page(sample_dir / "msirestartmanagersessionkey.md")
    heading, first, second = page.segments[:3]
    assert (heading.line, heading.column) == (14, 54)
    assert (first.line, first.column) == (16, 1)
    lines = (sample_dir / "msirestartmanagersessionkey.md").read_text("utf-8").splitlines()
    assert lines[second.line - 1][second.column - 1 :].startswith('<span data-ttu-id="75da0-105">')
    assert second.source is not None
    assert lines[second.source.line - 1][second.source.column - 1 :].startswith('<span data-stu-id="75da0-105">')


def test_seed_page_front_matter_and_locale(sample_dir: Path) -> None:
    page = read_page(sample_dir / "msirestartmanagersessionkey.md")
    assert page.locale == "zh-TW"
    assert page.title == "MsiRestartManagerSessionKey 屬性"
    assert page.front_matter is not None
    assert page.front_matter.lines["ms.date"] == 6
    assert page.front_matter.get("ms.locfileid") == "106995996"


def test_inline_markdown_of_both_sides(sample_dir: Path) -> None:
    segment = read_page(sample_dir / "msirestartmanagersessionkey.md").segments[1]
    assert segment.source is not None and segment.target is not None
    assert segment.source.inline.strong == ["MsiRestartManagerSessionKey"]
    assert [link.target for link in segment.target.inline.links] == ["../rstmgr/restart-manager-portal.md"]
    assert segment.target.inline.links[0].text == "重新開機管理員"
    assert "**" not in segment.source.inline.plain


def test_nested_anchor_spans_stay_inside_their_segment() -> None:
    page = _page(
        pair(
            "1-1",
            '<span id="a"></span><span id="A"></span>**-lp** 記錄檔',
            '<span id="a"></span><span id="A"></span>**-lp** log file',
        )
        + "\n"
    )
    (segment,) = page.segments
    assert segment.paired and page.markup_errors == []
    assert segment.source is not None and segment.source.text.endswith("**-lp** log file")
    assert segment.target is not None and segment.target.inline.strong == ["-lp"]


def test_segments_in_code_fences_are_not_segments() -> None:
    body = "```html\n" + pair("1-1", "甲", "A") + "\n```\n\n" + pair("1-2", "乙", "B") + "\n"
    page = _page(body)
    assert [s.id for s in page.segments] == ["1-2"]


def test_unclosed_target_is_reported_and_the_rest_of_the_page_still_read() -> None:
    broken = '<span data-ttu-id="1-1">甲<span class="sxs-lookup"><span data-stu-id="1-1">A</span></span>'
    page = _page(broken + "\n\n" + pair("1-2", "乙", "B") + "\n")
    assert any("never closed" in e.message for e in page.markup_errors)
    assert page.markup_errors[0].line == 5
    assert [s.id for s in page.segments if s.paired] == ["1-2"]


def test_stray_closing_tag_is_a_markup_error() -> None:
    page = _page(pair("1-1", "甲", "A") + "</span>\n")
    assert [e.message for e in page.markup_errors] == ["stray </span> closes nothing"]
    assert page.segments[0].paired


def test_target_without_source_and_source_without_target() -> None:
    lone_target = '<span data-ttu-id="1-1">甲</span>'
    lone_source = '<span class="sxs-lookup"><span data-stu-id="1-2">B</span></span>'
    page = _page(lone_target + "\n\n" + lone_source + "\n")
    assert [(s.id, s.target is not None, s.source is not None) for s in page.segments] == [
        ("1-1", True, False),
        ("1-2", False, True),
    ]


def test_the_model_is_locale_agnostic() -> None:
    page = _page(pair("1-1", "Die **ALLUSERS**-Eigenschaft", "The **ALLUSERS** property") + "\n", locale="de-DE")
    assert page.locale == "de-DE"
    assert page.segments[0].target is not None
    assert page.segments[0].target.inline.strong == ["ALLUSERS"]


def test_invalid_utf8_names_line_and_column() -> None:
    page = parse_bytes(b"---\ntitle: x\n---\nabc \xa6\xb0\n", Path("big5.md"))
    assert page.text is None and page.decode_error is not None
    assert (page.decode_error.line, page.decode_error.column) == (4, 5)


def test_binary_file_is_not_text() -> None:
    page = parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", Path("image.md"))
    assert page.decode_error is not None and "binary" in page.decode_error.message


def test_unparseable_front_matter_names_its_line() -> None:
    page = parse_text("---\ntitle: a: b\nms.contentlocale: zh-TW\n---\n", Path("p.md"))
    assert page.front_matter is not None and page.front_matter.error is not None
    assert page.front_matter.error_line == 2


def test_blocks_place_segments_in_headings_paragraphs_and_table_cells(sample_dir: Path) -> None:
    page = read_page(sample_dir / "msirestartmanagersessionkey.md")
    blocks = page.blocks
    headings = [b.anchor for b in blocks if b.kind == "heading"]
    assert headings == ["msirestartmanagersessionkey-property", "remarks", "requirements", "see-also"]
    value_cell = page.segment_by_id("75da0-113")
    assert value_cell is not None and value_cell.block is not None
    assert (value_cell.block.kind, value_cell.block.row, value_cell.block.column) == ("table_cell", 1, 1)
    assert value_cell.block.heading is not None and value_cell.block.heading.anchor == "requirements"


def test_blocks_of_one_list_item_share_its_number() -> None:
    text = "First.\n\n- One.\n- Two.\n\n    Two, again.\n\n    - Nested.\n\nLast.\n"
    page = parse_text(text, Path("p.md"))
    assert [(block.start_line, block.list_item) for block in page.blocks] == [
        (1, None),
        (3, 0),
        (4, 1),
        (6, 1),
        (8, 2),
        (10, None),
    ]


def test_every_corpus_page_reads_without_markup_errors(msi_dir: Path) -> None:
    pages = [read_page(path) for path in sorted(msi_dir.glob("*.md"))]
    assert len(pages) == 1595
    assert sum(len(p.segments) for p in pages) == 55409
    assert all(not p.markup_errors for p in pages)
    assert all(s.paired for p in pages for s in p.segments)


def test_fast_and_general_scanner_agree_on_the_corpus(msi_dir: Path, monkeypatch) -> None:
    import re

    import kbtools.page.reader as reader

    paths = sorted(msi_dir.glob("*.md"))[::7]

    def shape(page):
        return [
            (s.id, s.target and (s.target.text, s.target.tag_start), s.source and (s.source.text, s.source.tag_start))
            for s in page.segments
        ]

    fast = [shape(read_page(p)) for p in paths]
    monkeypatch.setattr(reader, "_CANONICAL_SEGMENT", re.compile(r"(?!)"))
    general = [shape(read_page(p)) for p in paths]
    assert fast == general


def test_escaped_asterisks_are_literal_and_do_not_hide_emphasis() -> None:
    from kbtools.page.inline import parse_inline

    inline = parse_inline(r"\*\*[Windows Installer 4.0](a.md):  \*\*[*Transaction processing*](t.md) is not supported.")
    assert inline.emphasis == ["Transaction processing"]
    assert inline.plain.startswith("**Windows Installer 4.0:  **Transaction processing")
    assert parse_inline(r"a \*not\* b").emphasis == []
    assert parse_inline(r"under \\Users\\*username*.").emphasis == ["username"]


def _yaml_front_matter(text: str) -> dict:
    import yaml

    block = text.split("---\n", 2)[1]
    return {str(key): value for key, value in (yaml.safe_load(block) or {}).items()}


@pytest.mark.parametrize(
    "block",
    [
        "title: 'B (Windows Installer) '\nms.date: 05/31/2018\n",
        "description: 'it''s \\_ kept'\nms.locfileid: \"106975054\"\n",
        "topic_type:\n- APIRef\n- kbSyntax\napi_name:\n-  'Client.ProductCode'\n- \"Msi.dll\"\n",
        # YAML types these plain scalars (a date, a number, a boolean, null): it reads the block.
        "title: 'T'\nms.date: 2018-05-31\n",
        "title: 'T'\ncount: 12\n",
        "title: 'T'\nyes: x\n",
        "topic_type:\n- 12\n- APIRef\n",
        "api_name:\ntitle: T\n",
        "title: 'T' # a comment\n",
    ],
)
def test_front_matter_reads_as_yaml_does(block: str) -> None:
    text = f"---\n{block}---\nbody\n"
    front = parse_text(text, Path("p.md")).front_matter
    assert front is not None and front.error is None
    assert front.data == _yaml_front_matter(text)


def test_front_matter_of_corpus_pages_reads_as_yaml_does(msi_dir: Path) -> None:
    pages = sorted(msi_dir.glob("*.md"))[::16]
    quoted_or_listed = 0
    for path in pages:
        text = path.read_text("utf-8").lstrip("\ufeff")
        front = parse_text(text, path).front_matter
        assert front is not None and front.error is None, path
        assert front.data == _yaml_front_matter(text), path
        block = text.split("---\n", 2)[1]
        quoted_or_listed += "'" in block or "\n-" in block
    assert quoted_or_listed >= 10  # the pages read without YAML before are among them
