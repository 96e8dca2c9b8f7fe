"""A YAML alias bomb ("billion laughs") in front matter is refused before it expands.

Nine lines of nested aliases stand for 9^9 strings; building them (or walking them once) takes
more memory than the machine has. Aliases are refused outright and the page is reported.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import PROPERTY_PAGES, build, check_json, parse_json, run

from kbtools.page import parse_text

LEVELS = "abcdefghi"


def bomb_front_matter() -> str:
    lines = [
        "---",
        "title: ALLUSERS 屬性",
        "ms.contentlocale: zh-TW",
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ]
    for previous, name in zip(LEVELS, LEVELS[1:], strict=False):
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    lines += [f"description: *{LEVELS[-1]}", "---"]
    return "\n".join(lines) + "\n"


BOMB_ALIAS_LINE = 5  # the first `*a`
MEMORY_LIMIT = 1 << 30
TIME_LIMIT = 60


@pytest.fixture
def bombed(corpus_pages: Path) -> Path:
    """The corpus pages, one of which has its front matter swapped for a bomb."""
    page = corpus_pages / PROPERTY_PAGES[0]
    body = page.read_text(encoding="utf-8").split("---", 2)[2].lstrip("\n")
    page.write_text(bomb_front_matter() + body, encoding="utf-8")
    return corpus_pages


def test_the_page_model_refuses_the_alias_with_its_line():
    page = parse_text(bomb_front_matter() + "\nbody\n", Path("bomb.md"))
    assert page.front_matter is not None and page.front_matter.data == {}
    assert page.front_matter.error_line == BOMB_ALIAS_LINE
    assert "alias '*a'" in page.front_matter.error


def test_a_single_harmless_alias_is_refused_too():
    page = parse_text("---\ntitle: &t T\ndescription: *t\n---\n", Path("alias.md"))
    assert page.front_matter.error is not None and page.front_matter.error_line == 3


def test_an_asterisk_in_a_value_is_not_an_alias():
    page = parse_text('---\ntitle: "*T* and *U*"\ndescription: a * b\n---\n', Path("stars.md"))
    assert page.front_matter.error is None and page.front_matter.data["title"] == "*T* and *U*"


def test_check_reports_the_bomb_as_a_frontmatter_finding(bombed):
    _, report = check_json(bombed)
    found = [
        (f["path"], f["line"]) for f in report["findings"] if f["rule"] == "frontmatter" and "alias" in f["message"]
    ]
    assert found == [(f"{bombed.as_posix()}/{PROPERTY_PAGES[0]}", BOMB_ALIAS_LINE)]


def test_parse_skips_the_bombed_page_and_keeps_the_others(bombed, tmp_path):
    result, knowledge_base = parse_json(bombed, tmp_path / "kb.json")
    assert result.code == 1
    assert f"{PROPERTY_PAGES[0]}:{BOMB_ALIAS_LINE}: front matter: YAML alias '*a'" in result.err
    assert sorted(r["slug"] for r in knowledge_base["properties"]) == sorted(Path(n).stem for n in PROPERTY_PAGES[1:])


def test_query_and_build_go_on_without_the_bombed_page(bombed, tmp_path):
    result = run("query", "REBOOT", "--source", bombed)
    assert result.code == 0 and "alias" in result.err
    built = build(bombed, tmp_path / "site")
    assert built.code == 0 and "alias" in built.err
    assert (tmp_path / "site" / "properties" / "reboot.html").exists()
    assert not (tmp_path / "site" / "properties" / "allusers.html").exists()


def test_parse_of_the_bomb_runs_in_bounded_memory_and_time(bombed, tmp_path):
    """Under a 1 GiB address-space limit and a minute (the bomb grew past 1.5 GB in a minute)."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    kbtools = Path(sys.executable).with_name("kbtools")
    result = subprocess.run(
        [str(kbtools), "parse", str(bombed), "--out", str(tmp_path / "kb.json")],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=limit_memory,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "YAML alias" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "kb.json").exists()
