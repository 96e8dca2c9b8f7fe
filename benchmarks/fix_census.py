"""Safe fixes per rule and locale on a corpus folder, and a seeded sample of fixes to read by eye.

    python benchmarks/fix_census.py [--folder Msi] [--sample 30] [--seed 2020] [--rule copied-token]

For each locale of the corpus (KBTOOLS_CORPUS), every page of the folder is fixed in memory
(nothing is written): it prints the findings of each fixable rule, how many are fixable, and
how many fixes `kbtools check --fix` would apply (a fix that would add a finding is not). Then a
sample of applied fixes (of one rule with `--rule`), drawn with the seed across locales, each
with its source, for reading.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter
from pathlib import Path

from kbtools.check.engine import CheckSettings, RuleSelection, check_page
from kbtools.check.fix import FIXABLE_RULES, fix_page
from kbtools.page.files import discover_pages
from kbtools.page.reader import parse_bytes

CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
LOCALES = ("zh-tw", "fr-fr", "it-it", "ru-ru")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", default="Msi")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--rule", help="sample the applied fixes of this rule only")
    args = parser.parse_args()
    settings = CheckSettings(RuleSelection.default())
    applied_fixes = []
    print(f"{'locale':<7} {'rule':<22} {'findings':>8} {'fixable':>8} {'applied':>8}")
    for locale in LOCALES:
        root = CORPUS / f"win32-{locale}-sxs" / "desktop-src" / args.folder
        found, fixable, applied = Counter(), Counter(), Counter()
        started = time.monotonic()
        pages = 0
        for path in discover_pages([root]).files:
            pages += 1
            findings_before: list = []

            def check(page, path=path, keep=findings_before):
                findings = check_page(page, settings, path.name)
                if not keep:
                    keep.extend(findings)
                    keep.append(None)  # marks the first call
                return findings

            outcome = fix_page(path, path.name, check)
            before = [f for f in findings_before if f is not None]
            for f in before:
                if f.rule in FIXABLE_RULES:
                    found[f.rule] += 1
                    fixable[f.rule] += f.fix is not None
            if not outcome.changed:
                continue
            after_keys = Counter(
                (f.rule, f.segment, f.message)
                for f in check_page(parse_bytes(outcome.after, path), settings, path.name)
            )
            for f in before:
                if f.fix is None:
                    continue
                key = (f.rule, f.segment, f.message)
                if after_keys[key] > 0:
                    after_keys[key] -= 1
                    continue
                applied[f.rule] += 1
                page = parse_bytes(outcome.before, path)
                segment = page.segment_by_id(f.segment)
                applied_fixes.append((locale, path.name, f, segment.target.text, segment.source.text))
        for rule in sorted(FIXABLE_RULES):
            if found[rule]:
                print(f"{locale:<7} {rule:<22} {found[rule]:>8} {fixable[rule]:>8} {applied[rule]:>8}")
        print(
            f"{locale:<7} {'(all, ' + str(pages) + ' pages)':<22} {sum(found.values()):>8} "
            f"{sum(fixable.values()):>8} {sum(applied.values()):>8}   {time.monotonic() - started:.1f} s"
        )
    random.seed(args.seed)
    if args.rule:
        applied_fixes = [item for item in applied_fixes if item[2].rule == args.rule]
    print(f"\nSample of {args.sample} of {len(applied_fixes)} applied {args.rule or ''} fixes (seed {args.seed}):")
    for number, (locale, name, finding, target, source) in enumerate(
        random.sample(applied_fixes, min(args.sample, len(applied_fixes))), 1
    ):
        line_start = target  # show the damaged token in its target, with its source
        print(f"\n{number}. {locale} {name} {finding.segment} {finding.rule}: {finding.fix.description}")
        print(f"   target: {line_start}")
        print(f"   source: {source}")
        for r in finding.fix.replacements:
            print(f"   -> {r.text!r} at {r.line}:{r.column}-{r.end_column}")


if __name__ == "__main__":
    main()
