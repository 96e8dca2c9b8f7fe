"""Compare blind labels of a recall sample with what `kbtools check` reports at each pair.

A pair counts as flagged when the checker, run with its default settings on the pair's page,
reports at least one finding at the pair's segment. Prints, per locale, per defect kind and
overall: recall (defective pairs flagged / defective pairs) and the clean-flag rate (clean
pairs flagged / clean pairs). Recall over the mechanically checkable kinds (all but `meaning`
and `other`, which a linter cannot judge) is printed apart.

    python benchmarks/recall_eval.py SAMPLE LABELS [--rules] [--list] [--corpus DIR]

`--rules` adds, per rule, how many defective and clean pairs it flags; `--list` prints every
missed and every wrongly flagged pair (use it on the tuning sample only).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kbtools.check.engine import CheckSettings, RuleSelection, check_files

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
KINDS = ("name", "token", "number", "markup", "omission", "addition", "orthography", "untranslated", "meaning", "other")
# A linter compares texts; whether a sentence means what the English means is not among that.
UNCHECKABLE = frozenset({"meaning", "other"})


def _read_jsonl(path: Path) -> list[dict]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise SystemExit(f"recall_eval: {path}:{number}: not JSON ({error.msg})") from None
    return items


def _rate(part: int, whole: int) -> str:
    return f"{part:4}/{whole:<4} {100 * part / whole:5.1f}%" if whole else f"{part:4}/{whole:<4}    -  "


def _findings_by_pair(corpus: Path, pairs: list[dict]) -> dict[str, list]:
    """The findings of the default check at each pair's segment, by pair key."""
    paths = sorted({item["path"] for item in pairs})
    files = [corpus / path for path in paths]
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise SystemExit(f"recall_eval: page not found: {missing[0]} (set KBTOOLS_CORPUS)")
    at: dict[tuple[str, str], list] = defaultdict(list)
    for path, result in zip(paths, check_files(files, CheckSettings(RuleSelection.default())), strict=True):
        for finding in result.findings:
            if finding.segment is not None:
                at[(path, finding.segment)].append(finding)
    return {item["key"]: at.get((item["path"], item["segment"]), []) for item in pairs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rules", action="store_true", help="pairs flagged per rule")
    parser.add_argument("--list", action="store_true", help="missed and wrongly flagged pairs (tuning sample only)")
    args = parser.parse_args()
    pairs = _read_jsonl(args.sample)
    labels = {item["key"]: item for item in _read_jsonl(args.labels)}
    unlabelled = [item["key"] for item in pairs if item["key"] not in labels]
    if unlabelled:
        print(
            f"recall_eval: {len(unlabelled)} pair(s) of {args.sample} have no label, e.g. {unlabelled[0]}",
            file=sys.stderr,
        )
        return 2
    found = _findings_by_pair(args.corpus, pairs)

    locales = list(dict.fromkeys(item["locale"] for item in pairs))
    defective: Counter = Counter()
    flagged: Counter = Counter()
    clean: Counter = Counter()
    clean_flagged: Counter = Counter()
    rule_defective: Counter = Counter()
    rule_clean: Counter = Counter()
    for item in pairs:
        label = labels[item["key"]]
        hit = bool(found[item["key"]])
        rules = {finding.rule for finding in found[item["key"]]}
        for scope in (item["locale"], "all"):
            if label["label"] == "defective":
                kinds = set(label.get("kinds") or ["other"])
                groups = [scope, *((scope, kind) for kind in kinds)]
                if kinds - UNCHECKABLE:
                    groups.append((scope, "checkable"))
                for group in groups:
                    defective[group] += 1
                    flagged[group] += hit
            else:
                clean[scope] += 1
                clean_flagged[scope] += hit
        for rule in rules:
            (rule_defective if label["label"] == "defective" else rule_clean)[rule] += 1

    print(
        f"{args.sample.name}: {len(pairs)} pairs, {sum(1 for k in labels.values() if k['label'] == 'defective')} labelled defective"
    )
    print(f"{'':12} {'recall':>17}   {'checkable recall':>17}   {'clean flagged':>17}")
    for scope in [*locales, "all"]:
        print(
            f"{scope:12} {_rate(flagged[scope], defective[scope])}   "
            f"{_rate(flagged[(scope, 'checkable')], defective[(scope, 'checkable')])}   "
            f"{_rate(clean_flagged[scope], clean[scope])}"
        )
    print("\nrecall per kind (a pair of several kinds counts under each)")
    print(f"{'kind':14}" + "".join(f"{scope:>19}" for scope in [*locales, "all"]))
    for kind in KINDS:
        if not defective[("all", kind)]:
            continue
        print(
            f"{kind:14}" + "".join(f"{_rate(flagged[(s, kind)], defective[(s, kind)]):>19}" for s in [*locales, "all"])
        )
    if args.rules:
        print("\npairs flagged per rule")
        print(f"{'rule':28} {'defective':>9} {'clean':>6}")
        for rule in sorted(set(rule_defective) | set(rule_clean), key=lambda r: (-rule_defective[r], r)):
            print(f"{rule:28} {rule_defective[rule]:9} {rule_clean[rule]:6}")
    if args.list:
        for title, wanted, want_hit in (("missed", "defective", False), ("wrongly flagged", "clean", True)):
            print(f"\n## {title}")
            for item in pairs:
                label = labels[item["key"]]
                if label["label"] != wanted or bool(found[item["key"]]) != want_hit:
                    continue
                print(
                    f"- {item['key']} [{item['locale']}] {','.join(label.get('kinds') or [])}: {label.get('note', '')}"
                )
                print(f"    source: {item['source'][:300]!r}")
                print(f"    target: {item['target'][:300]!r}")
                for finding in found[item["key"]]:
                    print(f"    {finding.rule}: {finding.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
