"""Out-of-date translations on the site: a notice on a stale property page, and an index page.

Built from each record's `freshness` (with `kbtools build --english`); every text in them came
from a page, so it is escaped here and made inert (`markup.inert`), never pasted into Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from kbtools.freshness.words import display_text
from kbtools.kb.freshness import DiffPart, Freshness
from kbtools.kb.record import LocalizedSegment, PropertyRecord
from kbtools.site.bilingual import hover_html
from kbtools.site.layout import property_doc, site_url
from kbtools.site.locale import SiteLocale
from kbtools.site.markup import escaped_text, inert

OUT_OF_DATE = "out-of-date.md"
# Segment ids of sxs pages (`4cfc5-104`); anything else is not put into a CSS selector.
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")


def stale_records(records: Sequence[PropertyRecord]) -> list[PropertyRecord]:
    return [r for r in records if r.freshness is not None and not r.freshness.current]


def _words(locale: SiteLocale, key: str, **values: object) -> str:
    """A notice's words in the locale, the English on hover."""
    return hover_html(locale.pair(f"freshness.{key}", **values), locale)


def out_of_date_title(locale: SiteLocale) -> str:
    return locale.text("freshness.title")


def freshness_notice(record: PropertyRecord, locale: SiteLocale | None = None) -> str:
    """The notice at the top of a stale property page (empty for a current or unchecked one)."""
    locale = locale or SiteLocale.of(record.source.locale)
    freshness = record.freshness
    if freshness is None or freshness.current:
        return ""
    if freshness.error is not None:
        return (
            '<div class="admonition warning kb-freshness"><p class="admonition-title">'
            f"{_words(locale, 'not_compared')}</p>"
            f"<p>{escaped_text(freshness.english_path)}: {escaped_text(freshness.error)}</p></div>\n"
        )
    changed = sum(1 for s in freshness.stale if s.current is not None)
    removed = len(freshness.stale) - changed
    said = [
        (key, count)
        for key, count in (("changed", changed), ("removed", removed), ("added", len(freshness.missing)))
        if count
    ]
    counts = {
        code: ", ".join(text(f"freshness.{key}", count=locale.number(count)) for key, count in said)
        for code, text in ((locale.code, locale.text), ("en", locale.english_text))
    }
    when = _when(freshness, locale)
    summary = hover_html(
        {
            locale.code: locale.text("freshness.changed_since", when=when[0], counts=counts[locale.code]),
            "en-US": locale.english_text("freshness.changed_since", when=when[1], counts=counts["en"]),
        },
        locale,
    )
    marks = " ".join(s.id for s in freshness.stale if _SAFE_ID.fullmatch(s.id))
    parts = [
        f'<div class="admonition warning kb-freshness" role="note" data-kb-stale="{marks}">',
        f'<p class="admonition-title">{_words(locale, "notice_title")}</p>',
        f"<p>{summary}</p>",
    ]
    if freshness.requirements:
        parts.append(
            f'<table class="kb-freshness-rows"><thead><tr><th>{_words(locale, "requirement")}</th>'
            f"<th>{_words(locale, 'translated_from')}</th><th>{_words(locale, 'english_now')}</th></tr></thead><tbody>"
        )
        for row in freshness.requirements:
            parts.append(
                f"<tr><td>{escape(row.label)}</td><td>{escape(row.translated_from)}</td>"
                f"<td><strong>{escape(row.current)}</strong></td></tr>"
            )
        parts.append("</tbody></table>")
    if freshness.stale:
        targets = _targets(record, locale)
        parts.append(
            f'<table class="kb-freshness-changes"><thead><tr><th>{_words(locale, "translation")}</th>'
            f"<th>{_words(locale, 'english_now')}</th></tr></thead><tbody>"
        )
        for stale in freshness.stale:
            target = escape(targets.get(stale.id, "—"))  # not every segment of the page is on the site
            if _SAFE_ID.fullmatch(stale.id) and stale.id in targets:
                target = f'<a href="#seg-{stale.id}">{target}</a>'
            now = (
                _diff_html(stale.diff)
                if stale.current is not None
                else f"<del>{escape(stale.source)}</del> {_words(locale, 'removed_mark')}"
            )
            parts.append(f"<tr><td>{target}</td><td>{now}</td></tr>")
        parts.append("</tbody></table>")
    if freshness.missing:
        parts.append(f"<p>{_words(locale, 'added_intro')}</p><ul>")
        parts.extend(f"<li><ins>{escape(m.text)}</ins></li>" for m in freshness.missing)
        parts.append("</ul>")
    parts.append("</div>")
    return inert("\n".join(parts)) + "\n"


def with_notice(markdown: str, notice: str) -> str:
    """A property page with the notice under its title (the first `# ` heading)."""
    if not notice:
        return markdown
    title = markdown.find("\n# ")
    end = markdown.find("\n", title + 1) if title != -1 else -1
    if end == -1:
        return notice + markdown
    return markdown[: end + 1] + "\n" + notice + markdown[end + 1 :]


def render_out_of_date(records: Sequence[PropertyRecord], locale: SiteLocale | None = None) -> str:
    """The index of out-of-date property pages, with what changed in each, for the team fixing them."""
    from kbtools.site.indexes import yaml_text

    locale = locale or SiteLocale.of(records[0].source.locale if records else None)
    stale = sorted(stale_records(records), key=lambda r: r.name.casefold())
    compared = sum(1 for r in records if r.freshness is not None)
    lines = [
        f"---\ntitle: {yaml_text(out_of_date_title(locale))}\nsearch:\n  exclude: true\n---\n",
        f"# {_words(locale, 'title')} {{#out-of-date}}\n",
        f"<p>{_words(locale, 'summary', stale=locale.number(len(stale)), compared=locale.number(compared))}</p>\n",
    ]
    if not stale:
        return "\n".join(lines)
    head = "".join(
        f'<th scope="col">{_words(locale, key)}</th>'
        for key in ("property", "changed_column", "removed_column", "added_column", "rows_column", "handoff_column")
    )
    rows = [
        f'<div class="kb-table-scroll" tabindex="0"><table class="kb-out-of-date"><thead><tr>{head}</tr></thead><tbody>'
    ]
    for record in stale:
        freshness = record.freshness
        assert freshness is not None
        changed = sum(1 for s in freshness.stale if s.current is not None)
        url = "../" * OUT_OF_DATE.count("/") + site_url(property_doc(record))
        rows.append(
            f'<tr><th scope="row"><a href="{escape(url)}"><code>{escape(record.name)}</code></a></th>'
            f"<td>{locale.number(changed)}</td><td>{locale.number(len(freshness.stale) - changed)}</td>"
            f"<td>{locale.number(len(freshness.missing))}</td><td>{locale.number(len(freshness.requirements))}</td>"
            f"<td>{escape(locale.date(freshness.ms_lasthandoff))}</td></tr>"
        )
    rows.append("</tbody></table></div>")
    lines.append(inert("\n".join(rows)))
    return "\n".join(lines) + "\n"


def _when(freshness: Freshness, locale: SiteLocale) -> tuple[str, str]:
    """When the page was translated, in the locale and in English: ` (handed off ..., ...)`."""
    out = []
    for text in (locale.text, locale.english_text):
        said = []
        if freshness.ms_lasthandoff:
            said.append(text("freshness.handed_off", date=locale.date(freshness.ms_lasthandoff)))
        if freshness.ms_sourcegitcommit:
            said.append(text("freshness.english_commit", commit=freshness.ms_sourcegitcommit[:7]))
        out.append(f" ({', '.join(said)})" if said else "")
    return out[0], out[1]


def _diff_html(parts: list[DiffPart]) -> str:
    out = []
    for part in parts:
        text = escape(part.text)
        out.append(
            text if part.op == "equal" else f"<del>{text}</del>" if part.op == "delete" else f"<ins>{text}</ins>"
        )
    return " ".join(out)


def _targets(record: PropertyRecord, locale: SiteLocale) -> dict[str, str]:
    """Segment id -> its translation, over the record's sections."""
    sections: list[list[LocalizedSegment]] = [record.semantics, record.remarks, record.default_value]
    if record.value is not None:
        sections.append(record.value.text)
    found = {}
    for segments in sections:
        for segment in segments:
            text = (segment.model_extra or {}).get(locale.code)
            if text:
                found[segment.id] = display_text(text)
    return found
