"""Print a random sample of `kbtools check` findings on the corpus, with both texts, to judge by eye.

The share of real defects in such a sample is the checker's precision; the seed makes the sample
repeatable for the same findings. Samples are drawn per rule (`--per-rule`), so that a rule that
fires rarely is read as closely as one that fires thousands of times.

    python benchmarks/precision_sample.py [--set zh-other|fr|msi|ru|it|all] [--per-rule 20] [--seed 30]
                                          [--rule RULE] [--message TEXT] [--counts]

Sets: `zh-other` is the zh-TW folders outside Msi (WMP, Controls, com, shell, direct3dhlsl,
SecCrypto), `fr` the fr-FR Msi folder, `msi` the zh-TW Msi folder, `ru` and `it` the ru-RU and
it-IT Msi folders.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kbtools.check.engine import CheckSettings, RuleSelection, check_files, discover
from kbtools.page import read_page

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
ZH = "win32-zh-tw-sxs/desktop-src"
SETS = {
    "zh-other": [f"{ZH}/{name}" for name in ("WMP", "Controls", "com", "shell", "direct3dhlsl", "SecCrypto")],
    "fr": ["win32-fr-fr-sxs/desktop-src/Msi"],
    "msi": [f"{ZH}/Msi"],
    "ru": ["win32-ru-ru-sxs/desktop-src/Msi"],
    "it": ["win32-it-it-sxs/desktop-src/Msi"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--set", default="zh-other", choices=[*SETS, "all"])
    parser.add_argument("--per-rule", type=int, default=20, help="findings sampled per rule")
    parser.add_argument("--seed", type=int, default=30)
    parser.add_argument("--rule", action="append", help="sample only this rule (repeatable)")
    parser.add_argument("--message", help="only findings whose message holds this text (one kind of a rule's findings)")
    parser.add_argument("--counts", action="store_true", help="print the counts per rule only")
    parser.add_argument("--width", type=int, default=240, help="characters of each text shown")
    args = parser.parse_args()
    folders = [folder for name in SETS for folder in SETS[name]] if args.set == "all" else SETS[args.set]
    roots = [args.corpus / folder for folder in folders]
    missing = [str(root) for root in roots if not root.is_dir()]
    if missing:
        print(f"precision_sample: corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    files, _ = discover(roots)
    by_rule = defaultdict(list)
    for result in check_files(files, CheckSettings(RuleSelection.default())):
        for finding in result.findings:
            if args.message is None or args.message in finding.message:
                by_rule[finding.rule].append(finding)
    counts = Counter({rule: len(found) for rule, found in by_rule.items()})
    print(f"{args.set}: {len(files)} files")
    for rule, count in counts.most_common():
        print(f"{count:7}  {rule}")
    if args.counts:
        return 0
    for rule in sorted(by_rule):
        if args.rule and rule not in args.rule:
            continue
        found = sorted(by_rule[rule], key=lambda f: f.sort_key)
        sample = random.Random(f"{args.seed}:{rule}").sample(found, min(args.per_rule, len(found)))
        print(f"\n## {rule}: {len(sample)} of {len(found)}, seed {args.seed}\n")
        for number, finding in enumerate(sample, start=1):
            where = "/".join(Path(finding.path).parts[-2:])
            print(f"{number:2}. {where}:{finding.line}:{finding.column}: {finding.message}")
            if finding.segment is None:
                continue
            segment = read_page(Path(finding.path)).segment_by_id(finding.segment)
            if segment is None:
                continue
            for side, span in (("target", segment.target), ("source", segment.source)):
                if span is not None:
                    print(f"    {side}: {span.text[: args.width]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
