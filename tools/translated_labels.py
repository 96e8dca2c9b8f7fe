"""Write the labels that `untranslated` expects translated, learned from the corpus.

A label is a heading or a cell of a table's heading row whose English is one to four ordinary
words (`Syntax`, `Remarks`, `Description`). Where a language's translations render a label on
at least `MIN_PAGES` pages and translate it in at least `MIN_TRANSLATED` of its occurrences, the
label is a word of that language's prose, not a name: a page that leaves it in English was not
translated there. Names that happen to head a column are kept by most translations and stay out.

    python tools/translated_labels.py /path/to/corpus > src/kbtools/check/rules/data/translated_labels.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kbtools.check.engine import discover
from kbtools.check.rules.untranslated import LABEL_TEXT, label_kind, label_language
from kbtools.page import read_page

MIN_PAGES = 10
MIN_TRANSLATED = 0.6


def main() -> int:
    corpus = Path(sys.argv[1])
    files, _ = discover([corpus])
    seen: Counter[tuple[str, str]] = Counter()
    kept: Counter[tuple[str, str]] = Counter()
    pages: defaultdict[tuple[str, str], set[Path]] = defaultdict(set)
    for path in files:
        page = read_page(path)
        language = label_language(page.locale)
        if language is None:
            continue
        lines = (page.text or "").split("\n")
        for segment in page.segments:
            if not segment.paired or label_kind(segment, lines) is None:
                continue
            source = segment.source.text.strip()  # type: ignore[union-attr]
            if not LABEL_TEXT.fullmatch(source):
                continue
            key = (language, source)
            seen[key] += 1
            kept[key] += segment.target.text.strip() == source  # type: ignore[union-attr]
            pages[key].add(path)
    labels: defaultdict[str, list[str]] = defaultdict(list)
    for (language, label), count in sorted(seen.items()):
        if len(pages[(language, label)]) >= MIN_PAGES and 1 - kept[(language, label)] / count >= MIN_TRANSLATED:
            labels[language].append(label)
    about = (
        "Per language, headings and table headings that translations of the corpus translate on at least "
        f"{MIN_PAGES} pages and in at least {MIN_TRANSLATED:.0%} of their occurrences: written by "
        "tools/translated_labels.py."
    )
    json.dump({"about": about, **labels}, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
