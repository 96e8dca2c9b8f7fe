"""Time `build_knowledge_base` on the corpus, the availability rule and a few queries; print the figures.

python benchmarks/bench_parse.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from kbtools.kb import build_knowledge_base
from kbtools.kb.query import Catalog
from kbtools.kb.windows import OPERATING_SYSTEMS

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
MSI_DIR = CORPUS / "win32-zh-tw-sxs" / "desktop-src" / "Msi"


def _timed(function, rounds: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    seconds, kb = _timed(lambda: build_knowledge_base(MSI_DIR), args.rounds)
    print(
        f"parse {MSI_DIR}: {seconds:.2f} s median of {args.rounds} "
        f"({len(kb.properties)} properties, {len(kb.runtimes)} runtime releases)"
    )  # type: ignore[attr-defined]
    seconds, catalog = _timed(lambda: Catalog(kb), args.rounds)  # type: ignore[arg-type]
    print(f"catalog (availability rule, filter values): {seconds * 1000:.1f} ms")
    pairs = [
        (os_name, version)
        for os_name in OPERATING_SYSTEMS
        for version in catalog.known_values("version", "Windows Installer")
    ]  # type: ignore[attr-defined]
    seconds, _ = _timed(
        lambda: [catalog.select(catalog.check(os=o, runtime="Windows Installer", version=v)) for o, v in pairs],  # type: ignore[attr-defined]
        args.rounds,
    )
    print(f"{len(pairs)} os x version queries: {seconds * 1000:.1f} ms ({seconds * 1000 / len(pairs):.2f} ms each)")


if __name__ == "__main__":
    main()
