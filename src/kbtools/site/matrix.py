"""The compatibility matrix: properties by Windows version and Windows Installer version.

Cells come from the published requirements matrix (`kbtools.publish.requirements_matrix`) and the
rows' filter data from the same availability rule (`kbtools.kb.availability`), so the page,
`api/v1/requirements.json` and the live query agree on every (Windows, Windows Installer) pair.
"""

from __future__ import annotations

from html import escape

from kbtools.kb.query import Catalog
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.publish.requirements_matrix import WINDOWS_INSTALLER, requirements_matrix
from kbtools.site.bilingual import label_html, plain_label
from kbtools.site.indexes import KINDS, yaml_text
from kbtools.site.layout import MATRIX, property_doc, relative_url, site_url
from kbtools.site.locale import SiteLocale
from kbtools.site.markup import escaped_text

PAIR = "{os}@{version}"


def row_pairs(catalog: Catalog, record: PropertyRecord) -> list[str]:
    """The `data-pairs` of a row: every (Windows, Windows Installer version) point where the record is
    available, `Windows_XP@3.1`; an empty side is a point that names no Windows or no version."""
    points = catalog.availability.record_points(record, WINDOWS_INSTALLER)
    return sorted(PAIR.format(os=os or "", version=version or "").replace(" ", "_") for os, version in points)


def render_matrix(kb: KnowledgeBase, locale: SiteLocale | None = None) -> str:
    locale = locale or SiteLocale.of(kb.locale)
    catalog = Catalog(kb)
    records = catalog.records
    matrix = requirements_matrix(catalog)
    systems = [row.os for row in matrix.rows]
    # slug -> os -> installer versions that offer the property there
    offered: dict[str, dict[str, list[str]]] = {}
    for row in matrix.rows:
        for cell in row.cells:
            for slug in cell.properties:
                offered.setdefault(slug, {}).setdefault(row.os, []).append(cell.version)
    page = site_url(MATRIX)
    head = "".join(
        f'<th scope="col" data-os="{escape(name.replace(" ", "_"))}"><span class="kb-os">{escape(name)}</span></th>'
        for name in systems
    )
    body = []
    for record in sorted(records, key=lambda r: r.name.lower()):
        by_os = offered.get(record.slug, {})
        pairs = " ".join(row_pairs(catalog, record))
        cells = []
        for name in systems:
            versions = by_os.get(name)
            if versions:
                title = f"{name}: Windows Installer {', '.join(versions)}"
                cells.append(f'<td class="kb-yes" title="{escape(title)}">{escape(" ".join(versions))}</td>')
            else:
                cells.append(f'<td class="kb-no" title="{escape(name)}"><span aria-hidden="true">—</span></td>')
        href = escape(relative_url(site_url(property_doc(record)), page))
        body.append(
            f'<tr data-name="{escape(record.name.lower())}" data-slug="{escape(record.slug)}" data-kind="{record.kind}" '
            f'data-pairs="{escape(pairs)}">'
            f'<th scope="row"><a href="{href}">{escape(record.name)}</a></th>'
            f"{_since_cell(record)}{''.join(cells)}</tr>"
        )
    filters = "".join(
        [
            f'<input type="search" class="kb-filter-name" placeholder="{_attr(locale, "filter")}" '
            f'aria-label="{_attr(locale, "filter")}">',
            _select(locale, "kb-filter-os", "windows", "any_windows", [(n.replace(" ", "_"), n) for n in systems]),
            _select(
                locale,
                "kb-filter-version",
                "windows_installer",
                "any_installer",
                [(v, f"Windows Installer {v}") for v in matrix.installer_versions],
            ),
            _select(locale, "kb-filter-kind", "kind", "any_kind", [(k, locale.text(f"kind.{k}")) for k in KINDS]),
            f'<span class="kb-matrix-shown">{label_html(locale, "properties_shown")}: '
            f'<output class="kb-matrix-count" aria-live="polite">{len(records)}</output>'
            f" / {locale.number(len(records))}</span>",
        ]
    )
    columns = (
        f'<th scope="col" class="kb-matrix-name">{label_html(locale, "name")}</th>'
        f'<th scope="col" class="kb-matrix-since">{label_html(locale, "since")}</th>{head}'
    )
    return "\n".join(
        [
            # No sidebars: the table needs the width (at 1280 px a column was cut beside an empty one).
            f"---\ntitle: {yaml_text(plain_label(locale, 'matrix'))}\nhide:\n  - navigation\n  - toc\n"
            "search:\n  exclude: true\n---\n",
            f"# {label_html(locale, 'matrix')} {{#matrix}}\n",
            f'<div class="kb-matrix-filters">{filters}</div>\n',
            f'<p class="kb-matrix-legend">{label_html(locale, "matrix_legend")}</p>\n',
            '<div class="kb-matrix-scroll"><table class="kb-matrix">'
            f"<thead><tr>{columns}</tr></thead><tbody>{''.join(body)}</tbody></table></div>\n",
        ]
    )


def _since_cell(record: PropertyRecord) -> str:
    """The first version the page states (`requirements.since`): the Windows Installer version
    alone, another runtime with its name; the sentence that says it on hover. A dash when none."""
    since = record.requirements.since
    if not since:
        return '<td class="kb-matrix-since"><span aria-hidden="true">—</span></td>'
    parts = []
    for runtime, version in since.items():
        text = version.version if runtime == WINDOWS_INSTALLER else f"{runtime} {version.version}"
        title = f"{runtime} {version.version}: {' '.join(version.text)}".strip()
        parts.append(f'<span class="kb-since" title="{escaped_text(title)}">{escaped_text(text)}</span>')
    return f'<td class="kb-matrix-since">{" ".join(parts)}</td>'


def _attr(locale: SiteLocale, label_key: str) -> str:
    return escape(plain_label(locale, label_key))


def _select(locale: SiteLocale, css_class: str, label_key: str, any_key: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
    return (
        f'<select class="{css_class}" aria-label="{_attr(locale, label_key)}">'
        f'<option value="">{_attr(locale, any_key)}</option>{choices}</select>'
    )
