"""Where `kbtools check` spends its CPU: page reading, then each rule, per page, in one process.

Every rule's check function is wrapped in a timer (process CPU time), and so is reading a page
(decoding, front matter, code ranges, span tokenisation). Work that rules share lazily (a span's
inline parse, the page's block structure) is counted against the first rule that asks for it.
With `--cprofile N` it also prints the N functions with the most own time.

    python benchmarks/profile_check.py [FOLDER ...] [--cprofile 25]

FOLDER defaults to the zh-TW Msi pages of the corpus (KBTOOLS_CORPUS).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
MSI = "win32-zh-tw-sxs/desktop-src/Msi"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--cprofile", type=int, metavar="N", default=0, help="also print the top N functions")
    args = parser.parse_args()
    folders = args.folders or [DEFAULT_CORPUS / MSI]
    for folder in folders:
        if not folder.is_dir():
            print(f"profile_check: not a folder: {folder}", file=sys.stderr)
            return 2

    from kbtools.check import engine, registry
    from kbtools.check.engine import CheckSettings, RuleSelection, check_files, discover

    clock = time.process_time
    spent: dict[str, float] = {}
    calls: dict[str, int] = {}

    def timed(name: str, function, lazy: bool = False):
        def wrapper(*arguments, **keywords):
            start = clock()
            try:
                result = function(*arguments, **keywords)
                # A page rule yields its hits lazily: take them all inside the timer.
                return list(result) if lazy else result
            finally:
                spent[name] = spent.get(name, 0.0) + clock() - start
                calls[name] = calls.get(name, 0) + 1

        return wrapper

    rules = registry.all_rules()
    original = dict(rules)
    engine_parts = {name: getattr(engine, name) for name in ("parse_bytes", "attach_fixes") if hasattr(engine, name)}
    for rule_id, rule in list(rules.items()):
        rules[rule_id] = dataclasses.replace(rule, check=timed(rule_id, rule.check, rule.scope == "page"))
    labels = {"parse_bytes": "(read page)", "attach_fixes": "(attach fixes)"}
    for name, function in engine_parts.items():
        setattr(engine, name, timed(labels[name], function))

    files, _ = discover(folders)
    settings = CheckSettings(RuleSelection.default())
    profiler = None
    if args.cprofile:  # the timers above would swamp the profile: profile the plain run
        registry.RULES.update(original)
        for name, function in engine_parts.items():
            setattr(engine, name, function)
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = clock()
    pages = segments = findings = 0
    for result in check_files(files, settings, jobs=1):
        pages += 1
        segments += result.segments
        findings += len(result.findings)
    total = clock() - start
    if profiler is not None:
        profiler.disable()

    print(
        f"{pages} pages, {segments} segments, {findings} findings; CPU {total:.2f} s, {total / pages * 1000:.2f} ms per page"
    )
    print(f"{'part':<32} {'CPU s':>8} {'ms/page':>8} {'share':>6} {'calls':>8}")
    accounted = 0.0
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        accounted += seconds
        print(f"{name:<32} {seconds:8.3f} {seconds / pages * 1000:8.3f} {seconds / total:6.1%} {calls[name]:8}")
    rest = total - accounted
    print(f"{'(engine, rest)':<32} {rest:8.3f} {rest / pages * 1000:8.3f} {rest / total:6.1%}")
    if profiler is not None:
        import pstats

        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
