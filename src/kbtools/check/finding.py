"""What a check reports."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")


@dataclass(frozen=True, slots=True)
class Replacement:
    """Text of the page to replace: `start`/`end` are offsets in the page model's text, the
    positions 1-based lines and columns (the end exclusive)."""

    start: int
    end: int
    text: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Fix:
    """A safe fix: what it restores, and the replacements, all inside one target span."""

    description: str
    replacements: tuple[Replacement, ...]

    def to_json(self) -> dict:
        return {
            "description": self.description,
            "replacements": [
                {
                    "line": r.line,
                    "column": r.column,
                    "end_line": r.end_line,
                    "end_column": r.end_column,
                    "text": r.text,
                }
                for r in self.replacements
            ],
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file.

    `segment` is the id of the target span the finding concerns (the source span's where
    there is no target), or None for findings about the whole page; `line` and `column` are
    1-based and point where that span starts.
    """

    path: str
    line: int
    column: int
    segment: str | None
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None  # set when `kbtools check --fix` can repair it (see check/fix.py)

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def to_json(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "fix"}
        data["fixable"] = self.fix is not None
        if self.fix is not None:
            data["fix"] = self.fix.to_json()
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)
