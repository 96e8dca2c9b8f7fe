"""One process checks the pages of FOLDER (none: only the imports and tables); run it under valgrind
to count instructions, a figure that, unlike CPU time, does not move with the machine's load:

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/check_instructions.py FOLDER

Instructions per page = (the count over FOLDER - the count with no FOLDER) / pages. The figures in
benchmarks/samples/bench_check.after.txt read 99 zh-TW Msi pages: every 16th of the sorted listing.
"""

import sys
from pathlib import Path

from kbtools.check.engine import CheckSettings, RuleSelection, check_files

try:  # loaded at start-up so that the run with no page counts it too
    from kbtools.check.rules.typography import _zh_tw_forms
except ImportError:  # a checkout before the zh-TW orthography rule
    _zh_tw_forms = None

files = sorted(Path(sys.argv[1]).glob("*.md")) if len(sys.argv) > 1 else []
if _zh_tw_forms is not None:
    _zh_tw_forms()
findings = sum(len(result.findings) for result in check_files(files, CheckSettings(RuleSelection.default()), jobs=1))
print(f"{len(files)} pages, {findings} findings")
