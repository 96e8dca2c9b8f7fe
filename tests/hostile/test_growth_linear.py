"""Inputs a hostile contributor can commit that used to take time or memory growing with the
square of their size (or worse). Each test gives an input far past where the old code ran for
many minutes and checks the answer; the figures are in benchmarks/bench_growth.py.

Commands run in a child process under a CPU-time limit (`CPU_SECONDS`): the limit is no speed
target, it only stops a run that would not end, tens of times what the linear code needs.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from kbtools.kb.lifetime import read_lifetime
from kbtools.kb.record import PropertyRecord
from kbtools.page.model import LineIndex, Segment, Span
from kbtools.site.plugin import navigation

CPU_SECONDS = 120
# What one navigation section may list (the plugin's NAV_SECTION_LIMIT): the real categories
# have at most 91 pages.
MOST_NAV_ENTRIES = 100
ONE_SEGMENT = '<span data-ttu-id="1-1">甲。</span><span class="sxs-lookup"><span data-stu-id="1-1">A.</span></span>\n'
PAGE = "---\ntitle: 頁\nms.contentlocale: zh-TW\n---\n\n" + ONE_SEGMENT


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run_limited(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kbtools", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        preexec_fn=_limited,
        timeout=CPU_SECONDS * 3,
        check=False,
    )


def test_front_matter_with_300000_keys_is_checked_and_its_last_key_located(tmp_path):
    # 300,000 keys (6.6 MB); the old code counted lines from the top for every key.
    keys = "".join(f"key{n}: value {n}\n" for n in range(300_000))
    text = f"---\ntitle: 頁\nms.contentlocale: zh-TW\n{keys}Description: 最後\n---\n\n{ONE_SEGMENT}"
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    done = run_limited("check", "--format", "json", "page.md", cwd=tmp_path)
    assert done.returncode == 1, done.stderr[-500:]
    (finding,) = json.loads(done.stdout)["findings"]
    assert (finding["line"], finding["message"]) == (300_004, "front matter key 'Description' should be 'description'")


def test_an_exclude_glob_with_many_stars_ends_on_a_long_name(tmp_path):
    # Seven `*a` and no `b` in the name: a backtracking matcher tries every placement.
    (tmp_path / "pyproject.toml").write_text('[tool.kbtools]\nexclude = ["*a*a*a*a*a*a*a*b", "a*"]\n', encoding="utf-8")
    (tmp_path / ("a" * 200 + ".md")).write_text(PAGE, encoding="utf-8")
    (tmp_path / "kept.md").write_text(PAGE.replace("甲。", "<script>alert(1)</script>"), encoding="utf-8")
    done = run_limited("check", "--format", "json", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr[-500:]
    report = json.loads(done.stdout)
    assert report["summary"]["files"] == 1  # the long name is excluded by `a*`, kept.md is checked
    assert {f["path"] for f in report["findings"]} == {"kept.md"}


class CountedId(str):
    """A segment id that counts how often it is compared, to see how the evidence is kept."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        CountedId.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def _fact_segment(number: int, lines: LineIndex) -> Segment:
    ident = CountedId(f"1-{number}")
    source = "The installer sets the **GROWTH** property."
    return Segment(
        Span(ident, "target", "安裝程式會設定 **GROWTH** 屬性。", 0, 1, 0, lines),
        Span(ident, "source", source, 0, 1, 0, lines),
        number,
    )


def test_one_lifetime_fact_in_every_segment_is_read_in_one_pass():
    lines = LineIndex("")
    segments = [_fact_segment(n, lines) for n in range(3000)]
    shape = SimpleNamespace(lead=SimpleNamespace(segments=segments), sections=[])
    CountedId.comparisons = 0
    lifetime = read_lifetime(shape, "GROWTH")  # type: ignore[arg-type]
    assert lifetime.set_by == ["installer"]
    assert lifetime.evidence["set_by:installer"] == [f"1-{n}" for n in range(3000)]
    # Keeping the evidence in a list scanned per sentence made 4.5 million comparisons here.
    assert CountedId.comparisons < 10 * len(segments)


def _records_in_one_category(source: Path, count: int) -> list[PropertyRecord]:
    from kbtools.kb import build_knowledge_base

    real = build_knowledge_base(source).properties
    title = {"en-US": "Growth Properties", "zh-TW": "成長屬性"}
    return [
        real[n % len(real)].model_copy(
            update={"name": f"P{n:05d}", "slug": f"p{n:05d}", "category": "Growth", "category_title": title}
        )
        for n in range(count)
    ]


def _entries(section: object) -> list[object]:
    return list(section.values())[0] if isinstance(section, dict) else []  # type: ignore[union-attr]


def test_a_category_of_2000_pages_gives_no_navigation_section_past_the_limit(sample_dir):
    # Every page carries the open branch of the navigation: 2,000 entries in each of 2,000 pages
    # made the site grow as the square of the category.
    records = _records_in_one_category(sample_dir, 2000)
    nav = navigation(records)
    by_category = _entries(nav[1])
    (growth,) = [entry for entry in by_category if isinstance(entry, dict)]
    listed: list[str] = []

    def walk(entries: list[object]) -> None:
        assert len(entries) <= MOST_NAV_ENTRIES
        for entry in entries:
            if isinstance(entry, str):
                listed.append(entry)
            else:
                walk(_entries(entry))

    walk(_entries(growth))
    assert sorted(listed) == sorted(f"properties/p{n:05d}.md" for n in range(2000))
