"""The reference for readers without a browser: `llms.txt` with a plain Markdown copy of each
property page, and a Dash/Zeal docset (`kbtools build --docset`).

Both are made from the records and the built site, after MkDocs: `llms.txt` and
`properties/<slug>.md` beside the pages; the docset is the built pages with an SQLite
`searchIndex` (`Contents/Resources/docSet.dsidx`) and an `Info.plist`, as the docset format asks.
"""

from __future__ import annotations

import shutil
import sqlite3
from html import escape
from pathlib import Path

from kbtools.kb.record import BlockText, BodyBlock, KnowledgeBase, LocalizedSegment, PropertyRecord, TextRun
from kbtools.kb.records import repaired_references
from kbtools.site.layout import BY_CATEGORY, BY_KIND, MATRIX, property_doc, site_url
from kbtools.site.locale import SOURCE, SiteLocale
from kbtools.site.property_page import page_title

LLMS_FILE = "llms.txt"
# What the docset's Documents leave out: the API and the search index are for the site's scripts.
DOCSET_SKIP = ("api", "search", ".kbtools-site")


def markdown_copy(record: PropertyRecord, locale: SiteLocale) -> str:
    """A property page as plain Markdown: title, summary, facts, then the body in page order,
    each paragraph in the locale followed by its English source as a quote."""
    title = page_title(record, locale)
    lines = [f"# {title[locale.code]}", ""]
    if title.get(SOURCE) and title[SOURCE] != title[locale.code]:
        lines += [f"> {title[SOURCE]}", ""]
    if record.summary:
        lines += [record.summary.get(locale.code) or record.summary.get(SOURCE, ""), ""]
    facts = [
        (locale.text("label.name"), f"`{record.name}`"),
        (locale.text("label.kind"), locale.text(f"kind.{record.kind}")),
    ]
    if record.category:
        facts.append((locale.text("label.category"), (record.category_title or {}).get(locale.code) or record.category))
    if record.default:
        facts.append((locale.text("label.default"), f"`{record.default}`"))
    for statement in record.requirements.statements:
        versions = ", ".join(statement.versions)
        facts.append(
            (locale.text("label.requirements"), f"{statement.runtime} {versions} — {', '.join(statement.os) or '—'}")
        )
    lines += [f"- **{label}**: {value}" for label, value in facts]
    lines.append("")
    for block in record.body:
        lines.extend(_block(block, locale, 0))
    return "\n".join(lines).rstrip() + "\n"


def _text(content: BlockText, code: str) -> tuple[str, str]:
    own, english = [], []
    for part in content:
        if isinstance(part, TextRun):
            own.append(part.text)
            english.append(part.text)
        elif isinstance(part, LocalizedSegment):
            extra = part.__pydantic_extra__ or {}
            own.append(repaired_references(extra.get(code) or extra.get(SOURCE) or ""))
            english.append(repaired_references(extra.get(SOURCE) or ""))
    return " ".join(t for t in own if t), " ".join(t for t in english if t)


def _block(block: BodyBlock, locale: SiteLocale, depth: int) -> list[str]:
    indent = "  " * depth
    if block.type == "heading":
        own, english = _text(block.content, locale.code)
        level = "#" * min(max(block.level or 2, 2), 6)
        return [f"{level} {own}" + (f" ({english})" if english and english != own else ""), ""]
    if block.type == "paragraph":
        own, english = _text(block.content, locale.code)
        out = [f"{indent}{own}", ""]
        if english and english != own:
            out += [f"{indent}> {english}", ""]
        return out
    if block.type == "list":
        out = []
        for number, item in enumerate(block.items, block.start or 1):
            marker = f"{number}." if block.ordered else "-"
            inner = [line for child in item for line in _block(child, locale, depth + 1) if line]
            if inner:
                out.append(f"{indent}{marker} {inner[0].strip()}")
                out.extend(inner[1:])
        return [*out, ""]
    if block.type == "table":
        rows = [
            [_text(cell, locale.code)[0].replace("|", "\\|").replace("\n", " ") for cell in row] for row in block.rows
        ]
        if not rows:
            return []
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        out = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return [*out, ""]
    if block.type == "code":
        fence = "````" if "```" in (block.code or "") else "```"
        return [f"{fence}{block.language or ''}", block.code or "", fence, ""]
    if block.type == "note":
        inner = [line for child in block.blocks for line in _block(child, locale, 0)]
        head = (
            [f"> **{locale.text(f'alert.{block.alert}')}**", ">"]
            if block.alert and locale.has(f"alert.{block.alert}")
            else []
        )
        return [*head, *[f"> {line}" if line else ">" for line in inner], ""]
    return []


def write_llms_txt(knowledge_base: KnowledgeBase, site: Path, locale: SiteLocale) -> Path:
    """`llms.txt` (the llmstxt.org form: title, summary, then links) and a Markdown copy of each
    property page at `properties/<slug>.md`."""
    records = sorted(knowledge_base.properties, key=lambda r: r.name.lower())
    lines = [
        f"# {locale.text('label.home')}",
        "",
        f"> {locale.text('label.site_intro', language=locale.babel.get_display_name('en'))}",
        "",
        f"## {locale.text('label.properties_count', count=locale.number(len(records)))}",
        "",
    ]
    for record in records:
        doc = property_doc(record)
        (site / doc).parent.mkdir(parents=True, exist_ok=True)
        (site / doc).write_text(markdown_copy(record, locale), encoding="utf-8")
        summary = (record.summary.get(locale.code) or record.summary.get(SOURCE) or "").replace("\n", " ")
        lines.append(f"- [{record.name}]({doc})" + (f": {summary}" if summary else ""))
    path = site / LLMS_FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_docset(knowledge_base: KnowledgeBase, site: Path, locale: SiteLocale) -> Path:
    """`<site>/windows-installer-<locale>.docset`: the built pages, an `Info.plist` and the SQLite
    `searchIndex` (a row per property, and the index pages as guides)."""
    name = f"windows-installer-{locale.url_path}"
    docset = site / f"{name}.docset"
    documents = docset / "Contents" / "Resources" / "Documents"
    shutil.copytree(
        site,
        documents,
        ignore=lambda folder, names: (
            [n for n in names if n in DOCSET_SKIP or n.endswith(".docset")] if Path(folder) == site else []
        ),
    )
    title = locale.text("label.home")
    (docset / "Contents" / "Info.plist").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0"><dict>'
        f"<key>CFBundleIdentifier</key><string>{escape(name)}</string>"
        f"<key>CFBundleName</key><string>{escape(title)}</string>"
        f"<key>DocSetPlatformFamily</key><string>msi</string>"
        "<key>isDashDocset</key><true/>"
        "<key>dashIndexFilePath</key><string>index.html</string>"
        "<key>isJavaScriptEnabled</key><true/>"
        "</dict></plist>\n",
        encoding="utf-8",
    )
    index = docset / "Contents" / "Resources" / "docSet.dsidx"
    connection = sqlite3.connect(index)
    try:
        connection.execute("CREATE TABLE searchIndex(id INTEGER PRIMARY KEY, name TEXT, type TEXT, path TEXT)")
        connection.execute("CREATE UNIQUE INDEX anchor ON searchIndex (name, type, path)")
        rows = [(record.name, "Property", site_url(property_doc(record))) for record in knowledge_base.properties]
        rows += [
            (locale.text(f"label.{key}"), "Guide", site_url(doc))
            for key, doc in (("by_category", BY_CATEGORY), ("by_kind", BY_KIND), ("matrix", MATRIX))
        ]
        connection.executemany("INSERT OR IGNORE INTO searchIndex(name, type, path) VALUES (?, ?, ?)", rows)
        connection.commit()
    finally:
        connection.close()
    return docset
