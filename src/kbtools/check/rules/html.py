"""HTML that must never reach a published page."""

from __future__ import annotations

import html as html_entities
import re
from bisect import bisect_right
from collections.abc import Iterator

from kbtools.check.registry import Hit, PageContext, page_rule
from kbtools.page.model import Page, Segment

UNSAFE_ELEMENTS = ("script", "style", "iframe", "object", "embed", "frame", "frameset", "applet")
# Each scan starts with a literal, which Python's engine finds fast; they run on the lowered
# text (a single case-insensitive alternation is several times slower on real pages).
_SCANS = (
    re.compile(r"<(?:" + "|".join(UNSAFE_ELEMENTS) + r")\b"),
    re.compile(r"on[a-z]+\s*="),
    re.compile(r"script\s*:"),
    re.compile(r"&#"),
)
_ELEMENT = re.compile(r"<(" + "|".join(UNSAFE_ELEMENTS) + r")\b", re.I)
_EVENT_ATTRIBUTE = re.compile(r"<[A-Za-z][^<>]*?[\s/\"'](on[a-z]+)\s*=", re.I)
_SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript)\s*:", re.I)
_URL_ATTRIBUTE = re.compile(
    r"""\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I
)
_MARKDOWN_URL = re.compile(r"\]\(\s*<?([^)\s>]*)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def has_unsafe_markup(text: str) -> bool:
    """True when a span's text holds what `unsafe-html` reports (for rules that leave it to it)."""
    lowered = text.lower()
    return any(scan.search(lowered) for scan in _SCANS[:3]) and any(
        _problems(text, m.start(), m.group(0)) for scan in _SCANS[:3] for m in scan.finditer(lowered)
    )


def _mentioned(text: str, start: int) -> bool:
    """True for a tag that prose mentions rather than uses: escaped (`\\<object\\>`) or in
    inline code (`` `<Script>` ``)."""
    if start and text[start - 1] == "\\":
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("`", line_start, start) % 2 == 1


def _script_url(value: str) -> bool:
    decoded = _INVISIBLE.sub("", html_entities.unescape(value))
    return bool(_SCRIPT_URL.match(decoded))


def _tag_around(text: str, offset: int) -> str:
    start = text.rfind("<", 0, offset + 1)
    end = text.find(">", offset)
    if start == -1 or end == -1 or text.rfind(">", start, offset) != -1:
        return ""
    return text[start : end + 1]


def _problems(text: str, start: int, found: str) -> list[str]:
    """What is unsafe at `start`, where a scan of the lowered text found `found`."""
    if found.startswith("<"):
        element = _ELEMENT.match(text, start)
        if element is None or _mentioned(text, start):
            return []
        return [f"<{element.group(1).lower()}> element"]
    if found.startswith("on"):
        if start == 0 or text[start - 1] not in " \t\r\n/\"'" or _mentioned(text, start):
            return []
        event = _EVENT_ATTRIBUTE.match(_tag_around(text, start))
        return [f"event handler attribute '{event.group(1).lower()}'"] if event else []
    # a script URL or an entity: judge the URL it sits in
    problems = []
    tag = _tag_around(text, start)
    for url in _URL_ATTRIBUTE.finditer(tag):
        value = next(v for v in url.groups() if v is not None)
        if _script_url(value):
            problems.append("script URL in an attribute")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    column = start - line_start
    for url in _MARKDOWN_URL.finditer(line):
        if url.start() <= column <= url.end() and _script_url(url.group(1)):
            problems.append("script URL in a link")
    return problems


def _segment_at(page: Page, starts: list[int], offset: int) -> Segment | None:
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return None
    segment = page.segments[index]
    spans = [s for s in (segment.target, segment.source) if s is not None]
    end = max(s.end for s in spans)
    return segment if offset <= end else None


def _also_in_source(text: str, segment: Segment, start: int) -> bool:
    """True for a tag in a target that its English source has as it is: a tag the sentence
    talks about (`between the <STYLE> and </STYLE> tags`), not one the translation brought in."""
    target, source = segment.target, segment.source
    if target is None or source is None or not target.start <= start < target.end:
        return False
    end = text.find(">", start)
    tag = text[text.rfind("<", 0, start + 1) : end + 1] if end != -1 else ""
    return bool(tag) and tag in source.text


@page_rule(
    "unsafe-html",
    family="html",
    severity="error",
    summary="Script, style, iframe, object or embed elements, on* attributes or javascript: URLs.",
    explanation="""
Translations come from outside the docs team and are published as HTML. An element that runs or
loads code (`<script>`, `<iframe>`, `<object>`, `<embed>`, `<style>`), an event handler
attribute (`onclick=`, `onerror=`) or a `javascript:` URL (also when hidden behind character
references) can attack every reader of the page. Code fences, inline code and escaped tags
(`\\<object\\>`) are exempt: they are shown as text. So is a tag that a target has exactly as its
English source does: the sentence talks about it (`between the <STYLE> and </STYLE> tags`), the
translation did not bring it in.
""",
    example="""
<span data-ttu-id="1-2">請按<a href="javascript:alert(1)">這裡</a></span>
""",
)
def unsafe_html(context: PageContext) -> Iterator[Hit]:
    page = context.page
    text = page.text or ""
    starts: list[int] | None = None
    reported: set[tuple[int, str]] = set()
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower to two; keep offsets exact
        lowered = "".join(c.lower()[0] for c in text)
    candidates = sorted((m.start(), m.group(0)) for scan in _SCANS for m in scan.finditer(lowered))
    for start, found in candidates:
        if page.code_ranges and page.in_code(start):
            continue
        for problem in _problems(text, start, found):
            if starts is None:
                starts = [s.anchor.tag_start for s in page.segments]
            line, column = page.position(start)
            if (line, problem) in reported:
                continue
            reported.add((line, problem))
            segment = _segment_at(page, starts, start)
            if segment is not None and _also_in_source(text, segment, start):
                continue
            yield Hit(f"unsafe HTML: {problem}", segment, line, column)
