"""Census of identifiers whose letter case changed in translation, and of numbers lost, and
how many of them `kbtools check` reports (its recall), per class.

How candidates are found (independently of the rules): every paired segment of the corpus is
read; each ASCII word of the source's visible text (link URLs and tags removed, escapes
undone) that the target does not contain as often in the same case, but does contain in
another case, is a changed-case candidate. It is classed by where it stands in the source and
by its shape:

- italic-identifier: inside `*...*` or `_..._`, shaped like an identifier (an inner capital,
  a digit or an underscore: `ppISCardVerify`, `dwLogonType`);
- plain-identifier: outside any markup, shaped like an identifier (`UnitType`);
- bold-phrase: inside `**...**` or `<strong>`/`<b>` holding more than one word, identifier-shaped
  (`**AcceptSecurityContext (NTLM)**`);
- bold-capitalised-word: a bold span that is one capitalised word (`**Count**`, `**Microsoft**`),
  counted only for locales whose script has no letter case (zh, ja, ko), where the same word
  in other case cannot be a translation;
- bold-identifier: a bold span that is one identifier-shaped word (the class the checker always had).

Number candidates: each number of the source (digits not glued to letters, `3-D` and `3-by-2`
included) whose parts do not all appear among the target's digit runs: `merged` when a list of
three or more parts appears run together (`255,255,255` -> `255255255`; a grouped number such as
`100,000,001` or `1,024` that lost its separators is not counted), `spelled-out-or-lost` when its
digits are not in the target at all (`3-D` -> `立體`).

A candidate is found by the checker when a `protected-term` (case) or `number-mismatch` (number)
finding on that segment names it. Prints per class: candidates, found, recall, and a sample
to read by eye.

    python benchmarks/census_case.py [--set all|zh-other|fr|msi] [--sample 8] [--seed 9]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kbtools.check.engine import CheckSettings, RuleSelection, check_page
from kbtools.page import read_page
from kbtools.page.inline import visible_text

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
ZH = "win32-zh-tw-sxs/desktop-src"
SETS = {
    "zh-other": [f"{ZH}/{name}" for name in ("WMP", "Controls", "com", "shell", "direct3dhlsl", "SecCrypto")],
    "fr": ["win32-fr-fr-sxs/desktop-src/Msi"],
    "msi": [f"{ZH}/Msi"],
}
CASELESS_SCRIPTS = ("zh", "ja", "ko")

_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_])")
_IDENTIFIER_SHAPE = re.compile(r"[a-z][A-Z]|[0-9_]|^[A-Z]{2,}[a-z]{2}")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|<(strong|b)>(.+?)</\3>", re.I)
_ITALIC = re.compile(r"(?<![*\w\\])\*(?!\*)([^*]+?)\*(?!\*)|(?<![\w\\])_(?!_)([^_]+?)_(?![\w])")
_CODE = re.compile(r"`[^`]+`")
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[0-9]+(?:[.,][0-9]+)*(?![A-Za-z0-9_]|\.[0-9])")
_DIGITS = re.compile(r"[0-9]+")
_URL = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"<(?!/?(?:strong|b)>)[^>]*>", re.I)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_REPORTED = re.compile(r"'([^']*)' (?:appears as|is missing)")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in pattern.finditer(text):
        groups = [g for g in match.groups() if g is not None and g.lower() not in ("strong", "b")]
        found.append((match.start(), match.end(), groups[-1] if groups else ""))
    return found


def case_candidates(source: str, target: str, caseless: bool) -> list[tuple[str, str]]:
    """(class, word) for each word of the source whose case changed in the target."""
    # URLs and tags are not text (but bold tags mark bold text); escapes are undone.
    source_text = _CODE.sub(" ", _ESCAPE.sub(r"\1", _TAG.sub(" ", _URL.sub("]", source))))
    visible_target = visible_text(target)
    target_words = Counter(_WORD.findall(visible_target))
    target_lower = defaultdict(set)
    for word in target_words:
        target_lower[word.lower()].add(word)
    bold = _spans(_BOLD, source_text)
    italic = _spans(_ITALIC, source_text)
    source_words = Counter()
    classes = {}
    for match in _WORD.finditer(source_text):
        word = match.group(0)
        if len(word) < 3:
            continue
        source_words[word] += 1
        at = match.start()
        identifier = bool(_IDENTIFIER_SHAPE.search(word))
        inside_bold = next((inner for start, end, inner in bold if start <= at < end), None)
        inside_italic = next((inner for start, end, inner in italic if start <= at < end), None)
        if inside_bold is not None:
            single = inside_bold.strip(" \\") == word or inside_bold.replace("\\", "").strip() == word
            if single and identifier:
                kind = "bold-identifier"
            elif single and word[0].isupper() and word[1:].islower():
                kind = "bold-capitalised-word" if caseless else None
            elif identifier:
                kind = "bold-phrase"
            else:
                kind = None
        elif inside_italic is not None:
            kind = "italic-identifier" if identifier else None
        else:
            kind = "plain-identifier" if identifier and not word.isupper() else None
        if kind is not None:
            classes.setdefault(word, kind)
    found = []
    for word, kind in classes.items():
        variants = target_lower.get(word.lower(), set()) - {word}
        if variants and target_words[word] < source_words[word]:
            found.append((kind, word))
    return found


def number_candidates(source: str, target: str) -> list[tuple[str, str]]:
    source_text = _CODE.sub(" ", visible_text(source))
    target_digits = _DIGITS.findall(visible_text(target).translate(_FULL_WIDTH))
    runs = Counter(target_digits)
    joined = "".join(target_digits)
    found = []
    for match in _NUMBER.finditer(source_text):
        number = match.group(0)
        parts = _DIGITS.findall(number)
        if "".join(parts) in joined and all(runs[p] > 0 for p in parts):
            continue
        # A list run together; `1,024` -> `1024` and `100,000,001` -> `100000001` only drop
        # the thousands separators.
        if len(parts) > 2 and not any(p.startswith("0") for p in parts[1:]) and "".join(parts) in runs:
            found.append(("merged", number))
        elif len(parts) > 1 and "".join(parts) in runs:
            continue
        elif "".join(parts) not in joined:
            found.append(("spelled-out-or-lost", number))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--set", default="all", choices=[*SETS, "all"])
    parser.add_argument("--sample", type=int, default=8)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    folders = [f for name in SETS for f in SETS[name]] if args.set == "all" else SETS[args.set]
    settings = CheckSettings(RuleSelection(("protected-term", "number-mismatch")))
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    examples = defaultdict(list)
    for folder in folders:
        root = args.corpus / folder
        if not root.is_dir():
            print(f"census_case: corpus not found: {root}", file=sys.stderr)
            return 2
        for path in sorted(root.rglob("*.md")):
            page = read_page(path)
            caseless = (page.locale or "").lower().startswith(CASELESS_SCRIPTS)
            messages = defaultdict(list)
            for finding in check_page(page, settings, str(path)):
                messages[finding.segment].append(finding.message)
            for segment in page.segments:
                if not segment.paired:
                    continue
                source, target = segment.source.text, segment.target.text
                said = " ".join(messages.get(segment.id, []))
                candidates = case_candidates(source, target, caseless)
                candidates += number_candidates(source, target)
                for kind, item in candidates:
                    totals[kind] += 1
                    if kind in ("merged", "spelled-out-or-lost"):
                        found = f" {item}" in said or f"{item}," in said or said.endswith(item)
                    else:  # a finding on the word, or on the dotted name it is part of
                        found = any(item in term for term in _REPORTED.findall(said))
                    hits[kind] += found
                    examples[kind].append((found, item, path.name, target[:120], source[:120]))
    print(f"{'class':<24} {'candidates':>10} {'found':>8} {'recall':>7}")
    for kind in sorted(totals):
        print(f"{kind:<24} {totals[kind]:>10} {hits[kind]:>8} {hits[kind] / totals[kind]:>7.1%}")
    rng = random.Random(args.seed)
    for kind in sorted(examples):
        print(f"\n## {kind}: sample")
        for found, item, name, target, source in rng.sample(examples[kind], min(args.sample, len(examples[kind]))):
            print(
                f"  [{'found' if found else 'MISSED'}] {item!r} in {name}\n      target: {target!r}\n      source: {source!r}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
