"""Recall and precision of the lifetime facts and defaults against a blind reading of 40 pages.

    python benchmarks/lifetime_eval.py [--labels benchmarks/samples/lifetime_labels.jsonl] [--json]

The labels were written by a reader who had not seen the rules (one line per page of
benchmarks/samples/lifetime_pages.txt, drawn by lifetime_sample.py with seed 1701): every
statement a page makes about its property's lifetime or default, with its kind, the actions or
the value, and the quoted sentence. The records are built from the zh-TW side-by-side pages of
the same names (their English source spans), so a difference between that English and the
current English the reader read can cost a statement either way.

- Recall, per kind: statements whose fact the record holds / statements the reader lists.
  `set_by` (and `command_line` as `user`, `transform` as `author`) by value; `set_at`,
  `cleared_at`, `valid_after`, `used_by` by any of the actions named; `default` by value
  (quotes, a final full stop and case ignored). A `used_by` statement that names no action
  (the installer itself reads the value) has no field to land in: counted apart.
- Precision: facts of the records (each `field:value` and `default`) that some statement of the
  reader supports / all such facts on the 40 pages.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

from kbtools.kb.build import build_knowledge_base

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
DEFAULT_LABELS = REPO / "benchmarks" / "samples" / "lifetime_labels.jsonl"
SXS_FOLDER = "win32-zh-tw-sxs/desktop-src/Msi"
ACTION_KINDS = ("set_at", "cleared_at", "valid_after", "used_by")
SETTER_KINDS = {"set_by": None, "command_line": "user", "transform": "author"}


def _value(text: str | None) -> str:
    return (text or "").strip().strip("\"'“”`*").rstrip(".").strip().casefold()


def _facts(record) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    lifetime = record.lifetime
    facts = [(field, value) for field in ("set_by", *ACTION_KINDS) for value in getattr(lifetime, field)]
    if record.default is not None:
        facts.append(("default", record.default))
    return facts


def _found(statement: dict, record) -> bool | None:  # type: ignore[no-untyped-def]
    """Whether the record holds the statement's fact; None when no field can hold it."""
    kind = statement["kind"]
    if kind in SETTER_KINDS:
        wanted = SETTER_KINDS[kind] or _value(statement.get("value"))
        return wanted in {_value(v) for v in record.lifetime.set_by}
    if kind in ACTION_KINDS:
        actions = {a.casefold() for a in statement.get("actions") or []}
        if not actions:
            return None
        return bool(actions & {v.casefold() for v in getattr(record.lifetime, kind)})
    if kind == "default":
        return record.default is not None and _value(record.default) == _value(statement.get("value"))
    return None


def _supported(fact: tuple[str, str], statements: list[dict]) -> bool:
    field, value = fact
    for statement in statements:
        kind = statement["kind"]
        if field == "set_by" and kind in SETTER_KINDS:
            if _value(SETTER_KINDS[kind] or statement.get("value")) == _value(value):
                return True
        elif (
            field == kind == "default"
            and _value(statement.get("value")) == _value(value)
            or field == kind
            and value.casefold() in {a.casefold() for a in statement.get("actions") or []}
        ):
            return True
    return False


def evaluate(labels: list[dict], corpus: Path) -> dict:
    kb = build_knowledge_base(corpus / SXS_FOLDER)
    by_page = {Path(record.source.path).name: record for record in kb.properties}
    found, listed, unplaceable = Counter(), Counter(), Counter()
    supported = total = 0
    missing_pages = []
    for page in labels:
        record = by_page.get(Path(page["page"]).name)
        if record is None:
            missing_pages.append(page["page"])
            continue
        for statement in page["statements"]:
            result = _found(statement, record)
            if result is None:
                unplaceable[statement["kind"]] += 1
                continue
            listed[statement["kind"]] += 1
            found[statement["kind"]] += int(result)
        for fact in _facts(record):
            total += 1
            supported += int(_supported(fact, page["statements"]))
    return {
        "pages": len(labels) - len(missing_pages),
        "missing_pages": missing_pages,
        "recall": {kind: [found[kind], listed[kind]] for kind in sorted(listed)},
        "recall_all": [sum(found.values()), sum(listed.values())],
        "no_field": dict(unplaceable),
        "precision": [supported, total],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    labels = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = evaluate(labels, args.corpus)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"pages: {result['pages']} (not found: {len(result['missing_pages'])})")
    for kind, (hit, count) in result["recall"].items():
        print(f"recall {kind:12} {hit:3}/{count:<3} {hit / count:6.1%}")
    hit, count = result["recall_all"]
    print(f"recall {'all':12} {hit:3}/{count:<3} {hit / count if count else 0:6.1%}")
    print(f"statements no field can hold (used_by without an action, ...): {result['no_field']}")
    supported, total = result["precision"]
    print(f"precision: {supported}/{total} {supported / total if total else 0:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
