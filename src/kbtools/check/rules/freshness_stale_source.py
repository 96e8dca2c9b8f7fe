"""A segment whose English source is no longer in the current English page."""

from __future__ import annotations

from collections.abc import Iterator

from kbtools.check.registry import Hit, PageContext, page_rule

# Kept words shown around each change in the word diff of a message.
DIFF_CONTEXT = 6


@page_rule(
    "stale-source",
    family="freshness",
    severity="warning",
    summary="The English a segment was translated from is no longer in the current English page.",
    explanation="""
Runs with `--english EN_DIR` (or `english` in `[tool.kbtools]`): each page is compared with the
English page at the same path under EN_DIR. The English keeps changing after a page is
translated (typos fixed, requirements reworded, sentences removed), and the translation goes on
saying what the old English said. A segment is stale when the words of its source no longer
occur, in order, in the current English page; Markdown, HTML, escapes, whitespace and
punctuation do not count. The finding quotes the current sentence that replaced it (matched by
its place between the unchanged sentences around it and by word-level similarity), with a
word diff from the English at translation time to the English now, or says that the sentence
was removed; and it says which English the translation was made from (`ms.lasthandoff`,
`ms.sourcegitcommit`, `ms.date`). Re-translate the segment from the current English.
""",
    example="""
source (2021): Authors should used the **Privileged** property.
English now:   Authors should use the **Privileged** property.
finding:       the English source changed; it now reads: "Authors should use the Privileged
               property." (English line 18); word diff: Authors should [-used-] {+use+} the
               Privileged property.
""",
)
def stale_source(context: PageContext) -> Iterator[Hit]:
    english = context.options.english
    if english is None:
        return
    from kbtools.freshness.diff import render_diff
    from kbtools.freshness.tree import page_freshness

    result = page_freshness(context.page, english)
    if result is None:
        return
    if result.error is not None:
        yield Hit(f"cannot compare with the English page {result.english_path}: {result.error}", None, 1, 1)
        return
    when = result.provenance.describe()
    suffix = f" [{when}]" if when else ""
    for stale in result.stale:
        if stale.current is None:
            message = f'the English source was removed from the English page: "{stale.source}"'
        else:
            current = stale.current
            message = (
                f'the English source changed; it now reads: "{current.text}" (English line {current.line}); '
                f"word diff: {render_diff(stale.diff, DIFF_CONTEXT)}"
            )
        yield Hit(message + suffix, stale.segment)
