"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

Escaping follows the Actions runner: `%`, CR and LF in the message; also `:` and `,` in
property values, where they would end the value. Every other control character of a file name
or message is then made `printable` (an ESC, a bidi override), so that neither drives the log.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from kbtools.check.finding import Finding
from kbtools.check.formats import Report
from kbtools.page.printable import printable


def escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(report: Report, stream: TextIO) -> None:
    write_file(report, report.findings, stream)


def write_file(report: Report, findings: Iterable[Finding], stream: TextIO) -> None:
    for f in findings:
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (("file", f.path), ("line", f.line), ("col", f.column), ("title", f.rule))
        )
        stream.write(f"::{f.severity} {properties}::{escape_data(f.message)}\n")
