"""Instructions per page of each rule, counted by valgrind: reading the pages, then each rule over
every page in turn, then attaching the fixes, each part closed by a call that callgrind dumps at:

    valgrind --tool=callgrind --dump-before=getppid --callgrind-out-file=/tmp/rules.%p \
        python benchmarks/rule_instructions.py FOLDER > /tmp/rule-names.txt
    python benchmarks/rule_instructions.py --report /tmp/rule-names.txt /tmp/rules.*

Unlike `profile_check.py`'s timers, the count does not move with the machine's load nor add a
timer's cost per call. Work that rules share through a cache (a span's visible text, its inline
parse, a source's protected terms) counts against the first rule that asks for it, and so does
what a rule loads or builds once (a table, a pattern). The OpenCC table of zh-tw-orthography is
loaded before the first part, as `check_instructions.py` does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def measure(folder: Path) -> None:
    from kbtools.check.engine import RuleSelection
    from kbtools.check.finding import Finding
    from kbtools.check.registry import Hit, PageContext, all_rules, iter_hits
    from kbtools.page.reader import parse_bytes

    try:
        from kbtools.check.fix import FIXABLE_RULES, attach_fixes
    except ImportError:  # a checkout before the fixes
        FIXABLE_RULES, attach_fixes = frozenset(), None
    try:
        from kbtools.check.rules.typography import _zh_tw_forms

        _zh_tw_forms()
    except ImportError:  # a checkout before the zh-TW orthography rule
        pass
    files = sorted(folder.glob("*.md"))
    data = [(path.read_bytes(), path) for path in files]
    names = []

    def close(name: str) -> None:
        os.getppid()  # callgrind dumps the counts here (--dump-before=getppid)
        names.append(name)

    close("(start-up)")
    pages = [parse_bytes(raw, path) for raw, path in data]
    close("(read page)")
    registry = all_rules()
    contexts = [PageContext(page) for page in pages]
    hits: dict[int, list] = {id(context): [] for context in contexts}
    for rule_id in RuleSelection.default().enabled:
        rule = registry[rule_id]
        for context in contexts:
            if context.page.text is None:
                continue
            if rule.scope == "page":
                hits[id(context)].extend((rule, hit) for hit in rule.check(context))
                continue
            for segment in context.page.segments:
                if rule.needs_pair and (segment.target is None or segment.source is None):
                    continue
                result = rule.check(segment, context)
                if result is not None:
                    hits[id(context)].extend((rule, Hit(message, segment)) for message in iter_hits(result))
        close(rule_id)
    for context in contexts:
        findings = []
        for rule, hit in hits[id(context)]:
            where = (hit.segment.line, hit.segment.column, hit.segment.id) if hit.segment else (1, 1, None)
            findings.append(Finding("page", *where, rule.id, rule.severity, hit.message))
        if attach_fixes is not None and any(f.rule in FIXABLE_RULES for f in findings):
            attach_fixes(context.page, context, findings)
    close("(attach fixes)")
    print("\n".join([str(len(pages)), *names]))


def report(names_file: Path, dumps: list[Path]) -> None:
    pages, *names = names_file.read_text().splitlines()
    counts: dict[int, int] = {}
    for dump in dumps:
        part = total = None
        for line in dump.read_text(errors="replace").splitlines():
            if line.startswith("part:"):
                part = int(line.split()[1])
            elif line.startswith("totals:"):
                total = int(line.split()[1])
        if part is not None and total is not None:
            counts[part] = total
    # Dump n (1-based) holds the counts up to the n-th close, since the one before.
    parts = [(name, counts.get(number, 0)) for number, name in enumerate(names, 1) if name != "(start-up)"]
    whole = sum(count for _, count in parts)
    print(f"{'part':<30} {'M per page':>10} {'share':>6}")
    for name, count in sorted(parts, key=lambda item: -item[1]):
        print(f"{name:<30} {count / int(pages) / 1e6:10.2f} {count / whole:6.1%}")
    print(f"{'total':<30} {whole / int(pages) / 1e6:10.2f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--report"]:
        report(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
    elif len(sys.argv) == 2:
        measure(Path(sys.argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
