"""A baseline: the findings a corpus already had, so that only new ones fail the check.

A finding is matched on path, rule and message, never on its line or segment id, so moving text
around (or segmenting a page anew) does not make old findings new. Findings are counted: a
baseline with one finding of a kind in a file absorbs one there; a second identical defect is
new. Paths are stored relative to the baseline file's directory, so the check can run from any
directory.

The file is keyed by pattern: one entry per rule and message, with the files it is found in and
how often, so one defect repeated on 812 pages is one entry, not 9,264 (version 2). A version 1
baseline (one entry per finding) is still read.
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

BASELINE_VERSION = 2
READABLE_VERSIONS = (1, 2)
Key = tuple[str, str, str]  # path, rule, message


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def _key(finding: Finding, base: Path) -> Key:
    path = Path(os.path.relpath(os.path.abspath(finding.path), base)).as_posix()
    return (path, finding.rule, finding.message)


def write_baseline(
    path: Path, findings: Iterable[Finding], *, inputs: Iterable[Path] = (), read_only: Iterable[Path] = ()
) -> int:
    """Record the findings in `path`, one entry per pattern; returns how many findings. Raises BaselineError.

    `path` is replaced whole (`page.output_file`), never one of the run's `inputs` nor a file
    in its `read_only` folders.
    """
    base = path.absolute().parent
    counts = Counter(_key(f, base) for f in findings)
    patterns: dict[tuple[str, str], dict[str, int]] = {}
    for (file, rule, message), count in sorted(counts.items()):
        patterns.setdefault((rule, message), {})[file] = count
    document = {
        "version": BASELINE_VERSION,
        "patterns": [
            {"rule": rule, "message": message, "files": files} for (rule, message), files in sorted(patterns.items())
        ],
    }
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    try:
        write_file(path, text, inputs=inputs, read_only=read_only, what="baseline")
    except OutputFileError as error:
        raise BaselineError(str(error)) from None
    return sum(counts.values())


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
    if not isinstance(document, dict) or document.get("version") not in READABLE_VERSIONS:
        raise corrupt(f'expected an object with "version": {BASELINE_VERSION}')
    counts: Counter[Key] = Counter()
    if document["version"] == 2:
        entries = document.get("patterns")
        if not isinstance(entries, list):
            raise corrupt('no "patterns" list')
        for number, entry in enumerate(entries, 1):
            files = entry.get("files") if isinstance(entry, dict) else None
            if not (
                isinstance(entry, dict)
                and all(isinstance(entry.get(k), str) for k in ("rule", "message"))
                and isinstance(files, dict)
                and all(isinstance(f, str) and isinstance(n, int) and n > 0 for f, n in files.items())
            ):
                raise corrupt(f"pattern {number} needs string rule and message and files with counts")
            for file, count in files.items():
                counts[(file, entry["rule"], entry["message"])] += count
        return Baseline(path, counts)
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise corrupt('no "findings" list')
    for number, entry in enumerate(entries, 1):
        if not (
            isinstance(entry, dict)
            and all(isinstance(entry.get(k), str) for k in ("path", "rule", "message"))
            and isinstance(entry.get("segment"), str | None)
        ):
            raise corrupt(f"finding {number} needs string path, rule, message and a segment string or null")
        counts[(entry["path"], entry["rule"], entry["message"])] += 1
    return Baseline(path, counts)
