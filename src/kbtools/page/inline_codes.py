"""Inline Markdown and HTML of a span as protected codes between runs of translatable text.

A translation tool shows a code as a placeholder that the translator moves but cannot edit, so
a link target, a code span, a tag or an emphasis marker survives translation. Splitting never
loses a character: `join_runs(split_runs(text)) == text` for every text, whatever the
tokenizer makes of odd markup, so an export imported unchanged rewrites nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """Markup kept as it is: `text` is its original characters."""

    text: str


Run = str | Code

_TOKEN = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>(?<!`)(?P<fence>`+)(?!`).+?(?<!`)(?P=fence)(?!`))"
    r"|(?P<tail>\]\(\s*(?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\))"
    r"|(?P<open>!?\[)"
    r"|(?P<tag><!--.*?-->|</?[A-Za-z][\w-]*(?::[A-Za-z][\w-]*)?(?:\s[^<>]*)?/?>|<(?:https?|ftp|mailto):[^\s<>]*>)"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)"
    r"|(?P<strong>\*\*|(?<![A-Za-z0-9])__|__(?![A-Za-z0-9]))",
    re.S,
)


def split_runs(text: str) -> list[Run]:
    """The text as alternating plain runs (str) and `Code`s, in order."""
    runs: list[Run] = []
    has_link = "](" in text
    plain_start = 0

    def code(start: int, end: int) -> None:
        if start > plain_start:
            runs.append(text[plain_start:start])
        runs.append(Code(text[start:end]))

    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "escape" or (kind == "open" and not has_link):
            continue
        code(match.start(), match.end())
        plain_start = match.end()
    if plain_start < len(text):
        runs.append(text[plain_start:])
    return runs


def join_runs(runs: list[Run]) -> str:
    return "".join(run.text if isinstance(run, Code) else run for run in runs)
