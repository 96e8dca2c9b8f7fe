"""Suppression comments: `<!-- kbtools: ignore RULE, RULE -->` and `<!-- kbtools: ignore-file RULE -->`.

The engine applies them; the `unknown-suppression` rule reports the ones that cannot work (an
unknown rule id, a comment that is not a directive), which would otherwise be ignored silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbtools.page.model import Comment, Page

PREFIX = "kbtools:"
_DIRECTIVE = re.compile(r"^kbtools:\s*(ignore-file|ignore)\b\s*([\w\-, ]*)$")
EVERY_RULE = "*"


@dataclass(frozen=True, slots=True)
class Directive:
    """One `kbtools:` comment. `scope` is `ignore`, `ignore-file`, or None when it is no directive."""

    comment: Comment
    scope: str | None
    rules: frozenset[str]  # the rule ids it names; {"*"} when it names none


def directives(page: Page) -> list[Directive]:
    """Every `kbtools:` comment of the page, in page order."""
    found = []
    for comment in page.comments:
        if not comment.text.startswith(PREFIX):
            continue
        match = _DIRECTIVE.match(comment.text)
        if match is None:
            found.append(Directive(comment, None, frozenset()))
            continue
        names = frozenset(name for name in match.group(2).replace(",", " ").split() if name)
        found.append(Directive(comment, match.group(1), names or frozenset({EVERY_RULE})))
    return found
