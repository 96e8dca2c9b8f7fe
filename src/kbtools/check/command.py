"""`kbtools check` and `kbtools rules`.

Exit codes mean one thing each: 0 no finding of error severity, 1 at least one, 2 the check
could not run as asked (bad option, configuration, baseline, a path not found, output not
writable). A path not found is reported and the other paths are still checked.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from kbtools.check.config import Config
    from kbtools.check.engine import CheckSettings

from kbtools.check.formats import FORMAT_MODULES

if TYPE_CHECKING:
    from kbtools.freshness.tree import EnglishTree

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A problem the user can fix: printed as one line, exit 2."""


def _error(message: str) -> None:
    print(f"kbtools: error: {message}", file=sys.stderr)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return jobs


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this job's subcommands to the `kbtools` parser."""
    check = subparsers.add_parser(
        "check",
        help="lint side-by-side pages (exit 1 on errors)",
        description="Check side-by-side localized pages. Exit 0: no errors; 1: errors found; 2: usage or I/O error.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    check.add_argument(
        "--format",
        default="text",
        choices=list(FORMAT_MODULES),
        help="report format: concise (alias text, the default) or full (grouped by file) for people; json, github, sarif, junit for tools",
    )
    check.add_argument("--output", "-o", metavar="FILE", type=Path, help="write the report to FILE")
    check.add_argument("--select", metavar="RULES", help="comma-separated rule ids or families to run")
    check.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids or families to skip")
    check.add_argument("--locale", metavar="LOCALE", help="expected ms.contentlocale, e.g. zh-TW")
    check.add_argument(
        "--english", metavar="EN_DIR", type=Path, help="compare with the current English pages at the same paths"
    )
    check.add_argument("--config", metavar="FILE", type=Path, help="read [tool.kbtools] from FILE")
    check.add_argument("--baseline", metavar="FILE", type=Path, help="report only findings not in this baseline")
    check.add_argument("--write-baseline", metavar="FILE", type=Path, help="record the current findings and exit 0")
    check.add_argument("--jobs", "-j", metavar="N", type=_jobs, help="worker processes (default: all cores)")
    check.add_argument("--quiet", "-q", action="store_true", help="findings only, no summary line")
    check.add_argument("--statistics", action="store_true", help="count findings per rule, then the patterns repeated most (text format)")
    check.add_argument(
        "--allow-no-pages",
        action="store_true",
        help="exit 0 when no side-by-side page is found (default: exit 2, so that a wrong path cannot pass)",
    )
    check.add_argument("--no-progress", action="store_true", help="no progress line on a terminal")
    check.set_defaults(func=run_check)

    rules = subparsers.add_parser(
        "rules",
        help="list the rules, or explain one",
        description="List every rule, or explain one: what it does, why it matters, an example.",
    )
    rules.add_argument("rule", nargs="?", metavar="RULE", help="a rule id, or a family to list its rules")
    rules.add_argument("--format", default="text", choices=("text", "json", "markdown"), help="output format (default: text)")
    rules.set_defaults(func=run_rules)


def run_rules(args: argparse.Namespace) -> int:
    from kbtools.check.formats.rule_docs import render, render_one
    from kbtools.check.registry import all_rules

    rules = all_rules()
    if args.rule is None:
        sys.stdout.write(render(rules, args.format))
        return EXIT_CLEAN
    rule = rules.get(args.rule)
    if rule is None:
        family = {rule_id: r for rule_id, r in rules.items() if r.family == args.rule}
        if family:
            sys.stdout.write(render(family, args.format))
            return EXIT_CLEAN
        _error(f"unknown rule '{args.rule}' (run `kbtools rules` for the list)")
        return EXIT_USAGE
    sys.stdout.write(render_one(rule, args.format))
    return EXIT_CLEAN


@dataclass
class _Plan:
    config: Config
    settings: CheckSettings


def _plan(args: argparse.Namespace) -> _Plan:
    """Configuration, rule selection and options, with the command line over the file."""
    from kbtools.check.config import (
        Config,
        ConfigError,
        Layer,
        SelectorError,
        expand,
        find_config,
        load_config,
        resolve_selection,
        split_names,
    )
    from kbtools.check.engine import CheckSettings
    from kbtools.check.registry import CheckOptions

    try:
        config_path = args.config if args.config is not None else find_config(Path.cwd())
        if args.config is not None and not args.config.is_file():
            raise ConfigError(f"{args.config}: configuration file not found")
        config = load_config(config_path) if config_path is not None else Config()
    except ConfigError as error:
        raise UsageError(str(error)) from None
    layers = [Layer(config.select, config.ignore)]
    cli = Layer(
        split_names(args.select) if args.select is not None else None,
        split_names(args.ignore) if args.ignore is not None else (),
    )
    for option, names in (("--select", cli.select or ()), ("--ignore", cli.ignore)):
        try:
            expand(names)
        except SelectorError as error:
            raise UsageError(f"{option}: {error}") from None
    selection = resolve_selection([*layers, cli], config.severity)
    locale = args.locale if args.locale is not None else config.locale
    return _Plan(config, CheckSettings(selection, CheckOptions(locale=locale, english=_english(args, config))))


def _english(args: argparse.Namespace, config: Config) -> EnglishTree | None:
    """The current English pages to compare with (`--english` over `english` in the file)."""
    root = args.english if args.english is not None else config.english
    if root is None:
        return None
    if not root.is_dir():
        where = "--english" if args.english is not None else f"{config.path}: [tool.kbtools] english"
        raise UsageError(f"{where}: {root}: no such directory of English pages")
    from kbtools.freshness.tree import EnglishTree

    return EnglishTree.for_paths(root, args.paths or ["."])


def run_check(args: argparse.Namespace) -> int:
    try:
        return _run_check(args)
    except UsageError as error:
        _error(str(error))
        return EXIT_USAGE


def _run_check(args: argparse.Namespace) -> int:
    from kbtools.check.baseline import BaselineError, load_baseline, write_baseline
    from kbtools.check.engine import check_files, discover
    from kbtools.check.formats import Report, format_module
    from kbtools.check.formats.text import plural
    from kbtools.check.registry import all_rules

    if args.statistics and FORMAT_MODULES[args.format] != "text":
        raise UsageError("--statistics works with the text formats only")
    plan = _plan(args)
    baseline = None
    if args.baseline is not None:
        try:
            baseline = load_baseline(args.baseline)
        except BaselineError as error:
            raise UsageError(str(error)) from None

    files, path_errors = discover(args.paths or ["."])
    for problem in path_errors:
        _error(f"{problem.path}: {problem.message}")
    config = plan.config
    if config.exclude:
        files = [path for path in files if not config.is_excluded(path)]

    writer = format_module(args.format)
    streaming = hasattr(writer, "write_file") and args.write_baseline is None
    report = Report(
        paths=[],
        segments=0,
        findings=[],
        rules=all_rules(),
        quiet=args.quiet,
        statistics=args.statistics,
        grouped=args.format == "full",
    )
    sxs_pages = broken = 0
    progress = _Progress(len(files)) if _shows_progress(args) else None
    with _Output(args.output) as stream:
        for path, result in zip(files, check_files(files, plan.settings, jobs=args.jobs), strict=True):
            report.paths.append(result.path)
            report.segments += result.segments
            sxs_pages += result.segments > 0
            findings = result.findings
            if config.per_file_ignores:
                ignored = config.ignored_rules(path)
                findings = [f for f in findings if f.rule not in ignored]
            broken += any(f.rule in _FILE_RULES for f in findings)
            if baseline is not None:
                findings, known = baseline.split(findings)
                report.baselined += known
            report.count(findings)
            if streaming:
                writer.write_file(report, findings, stream)
            else:
                report.findings.extend(findings)
            if progress is not None:
                progress.update(len(report.paths))
        if progress is not None:
            progress.clear()
        empty = not sxs_pages and not broken and not args.allow_no_pages
        if args.write_baseline is None and not (empty and not report.by_rule):
            if path_errors or empty:
                report.quiet = True  # no summary that reads like a success
            writer.write(report, stream)
    if args.write_baseline is not None:
        try:
            count = write_baseline(args.write_baseline, report.findings)
        except BaselineError as error:
            raise UsageError(str(error)) from None
        if not args.quiet:
            print(
                f"Wrote {plural(count, 'finding')} in {plural(len(report.paths), 'file')} to {args.write_baseline}.",
                file=sys.stderr,
            )
    if path_errors:
        return EXIT_USAGE
    if empty:
        where = ", ".join(str(p) for p in args.paths) or "."
        _error(
            f"no side-by-side page found in {where} ({plural(report.files, 'Markdown file')}, none with "
            "data-ttu-id spans); pass --allow-no-pages to accept that"
        )
        return EXIT_USAGE
    if args.write_baseline is not None:
        return EXIT_CLEAN
    return EXIT_FINDINGS if report.errors else EXIT_CLEAN


# Findings that say a file could not be read as a page at all: such a file is not "no page".
_FILE_RULES = frozenset({"encoding", "unreadable-file"})


def _shows_progress(args: argparse.Namespace) -> bool:
    return not args.no_progress and not args.quiet and sys.stderr.isatty()


class _Progress:
    """`Checked 1,234 of 6,880 files` on stderr, from one second into the run, then cleared."""

    DELAY = 1.0
    INTERVAL = 0.2

    def __init__(self, total: int, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.clock = clock
        self.start = clock()
        self.shown_at = 0.0
        self.width = 0

    def update(self, done: int) -> None:
        now = self.clock()
        if now - self.start < self.DELAY or now - self.shown_at < self.INTERVAL:
            return
        self.shown_at = now
        text = f"Checked {done:,} of {self.total:,} files"
        self.width = max(self.width, len(text))
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


class _Output:
    """The report's stream: stdout, or FILE written via a temporary file, so that a failed run
    never leaves half a report behind."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.temporary: Path | None = None
        self.stream: TextIO = sys.stdout

    def __enter__(self) -> TextIO:
        if self.path is not None:
            self.temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            try:
                self.stream = self.temporary.open("w", encoding="utf-8", newline="\n")
            except OSError as error:
                raise UsageError(f"{self.path}: cannot write report: {error.strerror or error}") from None
        return self.stream

    def __exit__(self, kind, error, traceback) -> None:
        if self.path is None:
            self.stream.flush()
            return
        assert self.temporary is not None
        try:
            self.stream.close()
            if kind is None:
                os.replace(self.temporary, self.path)
        except OSError as failure:
            raise UsageError(f"{self.path}: cannot write report: {failure.strerror or failure}") from None
        finally:
            self.temporary.unlink(missing_ok=True)
