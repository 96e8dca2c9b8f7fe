"""The Markdown block structure of a page, from markdown-it-py's block parser.

Leaf blocks (headings, paragraphs, table cells, code) carry their line range, the containers
they sit in (list items, block quotes, tables), the list item that holds them and the heading of
their section; every segment is attached to the leaf block that holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from markdown_it import MarkdownIt

from kbtools.page.cells import cell_columns

if TYPE_CHECKING:
    from kbtools.page.model import Page, Segment

BlockKind = Literal["heading", "paragraph", "table_cell", "fence", "code", "html"]

_ANCHOR = re.compile(r"""<a\s+(?:name|id)\s*=\s*["']([^"']+)["']""", re.I)
_LEAF_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "fence": "fence",
    "code_block": "code",
    "html_block": "html",
}
_CONTAINERS = {
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "list_item_open": "list_item",
    "blockquote_open": "blockquote",
    "table_open": "table",
}


@dataclass(eq=False)
class Scope:
    """A container the page opens: a list, list item, block quote or table.

    `number` tells containers apart (in page order); `ordered` and `start` describe lists.
    """

    kind: str
    number: int
    ordered: bool = False
    start: int | None = None

    def __repr__(self) -> str:
        return f"Scope({self.kind} {self.number})"


@dataclass(eq=False)
class Block:
    """A leaf block. Lines are 1-based and inclusive; `heading` is the section's heading block.

    `list_item` numbers the innermost list item holding the block (0-based, in page order), so
    the paragraphs of one item share it; None outside lists.
    """

    kind: BlockKind
    start_line: int
    end_line: int
    containers: tuple[str, ...] = ()
    level: int = 0
    anchor: str | None = None
    heading: Block | None = None
    list_item: int | None = None
    row: int | None = None
    column: int | None = None
    info: str = ""
    segments: list[Segment] = field(default_factory=list)
    scopes: tuple[Scope, ...] = ()

    def __repr__(self) -> str:
        where = f" r{self.row}c{self.column}" if self.row is not None else ""
        return f"Block({self.kind} {self.start_line}-{self.end_line}{where})"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.core.ruler.disable(["inline", "text_join"])
    return md


def parse_blocks(page: Page) -> list[Block]:
    text = page.text or ""
    body_from = 0
    if page.front_matter is not None and page.front_matter.end_line:
        # Blank out the front matter so that token lines stay page lines.
        end = page.lines.line_start(min(page.front_matter.end_line + 1, page.lines.line_count))
        if page.front_matter.end_line >= page.lines.line_count:
            end = len(text)
        body_from = end
        text = "\n" * text.count("\n", 0, end) + text[end:]
    tokens = _parser().parse(text)
    source_lines = text.split("\n")
    blocks: list[Block] = []
    containers: list[str] = []
    scopes: list[Scope] = []
    opened = 0
    heading: Block | None = None
    row_index = -1
    items: list[int] = []  # the open list items, innermost last
    item_count = 0
    for token in tokens:
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
            ordered = token.type == "ordered_list_open"
            start = int(token.attrs.get("start", 1)) if ordered else None  # type: ignore[arg-type]
            scopes.append(Scope(token.type.removesuffix("_open"), opened, ordered, start))
            opened += 1
            if token.type == "table_open":
                row_index = -1
            elif token.type == "list_item_open":
                items.append(item_count)
                item_count += 1
            continue
        if token.nesting == -1 and token.type.replace("_close", "_open") in _CONTAINERS:
            if containers:
                containers.pop()
            if scopes:
                scopes.pop()
            if token.type == "list_item_close" and items:
                items.pop()
            continue
        if token.type == "tr_open":
            row_index += 1
            if token.map:
                line = token.map[0] + 1
                cells = cell_columns(source_lines[token.map[0]])
                for column, _ in enumerate(cells):
                    blocks.append(
                        Block(
                            "table_cell",
                            line,
                            line,
                            tuple(containers),
                            heading=heading,
                            row=row_index,
                            column=column,
                            scopes=tuple(scopes),
                        )
                    )
            continue
        kind = _LEAF_KINDS.get(token.type)
        if kind is None or token.map is None:
            continue
        start, end = token.map[0] + 1, token.map[1]
        if "table" in containers:
            continue  # cells are made per row above
        block = Block(kind, start, max(start, end), tuple(containers), heading=heading, scopes=tuple(scopes))  # type: ignore[arg-type]
        block.list_item = items[-1] if items else None
        if kind == "heading":
            block.level = int(token.tag[1:])
            anchor = _ANCHOR.search(source_lines[start - 1])
            block.anchor = anchor.group(1) if anchor else None
            block.heading = None
            heading = block
        elif kind == "fence":
            block.info = token.info.strip()
        blocks.append(block)
    _attach_segments(page, blocks, source_lines, body_from)
    return blocks


def _attach_segments(page: Page, blocks: list[Block], source_lines: list[str], body_from: int) -> None:
    by_line: dict[int, list[Block]] = {}
    for block in blocks:
        for line in range(block.start_line, block.end_line + 1):
            by_line.setdefault(line, []).append(block)
    row_cells: dict[int, list[tuple[int, int]]] = {}
    for segment in page.segments:
        line, column = segment.line, segment.column
        candidates = by_line.get(line)
        if not candidates:
            continue
        chosen = candidates[0]
        if chosen.kind == "table_cell":
            cells = row_cells.get(line)
            if cells is None:
                cells = row_cells[line] = cell_columns(source_lines[line - 1])
            for (start, end), block in zip(cells, candidates, strict=False):
                if start <= column - 1 < end:
                    chosen = block
                    break
        segment.block = chosen
        chosen.segments.append(segment)
