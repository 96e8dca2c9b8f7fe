"""A translated page whose English page no longer exists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kbtools.check.registry import Hit, PageContext, page_rule


@page_rule(
    "orphaned-page",
    family="freshness",
    severity="warning",
    summary="A translated page whose English page no longer exists.",
    explanation="""
Runs with `--english EN_DIR`. When the English page at the same path under EN_DIR is gone
(removed or renamed) while its folder is still there, the translation documents something the
English no longer does, and readers reach it from old links only. Remove the page, or move it
where the English page went. When a whole folder is missing from EN_DIR nothing is reported:
the English tree given is partial, not the translation stale.
""",
    example="""
translated: Msi/msizap-exe.md
English:    Msi/msizap-exe.md no longer exists (Msizap.exe was removed from the SDK)
""",
)
def orphaned_page(context: PageContext) -> Iterator[Hit]:
    english = context.options.english
    if english is None or context.page.text is None:
        return
    from kbtools.freshness.compare import provenance

    counterpart = english.counterpart(context.page.path, context.page.locale)
    if counterpart is None or counterpart.exists:
        return
    when = provenance(context.page, None).describe()
    suffix = f" [{when}]" if when else ""
    front = context.page.front_matter
    line = front.start_line if front is not None else 1
    shown = _shown(counterpart.path)
    yield Hit(f"no English page at {shown}: it was removed or renamed in the English{suffix}", None, line, 1)


def _shown(path: Path) -> str:
    """A path as findings show paths: relative to the working directory when under it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
