"""Whether `kbtools check` still says exactly what it said: its output over the corpus against a saved copy.

For each corpus folder it runs `kbtools check --format json` (and `--diff`, the safe fixes, on the
Msi folders; the freshness rules with `--english` on zh-TW Msi) and saves, or compares with the
saved, stdout and exit code byte for byte, ordering included. Save before a change, compare after:

    python benchmarks/check_golden.py --save /tmp/perf16-golden
    python benchmarks/check_golden.py --compare /tmp/perf16-golden

Exits 1 when any output differs (the first differing line of each is printed), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
ZH_TW = "win32-zh-tw-sxs/desktop-src"
MSI_FOLDERS = [f"{ZH_TW}/Msi", *(f"win32-{locale}-sxs/desktop-src/Msi" for locale in ("fr-fr", "ru-ru", "it-it"))]
OTHER_FOLDERS = [f"{ZH_TW}/{name}" for name in ("WMP", "Controls", "com", "shell", "direct3dhlsl", "SecCrypto")]


def runs(corpus: Path) -> list[tuple[str, list[str]]]:
    """(name, arguments after `kbtools check`) for every output compared."""
    items = []
    for folder in MSI_FOLDERS + OTHER_FOLDERS:
        name = folder.split("/")[0].removeprefix("win32-").removesuffix("-sxs") + "-" + folder.rsplit("/", 1)[1]
        items.append((f"{name}.json", [str(corpus / folder), "--format", "json"]))
    for folder in MSI_FOLDERS:
        name = folder.split("/")[0].removeprefix("win32-").removesuffix("-sxs") + "-Msi"
        items.append((f"{name}.diff", [str(corpus / folder), "--diff"]))
    english = corpus / "win32-en-us/desktop-src/Msi"
    items.append(
        ("zh-tw-Msi-english.json", [str(corpus / MSI_FOLDERS[0]), "--format", "json", "--english", str(english)])
    )
    return items


def run(arguments: list[str], jobs: str | None) -> bytes:
    command = [sys.executable, "-m", "kbtools", "check", *arguments]
    if jobs is not None:
        command += ["--jobs", jobs]
    done = subprocess.run(command, capture_output=True, cwd=REPO, check=False)
    return done.stdout + f"\n[exit {done.returncode}]\n".encode()


def first_difference(old: bytes, new: bytes) -> str:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), 1):
        if a != b:
            return f"line {number}:\n  saved: {a[:200]!r}\n  now:   {b[:200]!r}"
    return f"saved {len(old_lines)} lines, now {len(new_lines)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, metavar="DIR", help="write the outputs into DIR")
    mode.add_argument("--compare", type=Path, metavar="DIR", help="compare the outputs with those saved in DIR")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", help="passed to kbtools check --jobs (default: all cores)")
    parser.add_argument("--only", action="append", default=[], help="only the outputs whose name contains this")
    args = parser.parse_args()
    if not (args.corpus / MSI_FOLDERS[0]).is_dir():
        print(f"check_golden: corpus not found: {args.corpus} (use --corpus or KBTOOLS_CORPUS)", file=sys.stderr)
        return 2
    if args.compare is not None and not args.compare.is_dir():
        print(f"check_golden: no saved outputs in {args.compare}", file=sys.stderr)
        return 2
    if args.save is not None:
        args.save.mkdir(parents=True, exist_ok=True)
    differ = 0
    for name, arguments in runs(args.corpus):
        if args.only and not any(part in name for part in args.only):
            continue
        output = run(arguments, args.jobs)
        if args.save is not None:
            (args.save / name).write_bytes(output)
            print(f"saved    {name} ({len(output):,} bytes)")
            continue
        saved_file = args.compare / name
        if not saved_file.exists():
            print(f"MISSING  {name}: not in {args.compare}")
            differ += 1
            continue
        saved = saved_file.read_bytes()
        if saved == output:
            print(f"same     {name} ({len(output):,} bytes)")
        else:
            differ += 1
            print(f"DIFFERS  {name}: {first_difference(saved, output)}")
    if args.compare is not None:
        print(f"{differ} of the outputs differ" if differ else "every output is identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
