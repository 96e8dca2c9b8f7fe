"""Every property page of the corpus shows the whole body of its source page, and its record
accounts for every segment: checked against the page model of each source page."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kbtools.kb.body import segments_of
from kbtools.kb.record import PropertyRecord
from kbtools.kb.records import DEFAULT_VALUE, EXAMPLE_SECTIONS, PROPERTY_VALUE, REMARKS, SEE_ALSO
from kbtools.kb.sections import outline
from kbtools.page import Page, read_page

pytestmark = pytest.mark.corpus

_TR = re.compile(r"<tr\b", re.I)
_CELL = re.compile(r"<t[dh]\b", re.I)


def _article(site: Path, record: PropertyRecord) -> str:
    text = (site / "properties" / f"{record.slug}.html").read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


def _outside_card(article: str) -> str:
    start = article.index('<div class="kb-card">')
    end = article.index('<section class="kb-source"', start)
    end = article.index("</div>", end) + len("</div>")
    return article[:start] + article[end:]


def _body_segments(page: Page) -> list:
    """The segments after the title heading, in page order."""
    shape = outline(page)
    title = set(map(id, shape.title.segments)) if shape.title is not None else set()
    return [segment for segment in page.segments if id(segment) not in title]


def _source_tables(page: Page) -> list[tuple[int, int]]:
    """(rows, columns) of every table of the source page, Markdown or HTML, in page order."""
    tables: dict[int, tuple[int, dict[int, int]]] = {}  # first line -> (line, row -> columns)
    for block in page.blocks:
        if block.kind == "table_cell":
            scope = next(s for s in block.scopes if s.kind == "table")
            _, rows = tables.setdefault(scope.number, (block.start_line, {}))
            rows[block.row] = max(rows.get(block.row, 0), block.column + 1)
        elif block.kind == "html":
            raw = "\n".join((page.text or "").split("\n")[block.start_line - 1 : block.end_line])
            if "<table" in raw.lower():
                rows = {}
                for number, row in enumerate(re.split(r"<tr\b", raw, flags=re.I)[1:]):
                    rows[number] = len(_CELL.findall(row))
                tables[-block.start_line] = (block.start_line, rows)
    ordered = sorted(tables.values(), key=lambda item: item[0])
    return [(len(rows), max(rows.values(), default=0)) for _, rows in ordered]


def _site_tables(html: str) -> list[tuple[int, int]]:
    shapes = []
    for table in re.findall(r"<table>(.*?)</table>", html, re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        shapes.append((len(rows), max((len(_CELL.findall(row)) for row in rows), default=0)))
    return shapes


def _ordered_lists(page: Page) -> int:
    return len({scope.number for block in page.blocks for scope in block.scopes if scope.kind == "ordered_list"})


@pytest.fixture(scope="module")
def pages(corpus_kb, msi_dir) -> list[tuple[PropertyRecord, Page]]:
    return [(record, read_page(msi_dir / record.source.path)) for record in corpus_kb.properties]


def test_every_body_segment_is_on_its_page_once_outside_the_card(corpus_site, pages):
    counts: Counter[str] = Counter()
    problems = []
    for record, page in pages:
        html = _outside_card(_article(corpus_site, record))
        for segment in _body_segments(page):
            if segment.target is None:
                continue
            counts["segments"] += 1
            found = html.count(f'id="seg-{segment.id}"')
            if found == 1:
                counts["once"] += 1
            else:
                problems.append(f"{record.slug}: {segment.id} shown {found} times")
    print(f"\nbody target segments: {counts['segments']}, on their page once: {counts['once']}")
    assert counts["segments"] > 5000
    assert not problems, "\n".join(problems[:20])


def test_every_source_table_is_a_table_of_the_same_shape(corpus_site, pages):
    tables = matched = 0
    problems = []
    for record, page in pages:
        expected = _source_tables(page)
        built = _site_tables(_outside_card(_article(corpus_site, record)))
        tables += len(expected)
        if built == expected:
            matched += len(expected)
        else:
            problems.append(f"{record.slug}: source {expected}, site {built}")
    print(f"\nsource tables: {tables}, same shape on the site: {matched}")
    assert tables > 300
    assert not problems, "\n".join(problems[:20])


def test_every_numbered_list_is_an_ordered_list(corpus_site, pages):
    lists = 0
    problems = []
    for record, page in pages:
        expected = _ordered_lists(page)
        built = _outside_card(_article(corpus_site, record)).count('<ol class="kb-list"')
        lists += expected
        if built != expected:
            problems.append(f"{record.slug}: {expected} numbered lists, {built} <ol>")
    print(f"\nsource numbered lists: {lists}")
    assert lists > 0
    assert not problems, "\n".join(problems)


def test_lead_sentence_is_not_shown_twice(corpus_site, pages):
    for record, _ in pages:
        if not record.semantics:
            continue
        first = record.semantics[0].model_extra.get("zh-TW", None)
        article = _article(corpus_site, record)
        assert article.count(f'id="seg-{record.semantics[0].id}"') == 1, record.slug
        assert first is not None


def _held_ids(record: PropertyRecord, section: str) -> set[str] | None:
    """Ids of the segments the record holds for a section; None where the field keeps facts
    without ids (requirements, see also, syntax), which must then be non-empty."""
    key = section.casefold()
    if key == "":
        return {segment.id for segment in record.semantics}
    if key in map(str.casefold, REMARKS):
        return {segment.id for segment in record.remarks}
    if key in map(str.casefold, DEFAULT_VALUE):
        return {segment.id for segment in record.default_value}
    if key in map(str.casefold, PROPERTY_VALUE) and record.value is not None:
        return {segment.id for segment in record.value.text}
    if key in EXAMPLE_SECTIONS:
        return {segment.id for example in record.examples for segment in example.text}
    for other in record.other:
        if other.key.casefold() == key:
            return {segment.id for segment in other.segments}
    return None


def test_every_segment_is_accounted_for_in_the_record(pages):
    counts: Counter[str] = Counter()
    problems = []
    for record, page in pages:
        in_body = Counter(segment.id for segment in segments_of(record.body))
        for segment in _body_segments(page):
            counts["segments"] += 1
            if in_body[segment.id] == 1:
                counts["in body once"] += 1
            else:
                problems.append(f"{record.slug}: {segment.id} in the body {in_body[segment.id]} times")
        for block in record.body:
            ids = [segment.id for segment in segments_of([block])]
            if block.type == "heading" and (block.level or 2) <= 2:
                counts["held"] += len(ids)  # a section heading names the field that holds it
                continue
            held = _held_ids(record, block.section or "")
            key = (block.section or "").casefold()
            if held is None:
                facts = {
                    "requirements": bool(record.requirements.rows or record.requirements.statements),
                    "syntax": record.value is not None and record.value.syntax is not None,
                }
                facts.update({title.casefold(): bool(record.see_also) for title in SEE_ALSO})
                if facts.get(key):
                    counts["held"] += len(ids)
                else:
                    problems.extend(f"{record.slug}: {i} in section {block.section!r}, held by no field" for i in ids)
                continue
            for segment_id in ids:
                if segment_id in held:
                    counts["held"] += 1
                else:
                    problems.append(f"{record.slug}: {segment_id} of {block.section!r} missing from its field")
    print(
        f"\nsegments after the title: {counts['segments']}, in the record body once: {counts['in body once']},"
        f" held by a field or a named other section: {counts['held']}"
    )
    assert counts["segments"] > 5000
    assert not problems, "\n".join(problems[:20])
