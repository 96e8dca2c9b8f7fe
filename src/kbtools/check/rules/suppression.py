"""Suppression comments that cannot work."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from kbtools.check.registry import Hit, PageContext, all_rules, page_rule
from kbtools.check.suppression import EVERY_RULE, directives


@page_rule(
    "unknown-suppression",
    family="file",
    severity="warning",
    summary="A `kbtools:` comment that names a rule no rule has, or that is no directive at all.",
    explanation="""
`<!-- kbtools: ignore RULE -->` silences RULE on the next segment and `<!-- kbtools: ignore-file
RULE -->` on the whole page, by rule id. A misspelt id (`unsafe-htm`), a family name or a
comment that is not one of the two directives silences nothing; without this rule nothing would
say so, and the next reader would believe the finding was looked at. The finding names the
closest rule id when there is one.
""",
    example="""
<!-- kbtools: ignore unsafe-htm -->
docs/page.md:12:1: unknown-suppression unknown rule 'unsafe-htm' in a suppression comment (did you mean 'unsafe-html'?)
""",
)
def unknown_suppression(context: PageContext) -> Iterator[Hit]:
    known = all_rules()
    for directive in directives(context.page):
        line = directive.comment.line
        if directive.scope is None:
            yield Hit(
                f"'{directive.comment.text[:60]}' is no directive: write 'kbtools: ignore RULE' or 'kbtools: ignore-file RULE'",
                None,
                line,
                1,
            )
            continue
        for name in sorted(directive.rules - {EVERY_RULE}):
            if name in known:
                continue
            family = [rule.id for rule in known.values() if rule.family == name]
            if family:
                yield Hit(
                    f"'{name}' is a rule family; suppression comments take rule ids ({', '.join(family)})",
                    None,
                    line,
                    1,
                )
                continue
            close = get_close_matches(name, list(known), n=1, cutoff=0.6)
            hint = (
                f" (did you mean '{close[0]}'?)" if close else f" (see `kbtools rules` for the {len(known)} rule ids)"
            )
            yield Hit(f"unknown rule '{name}' in a suppression comment{hint}", None, line, 1)
