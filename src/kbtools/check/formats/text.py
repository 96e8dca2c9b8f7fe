"""`path:line:col: rule message` per finding, then a summary line (or counts per rule)."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from kbtools.check.formats import Report


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(report: Report) -> str:
    line = (
        f"Checked {plural(report.files, 'file')} ({plural(report.segments, 'segment')}): "
        f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')}"
    )
    if report.baselined:
        line += f", {report.baselined} baselined"
    return line + "."


def _statistics(report: Report, stream: TextIO) -> None:
    counts = Counter(f.rule for f in report.findings)
    severity = {f.rule: f.severity for f in report.findings}
    width = max((len(rule) for rule in counts), default=0)
    number_width = len(str(max(counts.values(), default=0)))
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        known = report.rules.get(rule)
        stream.write(
            f"{count:>{number_width}}  {rule:<{width}}  {severity[rule]:<7}  {known.summary if known else ''}".rstrip()
            + "\n"
        )


def write(report: Report, stream: TextIO) -> None:
    if report.statistics:
        _statistics(report, stream)
    else:
        for f in report.findings:
            stream.write(f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}\n")
    if not report.quiet:
        stream.write(summary_line(report) + "\n")
