"""The home page and the index pages: properties by category and by kind."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from kbtools.kb.record import LocalizedText, PropertyRecord
from kbtools.site.bilingual import label_html, plain_label, text_html
from kbtools.site.labels import KIND_LABELS, LABELS, SOURCE, TARGET
from kbtools.site.layout import BY_CATEGORY, BY_KIND, HOME, MATRIX, property_doc, relative_url, site_url
from kbtools.site.links import LinkResolver
from kbtools.site.markup import escaped_text
from kbtools.site.property_page import since_html


def render_home(records: Sequence[PropertyRecord], resolver: LinkResolver) -> str:
    """The home page: what the site is, how to read it, every property by category, the API.

    No front matter title: the site name is the home page's title (Material would print both).
    Out of the search index: it repeats every summary, and a query should find the property page.
    """
    page = site_url(HOME)
    count = len(records)
    reading = "".join(f"<li>{label_html(key)}</li>" for key in ("read_hover", "read_sxs", "read_card"))
    api = "".join(
        f'<li><a href="{href}"><code>{href}</code></a> {label_html(key)}</li>'
        for href, key in (
            ("api/v1/properties.json", "api_index"),
            ("api/v1/requirements.json", "api_requirements"),
            ("api/v1/schema.json", "api_schema"),
            ("api/v1/openapi.json", "api_openapi"),
        )
    )
    links = " · ".join(
        f'<a href="{site_url(doc)}">{label_html(key)}</a>' for doc, key in ((BY_CATEGORY, "by_category"), (BY_KIND, "by_kind"), (MATRIX, "matrix"))
    )
    groups = []
    for _, title, members in category_groups(records):
        items = "".join(
            f'<li><a href="{escape(relative_url(site_url(property_doc(r)), page))}"><code>{escaped_text(r.name)}</code></a>'
            + (f' <span class="kb-home-summary">{text_html(r.summary, resolver, page)}</span>' if r.summary else "")
            + "</li>"
            for r in members
        )
        groups.append(f"<h3>{_bilingual(title)} ({len(members)})</h3><ul>{items}</ul>")
    return "\n".join(
        [
            "---\nsearch:\n  exclude: true\n---\n",
            f"# {label_html('home')} {{#home}}\n",
            f'<p class="kb-intro">{label_html("site_intro")} {count} {label_html("properties_count")}。</p>\n',
            f"<p>{links}</p>\n",
            f"## {label_html('how_to_read')} {{#how-to-read}}\n",
            f"<ul>{reading}</ul>\n",
            f"## {label_html('api')} {{#api}}\n",
            f"<p>{label_html('api_intro')}</p><ul>{api}</ul>\n",
            f"## {label_html('properties_by_category')} {{#properties}}\n",
            f'<div class="kb-home-categories">{"".join(groups)}</div>\n',
        ]
    )


def category_groups(records: Sequence[PropertyRecord]) -> list[tuple[str, LocalizedText, list[PropertyRecord]]]:
    """(key, title, members) of every category, then the uncategorized properties by kind.

    Categories keep the order of their English names; members are sorted by name.
    """
    groups: dict[str, tuple[LocalizedText, list[PropertyRecord]]] = {}
    for record in records:
        if record.category:
            title = record.category_title or {}
            key = record.category
            text = {TARGET: title.get(TARGET) or key, SOURCE: title.get(SOURCE) or key}
        else:
            kind = KIND_LABELS[record.kind]
            key = "~" + str(list(KIND_LABELS).index(record.kind))
            uncategorized = LABELS["uncategorized"]
            text = {TARGET: f"{uncategorized[TARGET]}：{kind[TARGET]}", SOURCE: f"{uncategorized[SOURCE]}: {kind[SOURCE]}"}
        groups.setdefault(key, (text, []))[1].append(record)
    return [
        (key, title, sorted(members, key=lambda r: r.name.lower()))
        for key, (title, members) in sorted(groups.items(), key=lambda item: item[0].lower())
    ]


def _bilingual(text: LocalizedText) -> str:
    if text[TARGET] == text[SOURCE]:
        return escaped_text(text[TARGET])
    return f'<span class="kb-label" lang="zh-TW" title="{escaped_text(text[SOURCE])}">{escaped_text(text[TARGET])}</span>'


def render_by_category(records: Sequence[PropertyRecord], resolver: LinkResolver) -> str:
    page = site_url(BY_CATEGORY)
    parts = [
        f"---\ntitle: {plain_label('by_category')}\nsearch:\n  exclude: true\n---\n",
        f"# {label_html('by_category')} {{#by-category}}\n",
    ]
    for number, (_, title, members) in enumerate(category_groups(records), 1):
        parts.append(f"## {_bilingual(title)} ({len(members)}) {{#group-{number}}}\n")
        parts.append(_table(members, resolver, page))
    return "\n".join(parts)


def render_by_kind(records: Sequence[PropertyRecord], resolver: LinkResolver) -> str:
    order = list(KIND_LABELS)
    return _grouped_page(
        "by_kind",
        BY_KIND,
        sorted(records, key=lambda r: order.index(r.kind)),
        lambda r: r.kind,
        resolver,
        sort_groups=False,
    )


def _grouped_page(
    title_key: str,
    doc: str,
    records: Sequence[PropertyRecord],
    group_of: Callable[[PropertyRecord], str],
    resolver: LinkResolver,
    sort_groups: bool = True,
) -> str:
    groups: dict[str, list[PropertyRecord]] = {}
    for record in records:
        groups.setdefault(group_of(record), []).append(record)
    names = sorted(groups) if sort_groups else list(groups)
    page = site_url(doc)
    # Index pages repeat every summary; out of the search index so a query finds the property page.
    parts = [
        f"---\ntitle: {plain_label(title_key)}\nsearch:\n  exclude: true\n---\n",
        f"# {label_html(title_key)} {{#{title_key.replace('_', '-')}}}\n",
    ]
    for number, name in enumerate(names, 1):
        members = sorted(groups[name], key=lambda r: r.name.lower())
        parts.append(f"## {_bilingual(KIND_LABELS[name])} ({len(members)}) {{#group-{number}}}\n")
        parts.append(_table(members, resolver, page))
    return "\n".join(parts)


def _table(records: Sequence[PropertyRecord], resolver: LinkResolver, page: str) -> str:
    """An HTML table: built from data, so no name or summary can become Markdown."""
    head = f"<tr><th>{label_html('name')}</th><th>{label_html('summary')}</th><th>{label_html('since')}</th></tr>"
    rows = []
    for record in records:
        summary = text_html(record.summary, resolver, page) if record.summary else ""
        version = since_html(record) or "—"
        href = escape(relative_url(site_url(property_doc(record)), page))
        rows.append(
            f'<tr><td><a href="{href}"><code>{escaped_text(record.name)}</code></a></td><td>{summary}</td><td>{version}</td></tr>'
        )
    return f'<div class="kb-table-scroll"><table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>\n'
