"""Read a file into a `Page`: decoding, front matter, code ranges, comments and segments.

Segments come from an HTML tag tokenizer with an element stack, so nested spans (anchors
inside a segment, a lookup wrapper around the source) are matched by nesting, not by the
first `</span>`. This is the hot path of `kbtools check`: it touches every span tag once and
leaves inline Markdown and block structure to be parsed lazily, when a consumer asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from kbtools.page.model import (
    Comment,
    DecodeError,
    FrontMatter,
    LineIndex,
    MarkupError,
    Page,
    Segment,
    Span,
)

try:  # libyaml is several times faster; fall back to the pure-Python loader.
    _YamlLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _YamlLoader = yaml.SafeLoader

# One line break each: LF, CRLF, CR CR LF (a CRLF file converted to CRLF once more, which Vim and
# git show as one line ending in ^M) and a lone CR (old Mac files).
_LINE_BREAK = re.compile(r"\r*\n|\r")
_BYTE_LINE_BREAK = re.compile(rb"\r*\n|\r")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Spans nest three deep in real pages (a lookup around a source around an anchor); far deeper
# nesting, of spans or of any element inside a segment, is an attack on every later stage (the
# site's HTML and search parsers are quadratic in it).
MAX_NESTING_DEPTH = 32
_TOO_DEEP = f"markup nested more than {MAX_NESTING_DEPTH} deep; the segment around it is left out"
_ELEMENT_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
# A flat `key: plain scalar` line, the only shape docs front matter has in practice; such a
# block is read without the YAML machinery (which costs more than the rest of the scan).
# Greedy, not lazy, to the end of the line: the white space after a plain value is stripped
# afterwards (a lazy scan tries the end of the line at every character of a long description).
_FLAT_LINE = re.compile(
    r"""([A-Za-z_][\w.-]*):[ \t]+(?:"([^"\\\n]*)"|'((?:[^'\n]|'')*)'|([^\s"'\[\]{}&*!|>%@`#,?:-][^\n]*))[ \t]*"""
)
# A key whose value is a list, one `- value` line each below it.
_FLAT_LIST_KEY = re.compile(r"([A-Za-z_][\w.-]*):[ \t]*")
_FLAT_ITEM = re.compile(r"""- +(?:"([^"\\\n]*)"|'((?:[^'\n]|'')*)'|([^\s"'\[\]{}&*!|>%@`#,?:-][^\n]*))[ \t]*""")
_UNSAFE_IN_PLAIN = re.compile(r": | #|:$")
# What the YAML reader refuses anywhere in a stream (a control character, a surrogate, U+FFFE,
# U+FFFF): such a block is left to it. Written as the refused ranges: the class of the accepted
# ones, up to U+10FFFF, costs milliseconds to compile.
_YAML_NON_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_YAML_RESOLVER = yaml.resolver.Resolver()
_YAML_STRING = "tag:yaml.org,2002:str"
_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})[^\n]*$", re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SPAN_TAG = re.compile(r"<span\b([^>]*)>|</span\s*>", re.I)
_ATTR_ID = re.compile(r"""data-(ttu|stu)-id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_LOOKUP_CLASS = re.compile(r"""class\s*=\s*["']?[^"'>]*\bsxs-lookup\b""", re.I)
_WHITESPACE_ONLY = re.compile(r"[ \t]*\Z")  # a pair may not span lines
# Text with no span tag in it (other tags allowed), as an unrolled loop.
_NO_SPAN_TAG = r"[^<]*(?:<(?!/?span\b)[^<]*)*"
# A whole segment in its canonical form, with no span nested in either side. Only a shortcut:
# anything else (nested anchors, broken pairs) goes through the tag stack below.
_CANONICAL_SEGMENT = re.compile(
    r'<span data-ttu-id="([^"<>]*)">(' + _NO_SPAN_TAG + r")</span>"
    r'<span class="sxs-lookup"><span data-stu-id="([^"<>]*)">(' + _NO_SPAN_TAG + r")</span></span>",
    re.I,
)

# Kinds of open elements on the span stack.
_TARGET, _LOOKUP, _SOURCE, _OTHER = "target", "lookup", "source", "other"


def read_page(path: Path) -> Page:
    """Read and parse one file. Never raises for bad content: problems land on the page."""
    data = path.read_bytes()
    return parse_bytes(data, path)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a byte offset, counting line breaks as `parse_text` does.

    The column counts characters (code points), as every other finding's column does: the bytes
    before the offset on its line are read as UTF-8, each undecodable byte as one character.
    """
    line, line_start = 1, 0
    for line_break in _BYTE_LINE_BREAK.finditer(data, 0, offset):
        line, line_start = line + 1, line_break.end()
    return line, len(data[line_start:offset].decode("utf-8", errors="replace")) + 1


def parse_bytes(data: bytes, path: Path) -> Page:
    if data.startswith(_UTF16_BOMS):
        return Page(
            path=path,
            text=None,
            size=len(data),
            decode_error=DecodeError("UTF-16 text, not UTF-8: save the page as UTF-8", 1, 1),
        )
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _byte_position(data, nul)
        return Page(
            path=path,
            text=None,
            size=len(data),
            decode_error=DecodeError("binary file (NUL byte), not text", line, column),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        byte = data[error.start : error.start + 1].hex()
        return Page(
            path=path,
            text=None,
            size=len(data),
            decode_error=DecodeError(f"not valid UTF-8 (byte 0x{byte})", line, column),
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    page = parse_text(text, path)
    page.size = len(data)
    return page


def parse_text(text: str, path: Path) -> Page:
    """Parse page text (already decoded) into the page model.

    Line breaks become LF first, so every later stage (front matter, spans, the Markdown block
    parser, records) sees one text whatever the editor saved, and positions count lines as it does.
    """
    size = len(text)
    if "\r" in text:
        text = _LINE_BREAK.sub("\n", text)
    page = Page(path=path, text=text, size=size)
    lines = page.lines
    page.front_matter = _read_front_matter(text, lines)
    body_start = 0
    if page.front_matter is not None and page.front_matter.end_line:
        body_start = lines.line_start(min(page.front_matter.end_line + 1, lines.line_count))
    page.code_ranges = _code_ranges(text, body_start)
    page.comments = _comments(text, page, body_start)
    _read_segments(text, page, body_start)
    return page


def _read_front_matter(text: str, lines: LineIndex) -> FrontMatter | None:
    opening = _FRONT_MATTER_OPEN.match(text)
    if opening is None:
        return None
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end())
    if closing is None:
        return FrontMatter(
            data={},
            lines={},
            start_line=1,
            end_line=0,
            error="front matter opened with '---' is never closed",
            error_line=1,
        )
    block = text[opening.end() : closing.start()]
    end_line = lines.position(closing.start())[0]
    key_lines = _key_lines(block)
    flat = _flat_front_matter(block)
    if flat is not None:
        return FrontMatter(flat, key_lines, 1, end_line)
    try:
        alias = _first_alias(block)
        if alias is not None:
            name, line = alias
            message = f"YAML alias '*{name}': aliases are not allowed in front matter (write the value out)"
            return FrontMatter({}, key_lines, 1, end_line, message, 2 + line)
        data = yaml.load(block, Loader=_YamlLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return FrontMatter({}, key_lines, 1, end_line, f"unparseable YAML: {problem}", line)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter({}, key_lines, 1, end_line, "front matter is not a mapping of keys", 2)
    return FrontMatter({str(k): v for k, v in data.items()}, key_lines, 1, end_line)


def _key_lines(block: str) -> dict[str, int]:
    """The line of each top-level key of a front matter block (the block starts on line 2): a
    line that starts with neither white space, `:` nor `#`, whose first `:` ends the key and is
    followed by a space, a tab or the end of the line. Read line by line: a pattern anchored at
    line starts is tried at every character of the block."""
    lines: dict[str, int] = {}
    for number, line in enumerate(block.split("\n"), 2):
        colon = line.find(":")
        if colon < 1 or line[colon + 1 : colon + 2] not in ("", " ", "\t"):
            continue
        first = line[0]
        if first == "#" or first.isspace():
            continue
        lines[line[:colon].rstrip(" \t")] = number
    return lines


def _first_alias(block: str) -> tuple[str, int] | None:
    """The name and 0-based line of the first alias in a YAML block, or None.

    Aliases are refused before anything is built: a few lines of nested aliases (a "billion
    laughs") expand to more data than any machine holds as soon as a consumer walks them.
    """
    if "*" not in block:
        return None
    for event in yaml.parse(block, Loader=_YamlLoader):
        if isinstance(event, yaml.AliasEvent):
            return event.anchor, event.start_mark.line
    return None


def _flat_front_matter(block: str) -> dict[str, Any] | None:
    """The mapping of a block of flat `key: value` lines, or None if YAML must read it.

    A value may be double-quoted (without escapes), single-quoted (`''` is a quote) or plain, or
    be a list of such values, one `- value` line each under a `key:` line of its own. A block with
    a single-quoted value or a list is one that YAML would type: it is read here only when YAML
    would read each of its plain keys and values as a string (not `yes`, `2018-05-31`, `12`).
    """
    data: dict[str, Any] = {}
    typed = False  # a form that YAML alone has read so far
    plain_texts: list[str] = []  # keys and plain values, which YAML might read as another type
    items: list[str] | None = None  # the list being read, under its `key:` line
    value: Any
    for line in block.splitlines():
        if items is not None and line[:1] == "-":
            match = _FLAT_ITEM.fullmatch(line)
            if match is None:
                return None
            value = _flat_value(match.group(1), match.group(2), match.group(3), plain_texts)
            if value is None:
                return None
            items.append(value)
            continue
        if items is not None and not items:
            return None  # `key:` and no item: YAML reads null
        items = None
        match = _FLAT_LINE.fullmatch(line)
        if match is None:
            match = _FLAT_LIST_KEY.fullmatch(line)
            if match is None:
                return None
            typed = True
            items = []
            value = items
        else:
            value = _flat_value(match.group(2), match.group(3), match.group(4), plain_texts)
            if value is None:
                return None
            typed = typed or match.group(3) is not None
        key = match.group(1)
        if key in data:
            return None  # YAML reports duplicate keys its own way
        plain_texts.append(key)
        data[key] = value
    if items is not None and not items:
        return None
    if typed and not _yaml_would_read_strings(block, plain_texts):
        return None
    return data


def _flat_value(quoted: str | None, single: str | None, plain: str | None, plain_texts: list[str]) -> str | None:
    """A value of a flat line (double-quoted, single-quoted or plain), or None for a plain value
    that YAML reads otherwise (`: ` or ` #` in it)."""
    if quoted is not None:
        return quoted
    if single is not None:
        return single.replace("''", "'")
    assert plain is not None
    plain = plain.rstrip(" \t")
    if _UNSAFE_IN_PLAIN.search(plain):
        return None
    plain_texts.append(plain)
    return plain


def _yaml_would_read_strings(block: str, plain_texts: list[str]) -> bool:
    """Whether YAML reads the block at all and each of these plain scalars as a string."""
    if _YAML_NON_PRINTABLE.search(block):
        return False
    resolve = _YAML_RESOLVER.resolve
    return all(resolve(yaml.ScalarNode, text, (True, False)) == _YAML_STRING for text in plain_texts)


def _code_ranges(text: str, body_start: int) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks: their content is code, never segments."""
    ranges: list[tuple[int, int]] = []
    if "```" not in text and "~~~" not in text:
        return ranges  # no fence: the line-anchored pattern need not try every character
    opening: re.Match[str] | None = None
    for fence in _fence_lines(text, body_start):
        if opening is None:
            opening = fence
            continue
        marker, opener = fence.group(1), opening.group(1)
        rest = fence.group(0).strip().lstrip(">").strip()
        if marker[0] == opener[0] and len(marker) >= len(opener) and rest == marker:
            ranges.append((opening.start(), fence.end()))
            opening = None
    if opening is not None:
        ranges.append((opening.start(), len(text)))
    return ranges


def _fence_lines(text: str, body_start: int) -> Iterator[re.Match[str]]:
    """What `_FENCE.finditer(text, body_start)` finds (`body_start` starts a line), trying only
    the lines that hold three backticks or tildes: a fence is one line."""
    starts = set()
    for marker in ("```", "~~~"):
        at = text.find(marker, body_start)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            line_end = text.find("\n", at)
            if line_end == -1:
                break
            at = text.find(marker, line_end)
    for start in sorted(starts):
        fence = _FENCE.match(text, start)
        if fence is not None:
            yield fence


def _comments(text: str, page: Page, body_start: int) -> list[Comment]:
    comments = []
    for match in _COMMENT.finditer(text, body_start):
        if page.code_ranges and page.in_code(match.start()):
            continue
        comments.append(
            Comment(match.group(0)[4:-3].strip(), match.start(), match.end(), page.position(match.start())[0])
        )
    return comments


def _skip_ranges(page: Page) -> list[tuple[int, int]]:
    ranges = list(page.code_ranges)
    ranges.extend((c.start, c.end) for c in page.comments)
    ranges.sort()
    return ranges


def _read_segments(text: str, page: Page, body_start: int) -> None:
    lines = page.lines
    segments = page.segments
    errors = page.markup_errors
    skip = _skip_ranges(page) if (page.code_ranges or page.comments) else []
    skip_index = 0

    # Stack entries: [kind, id, tag_start, inner_start, paired_target, dropped]. A dropped entry
    # held spans nested too deep: it yields no segment, and neither does its other half.
    stack: list[list] = []
    pending: Span | None = None  # a closed target still waiting for its source
    pending_end = 0  # where that target's closing tag ends
    dropped_end = -1  # where a dropped target's closing tag ends, for its source to follow
    too_deep = 0  # span tags open beyond MAX_NESTING_DEPTH, counted but not kept

    def follows_dropped(position: int) -> bool:
        return dropped_end >= 0 and _WHITESPACE_ONLY.match(text, dropped_end, position) is not None

    def flush_pending() -> None:
        nonlocal pending
        if pending is not None:
            segments.append(Segment(pending, None, len(segments)))
            pending = None

    def unclosed(entry: list) -> None:
        line, column = lines.position(entry[2])
        what = {_TARGET: "target", _LOOKUP: "sxs-lookup", _SOURCE: "source"}[entry[0]]
        ident = f" '{entry[1]}'" if entry[1] else ""
        errors.append(MarkupError(line, column, f"{what} span{ident} is never closed", entry[1] or None))

    def drop_open_segment_spans() -> None:
        """Recover from an unclosed target/lookup/source: forget it and everything above it."""
        for depth, entry in enumerate(stack):
            if entry[0] != _OTHER:
                for broken in stack[depth:]:
                    if broken[0] != _OTHER:
                        unclosed(broken)
                del stack[depth:]
                return

    search = _SPAN_TAG.search
    canonical = _CANONICAL_SEGMENT.match
    cursor = body_start
    while True:
        match = search(text, cursor)
        if match is None:
            break
        cursor = match.end()
        position = match.start()
        if skip:
            while skip_index < len(skip) and skip[skip_index][1] <= position:
                skip_index += 1
            if skip_index < len(skip) and skip[skip_index][0] <= position:
                continue
        if not stack and match.group(1) is not None and match.group(1).startswith(' data-ttu-id="'):
            whole = canonical(text, position)
            if whole is not None and (not skip or skip_index >= len(skip) or skip[skip_index][0] >= whole.end()):
                flush_pending()
                target = Span(whole.group(1), "target", whole.group(2), whole.start(2), whole.end(2), position, lines)
                source_tag = whole.start(4) - len(whole.group(3)) - len('<span data-stu-id="">')
                source = Span(whole.group(3), "source", whole.group(4), whole.start(4), whole.end(4), source_tag, lines)
                segments.append(Segment(target, source, len(segments)))
                cursor = whole.end()
                continue
        attrs = match.group(1)
        if attrs is not None and attrs.endswith("/"):
            continue  # <span ... /> opens nothing
        if too_deep or (attrs is not None and len(stack) >= MAX_NESTING_DEPTH):
            if attrs is None:
                too_deep -= 1
                continue
            if not too_deep:
                line, column = lines.position(position)
                errors.append(MarkupError(line, column, _TOO_DEEP))
                for entry in stack:
                    entry[5] = True
            too_deep += 1
            continue
        if attrs is not None:  # an opening tag
            kind, ident = _OTHER, ""
            if "data-" in attrs:
                id_match = _ATTR_ID.search(attrs)
                if id_match is not None:
                    kind = _TARGET if id_match.group(1).lower() == "ttu" else _SOURCE
                    ident = id_match.group(2) or id_match.group(3) or id_match.group(4) or ""
            elif "sxs-lookup" in attrs and _LOOKUP_CLASS.search(attrs):
                kind = _LOOKUP
            if kind == _TARGET:
                if any(entry[0] != _OTHER for entry in stack):
                    drop_open_segment_spans()
                flush_pending()
                stack.append([kind, ident, position, match.end(), None, False])
            elif kind == _LOOKUP:
                partner, dropped = None, False
                if pending is not None and _WHITESPACE_ONLY.match(text, pending_end, position):
                    partner, pending = pending, None
                else:
                    flush_pending()
                    dropped = follows_dropped(position)
                stack.append([kind, ident, position, match.end(), partner, dropped])
            elif kind == _SOURCE:
                partner, dropped = None, False
                if stack and stack[-1][0] == _LOOKUP:
                    partner, dropped = stack[-1][4], stack[-1][5]
                    stack[-1][4] = None
                elif pending is not None and _WHITESPACE_ONLY.match(text, pending_end, position):
                    partner, pending = pending, None
                else:
                    flush_pending()
                    dropped = follows_dropped(position)
                stack.append([kind, ident, position, match.end(), partner, dropped])
            else:
                stack.append([kind, ident, position, match.end(), None, False])
            dropped_end = -1
            continue
        # a closing tag
        if not stack:
            line, column = lines.position(position)
            errors.append(MarkupError(line, column, "stray </span> closes nothing"))
            continue
        kind, ident, tag_start, inner_start, partner, dropped = stack.pop()
        if dropped:
            if kind == _TARGET:
                flush_pending()
                dropped_end = match.end()
            continue
        if kind == _TARGET:
            flush_pending()
            pending = Span(ident, "target", text[inner_start:position], inner_start, position, tag_start, lines)
            pending_end = match.end()
        elif kind == _SOURCE:
            source = Span(ident, "source", text[inner_start:position], inner_start, position, tag_start, lines)
            segments.append(Segment(partner, source, len(segments)))
        elif kind == _LOOKUP and partner is not None:
            # a lookup wrapper that held no source span
            segments.append(Segment(partner, None, len(segments)))
    flush_pending()
    for entry in stack:
        if entry[0] != _OTHER:
            unclosed(entry)
    _drop_deep_segments(page)


def _nesting_overflow(span: Span | None) -> int | None:
    """The offset of the first element nested too deep in a span's text, or None."""
    if span is None or span.text.count("<") <= MAX_NESTING_DEPTH:
        return None  # too few tags to nest that deep: the common case costs one count
    depth = 0
    for tag in _ELEMENT_TAG.finditer(span.text):
        if tag.group(1):
            depth = max(0, depth - 1)
        elif not tag.group(3) and tag.group(2).lower() not in _VOID_ELEMENTS:
            depth += 1
            if depth > MAX_NESTING_DEPTH:
                return span.start + tag.start()
    return None


def _drop_deep_segments(page: Page) -> None:
    """Leave out segments whose text nests elements too deep, reporting each."""
    if not any(
        (segment.target is not None and segment.target.text.count("<") > MAX_NESTING_DEPTH)
        or (segment.source is not None and segment.source.text.count("<") > MAX_NESTING_DEPTH)
        for segment in page.segments
    ):
        return  # too few tags in every span to nest that deep: each segment keeps its index
    kept: list[Segment] = []
    for segment in page.segments:
        overflow = _nesting_overflow(segment.target)
        if overflow is None:
            overflow = _nesting_overflow(segment.source)
        if overflow is not None:
            line, column = page.lines.position(overflow)
            page.markup_errors.append(MarkupError(line, column, _TOO_DEEP))
            continue
        segment.index = len(kept)
        kept.append(segment)
    if len(kept) != len(page.segments):
        page.segments[:] = kept
