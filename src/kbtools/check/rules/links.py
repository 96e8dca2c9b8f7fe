"""Links inside segments."""

from __future__ import annotations

from collections import Counter

from kbtools.check.difference import describe_difference
from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.inline import markdown_link_targets
from kbtools.page.model import Segment


def _targets(links) -> Counter[str]:
    return Counter(link.target.strip() for link in links)


@segment_rule(
    "link-mismatch",
    family="links",
    severity="error",
    summary="The link targets of target and source differ.",
    explanation="""
A translation keeps the links of its source: the same targets, as many times. A changed, lost or
added target sends the reader of the translation somewhere else than the reader of the source
(machine translation sometimes translates or breaks the URL itself).
""",
    example="""
source: see the [Restart Manager](../rstmgr/restart-manager-portal.md) session
target: 請參閱 [重新開機管理員](../rstmgr/restart-manager.md) 會話
""",
)
def link_mismatch(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    target_text, source_text = segment.target.text, segment.source.text
    if "](" not in target_text and "](" not in source_text and "href" not in target_text and "href" not in source_text:
        return None
    both = target_text + source_text
    plain_markdown = "`" not in both and "<" not in both
    if plain_markdown and Counter(markdown_link_targets(target_text)) == Counter(markdown_link_targets(source_text)):
        return None  # the same URLs, and no code or HTML that could hide or add one
    target, source = _targets(segment.target.inline.links), _targets(segment.source.inline.links)
    if target == source:
        return None
    return "link targets differ from the source: " + describe_difference(source, target, lambda t: f"'{t}'")
