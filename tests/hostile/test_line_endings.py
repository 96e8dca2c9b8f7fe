"""Every line-break style reads as the same page: LF, CRLF, CR, CR CR LF and a mix of them.

Real corpus pages are converted to each style; the segments, records, findings and built site
must be those of the LF page, with line numbers as an editor counts them.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hostile_support import PROPERTY_PAGES, build, check_json, parse_json, run

from kbtools.page import read_page

STYLES = {"lf": "\n", "crlf": "\r\n", "cr": "\r", "cr-cr-lf": "\r\r\n", "mixed": None}
MIXED = ("\n", "\r\n", "\r", "\r\r\n")


def convert(text: str, style: str) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    if STYLES[style] is not None:
        return STYLES[style].join(lines)
    endings = itertools.cycle(MIXED)
    parts = []
    for line, following in zip(lines, lines[1:], strict=False):
        ending = next(endings)
        # A lone CR before an empty CRLF line would read as one CR CR LF break: no style can tell.
        parts.append(line + ("\n" if ending == "\r" and not following else ending))
    return "".join(parts) + lines[-1]


@pytest.fixture(scope="module")
def styled(msi_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """style -> a folder of the property pages written in that style."""
    folders = {}
    for style in STYLES:
        folder = tmp_path_factory.mktemp(style)
        for name in PROPERTY_PAGES:
            text = (msi_dir / name).read_text(encoding="utf-8")
            (folder / name).write_bytes(convert(text, style).encode("utf-8"))
        folders[style] = folder
    return folders


def segments(path: Path) -> list[tuple]:
    page = read_page(path)
    return [
        (s.id, s.line, s.column, s.target.text if s.target else None, s.source.text if s.source else None)
        for s in page.segments
    ]


def test_the_pages_really_use_each_style(styled):
    data = (styled["cr"] / PROPERTY_PAGES[0]).read_bytes()
    assert b"\n" not in data and data.count(b"\r") > 20
    assert (styled["cr-cr-lf"] / PROPERTY_PAGES[0]).read_bytes().count(b"\r\r\n") > 20
    mixed = (styled["mixed"] / PROPERTY_PAGES[0]).read_bytes()
    assert set(re.findall(rb"\r\r\n|\r\n|\r|\n", mixed)) == {ending.encode() for ending in MIXED}


@pytest.mark.parametrize("style", [s for s in STYLES if s != "lf"])
def test_segments_and_their_positions_are_those_of_the_lf_page(styled, style):
    for name in PROPERTY_PAGES:
        expected = segments(styled["lf"] / name)
        assert expected
        assert segments(styled[style] / name) == expected


@pytest.mark.parametrize("style", [s for s in STYLES if s != "lf"])
def test_block_structure_is_that_of_the_lf_page(styled, style):
    for name in PROPERTY_PAGES:
        expected = [(b.kind, b.start_line, b.end_line, b.row, b.column) for b in read_page(styled["lf"] / name).blocks]
        assert [
            (b.kind, b.start_line, b.end_line, b.row, b.column) for b in read_page(styled[style] / name).blocks
        ] == expected


@pytest.mark.parametrize("style", [s for s in STYLES if s != "lf"])
def test_findings_are_those_of_the_lf_page(styled, style):
    _, expected = check_json(styled["lf"])
    result, report = check_json(styled[style])
    assert result.err == ""

    def key(report):
        return sorted(
            (Path(f["path"]).name, f["line"], f["column"], f["rule"], f["message"]) for f in report["findings"]
        )

    assert key(expected)
    assert key(report) == key(expected)


@pytest.mark.parametrize("style", [s for s in STYLES if s != "lf"])
def test_records_are_those_of_the_lf_page(styled, style, tmp_path):
    _, expected = parse_json(styled["lf"], tmp_path / "lf.json")
    result, knowledge_base = parse_json(styled[style], tmp_path / f"{style}.json")
    assert result.code == 0 and result.err == ""
    assert len(knowledge_base["properties"]) == len(PROPERTY_PAGES)
    for record in (*expected["properties"], *knowledge_base["properties"]):
        record["source"].pop("path")
    for each in (expected, knowledge_base):
        each.pop("generated_at", None)  # the time of the run
    assert knowledge_base == expected


def test_a_cr_only_page_is_queried_like_any_other(styled):
    result = run("query", "ALLUSERS", "--source", styled["cr"])
    assert result.code == 0 and result.err == ""
    assert '"name": "ALLUSERS"' in result.out and '"Windows Installer"' in result.out


@pytest.mark.parametrize("style", ["cr", "cr-cr-lf"])
def test_the_built_site_is_that_of_the_lf_page(styled, style, tmp_path):
    sites = {}
    for which in ("lf", style):
        result = build(styled[which], tmp_path / which)
        assert result.code == 0, result.err
        sites[which] = tmp_path / which
    pages = sorted(p.relative_to(sites["lf"]) for p in (sites["lf"] / "properties").rglob("*.html"))
    assert len(pages) == len(PROPERTY_PAGES)
    for page in pages:
        assert (sites[style] / page).read_text(encoding="utf-8") == (sites["lf"] / page).read_text(encoding="utf-8")


def test_a_decoding_error_is_placed_on_the_line_an_editor_shows(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes(b"---\rtitle: t\r\r\n---\r\ncaf\xe9\n")
    error = read_page(path).decode_error
    assert error is not None and (error.line, error.column) == (4, 4)
