"""JUnit XML: one test case per file checked, failing when the file has findings.

The failure lists the file's findings one per line, as the text format shows them, so a CI
test report reads like the console.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from kbtools.check.formats import Report
from kbtools.check.formats.text import plural

SUITE = "kbtools check"
# Characters XML 1.0 cannot carry at all, even escaped (a binary file's name or bytes).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def document(report: Report, checked: list[str]) -> ET.Element:
    by_path = {path: list(group) for path, group in groupby(report.findings, key=lambda f: f.path)}
    failing = sum(1 for path in checked if by_path.get(path))
    root = ET.Element("testsuites", name="kbtools", tests=str(len(checked)), failures=str(failing), errors="0")
    suite = ET.SubElement(
        root, "testsuite", name=SUITE, tests=str(len(checked)), failures=str(failing), errors="0", skipped="0"
    )
    for path in checked:
        case = ET.SubElement(suite, "testcase", name=_xml_text(path), classname=SUITE, file=_xml_text(path))
        findings = by_path.get(path)
        if not findings:
            continue
        errors = sum(1 for f in findings if f.severity == "error")
        failure = ET.SubElement(
            case,
            "failure",
            message=f"{plural(errors, 'error')}, {plural(len(findings) - errors, 'warning')}",
            type="error" if errors else "warning",
        )
        failure.text = _xml_text(
            "".join(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}\n" for f in findings)
        )
    return root


def write(report: Report, stream: TextIO) -> None:
    root = document(report, report.paths)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
