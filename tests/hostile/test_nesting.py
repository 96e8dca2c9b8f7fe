"""100,000 nested spans: the page model caps nesting, so nothing later sees the depth.

Real pages nest spans three deep at most (a lookup around a source around an anchor). Deeper
than `MAX_NESTING_DEPTH` is `malformed-markup`, and the segment holding the spans is left out, so
neither the records nor the site carry them (MkDocs Material's search indexer is quadratic in
the depth: such a page held a build for over 15 minutes).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_support import PROPERTY_PAGES, build, check_json, parse_json, site_text

from kbtools.page import parse_text
from kbtools.page.reader import MAX_NESTING_DEPTH

DEPTH = 100_000
LEAD_SEGMENT = "d3ba3-104"  # the first sentence of allusers.md after its title
OPEN = f'<span data-ttu-id="{LEAD_SEGMENT}">'


def deep(depth: int, tag: str = "span") -> str:
    return f"<{tag}>" * depth + "深" + f"</{tag}>" * depth


@pytest.fixture(params=["span", "b"])
def nested(request, corpus_pages: Path) -> Path:
    """The corpus pages, one holding 100,000 nested spans (or bold elements) in a lead segment."""
    page = corpus_pages / PROPERTY_PAGES[0]
    text = page.read_text(encoding="utf-8")
    assert OPEN in text
    page.write_text(text.replace(OPEN, OPEN + deep(DEPTH, request.param), 1), encoding="utf-8")
    return corpus_pages


def pair(ident: str, target: str, source: str) -> str:
    return f'<span data-ttu-id="{ident}">{target}</span><span class="sxs-lookup"><span data-stu-id="{ident}">{source}</span></span>'


def test_real_pages_nest_far_below_the_cap(msi_dir):
    tag = re.compile(r"<span\b[^>]*?(/?)>|</span\s*>")
    deepest = 0
    for path in msi_dir.glob("*.md"):
        depth = 0
        for match in tag.finditer(path.read_text(encoding="utf-8")):
            if match.group(0).startswith("</"):
                depth = max(0, depth - 1)
            elif not match.group(1):
                depth += 1
                deepest = max(deepest, depth)
    assert 2 <= deepest <= MAX_NESTING_DEPTH // 4


def test_nesting_at_the_cap_is_read():
    page = parse_text(pair("1-1", deep(MAX_NESTING_DEPTH - 1), "ok") + "\n", Path("p.md"))
    assert page.markup_errors == []
    assert [s.id for s in page.segments] == ["1-1"] and page.segments[0].paired


def test_deeper_nesting_is_an_error_and_the_segment_is_left_out():
    text = (
        pair("1-1", "前", "Before")
        + "\n\n"
        + pair("1-2", deep(DEPTH), "Deep")
        + "\n\n"
        + pair("1-3", "後", "After")
        + "\n"
    )
    page = parse_text(text, Path("p.md"))
    assert [s.id for s in page.segments] == ["1-1", "1-3"]
    assert all(s.paired for s in page.segments)
    [error] = page.markup_errors
    assert (error.line, error.column) == (
        3,
        len('<span data-ttu-id="1-2">') + 1 + (MAX_NESTING_DEPTH - 1) * len("<span>"),
    )
    assert f"more than {MAX_NESTING_DEPTH} deep" in error.message


@pytest.mark.parametrize("tag", ["b", "a", "div"])
def test_elements_nested_too_deep_in_a_segment_are_an_error_too(tag):
    text = (
        pair("1-1", deep(MAX_NESTING_DEPTH, tag), "ok")
        + "\n\n"
        + pair("1-2", deep(MAX_NESTING_DEPTH + 1, tag), "Deep")
        + "\n"
    )
    page = parse_text(text, Path("p.md"))
    assert [s.id for s in page.segments] == ["1-1"]
    [error] = page.markup_errors
    assert error.line == 3 and f"more than {MAX_NESTING_DEPTH} deep" in error.message


def test_many_flat_elements_are_not_nesting():
    page = parse_text(pair("1-1", "<b>粗</b><br>" * 200 + "<p>" * 3, "Bold") + "\n", Path("p.md"))
    assert page.markup_errors == [] and [s.id for s in page.segments] == ["1-1"]


def test_check_reports_malformed_markup_on_its_line(nested):
    result, report = check_json(nested)
    assert result.err == ""
    page = (nested / PROPERTY_PAGES[0]).as_posix()
    found = [f for f in report["findings"] if f["path"] == page and f["rule"] == "malformed-markup"]
    assert [(f["line"], "deep" in f["message"]) for f in found] == [(17, True)]


def test_parse_keeps_the_record_without_the_deep_segment(nested, tmp_path):
    result, knowledge_base = parse_json(nested, tmp_path / "kb.json")
    assert result.code == 0
    record = next(r for r in knowledge_base["properties"] if r["name"] == "ALLUSERS")
    assert record["semantics"] and LEAD_SEGMENT not in [s["id"] for s in record["semantics"]]
    assert "<span><span>" not in (tmp_path / "kb.json").read_text(encoding="utf-8")


def test_build_finishes_and_the_site_holds_no_deep_markup(nested, tmp_path):
    result = build(nested, tmp_path / "site")
    assert result.code == 0, result.err
    assert (tmp_path / "site" / "properties" / "allusers.html").exists()
    text = site_text(tmp_path / "site")
    assert "<span><span><span>" not in text and "<b><b><b>" not in text
