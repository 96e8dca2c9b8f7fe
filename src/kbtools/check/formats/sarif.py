"""SARIF 2.1.0, for GitHub code scanning and other security dashboards.

Every registered rule is described in `tool.driver.rules`, with a link to its section of
docs/rules.md; results point into it by index. Every URI is relative: paths under the working
directory to `%SRCROOT%` (the checkout), as code scanning expects; paths outside it to
`CHECKED`, the folder that holds them all; `originalUriBaseIds` says where both are. Columns
count Unicode code points, as every rule reports them. The partial fingerprint hashes what the
baseline matches on (path, rule, segment, message, and which occurrence), so an alert survives
lines moving.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import quote

from kbtools import DOCS_URL, __version__
from kbtools.check.finding import Finding
from kbtools.check.formats import Report
from kbtools.check.registry import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "kbtools/v1"
SOURCE_ROOT = "%SRCROOT%"
CHECKED_ROOT = "CHECKED"


def _rule(rule: Rule) -> dict:
    help_text = f"{rule.explanation}\n\nExample:\n{rule.example}"
    help_markdown = f"{rule.explanation}\n\n#### Example\n\n```\n{rule.example}\n```"
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": help_text, "markdown": help_markdown},
        "helpUri": f"{DOCS_URL}/rules.md#{rule.id}",
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"family": rule.family, "tags": [rule.family]},
    }


def _is_absolute(path: str) -> bool:
    return PurePosixPath(path).is_absolute() or Path(path).is_absolute()


def _checked_root(paths: list[str]) -> Path | None:
    """The folder that holds every path outside the working directory, or None when there is none."""
    outside = [os.path.dirname(path) for path in paths if _is_absolute(path)]
    return Path(os.path.commonpath(outside)) if outside else None


def _artifact(path: str, checked_root: Path | None) -> dict:
    if checked_root is not None and _is_absolute(path):
        return {
            "uri": quote(Path(path).relative_to(checked_root).as_posix(), errors="surrogateescape"),
            "uriBaseId": CHECKED_ROOT,
        }
    return {"uri": quote(path, errors="surrogateescape"), "uriBaseId": SOURCE_ROOT}


def _folder_uri(folder: Path) -> str:
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _fix(finding: Finding, checked_root: Path | None) -> dict:
    """A SARIF fix: the replacements of `kbtools check --fix`, in the finding's file."""
    assert finding.fix is not None
    return {
        "description": {"text": finding.fix.description},
        "artifactChanges": [
            {
                "artifactLocation": _artifact(finding.path, checked_root),
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": r.line,
                            "startColumn": r.column,
                            "endLine": r.end_line,
                            "endColumn": r.end_column,
                        },
                        "insertedContent": {"text": r.text},
                    }
                    for r in finding.fix.replacements
                ],
            }
        ],
    }


def document(report: Report) -> dict:
    rule_ids = list(report.rules)
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    seen: Counter[tuple] = Counter()
    checked_root = _checked_root([f.path for f in report.findings])
    results = []
    for f in report.findings:
        key = (f.path, f.rule, f.segment or "", f.message)
        seen[key] += 1
        fingerprint = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8", "surrogateescape")).hexdigest()
        result = {
            "ruleId": f.rule,
            "level": f.severity,
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact(f.path, checked_root),
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT: fingerprint},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if f.segment is not None:
            result["properties"] = {"segment": f.segment}
        if f.fix is not None:
            result["fixes"] = [_fix(f, checked_root)]
        results.append(result)
    bases = {SOURCE_ROOT: {"uri": _folder_uri(Path.cwd())}}
    if checked_root is not None:
        bases[CHECKED_ROOT] = {"uri": _folder_uri(checked_root)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kbtools",
                        "version": __version__,
                        "rules": [_rule(report.rules[rule_id]) for rule_id in rule_ids],
                    }
                },
                "originalUriBaseIds": bases,
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def write(report: Report, stream: TextIO) -> None:
    json.dump(document(report), stream, ensure_ascii=False, indent=1)
    stream.write("\n")
