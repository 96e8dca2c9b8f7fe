"""What comparing with the current English (`--english`) adds to `kbtools check`.

Runs `kbtools check` on the zh-TW Msi corpus, in one process (`--jobs 1`, so that CPU time is
the whole cost), without and with `--english` pointing at the current en-US pages, and prints
the median wall and CPU seconds of each and the ratio of the two. CPU time is the figure to
quote on a shared machine: wall time counts the time other processes held the cores.

    python benchmarks/bench_freshness.py [--corpus DIR] [--repeat 3] [--jobs 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
TRANSLATED = Path("win32-zh-tw-sxs/desktop-src/Msi")
ENGLISH = Path("win32-en-us/desktop-src/Msi")


def run(args: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of one `kbtools check` in a fresh interpreter, and its last line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kbtools", "check", *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"kbtools check failed: {done.stderr.strip()}")
    lines = done.stdout.strip().splitlines()
    return wall, cpu, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()
    translated, english = options.corpus / TRANSLATED, options.corpus / ENGLISH
    for path in (translated, english):
        if not path.is_dir():
            raise SystemExit(f"{path}: not found (set KBTOOLS_CORPUS or --corpus)")
    base = [str(translated), "--jobs", str(options.jobs), "--statistics"]
    variants = {
        "check": base,
        "check --english": [*base, "--english", str(english)],
    }
    results: dict[str, tuple[list[float], list[float], str]] = {name: ([], [], "") for name in variants}
    for _ in range(options.repeat):
        for name, args in variants.items():  # interleaved, so that load changes hit both alike
            wall, cpu, summary = run(args)
            results[name][0].append(wall)
            results[name][1].append(cpu)
            results[name] = (results[name][0], results[name][1], summary)
    print(f"corpus: {translated} vs {english}; --jobs {options.jobs}; median of {options.repeat} runs")
    for name, (walls, cpus, summary) in results.items():
        print(f"  {name:16} wall {statistics.median(walls):6.2f} s   cpu {statistics.median(cpus):6.2f} s   {summary}")
    walls = {name: statistics.median(values[0]) for name, values in results.items()}
    cpus = {name: statistics.median(values[1]) for name, values in results.items()}
    print(
        f"  ratio (with --english / without): cpu {cpus['check --english'] / cpus['check']:.2f}x, "
        f"wall {walls['check --english'] / walls['check']:.2f}x"
    )


if __name__ == "__main__":
    main()
