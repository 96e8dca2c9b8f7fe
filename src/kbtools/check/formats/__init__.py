"""Report formats for `kbtools check`, by the name `--format` takes.

A format is a module with `write(report, stream)`; `FORMATS` maps each name to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TextIO

from kbtools.check.finding import Finding
from kbtools.check.registry import Rule


@dataclass
class Report:
    """What one `kbtools check` run found, after ignores and the baseline: what formats render."""

    paths: list[str]  # every file checked, as findings name it
    segments: int
    findings: list[Finding]
    rules: Mapping[str, Rule]
    baselined: int = 0
    quiet: bool = False
    statistics: bool = False
    errors: int = field(init=False)
    warnings: int = field(init=False)

    @property
    def files(self) -> int:
        return len(self.paths)

    def __post_init__(self) -> None:
        self.errors = sum(1 for f in self.findings if f.severity == "error")
        self.warnings = len(self.findings) - self.errors


Writer = Callable[[Report, TextIO], None]


def _formats() -> dict[str, Writer]:
    from kbtools.check.formats import github, json, junit, sarif, text

    return {"text": text.write, "json": json.write, "github": github.write, "sarif": sarif.write, "junit": junit.write}


FORMATS: Mapping[str, Writer] = _formats()
