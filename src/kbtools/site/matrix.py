"""The compatibility matrix: properties by Windows version and Windows Installer version.

Cells come from the API's requirements matrix (`kbtools.api.requirements_matrix`), so the page,
`api/v1/requirements.json` and the live query agree on every (Windows, Windows Installer) pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from kbtools.api.requirements_matrix import requirements_matrix
from kbtools.kb.record import PropertyRecord
from kbtools.site.bilingual import label_html, plain_label
from kbtools.site.labels import KIND_LABELS, TARGET
from kbtools.site.layout import MATRIX, property_doc, relative_url, site_url

PAIR = "{os}@{version}"


def render_matrix(records: Sequence[PropertyRecord]) -> str:
    matrix = requirements_matrix(records)
    systems = [row.os for row in matrix.rows]
    # slug -> os -> installer versions that offer the property there
    offered: dict[str, dict[str, list[str]]] = {}
    for row in matrix.rows:
        for cell in row.cells:
            for slug in cell.properties:
                offered.setdefault(slug, {}).setdefault(row.os, []).append(cell.version)
    page = site_url(MATRIX)
    head = "".join(f'<th scope="col"><span class="kb-os">{escape(name)}</span></th>' for name in systems)
    body = []
    for record in sorted(records, key=lambda r: r.name.lower()):
        by_os = offered.get(record.slug, {})
        pairs = " ".join(PAIR.format(os=os, version=v).replace(" ", "_") for os, vs in by_os.items() for v in vs)
        cells = []
        for name in systems:
            versions = by_os.get(name)
            if versions:
                title = f"{name}: Windows Installer {', '.join(versions)}"
                cells.append(f'<td class="kb-yes" title="{escape(title)}">{escape(" ".join(versions))}</td>')
            else:
                cells.append(f'<td class="kb-no" title="{escape(name)}">—</td>')
        href = escape(relative_url(site_url(property_doc(record)), page))
        body.append(
            f'<tr data-name="{escape(record.name.lower())}" data-kind="{record.kind}" data-pairs="{escape(pairs)}">'
            f'<th scope="row"><a href="{href}">{escape(record.name)}</a></th>'
            f"<td>{escape(record.requirements.min_version or '—')}</td>{''.join(cells)}</tr>"
        )
    filters = "".join(
        [
            f'<input type="search" class="kb-filter-name" placeholder="{_attr("filter")}" aria-label="{_attr("filter")}">',
            _select("kb-filter-os", "windows", "any_windows", [(n.replace(" ", "_"), n) for n in systems]),
            _select(
                "kb-filter-version",
                "windows_installer",
                "any_installer",
                [(v, f"Windows Installer {v}") for v in matrix.installer_versions],
            ),
            _select("kb-filter-kind", "kind", "any_kind", [(k, text[TARGET]) for k, text in KIND_LABELS.items()]),
            f'<output class="kb-matrix-count">{len(records)}</output>',
        ]
    )
    columns = f'<th scope="col">{label_html("name")}</th><th scope="col">{label_html("min_version")}</th>{head}'
    return "\n".join(
        [
            f"---\ntitle: {plain_label('matrix')}\nsearch:\n  exclude: true\n---\n",
            f"# {label_html('matrix')} {{#matrix}}\n",
            f'<div class="kb-matrix-filters">{filters}</div>\n',
            '<div class="kb-matrix-scroll"><table class="kb-matrix">'
            f"<thead><tr>{columns}</tr></thead><tbody>{''.join(body)}</tbody></table></div>\n",
        ]
    )


def _attr(label_key: str) -> str:
    return escape(plain_label(label_key))


def _select(css_class: str, label_key: str, any_key: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
    return (
        f'<select class="{css_class}" aria-label="{_attr(label_key)}">'
        f'<option value="">{_attr(any_key)}</option>{choices}</select>'
    )
