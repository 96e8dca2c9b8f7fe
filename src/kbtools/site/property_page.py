"""A property page: the facts card above the bilingual text, all from one `PropertyRecord`."""

from __future__ import annotations

import json
import re
from html import escape

from kbtools.kb.body import segments_of
from kbtools.kb.record import LocalizedText, PropertyRecord, RequirementStatement
from kbtools.site.bilingual import hover_html, label_html, text_html
from kbtools.site.layout import property_doc, site_url, source_page_name
from kbtools.site.links import LinkResolver, published_page
from kbtools.site.locale import SOURCE, SiteLocale
from kbtools.site.markup import escaped_text, plain_title
from kbtools.site.page_body import BodyRenderer

# Lifetime facts in the order they happen to a value.
LIFETIME_STEPS = ("set_by", "set_at", "valid_after", "used_by", "cleared_at")
_HEADING_ID = re.compile(r"[^a-z0-9]+")
_ACTION_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_NAME_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|\d+")


def render_property_page(record: PropertyRecord, resolver: LinkResolver, locale: SiteLocale | None = None) -> str:
    """The Markdown source of the record's page: its title, the facts card, then the whole body
    of the source page in page order."""
    locale = locale or SiteLocale.of(record.source.locale)
    page = site_url(property_doc(record))
    title = page_title(record, locale)
    front_matter = {
        "title": plain_title(title.get(locale.code) or title.get(SOURCE) or escape(record.name)),
        "tags": search_keywords(record),
    }
    if record.summary.get(locale.code):
        front_matter["description"] = plain_title(record.summary[locale.code])
    parts = [
        f"---\n{json.dumps(front_matter, ensure_ascii=False)}\n---\n",
        f"# {text_html(title, resolver, page, locale)} {{#{_heading_id(record.slug)}}}\n",
        _description(record, resolver, page, locale),
        _card(record, resolver, page, locale),
        BodyRenderer(resolver, page, locale).render(record.body),
    ]
    return "\n".join(part for part in parts if part)


def _description(record: PropertyRecord, resolver: LinkResolver, page: str, locale: SiteLocale) -> str:
    """The page description, for search only: it is another translation of the lead's first
    sentences, which the body shows, so on the page it would say the same thing twice."""
    if not record.summary:
        return ""
    return f'<p class="kb-summary" hidden>{text_html(record.summary, resolver, page, locale)}</p>\n'


def page_title(record: PropertyRecord, locale: SiteLocale | None = None) -> LocalizedText:
    """The page title: the property's identifier from the English source, in every locale.

    Machine translation translates names away (ADVERTISE as 公告屬性, CCP_DRIVE as
    "CCP _ 磁片磁碟機屬性"), so a translated title is kept only when it holds the identifier as
    the English writes it (`ALLUSERS, propriété`); otherwise the title is the catalog's
    `{name} property` in the locale (`ADVERTISE 屬性`, `Propriété Installed`).
    """
    locale = locale or SiteLocale.of(record.source.locale)
    english = (record.title or {}).get(SOURCE) or locale.english_text("label.property_title", name=record.name)
    translated = (record.title or {}).get(locale.code) or ""
    if record.kind in ("automation", "merge-module"):
        # An object member (`Client.Context`) is code; machine translation splits or drops it.
        translated = locale.text("label.property_title", name=f"`{record.name}`")
    elif not _holds_name(translated, record.name):
        translated = locale.text("label.property_title", name=record.name)
    return {locale.code: translated, SOURCE: english}


def _holds_name(title: str, name: str) -> bool:
    if not title or not name:
        return False
    return re.search(rf"(?<![A-Za-z0-9_.]){re.escape(name)}(?![A-Za-z0-9_])", title) is not None


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


def _facts(facts: list[tuple[str, str]], locale: SiteLocale) -> str:
    if not facts:
        return ""
    rows = "".join(f"<dt>{label_html(locale, key)}</dt><dd>{value}</dd>" for key, value in facts)
    return f'<dl class="kb-facts">{rows}</dl>\n'


def _card(record: PropertyRecord, resolver: LinkResolver, page: str, locale: SiteLocale) -> str:
    visibility = "unstated" if record.public is None else ("public" if record.public else "private")
    facts = [
        ("kind", hover_html(locale.pair(f"kind.{record.kind}"), locale)),
        ("category", category_html(record, locale)),
        ("visibility", label_html(locale, visibility)),
    ]
    requirements = record.requirements
    if record.value is not None:
        if record.value.type:
            facts.append(("value_type", value_label(record.value.type, locale)))
        if record.value.access:
            facts.append(("access", value_label(record.value.access, locale)))
    if record.default:
        facts.append(("default", f"<code>{escaped_text(record.default)}</code>"))
    if requirements.since:
        facts.append(("since", since_html(record)))
    for key, value in (("dll", requirements.dll), ("header", requirements.header), ("iid", requirements.iid)):
        if value:
            facts.append((key, f"<code>{escaped_text(value)}</code>"))
    # Card parts other than the lifetime stay out of the search index: they repeat on every page.
    # They are <section>s because Material's indexer loses an exclusion at a nested closing tag
    # of the same name.
    body = [
        '<div class="kb-card">',
        '<section class="kb-card-head" data-search-exclude>'
        '<div class="kb-card-bar"><button type="button" class="kb-switch md-button" aria-pressed="false">'
        f"{label_html(locale, 'switch')}</button></div>",
        _facts(facts, locale),
        "</section>",
        _lifetime(record, locale),
        _requirements(requirements.statements, locale),
        _source(record, locale),
        "</div>\n",
    ]
    return "\n".join(part for part in body if part)


def _lifetime(record: PropertyRecord, locale: SiteLocale) -> str:
    lifetime = record.lifetime
    steps = []
    # Between chips, the locale's list separator as text: the chips' borders part them for the eye,
    # the separator for a screen reader and for copied text ("Installer, User", not "InstallerUser").
    separator = f'<span class="kb-chip-sep">{escaped_text(locale.list_separator)}</span>'
    for key in LIFETIME_STEPS:
        names = getattr(lifetime, key)
        if not names:
            continue
        evidence = lifetime.evidence.get(key) or []
        chips = []
        for name in names:
            segment_ids = lifetime.evidence.get(f"{key}:{name}") or evidence
            target = next((sid for sid in segment_ids if _has_segment(record, sid)), None)
            chip = hover_html(locale.pair(f"actor.{name}"), locale) if locale.has(f"actor.{name}") else escape(name)
            chips.append(
                f'<a class="kb-chip" href="#seg-{escape(target)}">{chip}</a>'
                if target
                else f'<span class="kb-chip">{chip}</span>'
            )
        steps.append(
            f'<li class="kb-step kb-step-{key}"><span class="kb-step-label">{label_html(locale, key)}</span> '
            f"{separator.join(chips)}</li>"
        )
    if not steps:
        return ""
    return f'<div class="kb-lifetime"><div class="kb-card-title">{label_html(locale, "lifetime")}</div><ol class="kb-timeline">{"".join(steps)}</ol></div>'


def _has_segment(record: PropertyRecord, segment_id: str) -> bool:
    return any(segment.id == segment_id for segment in segments_of(record.body))


def _requirements(statements: list[RequirementStatement], locale: SiteLocale) -> str:
    if not statements:
        return ""
    rows = []
    for statement in statements:
        versions = (
            escape(", ".join(statement.versions)) if statement.versions else label_html(locale, "version_unnamed")
        )
        later = f" {label_html(locale, 'or_later')}" if statement.or_later else ""
        systems = ", ".join(escape(name) for name in statement.os) or "—"
        rows.append(f"<tr><td>{escape(statement.runtime)} {versions}{later}</td><td>{systems}</td></tr>")
    return (
        f'<section class="kb-requirements" data-search-exclude><div class="kb-card-title">{label_html(locale, "requirements")}</div>'
        f"<table><thead><tr><th>{label_html(locale, 'runtime_version')}</th>"
        f"<th>{label_html(locale, 'operating_systems')}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _source(record: PropertyRecord, locale: SiteLocale) -> str:
    source = record.source
    name = source_page_name(record)
    facts = []
    if source.ms_translationtype:
        key = f"translation.{source.ms_translationtype}"
        text = hover_html(locale.pair(key), locale) if locale.has(key) else ""
        facts.append(("translation_type", f"{text} <code>{escape(source.ms_translationtype)}</code>"))
    # Dates in the locale's form; the page's own form is kept in `datetime`.
    for key, value in (("date", source.ms_date), ("last_handoff", source.ms_lasthandoff)):
        if value:
            facts.append(
                (key, f'<time datetime="{escape(locale.iso_date(value))}">{escape(locale.date(value))}</time>')
            )
    facts.append(("source_page", f'<a href="{escape(published_page(name, locale.learn_path))}">{escape(name)}</a>'))
    rows = "".join(f"<dt>{label_html(locale, key)}</dt><dd>{value}</dd>" for key, value in facts)
    return f'<section class="kb-source" data-search-exclude><dl class="kb-facts">{rows}</dl></section>'


def since_html(record: PropertyRecord) -> str:
    """The first version the page states, as a badge per runtime ("Windows Installer 5.0"); '' when none."""
    return " ".join(
        f'<span class="kb-since" title="{escape(" ".join(since.text))}">{escaped_text(f"{runtime} {since.version}")}</span>'
        for runtime, since in record.requirements.since.items()
    )


def value_label(value: str, locale: SiteLocale) -> str:
    """A value type or access in the locale with the English on hover; object names stay as they are."""
    key = f"value.{value}"
    if not locale.has(key) and value.endswith(" collection"):
        name = value.removesuffix(" collection")
        return f"<code>{escaped_text(name)}</code> {label_html(locale, 'collection')}"
    if not locale.has(key):
        return f"<code>{escaped_text(value)}</code>"
    return hover_html(locale.pair(key), locale)


def category_html(record: PropertyRecord, locale: SiteLocale) -> str:
    """The category heading of the property reference in the locale, its English on hover."""
    if not record.category:
        return label_html(locale, "uncategorized")
    title = record.category_title or {}
    return hover_html(
        {locale.code: title.get(locale.code) or record.category, SOURCE: title.get(SOURCE) or record.category}, locale
    )
