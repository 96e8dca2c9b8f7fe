"""How fast `kbtools check` reads the corpus, next to a bare regex read of the same files.

Prints, for the corpus and for the corpus replicated N times: pages/s, segments/s, MB/s, the
CPU time per page (user + system, of the process and its workers: on a shared machine the
figure to compare, since wall time depends on what else runs) and the peak memory (max RSS) of
each run, each run in a fresh process so that peaks do not mix. To measure another checkout,
put its `src` first on the path: `PYTHONPATH=/tmp/other/src python benchmarks/bench_check.py`.
With `--pofilter` (translate-toolkit installed) it also exports the segment pairs to a PO file
and times `pofilter` over them.

    python benchmarks/bench_check.py [--corpus DIR] [--copies 10] [--repeat 3] [--pofilter]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
MSI = Path("win32-zh-tw-sxs/desktop-src/Msi")

# Each probe runs in its own interpreter and prints one JSON line.
BARE_REGEX = textwrap.dedent(
    r"""
    import json, re, resource, sys, time
    from pathlib import Path
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_start = usage.ru_utime + usage.ru_stime
    pair = re.compile(r'<span data-ttu-id="([^"]+)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]+)">(.*?)</span></span>')
    start = time.perf_counter()
    files = segments = size = 0
    for path in sorted(Path(sys.argv[1]).rglob("*.md")):
        text = path.read_text("utf-8")
        files += 1
        size += len(text.encode())
        segments += len(pair.findall(text))
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss
    print(json.dumps({"seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime - cpu_start, "files": files, "segments": segments, "bytes": size, "peak_kib": peak}))
    """
)

KBTOOLS_CHECK = textwrap.dedent(
    r"""
    import json, resource, sys, time
    def cpu():
        return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))
    cpu_start = cpu()
    from kbtools.check.engine import CheckSettings, RuleSelection, check_files, discover
    start = time.perf_counter()
    files, _ = discover([sys.argv[1]])
    size = sum(path.stat().st_size for path in files)
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else None
    settings = CheckSettings(RuleSelection.default())
    segments = findings = 0
    for result in check_files(files, settings, jobs=jobs):
        segments += result.segments
        findings += len(result.findings)
    elapsed = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": elapsed, "cpu": cpu() - cpu_start, "files": len(files), "segments": segments,
                      "bytes": size, "findings": findings, "peak_kib": peak}))
    """
)


def probe(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", script, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def best_of(repeat: int, script: str, *args: str) -> dict:
    runs = [probe(script, *args) for _ in range(repeat)]
    return {**min(runs, key=lambda r: r["seconds"]), "cpu": min(r["cpu"] for r in runs)}


def replicate(source: Path, copies: int, into: Path) -> Path:
    """N copies of the pages (hard links where possible: same bytes, distinct paths)."""
    for index in range(copies):
        target = into / f"copy{index:02d}"
        target.mkdir(parents=True)
        for page in source.glob("*.md"):
            try:
                os.link(page, target / page.name)
            except OSError:
                shutil.copyfile(page, target / page.name)
    return into


def export_po(source: Path, po_file: Path) -> int:
    """Write every segment pair as a PO unit (msgid = source, msgstr = target)."""
    sys.path.insert(0, str(REPO / "src"))
    from kbtools.page import read_page

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    count = 0
    with po_file.open("w", encoding="utf-8") as out:
        out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        seen: set[str] = set()
        for path in sorted(source.glob("*.md")):
            page = read_page(path)
            for segment in page.segments:
                if not segment.paired:
                    continue
                key = f"{path.name}#{segment.id}"
                if key in seen:
                    continue
                seen.add(key)
                out.write(
                    f"msgctxt {quote(key)}\nmsgid {quote(segment.source.text)}\nmsgstr {quote(segment.target.text)}\n\n"
                )
                count += 1
    return count


def row(name: str, result: dict, baseline: dict | None) -> str:
    seconds = result["seconds"]
    ratio = f"{seconds / baseline['seconds']:.1f}x" if baseline else "1.0x"
    return (
        f"{name:<28} {seconds:7.3f} s {ratio:>6}  {result['files'] / seconds:9.0f} pages/s"
        f"  {result['segments'] / seconds:10.0f} segments/s  {result['bytes'] / seconds / 1e6:6.1f} MB/s"
        f"  CPU {result['cpu'] / result['files'] * 1000:6.2f} ms/page"
        f"  peak {result['peak_kib'] / 1024:6.1f} MiB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pofilter", action="store_true", help="also time translate-toolkit's pofilter")
    args = parser.parse_args()
    pages = args.corpus / MSI
    if not pages.is_dir():
        print(f"bench_check: corpus not found: {pages} (use --corpus or KBTOOLS_CORPUS)", file=sys.stderr)
        return 2
    print(f"cores: {os.cpu_count()}; best of {args.repeat} runs each")
    with tempfile.TemporaryDirectory() as scratch:
        large = replicate(pages, args.copies, Path(scratch) / "replicated")
        for label, root in (("corpus", pages), (f"corpus x{args.copies}", large)):
            bare = best_of(args.repeat, BARE_REGEX, str(root))
            check_1 = best_of(args.repeat, KBTOOLS_CHECK, str(root), "1")
            check_n = best_of(args.repeat, KBTOOLS_CHECK, str(root))
            print(
                f"\n{label}: {bare['files']} pages, {bare['bytes'] / 1e6:.1f} MB, {check_n['segments']} segments,"
                f" {check_n['findings']} findings"
            )
            print(row("bare regex read", bare, None))
            print(row("kbtools check, 1 process", check_1, bare))
            print(row(f"kbtools check, {os.cpu_count()} processes", check_n, bare))
        if args.pofilter:
            pofilter = shutil.which("pofilter")
            if pofilter is None:
                print("\npofilter: not installed (pip install translate-toolkit)")
                return 0
            po = Path(scratch) / "corpus.po"
            units = export_po(pages, po)
            import time

            timings = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                subprocess.run(
                    [pofilter, "--nofuzzy", str(po), str(Path(scratch) / "out.po")], check=False, capture_output=True
                )
                timings.append(time.perf_counter() - start)
            print(f"\npofilter (translate-toolkit, default checks) over {units} exported pairs: {min(timings):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
