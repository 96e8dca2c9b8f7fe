"""A sentence of the current English page that no segment translates."""

from __future__ import annotations

from collections.abc import Iterator

from kbtools.check.registry import Hit, PageContext, page_rule


@page_rule(
    "missing-translation",
    family="freshness",
    severity="warning",
    summary="A sentence of the current English page that no segment covers (added after the translation).",
    explanation="""
Runs with `--english EN_DIR`. A sentence added to the English page after the page was
translated has no segment: the reader of the translation never sees it (a new note, a new
requirement, a new table row). The finding quotes the sentence and its line in the English
page, and sits where it belongs in the translated page: at the segment it follows. A sentence
that replaced a stale segment is reported with that segment (`stale-source`), not here.
""",
    example="""
English now: The product code is used as the name of the product's uninstall registry key.
finding:     the English page has a sentence that no segment translates (English line 17):
             "The product code is used as the name of the product's uninstall registry key."
""",
)
def missing_translation(context: PageContext) -> Iterator[Hit]:
    english = context.options.english
    if english is None:
        return
    from kbtools.freshness.tree import page_freshness

    result = page_freshness(context.page, english)
    if result is None or result.error is not None:
        return
    when = result.provenance.describe()
    suffix = f" [{when}]" if when else ""
    for missing in result.missing:
        sentence = missing.sentence
        message = f'the English page has a sentence that no segment translates (English line {sentence.line}): "{sentence.text}"'
        yield Hit(message + suffix, None, missing.line, missing.column)
