"""The rule registry: every check, by its stable id.

A rule is a small function in a module named after its family (`rules/links.py`, ...),
registered with `@segment_rule` (called once per segment) or `@page_rule` (once per page).
The id is the contract users write in `--select`, configuration and suppression comments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kbtools.check.finding import Severity

if TYPE_CHECKING:
    from kbtools.freshness.tree import EnglishTree
    from kbtools.page.model import Page, Segment


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's raw report; the engine adds path, rule id, severity and position."""

    message: str
    segment: Segment | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Settings that rules read (from the command line or `[tool.kbtools]`)."""

    locale: str | None = None
    english: EnglishTree | None = None  # the current English pages (`--english`), for freshness rules


@dataclass(slots=True)
class PageContext:
    """The page being checked and the options in force: passed to every rule."""

    page: Page
    options: CheckOptions = field(default_factory=CheckOptions)
    # Facts about the page that several segments ask for, computed once (see `unclosed_ids`).
    memo: dict = field(default_factory=dict)

    @property
    def unclosed_ids(self) -> frozenset[str]:
        """Ids of spans the reader found broken: `malformed-markup` reports them."""
        ids = self.memo.get("unclosed")
        if ids is None:
            ids = frozenset(e.segment for e in self.page.markup_errors if e.segment)
            self.memo["unclosed"] = ids
        return ids


SegmentCheck = Callable[["Segment", PageContext], "str | Iterable[str] | None"]
PageCheck = Callable[[PageContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: Severity
    summary: str
    explanation: str
    example: str
    scope: str  # "segment" (called per paired segment) or "page"
    check: Callable
    needs_pair: bool = True
    needs_text: bool = True  # False only for rules about undecodable files


RULES: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    if rule.id in RULES:
        raise ValueError(f"rule id registered twice: {rule.id}")
    RULES[rule.id] = rule


def segment_rule(
    id: str, *, family: str, severity: Severity, summary: str, explanation: str, example: str, needs_pair: bool = True
) -> Callable[[SegmentCheck], SegmentCheck]:
    """Register a per-segment check. It returns a message, several, or None."""

    def decorate(check: SegmentCheck) -> SegmentCheck:
        _register(
            Rule(id, family, severity, summary, explanation.strip(), example.strip(), "segment", check, needs_pair)
        )
        return check

    return decorate


def page_rule(
    id: str, *, family: str, severity: Severity, summary: str, explanation: str, example: str, needs_text: bool = True
) -> Callable[[PageCheck], PageCheck]:
    """Register a per-page check. It yields `Hit`s."""

    def decorate(check: PageCheck) -> PageCheck:
        _register(
            Rule(id, family, severity, summary, explanation.strip(), example.strip(), "page", check, False, needs_text)
        )
        return check

    return decorate


def all_rules() -> dict[str, Rule]:
    """Every registered rule, by id, in registration order."""
    import kbtools.check.rules  # noqa: F401  (registers the rules)

    return RULES


def iter_hits(result: str | Iterable[str] | None) -> Iterator[str]:
    if result is None:
        return
    if isinstance(result, str):
        yield result
    else:
        yield from result
