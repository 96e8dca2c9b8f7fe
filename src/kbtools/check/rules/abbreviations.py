"""Abbreviations that the source defines in parentheses, which the target must keep."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from kbtools.check.registry import PageContext, segment_rule
from kbtools.check.rules.terms import CAPITALISED_WORDS
from kbtools.page.inline import visible_text
from kbtools.page.model import Segment

_LOCALIZED = Path(__file__).with_name("data") / "localized_abbreviations.json"
# `User Account Control (UAC)`, `certificate revocation lists (CRLs)`: two to six capitals (a
# digit may follow), in parentheses of their own after a word.
_DEFINED = re.compile(r"(?<=[\w*\])] )\((?P<abbreviation>[A-Z]{2,6}[0-9]?)(?P<plural>s?)\)")


_CAPITALS = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}[0-9]?(?=s?(?![A-Za-z]))")


@cache
def _localized() -> dict[str, dict[str, tuple[str, ...]]]:
    data = json.loads(_LOCALIZED.read_text(encoding="utf-8"))
    return {
        language: {k: tuple(v) for k, v in forms.items()} for language, forms in data.items() if language != "about"
    }


@cache
def _as_word(abbreviation: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z]){abbreviation}(?![a-rt-z])", re.IGNORECASE)


@segment_rule(
    "lost-abbreviation",
    family="terms",
    severity="warning",
    summary="An abbreviation the source defines in parentheses (`User Account Control (UAC)`) missing from the target or written in other case.",
    explanation="""
Where the English introduces an abbreviation in parentheses after the words it stands for, the
rest of the page (and every other page) uses the abbreviation: a translation must keep it, in
capitals, so that the reader can match it. Machine translation drops it (`l'interfaccia utente`
for `user interface (UI)`), translates or transliterates it (`(薩米)` for `(SAMI)`, `(ГПЕ)` for
`(GPE)`), leaves empty parentheses (`()`), or lowers it (`(Crl)` for `(CRLs)`). The rule reports an
abbreviation of two to six capitals, in parentheses of its own after a word, that the target does
not hold in capitals (a plural `s` may go); one dropped altogether is reported where another
target of the page writes it, so that the reader meets it there undefined (a translation that
spells the words out everywhere may rightly drop it). Capitalised words for emphasis (`(REQUIRED)`) are not
abbreviations, and the forms a language rightly writes in its own letters (Russian `КБ` for `KB`,
French `IU` for `UI`: `data/localized_abbreviations.json`) stand for the English ones.
""",
    example="""
source: ... the dialog box that User Account Control (UAC) displays ...
target: ... la finestra di dialogo visualizzata da controllo dell'account utente ...
""",
)
def lost_abbreviation(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    source = segment.source.text
    if "(" not in source:
        return None
    defined = {match["abbreviation"] for match in _DEFINED.finditer(source)} - CAPITALISED_WORDS
    if not defined:
        return None
    locale = context.page.locale
    localized = _localized().get(locale.split("-")[0].lower() if locale else "", {})
    target = visible_text(segment.target.text)  # a link's URL (`user-account-control--uac--patching.md`) is not text
    problems = []
    for abbreviation in sorted(defined):
        forms = [match.group() for match in _as_word(abbreviation).finditer(target)]
        if abbreviation in forms or any(_as_word(form).search(target) for form in localized.get(abbreviation, ())):
            continue
        if forms:
            problems.append(f"the abbreviation '{abbreviation}' appears as '{forms[0]}' in the target")
        elif _used_elsewhere(abbreviation, segment, context):
            problems.append(f"the abbreviation '({abbreviation})' is missing from the target, which uses it elsewhere")
    return problems or None


def _used_elsewhere(abbreviation: str, segment: Segment, context: PageContext) -> bool:
    """Whether another target of the page writes the abbreviation: a reader meets it there
    undefined. A translation that spells the words out everywhere may rightly drop it."""
    used = context.memo.get("target-words")
    if used is None:
        used = {}
        for other in context.page.segments:
            if other.target is not None:
                for word in _CAPITALS.findall(visible_text(other.target.text)):
                    used.setdefault(word, set()).add(other.index)
        context.memo["target-words"] = used
    return bool(used.get(abbreviation, set()) - {segment.index})
