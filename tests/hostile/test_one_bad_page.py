"""Whatever goes wrong with one page, parse, query and build report it and go on with the others.

A reader that raises on one page stands for any bug a strange page may find: the run reports
`path: message` and every other page still becomes a record.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import PROPERTY_PAGES, build, parse_json, run

import kbtools.kb.build
from kbtools.kb.records import property_record

BROKEN = PROPERTY_PAGES[0]


@pytest.fixture
def one_page_raises(monkeypatch):
    def record_or_raise(page, *args, **kwargs):
        if page.path.name == BROKEN:
            raise RecursionError("maximum recursion depth exceeded")
        return property_record(page, *args, **kwargs)

    monkeypatch.setattr(kbtools.kb.build, "property_record", record_or_raise)


def test_parse_reports_the_page_and_writes_the_others(corpus_pages, one_page_raises, tmp_path):
    result, knowledge_base = parse_json(corpus_pages, tmp_path / "kb.json")
    assert result.code == 1
    [line] = result.err.splitlines()
    assert line.startswith(
        f"kbtools parse: error: {(corpus_pages / BROKEN).as_posix()}: cannot read this page (RecursionError"
    )
    assert line.endswith("(page skipped)")
    assert sorted(r["slug"] for r in knowledge_base["properties"]) == sorted(Path(n).stem for n in PROPERTY_PAGES[1:])


def test_query_answers_from_the_other_pages(corpus_pages, one_page_raises):
    result = run("query", "REBOOT", "--source", corpus_pages)
    assert result.code == 0 and '"name": "REBOOT"' in result.out
    assert BROKEN in result.err and "Traceback" not in result.err


def test_build_reports_the_page_and_builds_the_others(corpus_pages, one_page_raises, tmp_path):
    result = build(corpus_pages, tmp_path / "site")
    assert result.code == 0
    assert f"{BROKEN}: cannot read this page (RecursionError" in result.err
    built = sorted(path.name for path in (tmp_path / "site" / "properties").glob("*.html"))
    assert built == sorted(Path(n).stem + ".html" for n in PROPERTY_PAGES[1:])
