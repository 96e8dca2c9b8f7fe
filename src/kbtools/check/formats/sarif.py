"""SARIF 2.1.0, for GitHub code scanning and other security dashboards.

Every registered rule is described in `tool.driver.rules`; results point into it by index.
Paths under the working directory are relative to `%SRCROOT%` (the checkout), as code scanning
expects. The partial fingerprint hashes what the baseline matches on (path, rule, segment,
message, and which occurrence), so an alert survives lines moving.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import quote

from kbtools import __version__
from kbtools.check.formats import Report
from kbtools.check.registry import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "kbtools/v1"


def _rule(rule: Rule) -> dict:
    help_text = f"{rule.explanation}\n\nExample:\n{rule.example}"
    help_markdown = f"{rule.explanation}\n\n#### Example\n\n```\n{rule.example}\n```"
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"family": rule.family, "tags": [rule.family]},
    }


def _artifact(path: str) -> dict:
    if PurePosixPath(path).is_absolute() or Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def document(report: Report) -> dict:
    rule_ids = list(report.rules)
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    seen: Counter[tuple] = Counter()
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
                        "artifactLocation": _artifact(f.path),
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
        results.append(result)
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
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def write(report: Report, stream: TextIO) -> None:
    json.dump(document(report), stream, ensure_ascii=False, indent=1)
    stream.write("\n")
