"""The JSON report; its shape is a contract (version 1), so keys are never renamed or added."""

from __future__ import annotations

import json
from typing import TextIO

from kbtools.check.formats import Report

VERSION = 1


def document(report: Report) -> dict:
    return {
        "version": VERSION,
        "summary": {
            "files": report.files,
            "segments": report.segments,
            "errors": report.errors,
            "warnings": report.warnings,
        },
        "findings": [f.to_json() for f in report.findings],
    }


def write(report: Report, stream: TextIO) -> None:
    json.dump(document(report), stream, ensure_ascii=False, indent=1)
    stream.write("\n")
