"""The bilingual span: zh-TW text shown, its English source one hover or focus away.

Every translated text on the site (segments, titles, summaries, the site's own labels) is
written with these functions, so the hover and the side-by-side switch work the same everywhere.
"""

from __future__ import annotations

from html import escape
from itertools import groupby

from kbtools.kb.record import LocalizedSegment, LocalizedText
from kbtools.site.labels import LABELS, SOURCE, TARGET
from kbtools.site.links import LinkResolver
from kbtools.site.markup import inert, render_markup


def segment_html(target_html: str, source_html: str, segment_id: str | None = None) -> str:
    """One segment: the target text, and the source text shown on hover, focus or side by side.

    The result is inert: no Markdown pass over the generated page can turn its text into markup.
    """
    return inert(_segment_html(target_html, source_html, segment_id))


def _segment_html(target_html: str, source_html: str, segment_id: str | None) -> str:
    anchor = f' id="seg-{escape(segment_id)}"' if segment_id else ""
    if not source_html or source_html == target_html:
        return f'<span class="kb-seg"{anchor}><span class="kb-t">{target_html}</span></span>'
    return (
        f'<span class="kb-seg"{anchor} tabindex="0">'
        f'<span class="kb-t" lang="zh-TW">{target_html}</span>'
        # The space keeps the two languages apart in the search index and in copied text.
        f' <span class="kb-s" lang="en-US">{source_html}</span></span>'
    )


def text_html(text: LocalizedText, resolver: LinkResolver, page: str) -> str:
    """A localized text (title, summary) as a bilingual span; falls back to the source alone."""
    target = text.get(TARGET) or text.get(SOURCE) or ""
    source = text.get(SOURCE) or ""
    return segment_html(render_markup(target, resolver, page), render_markup(source, resolver, page))


def segments_html(segments: list[LocalizedSegment], resolver: LinkResolver, page: str) -> str:
    """A run of segments, separated as the source separates its sentences."""
    parts = []
    for segment in segments:
        extra = segment.__pydantic_extra__ or {}
        target = extra.get(TARGET) or extra.get(SOURCE) or ""
        source = extra.get(SOURCE) or ""
        parts.append(
            segment_html(render_markup(target, resolver, page), render_markup(source, resolver, page), segment.id)
        )
    return " ".join(parts)


def section_html(segments: list[LocalizedSegment], resolver: LinkResolver, page: str) -> str:
    """The segments of a section as its paragraphs, list items gathered into lists.

    A paragraph is a `kb-p`, one per `block`; paragraphs of one `list_item` share an `<li>`, and
    consecutive items one `<ul>`. Each list is a single line, so Markdown leaves it as raw HTML.
    """
    paragraphs: list[tuple[int | None, str]] = []  # (list item, html) per block
    for _, run in groupby(segments, key=lambda segment: segment.block):
        group = list(run)
        paragraphs.append((group[0].list_item, f'<p class="kb-p">{segments_html(group, resolver, page)}</p>'))
    html = []
    for in_list, run in groupby(paragraphs, key=lambda paragraph: paragraph[0] is not None):
        if not in_list:
            html.extend(f"{paragraph}\n" for _, paragraph in run)
            continue
        items = groupby(run, key=lambda paragraph: paragraph[0])
        lis = "".join("<li>" + "".join(paragraph for _, paragraph in item) + "</li>" for _, item in items)
        html.append(f'<ul class="kb-list">{lis}</ul>\n')
    return "".join(html)


def label_html(key: str) -> str:
    """One of the site's own labels: zh-TW, with the English as its tooltip.

    Labels repeat on every page, so they stay out of the search index and the tab order.
    """
    text = LABELS[key]
    return f'<span class="kb-label" lang="zh-TW" title="{escape(text[SOURCE])}">{escape(text[TARGET])}</span>'


def plain_label(key: str) -> str:
    """A label where markup cannot go (page titles, attributes): "zh-TW (en-US)"."""
    text = LABELS[key]
    return text[TARGET] if text[TARGET] == text[SOURCE] else f"{text[TARGET]} ({text[SOURCE]})"
