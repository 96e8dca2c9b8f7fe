"""The page model: one side-by-side (sxs) Markdown page as typed, positioned data.

Everything later in the pipeline (checks, records, site) reads these objects and never the
Markdown text again. Positions are 1-based lines and columns counted in characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from kbtools.page.blocks import Block
    from kbtools.page.inline import Inline

SpanRole = Literal["target", "source"]

# After a segment's last span: the closing tags of its wrappers, then `](target)`.
_LINK_TAIL = re.compile(r"(?:\s*</span\s*>)*\s*\]\(\s*(<[^>\n]*>|[^\s()]+)(?:\s+\"[^\"]*\")?\s*\)")


class LineIndex:
    """Maps character offsets of a text to 1-based (line, column)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)


class Span:
    """A target (`data-ttu-id`) or source (`data-stu-id`) span.

    `text` is the raw inner markup (Markdown and HTML) between the opening and closing tags;
    `start`/`end` are its offsets in the page text; `tag_start` is the offset of the opening
    tag, and `line`/`column` locate it.
    """

    __slots__ = ("id", "role", "text", "start", "end", "tag_start", "_lines", "_inline")

    def __init__(
        self,
        id: str,
        role: SpanRole,
        text: str,
        start: int,
        end: int,
        tag_start: int,
        lines: LineIndex,
    ) -> None:
        self.id = id
        self.role = role
        self.text = text
        self.start = start
        self.end = end
        self.tag_start = tag_start
        self._lines = lines
        self._inline: Inline | None = None

    @property
    def position(self) -> tuple[int, int]:
        return self._lines.position(self.tag_start)

    @property
    def line(self) -> int:
        return self.position[0]

    @property
    def column(self) -> int:
        return self.position[1]

    @property
    def inline(self) -> Inline:
        """The inline Markdown of the span (parsed on first use)."""
        if self._inline is None:
            from kbtools.page.inline import parse_inline

            self._inline = parse_inline(self.text)
        return self._inline

    def __repr__(self) -> str:
        return f"Span({self.role} {self.id!r} at {self.line}:{self.column}: {self.text[:40]!r})"


class Segment:
    """A translation unit: a target span and the source span that follows it.

    Either side may be missing in a broken page. `id` is the target's id, or the source's
    where there is no target; `line`/`column` are where that span starts.
    """

    __slots__ = ("target", "source", "index", "block")

    def __init__(self, target: Span | None, source: Span | None, index: int) -> None:
        self.target = target
        self.source = source
        self.index = index
        self.block: Block | None = None

    @property
    def anchor(self) -> Span:
        return self.target if self.target is not None else self.source  # type: ignore[return-value]

    @property
    def id(self) -> str:
        return self.anchor.id

    @property
    def line(self) -> int:
        return self.anchor.line

    @property
    def column(self) -> int:
        return self.anchor.column

    @property
    def paired(self) -> bool:
        return self.target is not None and self.source is not None

    def __repr__(self) -> str:
        return f"Segment({self.id!r} at {self.line}:{self.column})"


@dataclass(slots=True)
class MarkupError:
    """Broken span structure found while reading the page (unclosed, stray or misnested)."""

    line: int
    column: int
    message: str
    segment: str | None = None


@dataclass(slots=True)
class FrontMatter:
    """The YAML header of a page. `lines` maps each top-level key to its 1-based line."""

    data: dict[str, Any]
    lines: dict[str, int]
    start_line: int
    end_line: int
    error: str | None = None
    error_line: int | None = None

    def get(self, key: str, default: Any = None, *, any_case: bool = False) -> Any:
        """The value of a key; with `any_case`, also under another letter case (`Description`)."""
        if key in self.data or not any_case:
            return self.data.get(key, default)
        for name, value in self.data.items():
            if name.lower() == key.lower():
                return value
        return default


@dataclass(slots=True)
class Comment:
    """An HTML comment outside code, such as a `<!-- kbtools: ignore RULE -->` directive."""

    text: str
    start: int
    end: int
    line: int


@dataclass(slots=True)
class DecodeError:
    """Why the bytes of a file could not be read as UTF-8 text."""

    message: str
    line: int
    column: int


@dataclass
class Page:
    """A parsed page. `text` is None only when the bytes were not UTF-8 text."""

    path: Path
    text: str | None
    front_matter: FrontMatter | None = None
    segments: list[Segment] = field(default_factory=list)
    markup_errors: list[MarkupError] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    code_ranges: list[tuple[int, int]] = field(default_factory=list)
    decode_error: DecodeError | None = None
    read_error: str | None = None
    size: int = 0
    _line_index: LineIndex | None = None
    _blocks: list[Block] | None = None
    # The locale, with the front matter it was read from: rules ask for it on every segment.
    _locale: tuple[FrontMatter | None, str | None] | None = field(default=None, repr=False, compare=False)

    @property
    def locale(self) -> str | None:
        """The target locale (`ms.contentlocale`), or None when the page does not say."""
        known = self._locale
        if known is None or known[0] is not self.front_matter:
            value = self.front_matter.get("ms.contentlocale") if self.front_matter is not None else None
            known = self._locale = (self.front_matter, str(value) if value else None)
        return known[1]

    @property
    def is_plain_markdown(self) -> bool:
        """Readable Markdown with no side-by-side segment and no `ms.contentlocale`.

        A README, a changelog or an English page: not an sxs page, so no rule applies to it (a
        span tag quoted in inline code, as documentation does, does not make it one). A page that
        lost its spans but keeps `ms.contentlocale`, an empty file, and a file whose text or
        front matter cannot be read are still pages, and their defects are reported.
        """
        if self.text is None or not self.text.strip() or self.segments:
            return False
        front = self.front_matter
        return front is None or (front.error is None and not self.locale)

    @property
    def title(self) -> str | None:
        if self.front_matter is None:
            return None
        value = self.front_matter.get("title")
        return str(value) if value is not None else None

    @property
    def lines(self) -> LineIndex:
        if self._line_index is None:
            self._line_index = LineIndex(self.text or "")
        return self._line_index

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def in_code(self, offset: int) -> bool:
        """True when the offset lies inside a code fence or indented code block."""
        for start, end in self.code_ranges:
            if start <= offset < end:
                return True
            if start > offset:
                return False
        return False

    @property
    def blocks(self) -> list[Block]:
        """The Markdown block structure (markdown-it-py), built on first use.

        Building it also sets `segment.block` for every segment.
        """
        if self._blocks is None:
            from kbtools.page.blocks import parse_blocks

            self._blocks = parse_blocks(self)
        return self._blocks

    def segment_by_id(self, segment_id: str) -> Segment | None:
        for segment in self.segments:
            if segment.id == segment_id:
                return segment
        return None

    def wrapping_link(self, segment: Segment) -> str | None:
        """The target of a Markdown link whose text is the whole segment, else None.

        In sxs pages a linked sentence is `[<span ttu>..</span><span lookup>..</span>](target)`:
        the target sits outside both spans, so `Span.inline` cannot see it.
        """
        text = self.text
        if text is None:
            return None
        first = segment.target if segment.target is not None else segment.source
        last = segment.source if segment.source is not None else segment.target
        if first is None or last is None:
            return None
        if not text[max(0, first.tag_start - 8) : first.tag_start].rstrip(" \t*").endswith("["):
            return None
        match = _LINK_TAIL.match(text, last.end)
        if match is None:
            return None
        target = match.group(1)
        return target[1:-1] if target.startswith("<") else target
