"""No finding on a faithful pair; exactly the known changes when the English changes.

The English tree is rebuilt from the sxs pages themselves (every pair replaced by its source),
for every locale and folder of the corpus: it is the English each translation was made from.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from english_tree import english_text, rebuild

from kbtools.freshness.compare import compare_page
from kbtools.freshness.english import english_page
from kbtools.page.model import Page, Segment
from kbtools.page.reader import parse_text, read_page

pytestmark = pytest.mark.corpus

TREES = ("win32-zh-tw-sxs", "win32-fr-fr-sxs")  # every zh-TW folder, and fr-FR
WORD = re.compile(r"\w+")


def _rebuild(args: tuple[Path, Path]) -> int:
    return rebuild(*args)


@pytest.fixture(scope="module")
def english_root(corpus_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("english")
    jobs = [
        (folder, root / tree / folder.relative_to(corpus_root / tree))
        for tree in TREES
        for folder in sorted((corpus_root / tree / "desktop-src").iterdir())
        if folder.is_dir()
    ]
    # forkserver: a fork of a test process with threads alive is unsafe (3.12+ warns of it)
    forkserver = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1), mp_context=forkserver) as pool:
        assert sum(pool.map(_rebuild, jobs)) > 10_000
    return root


def _findings(kbtools, translated: Path, english: Path) -> list[dict]:
    run = kbtools("check", translated, "--english", english, "--select", "freshness", "--format", "json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["summary"]["files"] > 1_000
    return report["findings"]


def test_no_finding_when_every_sentence_is_aligned(corpus_root):
    """Without the shortcut that tells equal pages by their words alone, on a sample of pages."""
    pages = sorted(p for tree in TREES for p in (corpus_root / tree).rglob("*.md"))
    compared = 0
    for path in random.Random(10).sample(pages, 300):
        page = read_page(path)
        if page.text is None:
            continue
        english = english_page(parse_text(english_text(page), path))
        result = compare_page(page, english, quick=False)
        assert (result.stale, result.missing, result.error) == ([], [], None), path
        compared += result.compared
    assert compared > 5_000


@dataclass(frozen=True)
class Edit:
    kind: str  # "change", "delete" or "add"
    path: Path  # the translated page
    segment: Segment
    new_source: str


def _unique_sentence(page: Page, segment: Segment, english: str) -> bool:
    """A whole sentence of a paragraph whose words occur only once on the page."""
    source = segment.source.text
    words = WORD.findall(source)
    if len(words) < 5 or not source.rstrip().endswith(".") or "<" in source or "](" in source:
        return False
    if segment.block is None or segment.block.kind != "paragraph" or len(segment.block.segments) < 2:
        return False
    return " ".join(WORD.findall(english)).count(" ".join(words)) == 1


def _pick_edits(corpus_root: Path, per_kind: int) -> list[Edit]:
    pages = sorted(p for tree in TREES for p in (corpus_root / tree).rglob("*.md"))
    edits: list[Edit] = []
    kinds = ["change", "delete", "add"] * per_kind
    for path in random.Random(20).sample(pages, len(pages)):
        if not kinds:
            break
        page = read_page(path)
        if page.text is None:
            continue
        _ = page.blocks  # attaches segments to their blocks
        english = english_text(page)
        candidates = [s for s in page.segments if s.paired and _unique_sentence(page, s, english)]
        if not candidates:
            continue
        segment = candidates[len(candidates) // 2]
        source = segment.source.text
        kind = kinds.pop()
        if kind == "change":
            word = max((w for w in WORD.findall(source)[1:] if w.isalpha() and w.islower()), key=len, default=None)
            if word is None:
                kinds.append(kind)
                continue
            new_source = re.sub(rf"\b{word}\b", "zorblaxed", source, count=1)
        elif kind == "delete":
            new_source = ""
        else:
            new_source = source + " Quibbling frobnicators were added to this page."
        edits.append(Edit(kind, path, segment, new_source))
    assert not kinds
    return edits


def test_no_finding_on_the_english_translated_from_then_exactly_each_edit(corpus_root, english_root, kbtools, workdir):
    for tree in TREES:
        assert _findings(kbtools, corpus_root / tree, english_root / tree) == []

    edits = _pick_edits(corpus_root, per_kind=4)
    edited_root = workdir / "edited"
    by_path = {edit.path: edit for edit in edits}
    for tree in TREES:
        for path in (corpus_root / tree).rglob("*.md"):
            target = edited_root / tree / path.relative_to(corpus_root / tree)
            target.parent.mkdir(parents=True, exist_ok=True)
            edit = by_path.get(path)
            if edit is None:
                # A symlink out of the English folder is not read: unchanged pages are hard links.
                unchanged = english_root / tree / path.relative_to(corpus_root / tree)
                try:
                    os.link(unchanged, target)
                except OSError:
                    shutil.copyfile(unchanged, target)
                continue
            page = read_page(path)
            segment = page.segments[edit.segment.index]
            original = segment.source.text
            segment.source.text = edit.new_source
            target.write_text(english_text(page), encoding="utf-8")
            segment.source.text = original

    # Each at its segment: a changed or deleted source at that segment, an added sentence at
    # the segment it follows. (The corpus lies outside the working directory: absolute paths.)
    expected = {
        (
            edit.path.as_posix(),
            edit.segment.line,
            edit.segment.column,
            "missing-translation" if edit.kind == "add" else "stale-source",
        )
        for edit in edits
    }

    found = []
    for tree in TREES:
        found += _findings(kbtools, corpus_root / tree, edited_root / tree)
    assert {(f["path"], f["line"], f["column"], f["rule"]) for f in found} == expected
    assert len(found) == len(edits)
    for finding in found:
        edit = next(e for e in edits if e.path.as_posix() == finding["path"])
        if edit.kind == "change":
            assert "{+zorblaxed" in finding["message"]
            assert finding["segment"] == edit.segment.id
        elif edit.kind == "delete":
            assert "removed" in finding["message"]
            assert finding["segment"] == edit.segment.id
        else:
            assert '"Quibbling frobnicators were added to this page."' in finding["message"]
