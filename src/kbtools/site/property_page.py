"""A property page: the facts card above the bilingual text, all from one `PropertyRecord`."""

from __future__ import annotations

import json
import re
from html import escape

from kbtools.kb.record import PropertyRecord, RequirementStatement
from kbtools.site.bilingual import label_html, section_html, text_html
from kbtools.site.labels import KIND_LABELS, SOURCE, TARGET, TRANSLATION_TYPES
from kbtools.site.layout import property_doc, site_url, source_page_name
from kbtools.site.links import LinkResolver, published_page
from kbtools.site.markup import plain_text

# Lifetime facts in the order they happen to a value.
LIFETIME_STEPS = ("set_by", "set_at", "valid_after", "used_by", "cleared_at")
_HEADING_ID = re.compile(r"[^a-z0-9]+")
_ACTION_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_NAME_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|\d+")


def render_property_page(record: PropertyRecord, resolver: LinkResolver) -> str:
    """The Markdown source of the record's page."""
    page = site_url(property_doc(record))
    title = plain_text(record.title.get(TARGET) or record.title.get(SOURCE) or record.name)
    front_matter = {"title": title, "tags": search_keywords(record)}
    parts = [
        f"---\n{json.dumps(front_matter, ensure_ascii=False)}\n---\n",
        f"# {text_html(record.title or {SOURCE: record.name}, resolver, page)} {{#{_heading_id(record.slug)}}}\n",
    ]
    if record.summary:
        parts.append(f'<p class="kb-summary">{text_html(record.summary, resolver, page)}</p>\n')
    parts.append(_card(record, resolver, page))
    parts.append(section_html(record.semantics, resolver, page))
    if record.value is not None:
        parts.append(_section("value", _value(record, resolver, page)))
    if record.default_value:
        parts.append(_section("default_value", section_html(record.default_value, resolver, page)))
    if record.remarks:
        parts.append(_section("remarks", section_html(record.remarks, resolver, page)))
    return "\n".join(part for part in parts if part)


def search_keywords(record: PropertyRecord) -> list[str]:
    """Facts a search should find the page by, as Material search tags (indexed, not shown).

    The words of the property name (`session key` finds MsiRestartManagerSessionKey) and the
    actions its lifetime names (`InstallValidate` finds the properties it clears).
    """
    # Words one by one, and not the whole name (it is in the title): a tag like
    # `Session.FeatureRequestState` is one rare token that a prefix query `session*` would
    # rank above every page that matches all the words of the query.
    keywords: list[str] = []
    for word in name_words(record.name):
        if word not in keywords:
            keywords.append(word)
    lifetime = record.lifetime
    for names in (lifetime.set_at, lifetime.cleared_at, lifetime.valid_after, lifetime.set_by):
        keywords.extend(name for name in names if _ACTION_NAME.fullmatch(name) and name not in keywords)
    return keywords


def name_words(name: str) -> list[str]:
    """The words of a camel-case property name (`MsiRestartManagerSessionKey` -> Msi ... Key)."""
    return _NAME_WORD.findall(name)


def _heading_id(text: str) -> str:
    return _HEADING_ID.sub("-", text.lower()).strip("-") or "property"


def _section(key: str, body: str) -> str:
    return f"## {label_html(key)} {{#{key.replace('_', '-')}}}\n\n{body}"


def _value(record: PropertyRecord, resolver: LinkResolver, page: str) -> str:
    value = record.value
    assert value is not None
    facts = []
    if value.type:
        facts.append(("value_type", escape(value.type)))
    if value.access:
        facts.append(("access", escape(value.access)))
    html = _facts(facts)
    if value.syntax:
        html += f'<pre class="kb-syntax"><code>{escape(value.syntax)}</code></pre>\n'
    return html + section_html(value.text, resolver, page)


def _facts(facts: list[tuple[str, str]]) -> str:
    if not facts:
        return ""
    rows = "".join(f"<dt>{label_html(key)}</dt><dd>{value}</dd>" for key, value in facts)
    return f'<dl class="kb-facts">{rows}</dl>\n'


def _card(record: PropertyRecord, resolver: LinkResolver, page: str) -> str:
    kind = KIND_LABELS[record.kind]
    visibility = "unstated" if record.public is None else ("public" if record.public else "private")
    facts = [
        ("kind", f'<span lang="zh-TW" title="{escape(kind[SOURCE])}">{escape(kind[TARGET])}</span>'),
        ("category", escape(record.category) if record.category else label_html("uncategorized")),
        ("visibility", label_html(visibility)),
    ]
    requirements = record.requirements
    for key, value in (("dll", requirements.dll), ("header", requirements.header), ("iid", requirements.iid)):
        if value:
            facts.append((key, f"<code>{escape(value)}</code>"))
    # Card parts other than the lifetime stay out of the search index: they repeat on every page.
    # They are <section>s because Material's indexer loses an exclusion at a nested closing tag
    # of the same name.
    body = [
        '<div class="kb-card">',
        '<section class="kb-card-head" data-search-exclude>'
        '<div class="kb-card-bar"><button type="button" class="kb-switch md-button" aria-pressed="false">'
        f"{label_html('switch')}</button></div>",
        _facts(facts),
        "</section>",
        _lifetime(record),
        _requirements(requirements.statements),
        _see_also(record, resolver, page),
        _source(record),
        "</div>\n",
    ]
    return "\n".join(part for part in body if part)


def _lifetime(record: PropertyRecord) -> str:
    lifetime = record.lifetime
    steps = []
    for key in LIFETIME_STEPS:
        names = getattr(lifetime, key)
        if not names:
            continue
        evidence = lifetime.evidence.get(key) or []
        chips = []
        for name in names:
            segment_ids = lifetime.evidence.get(f"{key}:{name}") or evidence
            target = next((sid for sid in segment_ids if _has_segment(record, sid)), None)
            chip = escape(name)
            chips.append(
                f'<a class="kb-chip" href="#seg-{escape(target)}">{chip}</a>'
                if target
                else f'<span class="kb-chip">{chip}</span>'
            )
        steps.append(
            f'<li class="kb-step kb-step-{key}"><span class="kb-step-label">{label_html(key)}</span> {" ".join(chips)}</li>'
        )
    if not steps:
        return ""
    return f'<div class="kb-lifetime"><div class="kb-card-title">{label_html("lifetime")}</div><ol class="kb-timeline">{"".join(steps)}</ol></div>'


def _has_segment(record: PropertyRecord, segment_id: str) -> bool:
    sections = [record.semantics, record.remarks, record.default_value, record.value.text if record.value else []]
    return any(segment.id == segment_id for section in sections for segment in section)


def _requirements(statements: list[RequirementStatement]) -> str:
    if not statements:
        return ""
    rows = []
    for statement in statements:
        versions = escape(", ".join(statement.versions)) if statement.versions else label_html("version_unnamed")
        later = f" {label_html('or_later')}" if statement.or_later else ""
        systems = ", ".join(escape(name) for name in statement.os) or "—"
        rows.append(f"<tr><td>{escape(statement.runtime)} {versions}{later}</td><td>{systems}</td></tr>")
    return (
        f'<section class="kb-requirements" data-search-exclude><div class="kb-card-title">{label_html("requirements")}</div>'
        f"<table><thead><tr><th>{label_html('runtime_version')}</th><th>{label_html('operating_systems')}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _see_also(record: PropertyRecord, resolver: LinkResolver, page: str) -> str:
    if not record.see_also:
        return ""
    items = []
    for entry in record.see_also:
        href = resolver.resolve(entry.target, page)
        title = text_html(entry.title or {SOURCE: entry.target}, resolver, page)
        items.append(f'<li><a href="{escape(href)}">{title}</a></li>' if href else f"<li>{title}</li>")
    return (
        f'<section class="kb-see-also" data-search-exclude><div class="kb-card-title">{label_html("see_also")}</div>'
        f"<ul>{''.join(items)}</ul></section>"
    )


def _source(record: PropertyRecord) -> str:
    source = record.source
    name = source_page_name(record)
    facts = []
    if source.ms_translationtype:
        kind = TRANSLATION_TYPES.get(source.ms_translationtype)
        text = f'<span lang="zh-TW" title="{escape(kind[SOURCE])}">{escape(kind[TARGET])}</span>' if kind else ""
        facts.append(("translation_type", f"{text} <code>{escape(source.ms_translationtype)}</code>"))
    if source.ms_date:
        facts.append(("date", escape(source.ms_date)))
    if source.ms_lasthandoff:
        facts.append(("last_handoff", escape(source.ms_lasthandoff)))
    facts.append(("source_page", f'<a href="{escape(published_page(name))}">{escape(name)}</a>'))
    rows = "".join(f"<dt>{label_html(key)}</dt><dd>{value}</dd>" for key, value in facts)
    return f'<section class="kb-source" data-search-exclude><dl class="kb-facts">{rows}</dl></section>'
