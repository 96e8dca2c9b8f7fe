"""The home page and the index pages: properties by category and by kind."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from kbtools.kb.record import LocalizedText, PropertyRecord
from kbtools.site.bilingual import hover_html, label_html, plain_label, text_html
from kbtools.site.layout import BY_CATEGORY, BY_KIND, HOME, MATRIX, property_doc, relative_url, site_url
from kbtools.site.links import LinkResolver
from kbtools.site.locale import SOURCE, SiteLocale
from kbtools.site.markup import escaped_text
from kbtools.site.property_page import since_html

KINDS = ("installer", "summary", "automation", "merge-module")
# The API's files, each with the label that says what it is.
API_FILES = (
    ("api/v1/properties.json", "api_index"),
    ("api/v1/requirements.json", "api_requirements"),
    ("api/v1/schema.json", "api_schema"),
    ("api/v1/openapi.json", "api_openapi"),
)


def render_home(
    records: Sequence[PropertyRecord],
    resolver: LinkResolver,
    locale: SiteLocale | None = None,
    extra_links: Sequence[tuple[str, str]] = (),
    languages: Sequence[tuple[str, str, str]] = (),
) -> str:
    """The home page: what the site is, how to read it, every property by category, the API.

    `extra_links` are (href, label html) of more index pages (the out-of-date index);
    `languages` are (href, lang, name) of the site in each of its locales.
    No front matter title: the site name is the home page's title (Material would print both).
    Out of the search index: it repeats every summary, and a query should find the property page.
    """
    locale = locale or _locale_of(records)
    page = site_url(HOME)
    count = locale.number(len(records))
    reading = "".join(f"<li>{label_html(locale, key)}</li>" for key in ("read_hover", "read_sxs", "read_card"))
    api = "".join(
        f'<li><a href="{href}"><code>{href}</code></a> {label_html(locale, key)}</li>' for href, key in API_FILES
    )
    links = [
        f'<a href="{site_url(doc)}">{label_html(locale, key)}</a>'
        for doc, key in ((BY_CATEGORY, "by_category"), (BY_KIND, "by_kind"), (MATRIX, "matrix"))
    ]
    links.extend(f'<a href="{escape(href)}">{label}</a>' for href, label in extra_links)
    groups = []
    for _, title, members in category_groups(records, locale):
        items = "".join(
            f'<li><a href="{escape(relative_url(site_url(property_doc(r)), page))}"><code>{escaped_text(r.name)}</code></a>'
            + (
                f' <span class="kb-home-summary">{text_html(r.summary, resolver, page, locale)}</span>'
                if r.summary
                else ""
            )
            + "</li>"
            for r in members
        )
        groups.append(f"<h3>{hover_html(title, locale)} ({locale.number(len(members))})</h3><ul>{items}</ul>")
    parts = [
        "---\nsearch:\n  exclude: true\n---\n",
        f"# {label_html(locale, 'home')} {{#home}}\n",
        f'<p class="kb-intro">{label_html(locale, "site_intro", language=_english_name(locale))} '
        f"{label_html(locale, 'properties_count', count=count)}</p>\n",
        f'<p class="kb-home-links">{" · ".join(links)}</p>\n',
    ]
    if languages:
        items = "".join(
            f'<li><a href="{escape(href)}" hreflang="{escape(lang)}" lang="{escape(lang)}">{escape(name)}</a></li>'
            for href, lang, name in languages
        )
        parts.append(f"## {label_html(locale, 'languages')} {{#languages}}\n")
        parts.append(f'<ul class="kb-languages">{items}</ul>\n')
    parts += [
        f"## {label_html(locale, 'how_to_read')} {{#how-to-read}}\n",
        f"<ul>{reading}</ul>\n",
        f"## {label_html(locale, 'api')} {{#api}}\n",
        f"<p>{label_html(locale, 'api_intro')}</p><ul>{api}</ul>\n",
        f"## {label_html(locale, 'properties_by_category')} {{#properties}}\n",
        f'<div class="kb-home-categories">{"".join(groups)}</div>\n',
    ]
    return "\n".join(parts)


def _english_name(locale: SiteLocale) -> str:
    return locale.babel.get_display_name("en") or locale.code


def _locale_of(records: Sequence[PropertyRecord]) -> SiteLocale:
    return SiteLocale.of(records[0].source.locale if records else None)


def category_groups(
    records: Sequence[PropertyRecord], locale: SiteLocale | None = None
) -> list[tuple[str, LocalizedText, list[PropertyRecord]]]:
    """(key, title, members) of every category, then the uncategorized properties by kind.

    Categories keep the order of their English names; members are sorted by name.
    """
    locale = locale or _locale_of(records)
    groups: dict[str, tuple[LocalizedText, list[PropertyRecord]]] = {}
    for record in records:
        if record.category:
            title = record.category_title or {}
            key = record.category
            text = {locale.code: title.get(locale.code) or key, SOURCE: title.get(SOURCE) or key}
        else:
            key = "~" + str(KINDS.index(record.kind))
            text = {
                locale.code: f"{locale.text('label.uncategorized')}: {locale.text(f'kind.{record.kind}')}",
                SOURCE: f"{locale.english_text('label.uncategorized')}: {locale.english_text(f'kind.{record.kind}')}",
            }
        groups.setdefault(key, (text, []))[1].append(record)
    return [
        (key, title, sorted(members, key=lambda r: r.name.lower()))
        for key, (title, members) in sorted(groups.items(), key=lambda item: item[0].lower())
    ]


def render_by_category(
    records: Sequence[PropertyRecord], resolver: LinkResolver, locale: SiteLocale | None = None
) -> str:
    locale = locale or _locale_of(records)
    page = site_url(BY_CATEGORY)
    parts = [
        f"---\ntitle: {yaml_text(plain_label(locale, 'by_category'))}\nsearch:\n  exclude: true\n---\n",
        f"# {label_html(locale, 'by_category')} {{#by-category}}\n",
    ]
    for number, (_, title, members) in enumerate(category_groups(records, locale), 1):
        parts.append(f"## {hover_html(title, locale)} ({locale.number(len(members))}) {{#group-{number}}}\n")
        parts.append(_table(members, resolver, page, locale))
    return "\n".join(parts)


def render_by_kind(records: Sequence[PropertyRecord], resolver: LinkResolver, locale: SiteLocale | None = None) -> str:
    locale = locale or _locale_of(records)
    return _grouped_page(
        "by_kind",
        BY_KIND,
        sorted(records, key=lambda r: KINDS.index(r.kind)),
        lambda r: r.kind,
        resolver,
        locale,
    )


def yaml_text(text: str) -> str:
    """A front matter value: JSON is YAML, and quotes whatever YAML would read otherwise."""
    import json

    return json.dumps(escape(text, quote=False), ensure_ascii=False)


def _grouped_page(
    title_key: str,
    doc: str,
    records: Sequence[PropertyRecord],
    group_of: Callable[[PropertyRecord], str],
    resolver: LinkResolver,
    locale: SiteLocale,
) -> str:
    groups: dict[str, list[PropertyRecord]] = {}
    for record in records:
        groups.setdefault(group_of(record), []).append(record)
    page = site_url(doc)
    # Index pages repeat every summary; out of the search index so a query finds the property page.
    parts = [
        f"---\ntitle: {yaml_text(plain_label(locale, title_key))}\nsearch:\n  exclude: true\n---\n",
        f"# {label_html(locale, title_key)} {{#{title_key.replace('_', '-')}}}\n",
    ]
    for number, name in enumerate(groups, 1):
        members = sorted(groups[name], key=lambda r: r.name.lower())
        parts.append(
            f"## {hover_html(locale.pair(f'kind.{name}'), locale)} ({locale.number(len(members))}) {{#group-{number}}}\n"
        )
        parts.append(_table(members, resolver, page, locale))
    return "\n".join(parts)


def _table(records: Sequence[PropertyRecord], resolver: LinkResolver, page: str, locale: SiteLocale) -> str:
    """An HTML table: built from data, so no name or summary can become Markdown."""
    head = (
        f"<tr><th>{label_html(locale, 'name')}</th><th>{label_html(locale, 'summary')}</th>"
        f"<th>{label_html(locale, 'since')}</th></tr>"
    )
    rows = []
    for record in records:
        summary = text_html(record.summary, resolver, page, locale) if record.summary else ""
        version = since_html(record) or "—"
        href = escape(relative_url(site_url(property_doc(record)), page))
        rows.append(
            f'<tr><td><a href="{href}"><code>{escaped_text(record.name)}</code></a></td><td>{summary}</td><td>{version}</td></tr>'
        )
    return f'<div class="kb-table-scroll"><table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>\n'
