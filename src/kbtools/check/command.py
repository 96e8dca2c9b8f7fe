"""`kbtools check` and `kbtools rules`.

Exit codes mean one thing each: 0 no finding of error severity, 1 at least one, 2 the check
could not run as asked (bad option, configuration, baseline, a path not found, output not
writable). A path not found is reported and the other paths are still checked.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kbtools.check.baseline import BaselineError, load_baseline, write_baseline
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
from kbtools.check.engine import CheckSettings, check_files, discover
from kbtools.check.finding import Finding
from kbtools.check.formats import FORMATS, Report
from kbtools.check.formats.rule_docs import RULE_FORMATS, render, render_one
from kbtools.check.formats.text import plural
from kbtools.check.registry import CheckOptions, all_rules

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
    check.add_argument("--format", default="text", choices=sorted(FORMATS), help="report format (default: text)")
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
    check.add_argument("--statistics", action="store_true", help="count findings per rule (text format)")
    check.set_defaults(func=run_check)

    rules = subparsers.add_parser(
        "rules",
        help="list the rules, or explain one",
        description="List every rule, or explain one: what it does, why it matters, an example.",
    )
    rules.add_argument("rule", nargs="?", metavar="RULE", help="a rule id, or a family to list its rules")
    rules.add_argument("--format", default="text", choices=RULE_FORMATS, help="output format (default: text)")
    rules.set_defaults(func=run_rules)


def run_rules(args: argparse.Namespace) -> int:
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
    if args.statistics and args.format != "text":
        raise UsageError("--statistics works with --format text only")
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

    paths: list[str] = []
    segments = 0
    findings: list[Finding] = []
    for path, result in zip(files, check_files(files, plan.settings, jobs=args.jobs), strict=True):
        paths.append(result.path)
        segments += result.segments
        ignored = config.ignored_rules(path) if config.per_file_ignores else frozenset()
        findings.extend(f for f in result.findings if f.rule not in ignored)

    if args.write_baseline is not None:
        try:
            count = write_baseline(args.write_baseline, findings)
        except BaselineError as error:
            raise UsageError(str(error)) from None
        if not args.quiet:
            print(
                f"Wrote {plural(count, 'finding')} in {plural(len(paths), 'file')} to {args.write_baseline}.",
                file=sys.stderr,
            )
        return EXIT_USAGE if path_errors else EXIT_CLEAN

    baselined = 0
    if baseline is not None:
        findings, baselined = baseline.split(findings)
    report = Report(
        paths=paths,
        segments=segments,
        findings=findings,
        rules=all_rules(),
        baselined=baselined,
        quiet=args.quiet,
        statistics=args.statistics,
    )
    _emit(report, args.format, args.output)
    if path_errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if report.errors else EXIT_CLEAN


def _emit(report: Report, fmt: str, output: Path | None) -> None:
    writer = FORMATS[fmt]
    if output is None:
        writer(report, sys.stdout)
        sys.stdout.flush()
        return
    buffer = io.StringIO()
    writer(report, buffer)
    try:
        _write_text(output, buffer.getvalue())
    except OSError as error:
        raise UsageError(f"{output}: cannot write report: {error.strerror or error}") from None


def _write_text(path: Path, text: str) -> None:
    """Write via a temporary file, so a failed run never leaves half a report behind."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
