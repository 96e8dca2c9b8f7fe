"""For people: one line per finding (`concise`, alias `text`) or findings under a heading per
file (`full`), then counts by severity (or, with `--statistics`, counts per rule and the patterns
that repeat most: one defect made the same way on many pages, to fix once). File names and
messages are `printable`: a name or a page cannot add a line or drive the terminal.

    concise: path:line:col: rule [severity] message
    full:    path
               line:col[, line:col ...]  severity  rule  message [(N times)]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from kbtools.check.finding import Finding
from kbtools.check.formats import Report
from kbtools.page.printable import printable


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


# How many repeated patterns `--statistics` lists after the counts per rule.
TOP_PATTERNS = 25


def _patterns(report: Report, stream: TextIO) -> None:
    repeated = [(key, count) for key, count in report.by_pattern.items() if count > 1]
    if not repeated:
        return
    repeated.sort(key=lambda item: (-item[1], item[0]))
    shown = repeated[:TOP_PATTERNS]
    stream.write(f"\nRepeated patterns ({len(repeated):,} in all, top {len(shown)}):\n")
    rule_width = max(len(rule) for (rule, _), _ in shown)
    for (rule, pattern), count in shown:
        files = len(report.pattern_files[(rule, pattern)])
        where = f"{count:,} in {plural(files, 'page')}"
        stream.write(f"{where:>24}  {rule:<{rule_width}}  {pattern}\n")


def _statistics(report: Report, stream: TextIO) -> None:
    counts = report.by_rule
    width = max((len(rule) for rule in counts), default=0)
    number_width = len(str(max(counts.values(), default=0)))
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        known = report.rules.get(rule)
        severity = report.severities[rule]
        stream.write(
            f"{count:>{number_width}}  {rule:<{width}}  {severity:<7}  {known.summary if known else ''}".rstrip() + "\n"
        )
    _patterns(report, stream)


def write_file(report: Report, findings: Iterable[Finding], stream: TextIO) -> None:
    """The findings of one file, as the run goes."""
    if report.statistics:
        return
    if report.grouped:
        findings = list(findings)
        if not findings:
            return
        stream.write(f"{printable(findings[0].path)}\n")
        # One line per defect: the same message of the same rule at several places is one line.
        groups: dict[tuple[str, str, str], list[Finding]] = {}
        for f in findings:
            groups.setdefault((f.rule, f.severity, f.message), []).append(f)
        where = {key: ", ".join(f"{f.line}:{f.column}" for f in group) for key, group in groups.items()}
        width = min(max(map(len, where.values())), 24)
        rule_width = max(len(f.rule) for f in findings)
        for key, group in groups.items():
            rule, severity, message = key
            times = f" ({len(group)} times)" if len(group) > 1 else ""
            stream.write(
                f"  {where[key]:<{width}}  {severity:<7}  {rule:<{rule_width}}  {_fixable(group[0])}{printable(message)}{times}\n"
            )
        stream.write("\n")
        return
    for f in findings:
        stream.write(
            f"{printable(f.path)}:{f.line}:{f.column}: {f.rule} [{f.severity}] {_fixable(f)}{printable(f.message)}\n"
        )


def _fixable(finding: Finding) -> str:
    """Ruff's mark of a finding that `--fix` repairs."""
    return "[*] " if finding.fix is not None else ""


def write(report: Report, stream: TextIO) -> None:
    if report.findings:
        start = 0
        for end in range(1, len(report.findings) + 1):
            if end == len(report.findings) or report.findings[end].path != report.findings[start].path:
                write_file(report, report.findings[start:end], stream)
                start = end
    if report.statistics:
        _statistics(report, stream)
    if not report.quiet:
        line = summary_line(report)
        if report.fixable:
            line = line[:-1] + f"; [*] {report.fixable} fixable with `kbtools check --fix`."
        stream.write(line + "\n")
