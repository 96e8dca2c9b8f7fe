"""Time each fix and exchange command on a corpus folder, and the round trip over the corpus.

    python benchmarks/bench_exchange.py times [--locale zh-tw] [--folder Msi]
    python benchmarks/bench_exchange.py round-trip [--format xliff|po]
    python benchmarks/bench_exchange.py memory [--locale zh-tw] [--folder desktop-src] [--format xliff,po,tmx]

`times` runs each command once, as a user would (`kbtools ...` in a subprocess), on a copy of the
folder, and prints its wall time. `round-trip` exports every page of every locale of the corpus
(KBTOOLS_CORPUS) with `--segments all`, imports the file unchanged into a copy, and compares
every page byte for byte: it prints pages, identical pages and the first differences.
`memory` exports every page of a locale's folder (`--folder desktop-src`: all of it) in each
format, one process each, and prints the peak resident memory of that process (`ru_maxrss` of
the one child, from `wait4`) beside its wall time and the size of the file written.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
LOCALES = ("zh-tw", "fr-fr", "it-it", "ru-ru")
KBTOOLS = [sys.executable, "-m", "kbtools"]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(*args: str | Path) -> tuple[float, int, str, float]:
    """Wall seconds, exit code, last line of stderr, and CPU seconds (user + system: on a busy
    machine the steadier figure)."""
    started, cpu = time.monotonic(), _cpu()
    done = subprocess.run([*KBTOOLS, *map(str, args)], capture_output=True, text=True)
    last = (done.stderr.strip().splitlines() or [""])[-1]
    return time.monotonic() - started, done.returncode, last, _cpu() - cpu


def _peak(*args: str | Path) -> tuple[float, int, float, str]:
    """Wall seconds, exit code, peak resident memory in MiB of the one process, last stderr line."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen([*KBTOOLS, *map(str, args)], stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        last = (err.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1]
    return time.monotonic() - started, process.returncode, usage.ru_maxrss / 1024, last


def memory(locale: str, folder: str, formats: list[str]) -> None:
    source = CORPUS / f"win32-{locale}-sxs" / folder
    pages = sum(1 for _ in source.rglob("*.md"))
    print(f"{locale} {folder}: {pages} pages")
    with tempfile.TemporaryDirectory() as work:
        for form in formats:
            out = Path(work) / f"all.{form}"
            seconds, code, peak, last = _peak("export", source, "--format", form, "--output", out)
            size = out.stat().st_size / 2**20 if out.exists() else 0.0
            print(
                f"  export {form:<5} peak RSS {peak:7.0f} MiB  {seconds:6.0f} s wall  {size:6.1f} MiB written  exit {code}"
            )
            print(f"    {last[:150]}")
            out.unlink(missing_ok=True)


def times(locale: str, folder: str) -> None:
    source = CORPUS / f"win32-{locale}-sxs" / "desktop-src" / folder
    english = CORPUS / "win32-en-us" / "desktop-src" / folder
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        pages = work_dir / folder
        shutil.copytree(source, pages)
        out = work_dir / "out"
        out.mkdir()
        commands = [
            ("check", ["check", pages, "--quiet"]),
            ("check --diff", ["check", pages, "--diff", "--output", out / "fixes.diff"]),
            ("export xliff --segments all", ["export", pages, "--format", "xliff", "--output", out / "all.xlf"]),
            ("export po --segments all", ["export", pages, "--format", "po", "--output", out / "all.po"]),
            ("export tmx", ["export", pages, "--format", "tmx", "--output", out / "clean.tmx"]),
            (
                "export xliff --segments findings",
                ["export", pages, "--format", "xliff", "--segments", "findings", "--output", out / "findings.xlf"],
            ),
            (
                "export po --segments stale --english",
                [
                    "export",
                    pages,
                    "--format",
                    "po",
                    "--segments",
                    "stale",
                    "--english",
                    english,
                    "--output",
                    out / "stale.po",
                ],
            ),
            ("import xliff (unchanged) --dry-run", ["import", out / "all.xlf", "--into", pages, "--dry-run"]),
            ("import xliff (unchanged)", ["import", out / "all.xlf", "--into", pages]),
            ("import po (unchanged)", ["import", out / "all.po", "--into", pages]),
            ("check --fix", ["check", pages, "--fix", "--quiet"]),
        ]
        print(f"{locale} {folder}: {len(list(source.glob('*.md')))} pages")
        for name, args in commands:
            seconds, code, last, cpu = _run(*args)
            print(f"  {name:<38} {seconds:6.1f} s wall {cpu:6.1f} s CPU  exit {code}  {last[:110]}")


def round_trip(form: str) -> None:
    suffix = ".xlf" if form == "xliff" else ".po"
    total = identical = 0
    for locale in LOCALES:
        source = CORPUS / f"win32-{locale}-sxs" / "desktop-src"
        with tempfile.TemporaryDirectory() as work:
            pages = Path(work) / "desktop-src"
            shutil.copytree(source, pages)
            exported = Path(work) / f"all{suffix}"
            export_s, code, last, _ = _run("export", pages, "--format", form, "--segments", "all", "--output", exported)
            print(f"{locale}: export {export_s:.0f} s, exit {code}: {last}")
            import_s, code, last, _ = _run("import", exported, "--into", pages)
            print(f"{locale}: import {import_s:.0f} s, exit {code}: {last}")
            differing = []
            count = 0
            for original in sorted(source.rglob("*.md")):
                count += 1
                copy = pages / original.relative_to(source)
                if copy.read_bytes() != original.read_bytes():
                    differing.append(original.relative_to(source))
            total += count
            identical += count - len(differing)
            print(f"{locale}: {count - len(differing)} of {count} pages byte-identical {differing[:5]}")
    print(f"round trip ({form}): {identical} of {total} pages byte-identical")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("times", "round-trip", "memory"))
    parser.add_argument("--locale", default="zh-tw")
    parser.add_argument("--folder", help="Msi (times), desktop-src: the whole locale (memory)")
    parser.add_argument("--format", default=None, help="xliff or po (round-trip); a list for memory")
    args = parser.parse_args()
    if args.what == "times":
        times(args.locale, args.folder or "Msi")
    elif args.what == "memory":
        memory(args.locale, args.folder or "desktop-src", (args.format or "xliff,po,tmx").split(","))
    else:
        round_trip(args.format or "xliff")


if __name__ == "__main__":
    main()
