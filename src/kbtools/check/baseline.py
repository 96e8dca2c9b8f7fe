"""A baseline: the findings a corpus already had, so that only new ones fail the check.

A finding is matched on path, rule, segment and message, never on its line, so moving text
around does not make old findings new. Findings are counted: a baseline with one finding of a
kind absorbs one; a second identical defect is new. Paths are stored relative to the
baseline file's directory, so the check can run from any directory.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kbtools.check.finding import Finding
from kbtools.page.input_file import BASELINE_LIMIT, InputFileError, read_input_file, too_deep
from kbtools.page.output_file import OutputFileError, write_file

BASELINE_VERSION = 1
Key = tuple[str, str, str | None, str]


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def _key(finding: Finding, base: Path) -> Key:
    path = Path(os.path.relpath(os.path.abspath(finding.path), base)).as_posix()
    return (path, finding.rule, finding.segment, finding.message)


def write_baseline(
    path: Path, findings: Iterable[Finding], *, inputs: Iterable[Path] = (), read_only: Iterable[Path] = ()
) -> int:
    """Record the findings in `path`; returns how many. Raises BaselineError.

    `path` is replaced whole (`page.output_file`), never one of the run's `inputs` nor a file
    in its `read_only` folders.
    """
    base = path.absolute().parent
    keys = sorted((_key(f, base) for f in findings), key=lambda k: (k[0], k[1], k[2] or "", k[3]))
    document = {
        "version": BASELINE_VERSION,
        "findings": [{"path": p, "rule": r, "segment": s, "message": m} for p, r, s, m in keys],
    }
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    try:
        write_file(path, text, inputs=inputs, read_only=read_only, what="baseline")
    except OutputFileError as error:
        raise BaselineError(str(error)) from None
    return len(keys)


@dataclass
class Baseline:
    path: Path
    counts: Counter[Key]

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """The findings not in the baseline, and how many were in it."""
        left = Counter(self.counts)
        base = self.path.absolute().parent
        new: list[Finding] = []
        known = 0
        for finding in findings:
            key = _key(finding, base)
            if left[key] > 0:
                left[key] -= 1
                known += 1
            else:
                new.append(finding)
        return new, known


def load_baseline(path: Path) -> Baseline:
    """Read a baseline written by `write_baseline`. Raises BaselineError."""

    def corrupt(why: str) -> BaselineError:
        return BaselineError(f"{path}: not a kbtools baseline ({why}); write one with --write-baseline")

    try:
        document = json.loads(read_input_file(path, BASELINE_LIMIT, "baseline").decode("utf-8"))
    except InputFileError as error:
        raise BaselineError(str(error)) from None
    except UnicodeDecodeError:
        raise corrupt("not UTF-8") from None
    except RecursionError:
        raise BaselineError(too_deep(path, "JSON")) from None
    except json.JSONDecodeError as error:
        raise corrupt(f"invalid JSON at line {error.lineno}, column {error.colno}") from None
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
        raise corrupt(f'expected an object with "version": {BASELINE_VERSION}')
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise corrupt('no "findings" list')
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(entries, 1):
        if not (
            isinstance(entry, dict)
            and all(isinstance(entry.get(k), str) for k in ("path", "rule", "message"))
            and isinstance(entry.get("segment"), str | None)
        ):
            raise corrupt(f"finding {number} needs string path, rule, message and a segment string or null")
        counts[(entry["path"], entry["rule"], entry["segment"], entry["message"])] += 1
    return Baseline(path, counts)
