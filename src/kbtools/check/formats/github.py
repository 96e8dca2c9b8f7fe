"""GitHub Actions workflow commands: annotations on the pull request, and the job summary.

GitHub shows 10 error and 10 warning annotations per step (50 per job) and drops the rest, so
a finding repeated in a file (same rule, same message) is one annotation that names its lines,
at most `PER_SEVERITY` annotations of each severity are written (errors and warnings alike, in
the order of the run), and a last notice says how many were left out and where all of them are.
When `$GITHUB_STEP_SUMMARY` names a file, the job summary gets the counts by rule, the files and
the findings most often repeated.

Escaping follows the Actions runner: `%`, CR and LF in the message; also `:` and `,` in
property values, where they would end the value. Every other control character of a file name
or message is then made `printable` (an ESC, a bidi override), so that neither drives the log.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from kbtools.check.finding import SEVERITIES, Finding
from kbtools.check.formats import Report
from kbtools.page.printable import printable

# What GitHub shows of each severity in one step (https://docs.github.com/en/rest/checks/runs).
PER_SEVERITY = 10
SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"
SUMMARY_ROWS = 10
LINES_SHOWN = 5


def escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class _Tally:
    """What the annotations and the summary need, kept as the run goes (no finding is held)."""

    written: Counter[str] = field(default_factory=Counter)  # annotations per severity
    left_out: Counter[str] = field(default_factory=Counter)  # findings per severity not annotated
    files_by_rule: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_file: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    patterns: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (severity, rule, message)
    pattern_files: defaultdict[tuple[str, str, str], set[str]] = field(default_factory=lambda: defaultdict(set))


def _tally(report: Report) -> _Tally:
    return report.streamed.setdefault("github", _Tally())


def write_file(report: Report, findings: Iterable[Finding], stream: TextIO) -> None:
    tally = _tally(report)
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.path, f.rule, f.message), []).append(f)
        tally.files_by_rule[f.rule].add(f.path)
        tally.by_file[f.path][f.severity] += 1
        tally.patterns[(f.severity, f.rule, f.message)] += 1
        tally.pattern_files[(f.severity, f.rule, f.message)].add(f.path)
    for group in groups.values():
        first = group[0]
        if tally.written[first.severity] >= PER_SEVERITY:
            tally.left_out[first.severity] += len(group)
            continue
        tally.written[first.severity] += 1
        stream.write(_annotation(first, group))


def _annotation(first: Finding, group: list[Finding]) -> str:
    message = first.message
    if len(group) > 1:
        lines = sorted({f.line for f in group})
        shown = ", ".join(str(line) for line in lines[:LINES_SHOWN]) + (", ..." if len(lines) > LINES_SHOWN else "")
        message += f" ({len(group)} times in this file, lines {shown})"
    properties = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (("file", first.path), ("line", first.line), ("col", first.column), ("title", first.rule))
    )
    return f"::{first.severity} {properties}::{escape_data(message)}\n"


def write(report: Report, stream: TextIO) -> None:
    if report.findings:
        write_file(report, report.findings, stream)
    tally = _tally(report)
    left_out = sum(tally.left_out.values())
    if left_out:
        counts = ", ".join(_plural(tally.left_out[s], s) for s in SEVERITIES if tally.left_out[s])
        summary = " The job summary counts them by rule and file." if os.environ.get(SUMMARY_VARIABLE) else ""
        message = (
            f"{left_out:,} more findings not annotated ({counts}): GitHub shows {PER_SEVERITY} annotations of each "
            f"severity per step.{summary} Every finding: kbtools check --format sarif --output kbtools.sarif "
            "(for code scanning) or --format json."
        )
        stream.write(f"::notice title=kbtools::{escape_data(message)}\n")
    summary = os.environ.get(SUMMARY_VARIABLE)
    if summary:
        from kbtools.usage import UsageError

        try:
            with open(summary, "a", encoding="utf-8") as file:
                file.write(job_summary(report, tally))
        except OSError as error:
            raise UsageError(
                f"{summary}: cannot write the job summary (${SUMMARY_VARIABLE}): {error.strerror or error}"
            ) from None


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _cell(text: str) -> str:
    """Text as one Markdown table cell: no line break, no cell separator, no HTML."""
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _code(text: str) -> str:
    return f"<code>{_cell(text)}</code>"


def job_summary(report: Report, tally: _Tally) -> str:
    """The job summary: the counts of the run, by rule, by file and by repeated finding (Markdown)."""
    total = report.errors + report.warnings
    files_with = len(tally.by_file)
    lines = [
        "## kbtools check",
        "",
        f"**{_plural(total, 'finding')}** ({_plural(report.errors, 'error')}, {_plural(report.warnings, 'warning')}) "
        f"in {files_with:,} of {_plural(report.files, 'file')} checked ({report.segments:,} segments)"
        + (f"; {report.baselined:,} more in the baseline" if report.baselined else "")
        + ".",
        "",
    ]
    if total:
        annotated = sum(tally.written.values())
        lines += [
            f"{annotated:,} annotations shown on the pull request (GitHub shows {PER_SEVERITY} of each severity per "
            "step; a finding repeated in a file is one annotation).",
            "",
            "### By rule",
            "",
            "| rule | severity | findings | files |",
            "| --- | --- | ---: | ---: |",
        ]
        for rule, count in sorted(report.by_rule.items(), key=lambda item: (_rank(report, item[0]), -item[1], item[0])):
            files = len(tally.files_by_rule[rule])
            lines.append(f"| {_code(rule)} | {report.severities[rule]} | {count:,} | {files:,} |")
        lines += ["", "### Files with the most findings", "", "| file | errors | warnings |", "| --- | ---: | ---: |"]
        top_files = sorted(tally.by_file.items(), key=lambda item: (-item[1]["error"], -sum(item[1].values()), item[0]))
        for path, counts in top_files[:SUMMARY_ROWS]:
            lines.append(f"| {_code(path)} | {counts['error']:,} | {counts['warning']:,} |")
        lines += [
            "",
            "### Findings most often repeated",
            "",
            "| rule | message | findings | files |",
            "| --- | --- | ---: | ---: |",
        ]
        top_patterns = sorted(
            tally.patterns.items(), key=lambda item: (SEVERITIES.index(item[0][0]), -item[1], item[0])
        )
        for (severity, rule, message), count in top_patterns[:SUMMARY_ROWS]:
            files = len(tally.pattern_files[(severity, rule, message)])
            lines.append(f"| {_code(rule)} | {_cell(message)} | {count:,} | {files:,} |")
    lines += [
        "",
        "Every finding: `kbtools check --format sarif --output kbtools.sarif PATH`, uploaded with "
        "`github/codeql-action/upload-sarif` for code scanning, or `--format json` as a build artifact "
        "(see docs/ci.md).",
        "",
    ]
    return "\n".join(lines)


def _rank(report: Report, rule: str) -> int:
    return SEVERITIES.index(report.severities[rule])
