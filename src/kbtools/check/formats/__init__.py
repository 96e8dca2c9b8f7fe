"""Report formats for `kbtools check`, by the name `--format` takes.

A format is a module with `write(report, stream)`, which writes the findings the report holds
and whatever ends the report (a summary line, the document). A format that can report as the
run goes also has `write_file(report, findings, stream)`, called once per file checked: the
command then holds no findings at all (memory stays flat however many there are), and
`write` only ends the report. Modules are imported when their format is used.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TextIO

from kbtools.check.finding import Finding
from kbtools.check.registry import Rule

# `text` is `concise` under its older name.
FORMAT_MODULES = {
    "concise": "text",
    "text": "text",
    "full": "text",
    "json": "json",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
}


@dataclass
class Report:
    """What one `kbtools check` run found, after ignores and the baseline: what formats render.

    `findings` holds the findings only for formats that render them as one document; the
    counts are kept either way.
    """

    paths: list[str]  # every file checked, as findings name it
    segments: int
    findings: list[Finding]
    rules: Mapping[str, Rule]
    baselined: int = 0
    quiet: bool = False
    statistics: bool = False
    grouped: bool = False  # the `full` text format: findings under a heading per file
    streamed: dict = field(default_factory=dict)  # what a streaming format has written so far
    by_rule: Counter[str] = field(init=False)
    # With `statistics`: findings per (rule, pattern) and the files each pattern is in.
    by_pattern: Counter[tuple[str, str]] = field(init=False)
    pattern_files: dict[tuple[str, str], set[str]] = field(init=False)
    severities: dict[str, str] = field(init=False)
    errors: int = field(init=False)
    warnings: int = field(init=False)
    fixable: int = field(init=False)  # findings `kbtools check --fix` can repair

    @property
    def files(self) -> int:
        return len(self.paths)

    def __post_init__(self) -> None:
        self.by_rule = Counter()
        self.by_pattern = Counter()
        self.pattern_files = {}
        self.severities = {}
        self.errors = self.warnings = self.fixable = 0
        self.count(self.findings)

    def count(self, findings: Iterable[Finding]) -> None:
        """Add findings to the counts (not to `findings`)."""
        if self.statistics:
            from kbtools.check.patterns import pattern_of

            for f in findings:
                key = (f.rule, pattern_of(f))
                self.by_pattern[key] += 1
                self.pattern_files.setdefault(key, set()).add(f.path)
        for f in findings:
            self.by_rule[f.rule] += 1
            self.severities.setdefault(f.rule, f.severity)
            self.fixable += f.fix is not None
            if f.severity == "error":
                self.errors += 1
            else:
                self.warnings += 1


Writer = Callable[[Report, TextIO], None]


def format_module(name: str) -> ModuleType:
    return importlib.import_module(f"kbtools.check.formats.{FORMAT_MODULES[name]}")


class _Writers(Mapping[str, Writer]):
    """`FORMATS[name](report, stream)`: each format's `write`, its module imported on first use."""

    def __getitem__(self, name: str) -> Writer:
        return format_module(name).write

    def __iter__(self):
        return iter(FORMAT_MODULES)

    def __len__(self) -> int:
        return len(FORMAT_MODULES)


FORMATS: Mapping[str, Writer] = _Writers()
