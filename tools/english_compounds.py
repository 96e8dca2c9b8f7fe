"""Write the hyphenated compounds that the English of the corpus writes as words, in lower case.

`run-time`, `per-user`, `in-script` are English words however a title capitalises them
(`Run-Time Requirements`); `Diffie-Hellman` is a name and never written in lower case. A
compound that the English sources write in lower case on at least `MIN_PAGES` pages is a word a
translation translates: `untranslated` reports one left in Latin letters, in a title's case,
inside a target written in another script (`установщик Windows Run-Time требования`).

    python tools/english_compounds.py /path/to/corpus > src/kbtools/check/rules/data/english_compounds.json
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from kbtools.check.engine import discover
from kbtools.page import read_page
from kbtools.page.inline import visible_prose

MIN_PAGES = 5
_COMPOUND = re.compile(r"(?<![\w.\\/-])[a-z]{2,}-[a-z]{2,}(?![\w/\\-])")


def main() -> int:
    corpus = Path(sys.argv[1])
    files, _ = discover([corpus])
    pages: defaultdict[str, set[str]] = defaultdict(set)
    for path in files:
        page = read_page(path)
        # The same English page in every locale counts once: by its path below the locale.
        name = "/".join(path.relative_to(corpus).parts[1:])
        for segment in page.segments:
            if segment.paired:
                for word in _COMPOUND.findall(visible_prose(segment.source.text)):  # type: ignore[union-attr]
                    pages[word].add(name)
    words = sorted(word for word, found in pages.items() if len(found) >= MIN_PAGES)
    about = (
        "Hyphenated compounds that the English sources of the corpus write in lower case on at least "
        f"{MIN_PAGES} pages: words, not names. Written by tools/english_compounds.py."
    )
    json.dump({"about": about, "words": words}, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
