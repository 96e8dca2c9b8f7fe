"""Time and peak memory of hostile inputs at 1x, 2x and 4x their size; print how each grows.

    python benchmarks/bench_growth.py [--cases front-matter,lifetime,category,exclude] [--scale 1] [--timeout 300]

Each case is an input a hostile contributor can commit, generated here at three sizes:

- `front-matter`: a page whose front matter has many keys, through `kbtools check`;
- `lifetime`: a property page stating one lifetime fact in every segment, through `kbtools parse`;
- `category`: many property pages in one category, through `kbtools build` (the site's size on
  disk is printed too);
- `exclude`: an `exclude` glob with many `*` in `[tool.kbtools]`, matched against a long file
  name, through `kbtools check`.

Every run is a fresh process (so its peak resident memory is its own), killed after `--timeout`
seconds. A linear input doubles time and memory (above the interpreter's own) with its size; a
quadratic one quadruples them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = ("front-matter", "lifetime", "category", "exclude")
# The 1x size of each case: large enough to measure, small enough that a quadratic 4x ends.
BASE = {"front-matter": 10_000, "lifetime": 5_000, "category": 150, "exclude": 16}
UNIT = {"front-matter": "keys", "lifetime": "segments", "category": "pages", "exclude": "name chars"}

FRONT_MATTER = "title: {title}\nms.contentlocale: zh-TW\n"


def _segment(ident: str, target: str, source: str) -> str:
    return (
        f'<span data-ttu-id="{ident}">{target}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{ident}">{source}</span></span>'
    )


def _property_page(name: str, body: list[str]) -> str:
    heading = _segment("0-1", f"{name} 屬性", f"{name} property")
    return (
        f"---\n{FRONT_MATTER.format(title=name + ' 屬性')}---\n"
        f'# <a name="{name.lower()}-property"></a>{heading}\n\n' + "\n\n".join(body) + "\n"
    )


def make_front_matter(folder: Path, keys: int) -> list[str]:
    lines = "".join(f"key{n}: value {n}\n" for n in range(keys))
    page = f"---\n{FRONT_MATTER.format(title='頁')}{lines}---\n\n" + _segment("1-1", "第一段。", "First.") + "\n"
    (folder / "page.md").write_text(page, encoding="utf-8")
    return ["check", "--format", "json", str(folder)]


def make_lifetime(folder: Path, segments: int) -> list[str]:
    fact = _segment("{n}", "安裝程式會設定 **GROWTH** 屬性。", "The installer sets the **GROWTH** property.")
    body = ["## Remarks", " ".join(fact.replace("{n}", f"1-{n}") for n in range(segments))]
    source = folder / "source"
    source.mkdir()
    (source / "growth.md").write_text(_property_page("GROWTH", body), encoding="utf-8")
    return ["parse", str(source), "--out", str(folder / "kb.json")]


def make_category(folder: Path, pages: int) -> list[str]:
    source = folder / "source"
    source.mkdir()
    names = [f"PROP{n:05d}" for n in range(pages)]
    rows = "\n".join(
        f"| [{_segment(f'2-{n}', name, name)}]({name.lower()}.md) | {_segment(f'3-{n}', '一個屬性。', 'A property.')} |"
        for n, name in enumerate(names)
    )
    table = (
        "| " + _segment("1-2", "屬性", "Property") + " | " + _segment("1-3", "描述", "Description") + " |\n|---|---|\n"
    )
    reference = (
        f"---\n{FRONT_MATTER.format(title='屬性參考')}---\n"
        f'# <a name="property-reference"></a>{_segment("1-0", "屬性參考", "Property Reference")}\n\n'
        f'## <a name="growth-properties"></a>{_segment("1-1", "成長屬性", "Growth Properties")}\n\n{table}{rows}\n'
    )
    (source / "property-reference.md").write_text(reference, encoding="utf-8")
    sentence = _segment("4-1", "此屬性會由使用者設定。", "The user sets this property.")
    for name in names:
        (source / f"{name.lower()}.md").write_text(_property_page(name, [sentence]), encoding="utf-8")
    return ["build", "--source", str(source), "--site-dir", str(folder / "site")]


def make_exclude(folder: Path, length: int) -> list[str]:
    # Seven `*a` and no `b` in the name: a backtracking matcher tries every way to place them.
    (folder / "pyproject.toml").write_text('[tool.kbtools]\nexclude = ["*a*a*a*a*a*a*a*b"]\n', encoding="utf-8")
    (folder / ("a" * length + ".md")).write_text(
        f"---\n{FRONT_MATTER.format(title='頁')}---\n\n" + _segment("1-1", "第一段。", "First.") + "\n",
        encoding="utf-8",
    )
    return ["check", "--format", "json", "."]


MAKERS = {
    "front-matter": make_front_matter,
    "lifetime": make_lifetime,
    "category": make_category,
    "exclude": make_exclude,
}


def _child(args: list[str]) -> None:
    """Run one kbtools command in this process; print its time and peak memory as JSON."""
    import contextlib
    import io

    from kbtools.cli import main

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(args)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {"code": code, "seconds": seconds, "peak_kb": peak, "start_kb": before, "err": err.getvalue()[-300:]}
        )
    )


def _folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def run_case(case: str, size: int, timeout: float) -> str:
    folder = Path(tempfile.mkdtemp(prefix=f"kbtools-growth-{case}-"))
    try:
        args = MAKERS[case](folder, size)
        command = [sys.executable, __file__, "--child", json.dumps(args)]
        try:
            done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return f"{case:13} {size:>8} {UNIT[case]:10}  killed after {timeout:.0f} s"
        if done.returncode != 0 or not done.stdout.strip():
            return f"{case:13} {size:>8} {UNIT[case]:10}  failed: {done.stderr.strip().splitlines()[-1:]}"
        result = json.loads(done.stdout.strip().splitlines()[-1])
        line = (
            f"{case:13} {size:>8} {UNIT[case]:10} {result['seconds']:9.2f} s"
            f" {result['peak_kb'] / 1024:8.0f} MB peak ({(result['peak_kb'] - result['start_kb']) / 1024:7.0f} MB above start)"
            f"  exit {result['code']}"
        )
        if case == "category":
            line += f"  site {_folder_size(folder / 'site') / 2**20:7.1f} MB"
        return line
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated, of: " + ", ".join(CASES))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every 1x size")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a run is killed")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(json.loads(args.child))
        return
    print(f"{'case':13} {'size':>8} {'unit':10} {'time':>11} {'memory':>13}")
    for case in args.cases.split(","):
        if case not in MAKERS:
            parser.error(f"unknown case {case!r}; known: {', '.join(CASES)}")
        base = max(1, int(BASE[case] * args.scale))
        for factor in (1, 2, 4):
            print(run_case(case, base * factor, args.timeout), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
