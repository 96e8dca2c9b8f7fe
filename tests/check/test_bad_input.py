"""Bad files never stop the run: each becomes findings with a line number, and is counted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sxs_pages import DEFECT, page, segment

FIRST = segment("1-1", "第一段。", "First.")
FULL = page(FIRST, segment("1-2", "第二段。", "Second paragraph."))

BAD_FILES: dict[str, bytes] = {
    "big5.md": page(segment("1-1", "測試頁面", "Test page")).encode("big5"),
    "nul-bytes.md": page(DEFECT).encode()[:60] + b"\x00\x00\x01\x02binary\x00" + b"\xff" * 10,
    "empty.md": b"",
    "cut-mid-span.md": FULL[: FULL.index("Second") + 3].encode(),
    "broken-yaml.md": ("---\ntitle: [unclosed\nms.contentlocale: zh-TW\n---\n\n" + FIRST + "\n").encode(),
    "unclosed-front-matter.md": ("---\ntitle: 頁\n\n" + FIRST + "\n").encode(),
    "no-front-matter.md": (FIRST + "\n").encode(),
    "hostile.md": page(
        segment("1-1", "請看<script>alert(1)</script>這裡。", "See here."),
        segment("1-2", '圖片<img src="x" onerror="alert(1)">。', "Image."),
        segment("1-3", "按[這裡](javascript:alert(1))。", "Click [here](https://example.com)."),
        segment(
            "1-4", '按<a href="jav&#x61;script:alert(1)">這裡</a>。', 'Click <a href="https://example.com">here</a>.'
        ),
    ).encode(),
}
# (rule, line) that each bad file must be reported with.
EXPECTED = {
    "big5.md": {("encoding", 2)},
    "nul-bytes.md": {("encoding", 6)},
    "empty.md": {("frontmatter", 1)},
    "cut-mid-span.md": {("malformed-markup", 8)},
    "broken-yaml.md": {("frontmatter", 3)},
    "unclosed-front-matter.md": {("frontmatter", 1)},
    "no-front-matter.md": {("frontmatter", 1)},
    "hostile.md": {("unsafe-html", 6), ("unsafe-html", 8), ("unsafe-html", 10), ("unsafe-html", 12)},
}


@pytest.fixture
def bad_tree(workdir: Path) -> Path:
    for name, data in BAD_FILES.items():
        (workdir / name).write_bytes(data)
    return workdir


@pytest.fixture
def report(bad_tree: Path, kbtools) -> dict:
    result = kbtools("check", "--format", "json", ".")
    assert result.code == 1
    assert result.err == ""
    return json.loads(result.out)


def test_every_bad_file_is_counted(report):
    assert report["summary"]["files"] == len(BAD_FILES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_reported_with_its_line(report, name):
    found = {(f["rule"], f["line"]) for f in report["findings"] if f["path"] == name}
    assert EXPECTED[name] <= found


def test_hostile_page_reports_each_attack(report):
    messages = " | ".join(f["message"] for f in report["findings"] if f["rule"] == "unsafe-html")
    for attack in ("<script>", "onerror", "script URL in a link", "script URL in an attribute"):
        assert attack in messages


@pytest.mark.parametrize("fmt", ["text", "github", "sarif", "junit"])
def test_every_format_survives_bad_files(bad_tree, kbtools, fmt):
    result = kbtools("check", "--format", fmt, ".")
    assert result.code == 1
    assert result.err == ""
    assert "Traceback" not in result.out


def test_a_dangling_link_is_reported_as_a_path_error(workdir, kbtools):
    (workdir / "gone.md").symlink_to(workdir / "nothere.md")
    result = kbtools("check", ".")
    assert result.code == 2
    assert result.err == f"kbtools check: error: gone.md: dangling symlink to {workdir / 'nothere.md'}: not read\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_a_directory_does_not_block_the_run(workdir, kbtools):
    os.mkfifo(workdir / "pipe.md")
    (workdir / "real.md").write_text(page(DEFECT), encoding="utf-8")
    result = kbtools("check", ".")
    assert result.code == 2
    assert result.out.startswith("real.md:6:1: protected-term [error]")
    assert result.err == "kbtools check: error: pipe.md: a named pipe, not a page: not read\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_given_by_name_is_a_path_error(workdir, kbtools):
    os.mkfifo(workdir / "pipe.md")
    result = kbtools("check", "pipe.md")
    assert result.code == 2
    assert result.err == "kbtools check: error: pipe.md: not a regular file or directory\n"
