"""The body of a page as structured blocks, from the page model's blocks and scopes.

Everything after the title heading, in page order: headings, paragraphs, lists (ordered or
not), tables, code, notes. A block's text is a run of segments and of the markup the page
writes outside any segment (an untranslated value such as `omus`); layout markup (`<br/>`,
anchors, the sxs wrappers, list and quote markers) is not text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbtools.kb.record import BlockText, BodyBlock, Example, LocalizedSegment, TextRun
from kbtools.kb.sections import Outline, Section
from kbtools.kb.sentence import localized_segment
from kbtools.kb.value import fence_text
from kbtools.page import Page, Segment
from kbtools.page.blocks import Block, Scope, cell_columns
from kbtools.page.reader import MAX_NESTING_DEPTH

# After a segment's source span: its closing wrapper tags, then `](target)` when a link wraps it.
_CLOSING = re.compile(r"(?:\s*</span\s*>)*")
_LINK_TAIL = re.compile(r"(?:\s*</span\s*>)*\s*\]\(\s*(?:<[^>\n]*>|[^\s()]+)(?:\s+\"[^\"]*\")?\s*\)")
_LAYOUT = re.compile(
    r"<a\s+(?:name|id)\s*=\s*[\"'][^\"']*[\"']\s*>\s*</a\s*>"  # anchors
    r"|</?(?:span|br|dl|dt|dd|p|div)\b[^>]*>"  # wrappers and line breaks
    r"|&nbsp;|\u00a0|\u200b"
)
_LINE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)?", re.M)
_ALERT = re.compile(r"^\s*\[!(\w+)\]", re.I)
_WORDS = re.compile(r"\w")
_SXS_PAIR = re.compile(r"data-[ts]tu-id|sxs-lookup", re.I)
_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>?")
_TABLE_TAG = re.compile(r"<(/?)(tr|td|th|thead)\b", re.I)


def read_body(page: Page, shape: Outline, locale: str) -> list[BodyBlock]:
    """The blocks of the page after its title, each top-level block naming its section."""
    body: list[BodyBlock] = []
    for section in [shape.lead, *shape.sections]:
        blocks = _section_blocks(section)
        for block in _build(page, blocks, 0, locale):
            block.section = section.title
            body.append(block)
    return body


def _section_blocks(section: Section) -> list[Block]:
    return ([section.heading] if section.heading is not None else []) + section.blocks


def _build(page: Page, leaves: Sequence[Block], depth: int, locale: str) -> list[BodyBlock]:
    """Blocks for `leaves`, grouping those that share the container at `depth`."""
    built: list[BodyBlock] = []
    index = 0
    while index < len(leaves):
        leaf = leaves[index]
        if len(leaf.scopes) > depth:
            scope = leaf.scopes[depth]
            end = index
            while end < len(leaves) and len(leaves[end].scopes) > depth and leaves[end].scopes[depth] is scope:
                end += 1
            container = _container(page, scope, leaves[index:end], depth, locale)
            if container is not None:
                built.append(container)
            index = end
            continue
        block = _leaf(page, leaf, locale)
        if block is not None:
            built.extend(block)
        index += 1
    return built


def _container(page: Page, scope: Scope, leaves: Sequence[Block], depth: int, locale: str) -> BodyBlock | None:
    if scope.kind in ("bullet_list", "ordered_list"):
        items: list[list[BodyBlock]] = []
        index = 0
        while index < len(leaves):
            item = leaves[index].scopes[depth + 1] if len(leaves[index].scopes) > depth + 1 else None
            end = index + 1
            while (
                end < len(leaves)
                and item is not None
                and len(leaves[end].scopes) > depth + 1
                and leaves[end].scopes[depth + 1] is item
            ):
                end += 1
            items.append(_build(page, leaves[index:end], depth + 2, locale))
            index = end
        return BodyBlock(type="list", ordered=scope.ordered, start=scope.start if scope.ordered else None, items=items)
    if scope.kind == "blockquote":
        blocks = _build(page, leaves, depth + 1, locale)
        alert = None
        first = leaves[0] if leaves else None
        if first is not None:
            match = _ALERT.match(_LINE_MARKERS.sub("", _lines(page, first.start_line, first.start_line)))
            alert = match.group(1).upper() if match else None
        return BodyBlock(type="note", alert=alert, blocks=blocks)
    if scope.kind == "table":
        rows: dict[int, dict[int, BlockText]] = {}
        header_rows = 0
        for leaf in leaves:
            if leaf.kind != "table_cell" or leaf.row is None or leaf.column is None:
                continue
            cells = cell_columns(_lines(page, leaf.start_line, leaf.start_line))
            start, end = cells[leaf.column] if leaf.column < len(cells) else (0, 0)
            offset = page.lines.line_start(leaf.start_line)
            rows.setdefault(leaf.row, {})[leaf.column] = _text(
                page, leaf.segments, offset + start, offset + end, locale
            )
            if leaf.row == 0:
                header_rows = 1
        width = max((max(row) + 1 for row in rows.values() if row), default=0)
        table = [[row.get(column, []) for column in range(width)] for _, row in sorted(rows.items())]
        return BodyBlock(type="table", header_rows=header_rows, rows=table)
    return BodyBlock(type="paragraph", content=[part for leaf in leaves for part in _leaf_text(page, leaf, locale)])


def _leaf(page: Page, leaf: Block, locale: str) -> list[BodyBlock] | None:
    if leaf.kind in ("fence", "code"):
        language = leaf.info.split()[0] if leaf.info else None
        code = fence_text(page, leaf.start_line, leaf.end_line) if leaf.kind == "fence" else _indented(page, leaf)
        return [BodyBlock(type="code", language=language, code=code)] if code.strip() else None
    if leaf.kind == "html":
        return _html(page, leaf, locale)
    content = _leaf_text(page, leaf, locale)
    if not content:
        return None
    if leaf.kind == "heading":
        return [BodyBlock(type="heading", level=leaf.level, content=content)]
    return [BodyBlock(type="paragraph", content=content)]


def _leaf_text(page: Page, leaf: Block, locale: str) -> BlockText:
    start = page.lines.line_start(leaf.start_line)
    end = page.lines.line_start(leaf.end_line + 1) if leaf.end_line < page.lines.line_count else len(page.text or "")
    return _text(page, leaf.segments, start, end, locale)


def _text(page: Page, segments: Sequence[Segment], start: int, end: int, locale: str) -> BlockText:
    """The run of `segments` and of the markup between them in the page text [start, end)."""
    text = page.text or ""
    parts: BlockText = []
    position = start
    for segment in sorted(segments, key=lambda s: s.anchor.tag_start):
        first = segment.target if segment.target is not None else segment.source
        last = segment.source if segment.source is not None else segment.target
        assert first is not None and last is not None
        link = page.wrapping_link(segment)
        begin = first.tag_start
        if link is not None:
            bracket = text.rfind("[", position, begin)
            begin = bracket if bracket != -1 else begin
            tail = _LINK_TAIL.match(text, last.end)
        else:
            tail = _CLOSING.match(text, last.end)
        _outside(text[position:begin], parts)
        parts.append(_segment(segment, locale, link))
        position = tail.end() if tail else last.end
    _outside(text[position:end], parts)
    return parts


def _segment(segment: Segment, locale: str, link: str | None) -> LocalizedSegment:
    localized = localized_segment(segment, locale)
    if link is not None:
        extra = localized.__pydantic_extra__
        for key, value in list(extra.items()):
            extra[key] = f"[{value}]({link})"
    return localized


def _outside(markup: str, parts: BlockText) -> None:
    if _SXS_PAIR.search(markup):
        # A pair the page reader left out (broken or nested too deep, reported there as
        # malformed-markup): none of it is text of the page.
        return
    if markup.count("<") > MAX_NESTING_DEPTH:
        # Markup outside any segment gets the same bound as a segment's: past it, only words.
        markup = _ANY_TAG.sub(" ", markup)
    text = _LINE_MARKERS.sub("", _LAYOUT.sub(" ", markup))
    text = _ALERT.sub("", text)
    text = " ".join(text.replace("|", " ").split())
    if _WORDS.search(text):
        parts.append(TextRun(text=text))


def _lines(page: Page, first: int, last: int) -> str:
    return "\n".join((page.text or "").split("\n")[first - 1 : last])


def _indented(page: Page, leaf: Block) -> str:
    lines = _lines(page, leaf.start_line, leaf.end_line).split("\n")
    return "\n".join(line[4:] if line.startswith("    ") else line.lstrip("\t") for line in lines).strip("\n")


def _html(page: Page, leaf: Block, locale: str) -> list[BodyBlock] | None:
    """A raw HTML block: a `<table>` keeps its rows and cells; other HTML gives a paragraph per
    line that holds text."""
    if not leaf.segments:
        return None
    raw = _lines(page, leaf.start_line, leaf.end_line)
    offset = page.lines.line_start(leaf.start_line)
    if "<table" in raw.lower():
        return [_html_table(page, leaf, raw, offset, locale)]
    blocks = []
    position = offset
    for line in raw.split("\n"):
        line_end = position + len(line)
        segments = [s for s in leaf.segments if position <= s.anchor.tag_start < line_end]
        content = _text(page, segments, position, line_end, locale)
        if content:
            blocks.append(BodyBlock(type="paragraph", content=content))
        position = line_end + 1
    return blocks or None


def _html_table(page: Page, leaf: Block, raw: str, offset: int, locale: str) -> BodyBlock:
    cells: list[tuple[int, int, int, int, bool]] = []  # (row, column, start, end, header)
    row, column, header_rows = -1, -1, 0
    in_head = False
    open_cell: tuple[int, int, int, bool] | None = None
    for match in _TABLE_TAG.finditer(raw):
        closing, tag = match.group(1) == "/", match.group(2).lower()
        if tag == "thead":
            in_head = not closing
            continue
        if tag == "tr" and not closing:
            row, column = row + 1, -1
            if in_head:
                header_rows = row + 1
        elif tag in ("td", "th") and not closing:
            column += 1
            close = raw.find(">", match.end())
            open_cell = (row, column, (close if close != -1 else match.end()) + 1, tag == "th")
            if tag == "th" and not in_head:
                header_rows = max(header_rows, row + 1)
        elif tag in ("td", "th") and closing and open_cell is not None:
            r, c, start, is_header = open_cell
            cells.append((r, c, start, max(start, match.start()), is_header))
            open_cell = None
    width = max((c + 1 for _, c, *_ in cells), default=0)
    table: list[list[BlockText]] = [[[] for _ in range(width)] for _ in range(row + 1)]
    for r, c, start, end, _ in cells:
        if r < 0:
            continue
        segments = [s for s in leaf.segments if offset + start <= s.anchor.tag_start < offset + end]
        table[r][c] = _text(page, segments, offset + start, offset + end, locale)
    return BodyBlock(type="table", header_rows=header_rows, rows=table)


EXAMPLE_SECTIONS = ("example", "examples")


def read_examples(body: list[BodyBlock]) -> list[Example]:
    """The code blocks of the Example(s) sections; each explained by the segments that follow it
    (those before the first code block explain the first)."""
    examples: list[Example] = []
    waiting: list[LocalizedSegment] = []
    for top in body:
        if (top.section or "").casefold() not in EXAMPLE_SECTIONS or top.type == "heading":
            continue
        for block in _flat(top):
            if block.type == "code" and block.code is not None:
                examples.append(Example(language=block.language, code=block.code, text=waiting))
                waiting = []
            elif examples:
                examples[-1].text.extend(segments_of([block]))
            else:
                waiting.extend(segments_of([block]))
    return examples


def _flat(block: BodyBlock) -> list[BodyBlock]:
    flat = [block]
    for child in block.blocks:
        flat.extend(_flat(child))
    for item in block.items:
        for child in item:
            flat.extend(_flat(child))
    return flat


def segments_of(blocks: Sequence[BodyBlock]) -> list[LocalizedSegment]:
    """Every segment of the blocks and the blocks they hold, in page order."""
    found: list[LocalizedSegment] = []
    for block in blocks:
        found.extend(part for part in block.content if isinstance(part, LocalizedSegment))
        for row in block.rows:
            for cell in row:
                found.extend(part for part in cell if isinstance(part, LocalizedSegment))
        for item in block.items:
            found.extend(segments_of(item))
        found.extend(segments_of(block.blocks))
    return found
