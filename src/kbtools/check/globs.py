"""One gitignore-like glob, matched in time linear in the path whatever the pattern holds.

`*` is any run of characters but `/`, `?` one such character, `**` any run of characters,
`**/` any run of whole directories (none too). A glob becomes a regular expression only when it
has at most two stars: Python's engine backtracks, and each further star multiplies the work
by the path's length (`*a*a*a*a*a*a*a*b` against a long name ran for minutes). A glob with more
stars is matched by walking the set of pattern positions a path's prefix can have reached, once
per character of the path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Beyond this many stars a backtracking regex is no longer bounded by the square of the path.
MAX_REGEX_STARS = 2

_LITERAL, _ONE, _STAR, _ANY, _OPTIONAL_DIRS = "literal", "one", "star", "any", "dirs"


def _tokens(pattern: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            tokens.append((_OPTIONAL_DIRS, ""))
            index += 3
        elif pattern.startswith("**", index):
            tokens.append((_ANY, ""))
            index += 2
        elif pattern[index] == "*":
            tokens.append((_STAR, ""))
            index += 1
        elif pattern[index] == "?":
            tokens.append((_ONE, ""))
            index += 1
        else:
            tokens.append((_LITERAL, pattern[index]))
            index += 1
    return tokens


_REGEX_OF = {_OPTIONAL_DIRS: "(?:.*/)?", _ANY: ".*", _STAR: "[^/]*", _ONE: "[^/]"}


@dataclass(frozen=True)
class Glob:
    """A compiled glob: `fullmatch(path)` says whether the whole path matches."""

    pattern: str

    def __post_init__(self) -> None:
        tokens = _tokens(self.pattern)
        object.__setattr__(self, "_tokens", tuple(tokens))
        stars = sum(kind in (_STAR, _ANY, _OPTIONAL_DIRS) for kind, _ in tokens)
        regex = None
        if stars <= MAX_REGEX_STARS:
            regex = re.compile("".join(_REGEX_OF.get(kind) or re.escape(char) for kind, char in tokens))
        object.__setattr__(self, "_regex", regex)

    def fullmatch(self, path: str) -> bool:
        regex: re.Pattern[str] | None = self._regex  # type: ignore[attr-defined]
        if regex is not None:
            return regex.fullmatch(path) is not None
        return _walk(self._tokens, path)  # type: ignore[attr-defined]


def _closure(tokens: tuple[tuple[str, str], ...], states: set[int]) -> set[int]:
    """The states reachable without reading a character: a star or `**/` may match nothing."""
    pending = list(states)
    while pending:
        state = pending.pop()
        if state < len(tokens) and tokens[state][0] in (_STAR, _ANY, _OPTIONAL_DIRS) and state + 1 not in states:
            states.add(state + 1)
            pending.append(state + 1)
    return states


def _walk(tokens: tuple[tuple[str, str], ...], path: str) -> bool:
    # A state is an index into the tokens; `(index, True)` is inside a `**/` that has read
    # characters and still needs its `/`.
    states = _closure(tokens, {0})
    inside: set[int] = set()
    for char in path:
        after: set[int] = set()
        still_inside: set[int] = set()
        for state in states:
            if state == len(tokens):
                continue
            kind, literal = tokens[state]
            if kind == _LITERAL:
                if char == literal:
                    after.add(state + 1)
            elif kind == _ONE:
                if char != "/":
                    after.add(state + 1)
            elif kind == _STAR:
                if char != "/":
                    after.add(state)
            elif kind == _ANY:
                after.add(state)
            else:  # `**/`: any characters, ending with a `/`
                still_inside.add(state)
                if char == "/":
                    after.add(state + 1)
        for state in inside:
            still_inside.add(state)
            if char == "/":
                after.add(state + 1)
        states, inside = _closure(tokens, after), still_inside
        if not states and not inside:
            return False
    return len(tokens) in states


@lru_cache(maxsize=1024)
def compile_glob(pattern: str) -> Glob:
    """The compiled glob of a pattern (cached: configurations repeat their patterns)."""
    return Glob(pattern)
