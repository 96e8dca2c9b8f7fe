"""Findings per 10,000 segments on a faithful pseudo-translation of the corpus.

Every paired target is replaced by its source with ordinary words swapped for filler (see
tests/check/pseudo_translation.py); a checker that reports anything there but `untranslated`
reports a defect that is not one. Run it with another checkout's `src` first on PYTHONPATH to
compare two versions of the checker.

    python benchmarks/pseudo_rate.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "check"))

from pseudo_translation import STRUCTURE_RULES, pseudo_translated  # noqa: E402

from kbtools.check.engine import CheckSettings, RuleSelection, check_page  # noqa: E402
from kbtools.page import read_page  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
FOLDERS = ["win32-zh-tw-sxs/desktop-src", "win32-fr-fr-sxs/desktop-src"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    import kbtools.check.engine as engine

    rules = tuple(r for r in RuleSelection.default().enabled if r not in STRUCTURE_RULES)
    settings = CheckSettings(RuleSelection(rules))
    counts: Counter[str] = Counter()
    segments = 0
    for folder in FOLDERS:
        for path in sorted((args.corpus / folder).rglob("*.md")):
            page = pseudo_translated(read_page(path))
            segments += sum(1 for s in page.segments if s.paired)
            counts.update(f.rule for f in check_page(page, settings, path.name))
    print(f"checker: {Path(engine.__file__).parents[3]}")
    print(f"{segments} paired segments; rules checked: {len(rules)} (file and structure rules left out)")
    other = sum(n for rule, n in counts.items() if rule != "untranslated")
    print(f"findings other than untranslated: {other} = {other / segments * 10_000:.2f} per 10,000 segments")
    for rule, count in counts.most_common():
        print(f"  {rule:<26} {count:6}  {count / segments * 10_000:8.2f} per 10,000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
