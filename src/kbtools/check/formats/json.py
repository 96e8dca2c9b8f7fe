"""The JSON report; its shape is a contract (version 1), so keys are never renamed or added.

Written as the run goes: the findings first, then the summary (key order carries no meaning).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from kbtools.check.finding import Finding
from kbtools.check.formats import Report

VERSION = 1


def _summary(report: Report) -> dict:
    return {"files": report.files, "segments": report.segments, "errors": report.errors, "warnings": report.warnings}


def document(report: Report) -> dict:
    return {"version": VERSION, "summary": _summary(report), "findings": [f.to_json() for f in report.findings]}


def write_file(report: Report, findings: Iterable[Finding], stream: TextIO) -> None:
    state = report.streamed
    if not state:
        stream.write(f'{{\n "version": {VERSION},\n "findings": [')
        state["count"] = 0
    for f in findings:
        stream.write(",\n  " if state["count"] else "\n  ")
        stream.write(json.dumps(f.to_json(), ensure_ascii=False))
        state["count"] += 1


def write(report: Report, stream: TextIO) -> None:
    if report.findings or not report.streamed:
        write_file(report, report.findings, stream)
    summary = json.dumps(_summary(report), ensure_ascii=False)
    stream.write(f'{chr(10) + " " if report.streamed["count"] else ""}],\n "summary": {summary}\n}}\n')
