"""Draw random translation pairs from corpus folders the checker was not tuned on, for blind labelling.

A reader who has not seen the rules marks each pair defective or clean (with the kind of defect);
`recall_eval.py` then compares the labels with `kbtools check`. Two samples are drawn with two
seeds and never overlap: the first is for tuning, the second stays untouched until the report.

    python benchmarks/recall_sample.py --seed 1601 --out benchmarks/samples/recall_a.jsonl
    python benchmarks/recall_sample.py --seed 1602 --exclude benchmarks/samples/recall_a.jsonl \
        --out benchmarks/samples/recall_b.jsonl

Each locale gets its share of the sample (`--per-locale`), drawn uniformly over its paired
segments, so a locale with fewer pages is read as closely as one with many.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

from kbtools.page import read_page
from kbtools.page.files import discover_pages

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
ZH = "win32-zh-tw-sxs/desktop-src"
# Outside the tuning set: zh-TW beyond Msi, and the ru-RU and it-IT Msi pages.
LOCALES = {
    "zh-TW": [f"{ZH}/{name}" for name in ("WMP", "Controls", "com", "shell", "direct3dhlsl", "SecCrypto")],
    "ru-RU": ["win32-ru-ru-sxs/desktop-src/Msi"],
    "it-IT": ["win32-it-it-sxs/desktop-src/Msi"],
}
DEFAULT_SHARE = {"zh-TW": 160, "ru-RU": 120, "it-IT": 120}


def _pairs(corpus: Path, folders: list[str]) -> list[tuple[str, str]]:
    """Every paired segment of the folders as (path relative to the corpus, segment id)."""
    found = discover_pages([corpus / folder for folder in folders])
    pairs = []
    for path in sorted(found.files):
        page = read_page(Path(path))
        rel = Path(path).resolve().relative_to(corpus.resolve()).as_posix()
        seen = set()
        for segment in page.segments:
            if segment.paired and segment.id not in seen:
                seen.add(segment.id)
                pairs.append((rel, segment.id))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--exclude", type=Path, action="append", default=[], help="a sample whose pairs to leave out")
    parser.add_argument(
        "--per-locale", type=int, action="append", default=None, help="pairs per locale, in the order zh-TW ru-RU it-IT"
    )
    args = parser.parse_args()
    shares = dict(DEFAULT_SHARE)
    if args.per_locale:
        shares = dict(zip(LOCALES, args.per_locale, strict=False))
    excluded = set()
    for sample in args.exclude:
        for line in sample.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            excluded.add((item["path"], item["segment"]))
    rng = random.Random(args.seed)
    items = []
    for locale, folders in LOCALES.items():
        missing = [folder for folder in folders if not (args.corpus / folder).is_dir()]
        if missing:
            print(f"recall_sample: corpus folder not found: {args.corpus / missing[0]}", file=sys.stderr)
            return 2
        pool = [pair for pair in _pairs(args.corpus, folders) if pair not in excluded]
        for rel, segment_id in rng.sample(pool, shares[locale]):
            page = read_page(args.corpus / rel)
            segment = page.segment_by_id(segment_id)
            items.append(
                {
                    "key": f"{rel}#{segment_id}",
                    "locale": locale,
                    "path": rel,
                    "segment": segment_id,
                    "line": segment.line,
                    "target": segment.target.text,
                    "source": segment.source.text,
                }
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"recall_sample: {len(items)} pairs ({', '.join(f'{k} {v}' for k, v in shares.items())}) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
