"""The bilingual span: the translated text shown, its English source one hover or switch away.

Every translated text on the site (segments, titles, summaries, the site's own labels) is
written with these functions, so the hover and the side-by-side switch work the same everywhere.
"""

from __future__ import annotations

from html import escape

from kbtools.kb.record import LocalizedText
from kbtools.site.links import LinkResolver
from kbtools.site.locale import SOURCE, SiteLocale
from kbtools.site.markup import escaped_text, inert, render_markup


def segment_html(target_html: str, source_html: str, segment_id: str | None = None, lang: str = "") -> str:
    """One segment: the target text, and the source text shown on hover or side by side.

    A segment is not a tab stop (a page of 45 sentences would be 45 stops): keyboard users get
    every sentence's English at once with the side-by-side switch, a button.
    The result is inert: no Markdown pass over the generated page can turn its text into markup.
    """
    return inert(_segment_html(target_html, source_html, segment_id, lang))


def _segment_html(target_html: str, source_html: str, segment_id: str | None, lang: str) -> str:
    anchor = f' id="seg-{escape(segment_id)}"' if segment_id else ""
    language = f' lang="{escape(lang)}"' if lang else ""
    if not source_html or source_html == target_html:
        return f'<span class="kb-seg"{anchor}><span class="kb-t">{target_html}</span></span>'
    return (
        f'<span class="kb-seg"{anchor}>'
        f'<span class="kb-t"{language}>{target_html}</span>'
        # The space keeps the two languages apart in the search index and in copied text.
        f' <span class="kb-s" lang="{SOURCE}">{source_html}</span></span>'
    )


def text_html(text: LocalizedText, resolver: LinkResolver, page: str, locale: SiteLocale) -> str:
    """A localized text (title, summary) as a bilingual span; falls back to the source alone."""
    target = text.get(locale.code) or text.get(SOURCE) or ""
    source = text.get(SOURCE) or ""
    return segment_html(render_markup(target, resolver, page), render_markup(source, resolver, page), lang=locale.code)


def hover_html(text: LocalizedText, locale: SiteLocale) -> str:
    """A short text of the site in the locale, its English as the tooltip (none when they agree)."""
    own = text.get(locale.code) or text.get(SOURCE) or ""
    english = text.get(SOURCE) or own
    title = "" if english == own else f' title="{escaped_text(english)}"'
    return f'<span class="kb-label" lang="{escape(locale.code)}"{title}>{escaped_text(own)}</span>'


def label_html(locale: SiteLocale, key: str, **values: object) -> str:
    """One of the site's own labels (`label.<key>` of the catalog), with the English as its tooltip.

    Labels repeat on every page, so they stay out of the search index and the tab order.
    """
    return hover_html(locale.pair(f"label.{key}", **values), locale)


def plain_label(locale: SiteLocale, key: str, **values: object) -> str:
    """A label where markup cannot go (page titles, attributes), in the locale alone."""
    return locale.text(f"label.{key}", **values)
