"""Size and build time of the site's search index (`search/kbtools-index.json`), per locale.

Reads each locale's property pages into records once (not timed), then times `build_index` and
the JSON it writes; prints the index's size raw and gzipped (what a reader's browser fetches from
a server that compresses). Asserts nothing.

    python benchmarks/bench_search_index.py [--corpus DIR] [--locales zh-TW fr-FR ru-RU it-IT] [--rounds N]

Run it against another checkout's code with PYTHONPATH=<checkout>/src to compare.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import time
from pathlib import Path

from kbtools.kb import build_knowledge_base
from kbtools.site.search import build_index

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("KBTOOLS_CORPUS", ROOT.parent / "shared" / "corpus"))
    )
    parser.add_argument("--locales", nargs="+", default=["zh-TW", "fr-FR", "ru-RU", "it-IT"])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    print("| locale | properties | index (raw) | index (gzip) | build_index |")
    print("| --- | --- | --- | --- | --- |")
    for locale in args.locales:
        source = args.corpus / f"win32-{locale.lower()}-sxs" / "desktop-src" / "Msi"
        if not source.is_dir():
            print(f"{source}: no such folder; {locale} skipped")
            continue
        records = build_knowledge_base(source).properties
        times = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            data = json.dumps(build_index(records), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            times.append(time.perf_counter() - started)
        size, packed = len(data), len(gzip.compress(data, 9))
        spread = f"{min(times):.2f}–{max(times):.2f} s" if len(times) > 1 else f"{times[0]:.2f} s"
        print(
            f"| {locale} | {len(records)} | {size / 1e6:.3f} MB | {packed / 1e6:.3f} MB | {spread} (median {statistics.median(times):.2f} s) |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
