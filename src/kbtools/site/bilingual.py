"""The bilingual span: zh-TW text shown, its English source one hover or focus away.

Every translated text on the site (segments, titles, summaries, the site's own labels) is
written with these functions, so the hover and the side-by-side switch work the same everywhere.
"""

from __future__ import annotations

from html import escape

from kbtools.kb.record import LocalizedText
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
