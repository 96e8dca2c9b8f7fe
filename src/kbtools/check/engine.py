"""Run the rules over files: discovery, one page at a time, on every core for large inputs.

Files stream through workers one by one (nothing but findings is kept), so memory stays flat
however many pages are checked.
"""

from __future__ import annotations

import gc
import os
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kbtools.check.finding import Finding, Severity
from kbtools.check.fix import FIXABLE_RULES, attach_fixes
from kbtools.check.registry import CheckOptions, Hit, PageContext, Rule, all_rules, iter_hits
from kbtools.check.suppression import EVERY_RULE, directives
from kbtools.page.files import discover_pages
from kbtools.page.model import Page
from kbtools.page.reader import parse_bytes

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this many files the process pool costs more than it saves.
PARALLEL_MIN_FILES = 64
PARALLEL_CHUNK = 16


@dataclass(frozen=True)
class RuleSelection:
    """Which rules run and at what severity."""

    enabled: tuple[str, ...]
    severities: dict[str, Severity] = field(default_factory=dict)

    @classmethod
    def default(cls) -> RuleSelection:
        return cls(tuple(all_rules()))


@dataclass(frozen=True)
class CheckSettings:
    selection: RuleSelection
    options: CheckOptions = CheckOptions()


@dataclass(slots=True)
class FileResult:
    """What checking one file produced."""

    path: str
    segments: int
    findings: list[Finding]
    plain: bool = False  # plain Markdown, not an sxs page: no rule ran on it
    english: bool = False  # the page has an English page to compare with (`--english`)


@dataclass
class PathError:
    """A path given on the command line that could not be used."""

    path: str
    message: str


def discover(paths: Sequence[str | Path]) -> tuple[list[Path], list[PathError]]:
    """The pages under `paths`, sorted, each once, and every path left out (`kbtools.page.files`)."""
    found = discover_pages(paths)
    return found.files, [PathError(str(problem.path), problem.message) for problem in found.problems]


def _suppressions(page: Page) -> tuple[set[str], dict[int, set[str]]]:
    """Rules ignored for the whole file, and rules ignored per segment index.

    `<!-- kbtools: ignore RULE, RULE -->` applies to the next segment after the comment;
    `<!-- kbtools: ignore-file RULE -->` to the whole file. No rule names means every rule.
    """
    whole_file: set[str] = set()
    per_segment: dict[int, set[str]] = {}
    found = [d for d in directives(page) if d.scope is not None]
    if not found:
        return whole_file, per_segment
    starts = [s.anchor.tag_start for s in page.segments]
    for directive in found:
        if directive.scope == "ignore-file":
            whole_file |= directive.rules
            continue
        index = bisect_left(starts, directive.comment.end)
        if index < len(starts):
            per_segment.setdefault(page.segments[index].index, set()).update(directive.rules)
    return whole_file, per_segment


def check_page(page: Page, settings: CheckSettings, display_path: str) -> list[Finding]:
    """Run the selected rules on one page."""
    registry = all_rules()
    context = PageContext(page, settings.options)
    severities = settings.selection.severities
    findings: list[Finding] = []
    rules = [registry[rule_id] for rule_id in settings.selection.enabled]
    has_text = page.text is not None

    def finding(rule: Rule, hit: Hit) -> Finding:
        segment = hit.segment
        if segment is not None:
            line, column, ident = segment.line, segment.column, segment.id
        else:
            line, column, ident = hit.line or 1, hit.column or 1, None
        return Finding(display_path, line, column, ident, rule.id, severities.get(rule.id, rule.severity), hit.message)

    segment_rules = [r for r in rules if r.scope == "segment"] if has_text else []
    for rule in rules:
        if rule.scope != "page" or (rule.needs_text and not has_text):
            continue
        findings.extend(finding(rule, hit) for hit in rule.check(context))
    if segment_rules:
        paired_checks = [(r, r.check) for r in segment_rules]
        unpaired_checks = [(r, r.check) for r in segment_rules if not r.needs_pair]
        for segment in page.segments:
            paired = segment.target is not None and segment.source is not None
            for rule, check in paired_checks if paired else unpaired_checks:
                result = check(segment, context)
                if result is not None:
                    findings.extend(finding(rule, Hit(message, segment)) for message in iter_hits(result))
    if page.comments:
        whole_file, per_segment = _suppressions(page)
        if whole_file or per_segment:
            by_id = {s.id: s.index for s in page.segments}
            kept = []
            for item in findings:
                ignored = set(whole_file)
                if item.segment is not None and by_id.get(item.segment) in per_segment:
                    ignored |= per_segment[by_id[item.segment]]
                if EVERY_RULE in ignored or item.rule in ignored:
                    continue
                kept.append(item)
            findings = kept
    if has_text and any(f.rule in FIXABLE_RULES for f in findings):
        findings = attach_fixes(page, context, findings)
    findings.sort(key=lambda f: f.sort_key)
    return findings


def check_file(path: Path, settings: CheckSettings, display_path: str | None = None) -> FileResult:
    """Read and check one file; an unreadable file becomes a finding, never an exception."""
    shown = display_path if display_path is not None else str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        page = Page(path=path, text=None, read_error=error.strerror or str(error))
    else:
        page = parse_bytes(data, path)
    if page.is_plain_markdown:
        return FileResult(shown, 0, [], plain=True)
    english = settings.options.english
    counterpart = english.counterpart(page.path, page.locale) if english is not None else None
    compared = counterpart is not None and counterpart.exists
    return FileResult(shown, len(page.segments), check_page(page, settings, shown), english=compared)


def _check_chunk(args: tuple[list[tuple[str, str]], CheckSettings]) -> list[FileResult]:
    items, settings = args
    return [check_file(Path(path), settings, shown) for path, shown in items]


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def workers_for(items: int, jobs: int | None) -> int:
    """How many worker processes `items` pages get: 1 (no pool) when the pool would cost more."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    return 1 if workers <= 1 or items < PARALLEL_MIN_FILES else workers


def _thread_count() -> int:
    """The threads of this process, those a C library started included: Linux lists each under
    /proc/self/task, the count Python's own warning reads. Elsewhere, the threads Python knows."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _start_method() -> BaseContext:
    """Fork while this process has one thread: workers then share the loaded rules and tables
    without importing them again. A process with other threads (a server, a test runner's
    helpers) forks nothing: a forked child could inherit a lock another thread holds, and Python
    3.12+ warns of it. Its workers start from a fresh interpreter instead (forkserver)."""
    import multiprocessing

    if _thread_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


Item = TypeVar("Item")
Result = TypeVar("Result")


def map_in_workers(
    function: Callable[[tuple[list[Item], CheckSettings]], list[Result]],
    items: list[Item],
    settings: CheckSettings,
    workers: int,
) -> Iterator[Result]:
    """`function` over chunks of `items` in `workers` processes; results in the order of `items`."""
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers share the parent's heap copy-on-write; a garbage collection in a worker
    # would touch (and so copy) every object the parent holds. Freezing keeps them shared.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_start_method()) as pool:
            tasks = ((chunk, settings) for chunk in _chunks(items, PARALLEL_CHUNK))
            for results in pool.map(function, tasks):
                yield from results
    finally:
        gc.unfreeze()


def check_files(
    files: Iterable[Path], settings: CheckSettings, jobs: int | None = None, base: Path | None = None
) -> Iterator[FileResult]:
    """Check files in order, in parallel when there are many. Yields one result per file."""
    base = base or Path.cwd()
    items = [(str(path), _display(path, base)) for path in files]
    workers = workers_for(len(items), jobs)
    if workers == 1:
        for path, shown in items:
            yield check_file(Path(path), settings, shown)
        return
    yield from map_in_workers(_check_chunk, items, settings, workers)


def _display(path: Path, base: Path) -> str:
    """Paths in findings are relative to the working directory when under it, with '/'."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()
