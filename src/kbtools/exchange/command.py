"""`kbtools export` and `kbtools import`.

Exit codes, as for `check`: 0 done with nothing left to do, 1 done with conflicts (import) or
errors left in the pages imported into, 2 could not run as asked (bad option, unreadable file,
an output that would overwrite an input or go through a symlink).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kbtools.usage import HELP_FORMATTER, examples, print_error

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXPORT_FORMATS = ("xliff", "po", "tmx")


def _error(command: str, message: str) -> None:
    print_error(command, message)


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export",
        help="export segments for translators (XLIFF 2.0, PO, TMX)",
        description="Export the segments of side-by-side pages for a translation tool.",
        formatter_class=HELP_FORMATTER,
        epilog=examples(
            "kbtools export translations/ --format xliff --segments findings --output review.xlf",
            "kbtools export translations/ --format po --segments stale --english EN_DOCS --output stale.po",
            "kbtools export translations/ --format tmx --segments all --output memory.tmx",
        ),
    )
    export.add_argument("path", metavar="PATH", type=Path, help="a page or a folder of pages")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="xliff (2.0), po or tmx")
    export.add_argument(
        "--segments",
        default="all",
        choices=("all", "findings", "stale"),
        help="every segment, those with findings, or those whose English changed (needs --english); default all",
    )
    export.add_argument("--english", metavar="EN_DIR", type=Path, help="the current English pages at the same paths")
    export.add_argument("--output", "-o", metavar="FILE", type=Path, required=True, help="the file to write")
    export.set_defaults(func=run_export)

    imports = subparsers.add_parser(
        "import",
        help="write translations from XLIFF or PO back into the pages",
        description="Write translations from an XLIFF 2.0 or PO file back into the target spans of the pages.",
        formatter_class=HELP_FORMATTER,
        epilog=examples(
            "kbtools import review.xlf --into translations/ --dry-run",
            "kbtools import review.xlf --into translations/",
        ),
    )
    imports.add_argument("file", metavar="FILE", type=Path, help="an XLIFF 2.0 (.xlf) or PO (.po) file")
    imports.add_argument("--into", metavar="PATH", type=Path, required=True, help="the folder (or page) exported")
    imports.add_argument(
        "--dry-run", action="store_true", help="show what would change (a unified diff); write nothing"
    )
    imports.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    from kbtools.exchange import po, tmx, xliff
    from kbtools.exchange.units import gather, target_language
    from kbtools.page.writing import WriteRefused, check_destination, writing_atomically

    started = time.monotonic()
    if not args.path.exists():
        _error("export", f"{args.path}: no such file or directory")
        return EXIT_USAGE
    if args.segments == "stale" and args.english is None:
        _error("export", "--segments stale needs --english EN_DIR (the current English pages)")
        return EXIT_USAGE
    if args.english is not None and not args.english.is_dir():
        _error("export", f"--english: {args.english}: no such directory of English pages")
        return EXIT_USAGE
    try:
        check_destination(args.output)
    except WriteRefused as error:
        _error("export", str(error))
        return EXIT_USAGE
    gathered = gather(args.path, args.segments, args.english)
    for problem in gathered.problems:
        _error("export", problem)
    with gathered.pages as pages:
        language = target_language(pages)
        units = pages.units
        if args.format == "xliff" and language is None and pages.pages:
            locales = sorted(pages.locales | ({"none"} if pages.without_locale else set()))
            _error(
                "export",
                f"XLIFF holds one target language; the pages have {', '.join(locales)}: export one locale at a time",
            )
            return EXIT_USAGE
        try:
            with writing_atomically(args.output, inputs=gathered.files) as stream:
                if args.format == "xliff":
                    xliff.write(pages, language or "und", stream)
                elif args.format == "po":
                    po.write(pages, language, stream)
                else:
                    units = tmx.write(pages, stream)
        except WriteRefused as error:
            _error("export", str(error))
            return EXIT_USAGE
        exported_pages = pages.pages
    what = "translation units with no finding" if args.format == "tmx" else f"segments ({args.segments})"
    print(
        f"Exported {units} {what} from {exported_pages} of {len(gathered.files)} pages to {args.output} "
        f"in {time.monotonic() - started:.1f} s.",
        file=sys.stderr,
    )
    return EXIT_USAGE if gathered.problems else EXIT_CLEAN


def run_import(args: argparse.Namespace) -> int:
    from kbtools.check.engine import CheckSettings, RuleSelection, check_page
    from kbtools.check.formats.text import plural
    from kbtools.exchange.importing import apply_changes, plan_import, read_units
    from kbtools.exchange.xliff import ReadError
    from kbtools.page.edit import unified_diff
    from kbtools.page.reader import parse_bytes

    started = time.monotonic()
    if not args.into.exists():
        _error("import", f"--into: {args.into}: no such file or directory")
        return EXIT_USAGE
    try:
        units, problems = read_units(args.file)
    except ReadError as error:
        _error("import", str(error))
        return EXIT_USAGE
    for problem in problems:
        _error("import", problem)
    result = plan_import(units, args.into)
    for conflict in result.conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    if args.dry_run:
        for change in result.changes:
            sys.stdout.write(unified_diff(change.name, change.before, change.after))
    else:
        failures = apply_changes(result)
        for failure in failures:
            _error("import", failure)
        if failures:
            failed = {f.split(":", 1)[0] for f in failures}
            result.changes = [c for c in result.changes if str(c.path) not in failed]
    # The check of the touched pages, as they now are (or would be).
    settings = CheckSettings(RuleSelection.default())
    errors = warnings = 0
    for change in result.changes:
        for finding in check_page(parse_bytes(change.after, change.path), settings, str(change.path)):
            print(
                f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} [{finding.severity}] {finding.message}"
            )
            errors += finding.severity == "error"
            warnings += finding.severity == "warning"
    verb = "would update" if args.dry_run else "updated"
    print(
        f"Imported {args.file}: {result.updated} {verb} in {plural(len(result.changes), 'page')}, "
        f"{result.unchanged} unchanged, {plural(len(result.conflicts), 'conflict')}"
        + (f", {result.untranslated} without a translation" if result.untranslated else "")
        + f"; check of the pages {'it would touch' if args.dry_run else 'touched'}: "
        f"{plural(errors, 'error')}, {plural(warnings, 'warning')} ({time.monotonic() - started:.1f} s).",
        file=sys.stderr,
    )
    if problems:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.conflicts or errors else EXIT_CLEAN
