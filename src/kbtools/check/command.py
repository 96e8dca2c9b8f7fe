"""`kbtools check` and `kbtools rules`.

Exit codes mean one thing each: 0 no finding of error severity, 1 at least one, 2 the check
could not run as asked (bad option, configuration, baseline, a path not found, output not
writable). A path not found is reported and the other paths are still checked.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from kbtools.check.config import Config
    from kbtools.check.engine import CheckSettings

from kbtools.check.formats import FORMAT_MODULES
from kbtools.page.printable import printable
from kbtools.usage import EXIT_USAGE, HELP_FORMATTER, UsageError, examples, hidden_alias, print_error, print_note

if TYPE_CHECKING:
    from kbtools.freshness.tree import EnglishTree

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_USAGE", "UsageError", "register", "run_check", "run_rules"]


def _error(message: str) -> None:
    print_error("check", message)


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
        description="Check side-by-side localized pages. Exit 0: no errors; 1: errors found; 2: usage or I/O error, "
        "or nothing checked.",
        formatter_class=HELP_FORMATTER,
        epilog=examples(
            "kbtools check translations/",
            "kbtools check docs/ --format github --baseline .kbtools-baseline.json",
            "kbtools check docs/ --format sarif --output kbtools.sarif",
            "kbtools check translations/ --english ../win32/desktop-src --select freshness",
        ),
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or directories (default: $KBTOOLS_SOURCE, else translations/)"
    )
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
    check.add_argument(
        "--statistics",
        action="store_true",
        help="count findings per rule, then the patterns repeated most (text format)",
    )
    check.add_argument(
        "--allow-empty",
        action="store_true",
        help="exit 0 when nothing was checked: no side-by-side page found, or no page paired with an English page "
        "by --english (default: exit 2, so that a wrong path cannot pass)",
    )
    hidden_alias(check, "--allow-no-pages", dest="allow_empty", action="store_true")
    check.add_argument("--no-progress", action="store_true", help="no progress line on a terminal")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes in place, then report what remains")
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the safe fixes as a unified diff; write nothing; exit 1 if any would apply",
    )
    check.set_defaults(func=run_check)

    rules = subparsers.add_parser(
        "rules",
        help="list the rules, or explain one",
        description="List every rule, or explain one: what it does, why it matters, an example.",
        formatter_class=HELP_FORMATTER,
        epilog=examples("kbtools rules", "kbtools rules protected-term", "kbtools rules numbers --format markdown"),
    )
    rules.add_argument("rule", nargs="?", metavar="RULE", help="a rule id, or a family to list its rules")
    rules.add_argument(
        "--format", default="text", choices=("text", "json", "markdown"), help="output format (default: text)"
    )
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
        from kbtools.usage import did_you_mean

        known = [*rules, *sorted({r.family for r in rules.values()})]
        print_error(
            "rules", f"unknown rule '{args.rule}'{did_you_mean(args.rule, known)} (run `kbtools rules` for the list)"
        )
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
    locale = _locale(args.locale, "--locale") if args.locale is not None else None
    if locale is None and config.locale is not None:
        locale = _locale(config.locale, f"{config.path}: [tool.kbtools] locale")
    english = _english(args, config)
    if english is None:
        _needs_english([*(config.select or ()), *(cli.select or ())])
    return _Plan(config, CheckSettings(selection, CheckOptions(locale=locale, english=english)))


def _locale(name: str, where: str) -> str:
    """A known locale as given; an unknown one is refused with the close ones."""
    from kbtools.page.locales import KNOWN_LOCALES, known_locale
    from kbtools.usage import did_you_mean

    if known_locale(name) is None:
        hint = did_you_mean(name, KNOWN_LOCALES) or f"; known locales: {', '.join(KNOWN_LOCALES)}"
        raise UsageError(f"{where}: unknown locale '{name}'{hint}")
    return name


def _needs_english(selected: list[str]) -> None:
    """Rules named by `select` that compare with the English cannot run without it: refuse, rather
    than report a clean run of rules that never ran."""
    from kbtools.check.config import expand
    from kbtools.check.registry import all_rules

    rules = all_rules()
    named = {name for name in selected if name != "ALL"}
    freshness = sorted(rule_id for rule_id in expand(named) if rules[rule_id].family == "freshness")
    if freshness:
        raise UsageError(
            f"{', '.join(freshness)} compare{'s' if len(freshness) == 1 else ''} with the current English: "
            "give --english EN_DIR (or english in [tool.kbtools])"
        )


def _english(args: argparse.Namespace, config: Config) -> EnglishTree | None:
    """The current English pages to compare with (`--english` over `english` in the file)."""
    root = args.english if args.english is not None else config.english
    if root is None:
        return None
    if not root.is_dir():
        where = "--english" if args.english is not None else f"{config.path}: [tool.kbtools] english"
        raise UsageError(f"{where}: {root}: no such directory of English pages")
    from kbtools.freshness.tree import EnglishTree

    return EnglishTree.for_paths(root, args.paths)


def _default_source() -> str:
    """What `kbtools check` with no PATH checks: $KBTOOLS_SOURCE, else translations/, as for every command."""
    from kbtools.page.files import SOURCE_VARIABLE, default_source

    source = default_source()
    if not source.exists():
        where = f"${SOURCE_VARIABLE} ({source})" if os.environ.get(SOURCE_VARIABLE) else f"{source}/"
        raise UsageError(f"no PATH given and {where} does not exist: give the files or folders to check")
    return str(source)


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
    if not args.paths:
        args.paths = [_default_source()]
    plan = _plan(args)
    baseline = None
    if args.baseline is not None:
        try:
            baseline = load_baseline(args.baseline)
        except BaselineError as error:
            raise UsageError(str(error)) from None

    files, path_errors = discover(args.paths)
    for problem in path_errors:
        _error(f"{problem.path}: {problem.message}")
    config = plan.config
    if config.exclude:
        files = [path for path in files if not config.is_excluded(path)]

    english = plan.settings.options.english
    inputs = Inputs(
        [*files, *(p for p in (args.baseline, config.path) if p is not None)],
        [english.root] if english is not None else [],
    )
    if args.fix and args.diff:
        raise UsageError("--fix and --diff: choose one (--diff shows what --fix would write)")
    fixing = _fix(args, files, plan, path_errors, inputs) if args.fix or args.diff else None
    if args.diff:
        return fixing  # type: ignore[return-value]

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
    sxs_pages = broken = compared = 0
    plain: list[str] = []
    progress = _Progress(len(files)) if _shows_progress(args) else None
    with _output(args.output, inputs) as stream:
        for path, result in zip(files, check_files(files, plan.settings, jobs=args.jobs), strict=True):
            if progress is not None:
                progress.update(len(report.paths) + len(plain) + 1)
            if result.plain:
                plain.append(result.path)
                continue
            report.paths.append(result.path)
            report.segments += result.segments
            sxs_pages += result.segments > 0
            compared += result.english
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
            progress.clear()
        empty = not sxs_pages and not broken and not args.allow_empty
        unpaired = english is not None and sxs_pages > 0 and not compared and not args.allow_empty
        if args.write_baseline is None and not (empty and not report.by_rule):
            if path_errors or empty or unpaired:
                report.quiet = True  # no summary that reads like a success
            writer.write(report, stream)
    if plain and not empty:
        shown = ", ".join(plain[:3]) + (f" and {len(plain) - 3} more" if len(plain) > 3 else "")
        print_note("check", f"{plural(len(plain), 'Markdown file')} without side-by-side segments not checked: {shown}")
    if english is not None and not args.quiet and not unpaired:
        print_note(
            "check",
            f"compared {compared} of {plural(sxs_pages, 'side-by-side page')} with the English in {english.root}",
        )
    if args.write_baseline is not None:
        try:
            count = write_baseline(args.write_baseline, report.findings, inputs=inputs.files, read_only=inputs.folders)
        except BaselineError as error:
            raise UsageError(str(error)) from None
        if not args.quiet:
            print(
                f"Wrote {plural(count, 'finding')} in {plural(len(report.paths), 'file')} to {printable(args.write_baseline)}.",
                file=sys.stderr,
            )
    if fixing is not None:
        remaining = report.errors + report.warnings
        print(
            f"Fixed {plural(fixing.fixed, 'finding')} in {plural(fixing.pages, 'file')} ({remaining} remaining).",
            file=sys.stderr,
        )
    if path_errors:
        return EXIT_USAGE
    if empty:
        where = ", ".join(str(p) for p in args.paths)
        found = plural(report.files + len(plain), "Markdown file")
        _error(
            f"no side-by-side page found in {where} ({found}, none with data-ttu-id spans); "
            "pass --allow-empty to accept that"
        )
        return EXIT_USAGE
    if unpaired:
        _error(
            f"--english {args.english if args.english is not None else english.root}: no English page at the path of any of the {plural(sxs_pages, 'page')} checked "
            f"with or without a locale folder (first looked for {_looked_for(english, files)}); give the English "
            "folder that matches PATH, "
            "or pass --allow-empty to accept that"
        )
        return EXIT_USAGE
    if args.write_baseline is not None:
        return EXIT_CLEAN
    return EXIT_FINDINGS if report.errors else EXIT_CLEAN


def _looked_for(english: EnglishTree, files: list[Path]) -> str:
    """Where the English page of the first page checked would be, for the message."""
    first = files[0]
    absolute = Path(os.path.abspath(first))
    for base in english.bases:
        if absolute.is_relative_to(base):
            return str(english.root / absolute.relative_to(base))
    return f"{english.root}/.../{first.name}"


def _fix(args: argparse.Namespace, files: list[Path], plan: _Plan, path_errors: list, inputs: Inputs):
    """`--fix` (write, then the check reports what remains) or `--diff` (print, write nothing)."""
    from kbtools.check.fix import run_fixes
    from kbtools.check.formats.text import plural
    from kbtools.page.edit import unified_diff

    config = plan.config
    ignored = config.ignored_rules if config.per_file_ignores else (lambda path: frozenset())
    run = run_fixes(files, plan.settings, ignored, write=args.fix, jobs=args.jobs)
    for message in run.errors:
        _error(message)
    for outcome in run.outcomes:
        for message in outcome.refused:
            print(f"kbtools: fix not applied: {message}", file=sys.stderr)
    if not args.diff:
        return run
    with _output(args.output, inputs) as stream:
        for outcome in run.outcomes:
            if outcome.changed:
                stream.write(unified_diff(outcome.display, outcome.before, outcome.after))
    remaining = sum(o.remaining for o in run.outcomes)
    print(
        f"{run.fixed} {'fix' if run.fixed == 1 else 'fixes'} would apply to {plural(run.pages, 'file')} ({remaining} findings would remain).",
        file=sys.stderr,
    )
    if path_errors or run.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if run.fixed else EXIT_CLEAN


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


@contextlib.contextmanager
def _output(path: Path | None, inputs: Inputs) -> Iterator[TextIO]:
    """The report's stream: stdout, or FILE replaced whole when the run ends (`page.output_file`),
    so that a failed run never leaves half a report behind."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    from kbtools.page.output_file import OutputFileError, replace_text_file

    try:
        with replace_text_file(path, inputs=inputs.files, read_only=inputs.folders, what="report") as stream:
            yield stream
    except OutputFileError as error:
        raise UsageError(str(error)) from None


@dataclass
class Inputs:
    """What a run reads, which its outputs must never replace."""

    files: list[Path]
    folders: list[Path]
