"""Draw property pages at random for a blind reading of their lifetime statements and defaults.

    python benchmarks/lifetime_sample.py --seed 1701 --count 40 > benchmarks/samples/lifetime_pages.txt

Prints one English page path per line (relative to the corpus), drawn from the property pages
that `kbtools parse` finds in the zh-TW Msi folder.
"""

from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

from kbtools.kb.build import build_knowledge_base

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=1701)
    parser.add_argument("--count", type=int, default=40)
    args = parser.parse_args()
    kb = build_knowledge_base(args.corpus / "win32-zh-tw-sxs/desktop-src/Msi")
    pages = sorted(Path(record.source.path).name for record in kb.properties)
    for name in random.Random(args.seed).sample(pages, args.count):
        print(f"win32-en-us/desktop-src/Msi/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
