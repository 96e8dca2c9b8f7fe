"""A term of another region's vocabulary in the target (巨集 written 宏 in a zh-TW page)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.inline import visible_prose, visible_text
from kbtools.page.model import Segment

_TERMS = Path(__file__).with_name("data") / "regional_terms.json"


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    foreign: re.Pattern[str]  # any of the other region's terms, longest first
    own: re.Pattern[str]  # any of this locale's terms: `算法` inside `演算法` is no foreign term
    local: dict[str, str]  # other region's term -> this locale's
    english: dict[str, tuple[str, ...]]  # other region's term -> the English words it renders


@lru_cache(maxsize=256)
def _english_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The English words a term renders, as a word's start in the source (`macro`, `Macros`).
    Built for a term found in a target only: a case-blind pattern costs more to build than
    the check of a page."""
    return re.compile(
        r"(?<![A-Za-z0-9_])(?:" + "|".join(map(re.escape, words)) + r")[A-Za-z]*(?![0-9_])", re.IGNORECASE
    )


@cache
def _vocabularies() -> dict[str, _Vocabulary]:
    data = json.loads(_TERMS.read_text(encoding="utf-8"))
    vocabularies = {}
    for locale, terms in data.items():
        if locale.startswith("_"):
            continue
        keys = sorted(terms, key=len, reverse=True)
        vocabularies[locale.lower()] = _Vocabulary(
            foreign=re.compile("|".join(map(re.escape, keys))),
            own=re.compile(
                "|".join(map(re.escape, sorted({terms[key]["term"] for key in keys}, key=len, reverse=True)))
            ),
            local={key: terms[key]["term"] for key in keys},
            english={key: tuple(terms[key]["english"]) for key in keys},
        )
    return vocabularies


@segment_rule(
    "regional-term",
    family="typography",
    severity="warning",
    summary="A term of another region's vocabulary in the target (`宏` for macro in zh-TW, where Taiwan writes `巨集`).",
    explanation="""
Two regions that share a script do not share their technical vocabulary: a macro is `巨集` in
Taiwan and `宏` on the mainland, a process `處理序` and `進程`, a view `檢視` and `視圖`. Machine
translation trained on both leaves the other region's term in the page (in the right characters,
so `zh-tw-orthography` does not see it), and a Taiwan reader stops at it as at a foreign word.
The terms are data, per locale (`check/rules/data/regional_terms.json`; for zh-TW the mainland IT
terms of OpenCC's TWPhrases table, with Microsoft's Taiwan terms). A term is reported only where
the source has an English word it renders (`宏` beside `macro`, not in `宏觀`), outside inline
code, and not where the source writes the term itself; a word inside a joined name
(`SERVICE_WIN32_SHARE_PROCESS`) is the name's, which `translated-identifier` reads. Locales without a table are not read.
""",
    example="""
source: Bumper Image Lists Reference Macros
target: Bumper 影像清單參考宏
""",
)
def regional_term(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    vocabulary = _vocabularies().get((context.page.locale or "").lower())
    if vocabulary is None:
        return None
    target = segment.target.text
    found = vocabulary.foreign.findall(target)
    if not found:
        return None
    text = visible_prose(target)
    text = vocabulary.own.sub(" ", text)
    # A word of a joined name (`SERVICE_WIN32_SHARE_PROCESS`) is no word: the name translated is
    # `translated-identifier`'s.
    source = visible_text(segment.source.text)
    messages = []
    for term in dict.fromkeys(vocabulary.foreign.findall(text)):
        english = _english_pattern(vocabulary.english[term]).search(source)
        if english is None or term in source:
            continue
        messages.append(
            f"'{term}' (for '{english.group()}') is written '{vocabulary.local[term]}' in {context.page.locale}"
        )
    return messages or None
