"""HTML and URLs that must never reach a published page: what runs code, loads a document,
redirects the reader or takes over the page."""

from __future__ import annotations

import html as html_entities
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from kbtools.check.registry import Hit, PageContext, page_rule
from kbtools.page.model import Page, Segment

# Elements that run or load code or a document (`script`, `iframe`, `object`, ...), send the
# reader or a form elsewhere (`base`, `meta` refresh, `form`), restyle the whole page (`style`,
# `link`), or carry scripts and links of their own (`svg`, `math`).
UNSAFE_ELEMENTS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "portal",
        "base",
        "meta",
        "form",
        "link",
        "svg",
        "math",
    }
)
# Elements that do harm only through these attributes: a `<base>` without `href` or `target`
# changes nothing (a machine translation writes `<base *de données>` for `<*database*>`).
_HARMFUL_WITH = {
    "base": frozenset({"href", "target"}),
    "meta": frozenset({"http-equiv"}),
    "form": frozenset({"action"}),
    "link": frozenset({"href"}),
}
# Elements whose content is code (CSS, script) or markup with scripts and links of its own
# (SVG, MathML: `<svg><set attributeName="href" to="javascript:...">`): a bare mention of one
# is only harmless when what follows up to its end tag is words.
_CONTENT_ELEMENTS = frozenset({"script", "style", "svg", "math"})
# Attributes whose value is a URL the browser loads, follows or submits to.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "lowsrc",
        "dynsrc",
        "codebase",
        "cite",
        "longdesc",
        "usemap",
        "ping",
        "manifest",
        "icon",
        "archive",
        "classid",
        "profile",
        "srcset",
        "imagesrcset",
    }
)
# Attributes that are code or a document whatever their value.
_CODE_ATTRIBUTES = {"srcdoc": "srcdoc attribute (a document inside the page)", "formaction": "formaction attribute"}
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})
# The only `data:` URLs that show a picture and nothing else.
_IMAGE_DATA = re.compile(r"data:image/(?:png|gif|jpe?g|webp|bmp|x-icon|avif)[;,]")

# Cheap scans of the lowered text, each led by a literal: a page none of them hits is clean,
# and one that some hit is read tag by tag.
_ELEMENT_SCAN = re.compile(r"<(?:" + "|".join(sorted(UNSAFE_ELEMENTS)) + r")(?=[\s/>])")
_RISKY_ATTRIBUTE = r"(?:on[a-z]+|style|" + "|".join(sorted(URL_ATTRIBUTES | set(_CODE_ATTRIBUTES))) + r")"
_ATTRIBUTE_SCAN = re.compile(r"[\s/\"'{:]" + _RISKY_ATTRIBUTE + r"\s*=")
# What a page must hold for any attribute to be unsafe, as scans led by literals (the scan above
# tries every white space of a page): an event handler, a value with a colon (a URL's scheme),
# a character reference that can write one, a style, a document or a form target.
_ATTRIBUTE_HINTS = (
    re.compile(r"on[a-z]+\s*="),
    re.compile(r"""=\s*(?:"[^"]*:|'[^']*:|[^\s>"']*:)"""),
    re.compile(r"&#|&colon;"),
    re.compile(r"style\s*="),
    re.compile(r"srcdoc"),
    re.compile(r"formaction"),
)
_MARKDOWN_URL_SCAN = re.compile(r"\]\(|\]:|<[a-z][a-z0-9+.\-]{1,31}:")
_AUTOLINK_SCAN = re.compile(r"<[a-z][a-z0-9+.\-]{1,31}:")

# One HTML tag as a browser tokenizes it: a name, then attributes, each `name`, `name=value`,
# `name="value"` or `name='value'`, separated by white space or `/` (or nothing after a quote),
# up to the first `>` outside quotes. Every character but `>` is in one of the two alternatives,
# so a match never fails and never backtracks; one without its `>` ran to the end of the text.
_TAG = re.compile(r"""<([A-Za-z][^\s/>]*)((?:[^\s/>=][^\s/>=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?|[\s/=]+)*)>?""")
_TAG_ATTRIBUTE = re.compile(r"""([^\s/>=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
# A Python-Markdown attribute list, `{: #id .class key=value }`, on one line.
_ATTRIBUTE_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_LIST_ATTRIBUTE = re.compile(r"""([^\s=}#.][^\s=}]*)=("[^"]*"|'[^']*'|[^\s}]*)""")
# Where a Markdown URL is: a link or image `](url)`, a reference definition `[id]: url`, an
# autolink `<scheme:...>`.
_INLINE_DESTINATION = re.compile(r"\]\(\s*(<[^>\n]*>|[^\s)]*)")
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[(?:\\.|[^\]\\\n])+\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|\S+)", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(?:.+?)(?<!`)\1(?!`)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n]?|\\(.)", re.S)
_CSS_CODE = re.compile(r"expression\(|(?:java|vb)script:|-moz-binding|behavior:|@import")
# Words only: what a sentence puts between `<STYLE>` and `</STYLE>` when it talks about them.
_WORDS_ONLY = re.compile(r"[^!-/:-@\[-`{-~]*")
# Attribute values inside attribute values are read too (`<p title="<img onerror=...>">`),
# this deep.
_NESTED_MARKUP_DEPTH = 2


@dataclass(frozen=True, slots=True)
class UnsafeSpot:
    """One unsafe thing in a text: where its tag (or link) starts and ends, and what it is."""

    start: int
    end: int
    problem: str
    bare_tag: str | None = None  # `<STYLE>`: an element with no attributes, which prose may mention


def url_problem(value: str, markdown: bool = False) -> str | None:
    """What a URL does that a page must not: run script, or open a document from a `data:` URL."""
    if ":" not in value and "&" not in value:
        return None  # no scheme, nor a character reference that could write its colon
    decoded = html_entities.unescape(value)
    if markdown:
        decoded = _MARKDOWN_ESCAPE.sub(r"\1", decoded)
    decoded = _INVISIBLE.sub("", decoded).lower()
    if decoded.startswith("<"):
        decoded = decoded[1:]
    scheme = _SCHEME.match(decoded)
    if scheme is None:
        return None
    if scheme.group(1) in SCRIPT_SCHEMES:
        return "script URL"
    if scheme.group(1) == "data" and not _IMAGE_DATA.match(decoded):
        return "data: URL"
    return None


def css_problem(value: str) -> bool:
    """True for a style that runs code or pulls in more style (`expression(`, `url(javascript:`)."""
    css = _CSS_COMMENT.sub("", html_entities.unescape(value))
    css = _CSS_ESCAPE.sub(lambda m: chr(min(int(m.group(1), 16), 0x10FFFF)) if m.group(1) else m.group(2), css)
    return bool(_CSS_CODE.search(_INVISIBLE.sub("", css).lower()))


def _unquote(value: str | None) -> str:
    if value is None:
        return ""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def attribute_problems(name: str, value: str, where: str) -> list[str]:
    """What is unsafe in one attribute `name=value` (value unquoted, entities still in it)."""
    name = name.lower()
    if name.startswith("on") and len(name) > 2 and name.isalpha():
        return [f"event handler attribute '{name}'{where}"]
    if name in _CODE_ATTRIBUTES:
        return [_CODE_ATTRIBUTES[name] + where]
    if name == "style":
        return [f"script or imported style in a style attribute{where}"] if css_problem(value) else []
    if name in URL_ATTRIBUTES:
        urls = value.split(",") if name.endswith("srcset") else [value]
        problems = {url_problem(url.strip()) for url in urls} - {None}
        return [f"{problem} in an attribute{where}" for problem in sorted(problems)]  # type: ignore[type-var]
    return []


def _tag_problems(text: str, depth: int) -> Iterator[UnsafeSpot]:
    """Every tag of the text that is unsafe, with what makes it so."""
    for tag in _TAG.finditer(text):
        if not tag.group(0).endswith(">"):
            continue  # runs to the end of the text: no tag, text (and the last match)
        name, body = tag.group(1).lower(), tag.group(2)
        if name not in UNSAFE_ELEMENTS and not _ATTRIBUTE_SCAN.search(body.lower()):
            continue
        attributes = list(_TAG_ATTRIBUTE.finditer(body)) if "=" in body else []
        problems = []
        if name in UNSAFE_ELEMENTS and (
            name not in _HARMFUL_WITH or any(a.group(1).lower() in _HARMFUL_WITH[name] for a in attributes)
        ):
            problems.append(f"<{name}> element")
        for attribute in attributes:
            value = _unquote(attribute.group(2))
            problems += attribute_problems(attribute.group(1), value, "")
            if "<" in value and depth < _NESTED_MARKUP_DEPTH:
                problems += [spot.problem for spot in _tag_problems(html_entities.unescape(value), depth + 1)]
        if problems:
            bare = tag.group(0) if not body.strip(" \t\n/") else None
            yield UnsafeSpot(tag.start(), tag.end(), "; ".join(dict.fromkeys(problems)), bare)


def _markdown_problems(text: str, lowered: str) -> Iterator[UnsafeSpot]:
    """Script and `data:` URLs in Markdown links, images, reference definitions and autolinks."""
    for pattern, kind, present in (
        (_INLINE_DESTINATION, "a link", "](" in text),
        (_AUTOLINK, "an autolink", _AUTOLINK_SCAN.search(lowered) is not None),
        (_REFERENCE_DEFINITION, "a link reference definition", "]:" in text),
    ):
        if not present:
            continue
        for match in pattern.finditer(text):
            problem = url_problem(match.group(1), markdown=True)
            if problem:
                yield UnsafeSpot(match.start(), match.end(), f"{problem} in {kind}")


def _attribute_list_problems(text: str) -> Iterator[UnsafeSpot]:
    """Unsafe attributes in Python-Markdown attribute lists, `{: onclick="..." }`."""
    for match in _ATTRIBUTE_LIST.finditer(text):
        for attribute in _LIST_ATTRIBUTE.finditer(match.group(1)):
            for problem in attribute_problems(
                attribute.group(1), _unquote(attribute.group(2)), " in an attribute list"
            ):
                yield UnsafeSpot(match.start(), match.end(), problem)


def unsafe_spots(text: str) -> list[UnsafeSpot]:
    """Everything in the text that `unsafe-html` reports, before the exemptions for code and
    mentions, in text order. Linear in the text: a few scans led by literals, then the tags,
    links or attribute lists read once each, only for what a scan hit."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower to two; keep offsets exact
        lowered = "".join(c.lower()[0] for c in text)
    spots: list[UnsafeSpot] = []
    attribute_hit = any(hint.search(lowered) for hint in _ATTRIBUTE_HINTS)
    if attribute_hit or _ELEMENT_SCAN.search(lowered):
        spots.extend(_tag_problems(text, 0))
    if attribute_hit and "{" in text:
        spots.extend(_attribute_list_problems(text))
    if _MARKDOWN_URL_SCAN.search(lowered):
        spots.extend(_markdown_problems(text, lowered))
    spots.sort(key=lambda spot: spot.start)
    return spots


def has_unsafe_markup(text: str) -> bool:
    """True when a span's text holds what `unsafe-html` reports (for rules that leave it to it)."""
    return any(not _escaped(text, spot.start) for spot in unsafe_spots(text))


def _escaped(text: str, start: int) -> bool:
    """True for `\\<object\\>`: an odd number of backslashes makes the `<` a character."""
    count = 0
    while start - count > 0 and text[start - count - 1] == "\\":
        count += 1
    return count % 2 == 1


class _CodeSpans:
    """Inline code spans, found once per line (a page may be one long line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_line: dict[int, list[tuple[int, int]]] = {}

    def covers(self, offset: int) -> bool:
        text = self.text
        line_start = text.rfind("\n", 0, offset) + 1
        spans = self._by_line.get(line_start)
        if spans is None:
            line_end = text.find("\n", offset)
            line_end = len(text) if line_end == -1 else line_end
            spans = [m.span() for m in _CODE_SPAN.finditer(text, line_start, line_end)]
            self._by_line[line_start] = spans
        return any(start < offset < end for start, end in spans)


def _segment_at(page: Page, starts: list[int], offset: int) -> Segment | None:
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return None
    segment = page.segments[index]
    spans = [s for s in (segment.target, segment.source) if s is not None]
    end = max(s.end for s in spans)
    return segment if offset <= end else None


def _mentioned_in_both(text: str, segment: Segment | None, spot: UnsafeSpot) -> bool:
    """True for a bare tag that a sentence talks about (`between the <STYLE> and </STYLE>
    tags`), in both its target and its English source. A `<script>` or `<style>` counts only
    when words alone stand before its end tag: then the browser has nothing to run."""
    if spot.bare_tag is None or segment is None or segment.target is None or segment.source is None:
        return False
    spans = (segment.target, segment.source)
    here = next((span for span in spans if span.start <= spot.start < span.end), None)
    if here is None or not all(spot.bare_tag in span.text for span in spans):
        return False
    name = spot.bare_tag[1:-1].strip(" /").lower()
    if name not in _CONTENT_ELEMENTS:
        return True
    closing = text.lower().find(f"</{name}", spot.end, here.end)
    return closing != -1 and _WORDS_ONLY.fullmatch(text, spot.end, closing) is not None


@page_rule(
    "unsafe-html",
    family="html",
    severity="error",
    summary=(
        "Markup that runs script, loads a document, redirects the reader or restyles the page: "
        "elements, event handlers, script and data: URLs, attribute lists."
    ),
    explanation="""
Translations come from outside the docs team and are published as HTML, so a segment can attack
every reader of the page. Reported wherever it is, in the target or in the English source (a
payload in both is still a payload):

- elements that run or load code or a document: `<script>`, `<iframe>`, `<frame>`, `<frameset>`,
  `<object>`, `<embed>`, `<applet>`, `<portal>`, `<svg>`, `<math>`;
- elements that send the reader or a form elsewhere or restyle the page: `<style>`, `<base>`
  with `href` or `target`, `<meta>` with `http-equiv` (`refresh`), `<form>` with `action`,
  `<link>` with `href` (`rel="stylesheet"`);
- attributes: every event handler (`onclick=`, `onerror=`, `onfocus=`, ...), `srcdoc`,
  `formaction`, a `style` with `expression(`, `url(javascript:`, `behavior:`, `-moz-binding`
  or `@import`, and in any URL attribute (`href`, `src`, `action`, `data`, `xlink:href`,
  `poster`, `srcset`, ...) a `javascript:`/`vbscript:` URL or a `data:` URL that is not a plain
  image (`data:text/html`, `data:image/svg+xml`, as in SVG `<use href="data:...">`);
- the same URLs in Markdown links and images `[x](javascript:...)`, link reference definitions
  `[x]: javascript:...` and autolinks `<javascript:...>`;
- Python-Markdown attribute lists `{: onclick="..." }` with any of the attributes above.

Character references (`jav&#x61;script:`, `&colon;`), backslash escapes, white space and case do
not hide a URL's scheme. Fenced code, inline code and escaped tags (`\\<object\\>`) are exempt:
they are shown as text. So is a bare tag, with no attribute, that a sentence talks about in both
its target and its English source (`between the <STYLE> and </STYLE> tags`); for `<script>`,
`<style>`, `<svg>` and `<math>` only when words alone stand before the end tag.
""",
    example="""
<span data-ttu-id="1-2">請按<a href="javascript:alert(1)">這裡</a></span>
<span data-ttu-id="1-3">請看{: onclick="alert(1)" }</span>
<span data-ttu-id="1-4"><meta http-equiv="refresh" content="0;url=https://example.com"></span>
""",
)
def unsafe_html(context: PageContext) -> Iterator[Hit]:
    page = context.page
    text = page.text or ""
    starts: list[int] | None = None
    code_spans = _CodeSpans(text)
    reported: set[tuple[int, str]] = set()
    for spot in unsafe_spots(text):
        start = spot.start
        if (page.code_ranges and page.in_code(start)) or _escaped(text, start) or code_spans.covers(start):
            continue
        if starts is None:
            starts = [s.anchor.tag_start for s in page.segments]
        segment = _segment_at(page, starts, start)
        if _mentioned_in_both(text, segment, spot):
            continue
        line, column = page.position(start)
        if (line, spot.problem) in reported:
            continue
        reported.add((line, spot.problem))
        yield Hit(f"unsafe HTML: {spot.problem}", segment, line, column)
