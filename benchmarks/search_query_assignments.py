"""Draw the properties a blind query writer writes queries for: one query per property, in a language.

The writers read only each property's English page; they never see the ranking, the translated pages
or earlier query sets. The draw is uniform over the properties every locale's site publishes:

    python benchmarks/search_query_assignments.py --seed 1904 --out /tmp/assignments

writes `properties.tsv` (name, English page, first sentence) and `assignments-1.tsv` (zh-TW and en)
and `assignments-2.tsv` (fr-FR, ru-RU, it-IT) for two writers. The set of this draw is
`benchmarks/samples/search_queries_blind_d.yml`.
"""

from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

from kbtools.kb import build_knowledge_base

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
LOCALES = ("zh-tw", "fr-fr", "ru-ru", "it-it")
# (writer, language, queries)
PLAN = ((1, "zh-TW", 30), (1, "en", 30), (2, "fr-FR", 20), (2, "ru-RU", 20), (2, "it-IT", 20))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    english = args.corpus / "win32-en-us" / "desktop-src" / "Msi"
    by_locale = {
        locale: {
            r.name: r
            for r in build_knowledge_base(args.corpus / f"win32-{locale}-sxs" / "desktop-src" / "Msi").properties
        }
        for locale in LOCALES
    }
    published = set.intersection(*(set(records) for records in by_locale.values()))
    rows = []
    for name in sorted(published, key=str.lower):
        record = by_locale["zh-tw"][name]
        summary = record.summary.get("en-US", "").replace("\t", " ")
        rows.append((name, str(english / record.source.path), summary))
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "properties.tsv").open("w", encoding="utf-8") as out:
        out.write("name\tenglish_page\tsummary\n")
        out.writelines(f"{name}\t{page}\t{summary}\n" for name, page, summary in rows)
    picked = iter(random.Random(args.seed).sample(rows, sum(count for _, _, count in PLAN)))
    files = {}
    for writer, language, count in PLAN:
        lines = files.setdefault(writer, ["lang\tname\tenglish_page\n"])
        for _ in range(count):
            name, page, _summary = next(picked)
            lines.append(f"{language}\t{name}\t{page}\n")
    for writer, lines in files.items():
        (args.out / f"assignments-{writer}.tsv").write_text("".join(lines), encoding="utf-8")
    print(
        f"search_query_assignments: {len(rows)} properties; {', '.join(f'{lang} {n}' for _, lang, n in PLAN)} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
