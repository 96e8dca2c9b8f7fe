"""Start-up cost of `kbtools check ONE_PAGE`, the pre-commit case.

Prints the kbtools share of `python -X importtime` (the import time of kbtools' own modules,
the libraries they import included), which heavy libraries were imported (there should be
none: no FastAPI, MkDocs, pydantic, jieba), and the wall time of one page checked end to
end in a fresh interpreter (best of N).

    python benchmarks/bench_startup.py [--page FILE] [--repeat 10]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
DEFAULT_PAGE = DEFAULT_CORPUS / "win32-zh-tw-sxs" / "desktop-src" / "Msi" / "allusers.md"
HEAVY = ("fastapi", "starlette", "uvicorn", "mkdocs", "pydantic", "jieba", "markdown_it", "bs4", "rapidfuzz", "nh3")
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_profile(page: Path) -> tuple[float, list[str], float]:
    """kbtools' cumulative import seconds, heavy modules imported, all imports' seconds."""
    command = [sys.executable, "-X", "importtime", "-m", "kbtools", "check", "--quiet", str(page)]
    err = subprocess.run(command, capture_output=True, text=True, check=False).stderr
    kbtools = everything = 0
    heavy = []
    for line in err.splitlines():
        match = _LINE.match(line)
        if match is None:
            continue
        own, cumulative, indent, name = int(match.group(1)), int(match.group(2)), len(match.group(3)), match.group(4)
        everything += own
        # A top-level import of a kbtools module: its cumulative time holds what it pulled in.
        if name.split(".")[0] == "kbtools" and indent == 1:
            kbtools += cumulative
        top = name.split(".")[0]
        if top in HEAVY and top not in heavy:
            heavy.append(top)
    return kbtools / 1e6, heavy, everything / 1e6


def end_to_end(page: Path, repeat: int) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system) of the child, in seconds."""
    command = [sys.executable, "-m", "kbtools", "check", "--quiet", str(page)]
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=Path, default=DEFAULT_PAGE)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    if not args.page.is_file():
        print(f"bench_startup: page not found: {args.page} (use --page or KBTOOLS_CORPUS)", file=sys.stderr)
        return 2
    bare = end_to_end_python(args.repeat)
    profiles = [import_profile(args.page) for _ in range(max(3, args.repeat // 2))]
    kbtools_share = min(p[0] for p in profiles)
    all_imports = min(p[2] for p in profiles)
    heavy = profiles[0][1]
    wall, cpu = end_to_end(args.page, args.repeat)
    print(f"page: {args.page}")
    print(f"kbtools share of -X importtime: {kbtools_share:.3f} s (all imports {all_imports:.3f} s; target < 0.1 s)")
    print(f"heavy libraries imported: {', '.join(heavy) if heavy else 'none'}")
    print(
        f"one page end to end: {wall:.3f} s wall, {cpu:.3f} s CPU (bare `python -c pass`: {bare:.3f} s; target < 0.25 s)"
    )
    print(f"load average: {' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    return 0


def end_to_end_python(repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=False)
        timings.append(time.perf_counter() - start)
    return min(timings)


if __name__ == "__main__":
    sys.exit(main())
