"""What comparing a translated page with its current English page finds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kbtools.freshness.diff import DiffPart

if TYPE_CHECKING:
    from kbtools.page.model import Segment

PROVENANCE_KEYS = ("ms.date", "ms.sourcegitcommit", "ms.lasthandoff")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Front matter that says which English a translation was made from, and when.

    `ms.date` is the English page's date as the translation copied it, `ms.sourcegitcommit` the
    English commit it was made from, `ms.lasthandoff` the day it went to translation;
    `english_date` is the `ms.date` of the current English page.
    """

    date: str | None = None
    source_commit: str | None = None
    handoff: str | None = None
    english_date: str | None = None

    def describe(self) -> str:
        """A short phrase for messages: which English the translation was made from, and when.

        Such as `translation handed off 03/22/2021 from English commit c8ec1de (English
        ms.date 05/31/2018, now 10/12/2022)`; empty when the front matter says none of it.
        """
        words = []
        if self.handoff:
            words.append(f"handed off {self.handoff}")
        if self.source_commit:
            words.append(f"from English commit {self.source_commit[:7]}")
        dated = ""
        if self.date:
            dated = f"English ms.date {self.date}"
            if self.english_date and self.english_date != self.date:
                dated += f", now {self.english_date}"
        if not words:
            return f"translation of {dated}".replace("of English ms.date", "of the English dated") if dated else ""
        return "translation " + " ".join(words) + (f" ({dated})" if dated else "")

    def to_json(self) -> dict:
        return {
            "ms_date": self.date,
            "ms_sourcegitcommit": self.source_commit,
            "ms_lasthandoff": self.handoff,
            "english_ms_date": self.english_date,
        }


@dataclass(frozen=True, slots=True)
class CurrentSentence:
    """A sentence of the current English page, where it is and what it says."""

    line: int
    column: int
    text: str  # as a reader sees it (markup removed, one line)
    markdown: str  # as the English page writes it


@dataclass(frozen=True, slots=True)
class StaleSegment:
    """A segment whose English source no longer occurs in the current English page.

    `current` is the current sentence that it most resembles (None: the sentence was removed);
    `similarity` is how alike the two are in words (0-1), `diff` the change word by word.
    """

    segment: Segment
    source: str  # the English the translation was made from, as a reader sees it
    current: CurrentSentence | None
    similarity: float
    diff: list[DiffPart] = field(default_factory=list)

    @property
    def removed(self) -> bool:
        return self.current is None


@dataclass(frozen=True, slots=True)
class MissingSentence:
    """A sentence of the current English page that no segment covers.

    `line`/`column` place it in the translated page: where the text before it is (the start of
    the page when nothing before it is translated); `after` is the segment it follows, if any.
    """

    sentence: CurrentSentence
    line: int
    column: int
    after: Segment | None = None


@dataclass
class PageFreshness:
    """The result of comparing one translated page with its current English page."""

    path: Path
    english_path: Path
    provenance: Provenance
    compared: int = 0  # segments with a source span
    stale: list[StaleSegment] = field(default_factory=list)
    missing: list[MissingSentence] = field(default_factory=list)
    error: str | None = None  # the English page could not be read

    @property
    def current(self) -> bool:
        return self.error is None and not self.stale and not self.missing
