"""A faithful translation gives no finding: every target of the corpus replaced by a
mechanical, meaning-preserving transform of its source is checked, and nothing but
`untranslated` may be reported."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pseudo_translation import STRUCTURE_RULES, pseudo_translate, pseudo_translated

from kbtools.check.engine import CheckSettings, RuleSelection, check_page
from kbtools.page import read_page

FOLDERS = [
    "win32-zh-tw-sxs/desktop-src/Msi",
    "win32-zh-tw-sxs/desktop-src/WMP",
    "win32-zh-tw-sxs/desktop-src/Controls",
    "win32-zh-tw-sxs/desktop-src/com",
    "win32-zh-tw-sxs/desktop-src/shell",
    "win32-zh-tw-sxs/desktop-src/direct3dhlsl",
    "win32-zh-tw-sxs/desktop-src/SecCrypto",
    "win32-fr-fr-sxs/desktop-src/Msi",
]


def test_the_transform_keeps_names_numbers_code_links_and_markup() -> None:
    source = r"Set the **ALLUSERS** property to 2 in `msiexec /i` per [the page](page-one.md) &quot;x&quot; \_ *dwFlags* \<strong>x."
    assert pseudo_translate(source) == (
        r"Set lorem **ALLUSERS** lorem lorem 2 lorem `msiexec /i` lorem [lorem lorem](page-one.md) &quot;x&quot; \_ *dwFlags* \<strong>x."
    )


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_faithful_translation_gives_no_finding(corpus_root: Path, folder: str) -> None:
    root = corpus_root / folder
    assert root.is_dir(), root
    rules = RuleSelection(tuple(r for r in RuleSelection.default().enabled if r not in STRUCTURE_RULES))
    settings = CheckSettings(rules)
    found: Counter[str] = Counter()
    examples = []
    for path in sorted(root.rglob("*.md")):
        for finding in check_page(pseudo_translated(read_page(path)), settings, path.name):
            if finding.rule != "untranslated":
                found[finding.rule] += 1
                examples.append(f"{finding.path}:{finding.line} {finding.rule} {finding.message}")
    assert not found, f"{dict(found)}; first: {examples[:5]}"
