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
from kbtools.site.labels import TARGET
from kbtools.site.layout import property_doc, site_url
from kbtools.site.markup import escaped_text, inert

OUT_OF_DATE = "out-of-date.md"
OUT_OF_DATE_TITLE = "過時的翻譯 Out-of-date translations"
# Segment ids of sxs pages (`4cfc5-104`); anything else is not put into a CSS selector.
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")


def stale_records(records: Sequence[PropertyRecord]) -> list[PropertyRecord]:
    return [r for r in records if r.freshness is not None and not r.freshness.current]


def freshness_notice(record: PropertyRecord) -> str:
    """The notice at the top of a stale property page (empty for a current or unchecked one)."""
    freshness = record.freshness
    if freshness is None or freshness.current:
        return ""
    if freshness.error is not None:
        return (
            '<div class="admonition warning kb-freshness"><p class="admonition-title">'
            "無法與英文原文比較 The English page could not be compared</p>"
            f"<p>{escaped_text(freshness.english_path)}: {escaped_text(freshness.error)}</p></div>\n"
        )
    changed = sum(1 for s in freshness.stale if s.current is not None)
    removed = len(freshness.stale) - changed
    counts = ", ".join(
        f"{count} {what}"
        for count, what in ((changed, "changed"), (removed, "removed"), (len(freshness.missing), "added"))
        if count
    )
    marks = " ".join(s.id for s in freshness.stale if _SAFE_ID.fullmatch(s.id))
    parts = [
        f'<div class="admonition warning kb-freshness" role="note" data-kb-stale="{marks}">',
        '<p class="admonition-title">此翻譯已過時 This translation is out of date</p>',
        f"<p>The English page has changed since this page was translated{_when(freshness)}: "
        f"{escape(counts)} sentences. Stale sentences are marked in the text; the current English is below.</p>",
    ]
    if freshness.requirements:
        parts.append('<table class="kb-freshness-rows"><thead><tr><th>Requirement</th>'
                     "<th>English translated from</th><th>English now</th></tr></thead><tbody>")
        for row in freshness.requirements:
            parts.append(
                f"<tr><td>{escape(row.label)}</td><td>{escape(row.translated_from)}</td>"
                f"<td><strong>{escape(row.current)}</strong></td></tr>"
            )
        parts.append("</tbody></table>")
    if freshness.stale:
        targets = _targets(record)
        parts.append('<table class="kb-freshness-changes"><thead><tr><th>Translation</th>'
                     "<th>English now</th></tr></thead><tbody>")
        for stale in freshness.stale:
            target = escape(targets.get(stale.id, "—"))  # not every segment of the page is on the site
            if _SAFE_ID.fullmatch(stale.id) and stale.id in targets:
                target = f'<a href="#seg-{stale.id}">{target}</a>'
            now = _diff_html(stale.diff) if stale.current is not None else f"<del>{escape(stale.source)}</del> (removed)"
            parts.append(f"<tr><td>{target}</td><td>{now}</td></tr>")
        parts.append("</tbody></table>")
    if freshness.missing:
        parts.append("<p>Added to the English page, not translated:</p><ul>")
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


def render_out_of_date(records: Sequence[PropertyRecord]) -> str:
    """The index of out-of-date property pages, with what changed in each, for the team fixing them."""
    stale = sorted(stale_records(records), key=lambda r: r.name.casefold())
    compared = sum(1 for r in records if r.freshness is not None)
    lines = [
        f"---\ntitle: {OUT_OF_DATE_TITLE}\n---\n",
        "# 過時的翻譯 Out-of-date translations {#out-of-date}\n",
        f"<p>{len(stale)} of {compared} property pages compared with the current English are out of date.</p>\n",
    ]
    if not stale:
        return "\n".join(lines)
    rows = [
        '<table class="kb-out-of-date"><thead><tr><th>Property</th><th>Changed</th><th>Removed</th>'
        "<th>Added</th><th>Requirement rows</th><th>Handed off</th></tr></thead><tbody>"
    ]
    for record in stale:
        freshness = record.freshness
        assert freshness is not None
        changed = sum(1 for s in freshness.stale if s.current is not None)
        url = "../" * OUT_OF_DATE.count("/") + site_url(property_doc(record))
        rows.append(
            f'<tr><td><a href="{escape(url)}">{escape(record.name)}</a></td><td>{changed}</td>'
            f"<td>{len(freshness.stale) - changed}</td><td>{len(freshness.missing)}</td>"
            f"<td>{len(freshness.requirements)}</td><td>{escape(freshness.ms_lasthandoff or '')}</td></tr>"
        )
    rows.append("</tbody></table>")
    lines.append(inert("\n".join(rows)))
    return "\n".join(lines) + "\n"


def _when(freshness: Freshness) -> str:
    said = []
    if freshness.ms_lasthandoff:
        said.append(f"handed off {freshness.ms_lasthandoff}")
    if freshness.ms_sourcegitcommit:
        said.append(f"English commit {freshness.ms_sourcegitcommit[:7]}")
    return f" ({escape(', '.join(said))})" if said else ""


def _diff_html(parts: list[DiffPart]) -> str:
    out = []
    for part in parts:
        text = escape(part.text)
        out.append(text if part.op == "equal" else f"<del>{text}</del>" if part.op == "delete" else f"<ins>{text}</ins>")
    return " ".join(out)


def _targets(record: PropertyRecord) -> dict[str, str]:
    """Segment id -> its translation, over the record's sections."""
    sections: list[list[LocalizedSegment]] = [record.semantics, record.remarks, record.default_value]
    if record.value is not None:
        sections.append(record.value.text)
    found = {}
    for segments in sections:
        for segment in segments:
            text = (segment.model_extra or {}).get(TARGET)
            if text:
                found[segment.id] = display_text(text)
    return found
