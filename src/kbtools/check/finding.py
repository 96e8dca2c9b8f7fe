"""What a check reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")


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

    def to_json(self) -> dict:
        return asdict(self)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)
