"""The body of a property page as HTML, block by block from the record's `body`.

Every block is built as escaped, inert HTML: segments through `segment_html`, untranslated
markup through the sanitising `render_markup`, code escaped. Blocks other than `##`/`###`
headings are single-line raw HTML, which Markdown passes through as it is; headings stay
Markdown so that they reach the table of contents.
"""

from __future__ import annotations

from html import escape, unescape

from kbtools.kb.record import BlockText, BodyBlock, LocalizedSegment, TextRun
from kbtools.site.bilingual import hover_html, segment_html
from kbtools.site.links import LinkResolver
from kbtools.site.locale import SOURCE, SiteLocale
from kbtools.site.markup import escaped_text, inert, plain_text, render_markup

# Alert kinds (`> [!NOTE]`) as Material admonition classes.
ADMONITIONS = {"NOTE": "note", "TIP": "tip", "IMPORTANT": "info", "WARNING": "warning", "CAUTION": "danger"}


class BodyRenderer:
    """Renders the blocks of one page; numbers its headings so their ids are unique."""

    def __init__(self, resolver: LinkResolver, page: str, locale: SiteLocale) -> None:
        self.resolver = resolver
        self.page = page
        self.locale = locale
        self.headings = 0

    def render(self, blocks: list[BodyBlock]) -> str:
        """The page body: Markdown headings and raw HTML blocks, separated by blank lines."""
        return "\n\n".join(filter(None, (self.top_block(block) for block in blocks))) + "\n"

    def top_block(self, block: BodyBlock) -> str:
        if block.type == "heading":
            self.headings += 1
            level = min(max(block.level or 2, 2), 6)
            # The table of contents names the section in the reader's language only (the heading
            # itself carries the English too, for the hover and the side-by-side view).
            label = escaped_text(self.own_text(block.content))
            return f'{"#" * level} {self.text(block.content)} {{#section-{self.headings} data-toc-label="{label}"}}'
        return self.block(block)

    def block(self, block: BodyBlock) -> str:
        if block.type == "heading":
            level = min(max(block.level or 2, 2), 6)
            return f'<h{level} class="kb-h">{self.text(block.content)}</h{level}>'
        if block.type == "paragraph":
            return f'<p class="kb-p">{self.text(block.content)}</p>'
        if block.type == "list":
            return self.list(block)
        if block.type == "table":
            return self.table(block)
        if block.type == "code":
            return self.code(block)
        if block.type == "note":
            return self.note(block)
        return ""

    def text(self, content: BlockText) -> str:
        parts = []
        for part in content:
            if isinstance(part, TextRun):
                parts.append(f'<span class="kb-x">{inert(render_markup(part.text, self.resolver, self.page))}</span>')
            else:
                parts.append(self.segment(part))
        return " ".join(parts)

    def own_text(self, content: BlockText) -> str:
        """The text a reader of the locale sees in `content`, as plain text (tags removed)."""
        parts = []
        for part in content:
            if isinstance(part, TextRun):
                markup = part.text
            else:
                extra = part.__pydantic_extra__ or {}
                markup = extra.get(self.locale.code) or extra.get(SOURCE) or ""
            parts.append(unescape(plain_text(render_markup(markup, self.resolver, self.page))))
        return " ".join(" ".join(part for part in parts if part).split())

    def segment(self, segment: LocalizedSegment) -> str:
        extra = segment.__pydantic_extra__ or {}
        target = extra.get(self.locale.code) or extra.get(SOURCE) or ""
        source = extra.get(SOURCE) or ""
        return segment_html(
            render_markup(target, self.resolver, self.page),
            render_markup(source, self.resolver, self.page),
            segment.id,
            self.locale.code,
        )

    def list(self, block: BodyBlock) -> str:
        items = "".join(f"<li>{''.join(self.block(child) for child in item)}</li>" for item in block.items)
        if block.ordered:
            start = f' start="{int(block.start)}"' if block.start not in (None, 1) else ""
            return f'<ol class="kb-list"{start}>{items}</ol>'
        return f'<ul class="kb-list">{items}</ul>'

    def table(self, block: BodyBlock) -> str:
        head_rows = block.rows[: block.header_rows or 0]
        body_rows = block.rows[block.header_rows or 0 :]

        def row(cells: list[BlockText], tag: str) -> str:
            return (
                "<tr>"
                + "".join(f'<{tag}><div class="kb-cell">{self.text(cell)}</div></{tag}>' for cell in cells)
                + "</tr>"
            )

        head = f"<thead>{''.join(row(cells, 'th') for cells in head_rows)}</thead>" if head_rows else ""
        body = f"<tbody>{''.join(row(cells, 'td') for cells in body_rows)}</tbody>"
        # A wide table scrolls inside its own box, never the page; the box can take focus so
        # that the keyboard scrolls it too.
        return f'<div class="kb-table-scroll" tabindex="0"><table>{head}{body}</table></div>'

    def code(self, block: BodyBlock) -> str:
        language = escaped_text(block.language or "")
        code = inert(escape(block.code or "")).replace("\n", "&#10;")
        label = f'<span class="kb-code-language">{language}</span>' if block.language else ""
        css = f' class="language-{language}"' if block.language else ""
        return f'<div class="kb-code">{label}<pre><code{css}>{code}</code></pre></div>'

    def note(self, block: BodyBlock) -> str:
        inner = "".join(self.block(child) for child in block.blocks)
        if block.alert is None:
            return f'<blockquote class="kb-quote">{inner}</blockquote>'
        kind = ADMONITIONS.get(block.alert, "note")
        key = f"alert.{block.alert}"
        title = (
            hover_html(self.locale.pair(key), self.locale)
            if self.locale.has(key)
            else escaped_text(block.alert.title())
        )
        return f'<div class="admonition {kind}"><p class="admonition-title">{title}</p>{inner}</div>'
