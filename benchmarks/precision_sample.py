"""Print a random sample of `kbtools check` findings on the corpus, with both texts, to judge by eye.

The share of real defects in such a sample is the checker's precision; the seed makes the sample
repeatable for the same findings.

    python benchmarks/precision_sample.py [--corpus DIR] [--size 30] [--seed 30]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

from kbtools.check.engine import CheckSettings, RuleSelection, check_files, discover
from kbtools.page import read_page

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--seed", type=int, default=30)
    args = parser.parse_args()
    pages = args.corpus / "win32-zh-tw-sxs" / "desktop-src" / "Msi"
    if not pages.is_dir():
        print(f"precision_sample: corpus not found: {pages}", file=sys.stderr)
        return 2
    files, _ = discover([pages])
    findings = [f for result in check_files(files, CheckSettings(RuleSelection.default())) for f in result.findings]
    random.seed(args.seed)
    sample = random.sample(findings, min(args.size, len(findings)))
    print(f"{len(sample)} of {len(findings)} findings, seed {args.seed}\n")
    for number, finding in enumerate(sample, start=1):
        print(f"{number:2}. {Path(finding.path).name}:{finding.line}:{finding.column} {finding.rule}: {finding.message}")
        if finding.segment is not None:
            segment = read_page(Path(finding.path)).segment_by_id(finding.segment)
            if segment is not None and segment.target is not None and segment.source is not None:
                print(f"    target: {segment.target.text[:200]}")
                print(f"    source: {segment.source.text[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
