"""The home page and the index pages: properties by category and by kind."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from kbtools.kb.record import PropertyRecord
from kbtools.site.bilingual import label_html, plain_label, text_html
from kbtools.site.labels import KIND_LABELS, LABELS, SOURCE, TARGET
from kbtools.site.layout import BY_CATEGORY, BY_KIND, MATRIX, property_doc, site_url
from kbtools.site.links import LinkResolver


def render_home(records: Sequence[PropertyRecord]) -> str:
    count = len(records)
    return "\n".join(
        [
            f"---\ntitle: {plain_label('home')}\n---\n",
            f"# {label_html('home')} {{#home}}\n",
            f"<p>{count} {label_html('properties_count')}</p>\n",
            f"- [{plain_label('by_category')}]({BY_CATEGORY})",
            f"- [{plain_label('by_kind')}]({BY_KIND})",
            f"- [{plain_label('matrix')}]({MATRIX})",
            "",
        ]
    )


def render_by_category(records: Sequence[PropertyRecord], resolver: LinkResolver) -> str:
    uncategorized = LABELS["uncategorized"][TARGET]
    return _grouped_page("by_category", BY_CATEGORY, records, lambda r: r.category or uncategorized, resolver)


def render_by_kind(records: Sequence[PropertyRecord], resolver: LinkResolver) -> str:
    order = list(KIND_LABELS)
    return _grouped_page(
        "by_kind",
        BY_KIND,
        sorted(records, key=lambda r: order.index(r.kind)),
        lambda r: f"{KIND_LABELS[r.kind][TARGET]} ({KIND_LABELS[r.kind][SOURCE]})",
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
        parts.append(f"## {escape(name)} ({len(members)}) {{#group-{number}}}\n")
        parts.append(_table(members, resolver, page))
    return "\n".join(parts)


def _table(records: Sequence[PropertyRecord], resolver: LinkResolver, page: str) -> str:
    """A Markdown table, so MkDocs checks every property link at build time."""
    lines = [
        f"| {plain_label('name')} | {plain_label('summary')} | {plain_label('stated_versions')} |",
        "| --- | --- | --- |",
    ]
    for record in records:
        summary = text_html(record.summary, resolver, page) if record.summary else ""
        version = escape(", ".join(v for vs in record.requirements.stated_versions.values() for v in vs) or "—")
        name = escape(record.name).replace("_", "\\_").replace("*", "\\*")
        lines.append(f"| [{name}]({property_doc(record)}) | {_cell(summary)} | {version} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "&#124;").replace("\n", " ")
