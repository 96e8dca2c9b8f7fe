"""Subcommands of this job (registered by `kbtools.cli`): `parse`, `query`, `runtimes` and `schema`.

Exit codes: 0 success; 1 a page could not be read (`parse`) or no property has that name
(`query`); 2 a usage error (bad directory, file or option, an unknown filter value).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kbtools.kb.build import DEFAULT_SOURCE, build_knowledge_base, skipped_page_line
from kbtools.kb.query import KINDS, Catalog, UnknownFilterValue, suggest
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.kb.requirements import VERSION_QUERY_MAX_LENGTH
from kbtools.kb.schema import knowledge_base_schema, record_schema
from kbtools.kb.serialization import json_data, json_text, runtimes_data
from kbtools.page.files import SOURCE_VARIABLE
from kbtools.page.input_file import KNOWLEDGE_BASE_LIMIT, InputFileError, read_input_file
from kbtools.page.output_file import OutputFileError, write_file
from kbtools.usage import EXIT_USAGE, HELP_FORMATTER, UsageError, examples, hidden_alias, print_error

EXIT_OK = 0
EXIT_FAILURE = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this job's subcommands to the `kbtools` parser."""
    parse = subparsers.add_parser(
        "parse",
        help="turn property pages into records (JSON)",
        description="Read every property page under DIR into a record; write the knowledge base as JSON. "
        "Exit 2 when DIR holds no property page.",
        formatter_class=HELP_FORMATTER,
        epilog=examples(
            "kbtools parse --output kb.json",
            "kbtools parse ../shared/corpus/win32-zh-tw-sxs/desktop-src/Msi --output msi.json",
        ),
    )
    parse.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        metavar="DIR",
        help=f"directory of sxs pages (default: ${SOURCE_VARIABLE} or translations/; now {DEFAULT_SOURCE}/)",
    )
    parse.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the JSON here (default: stdout)")
    hidden_alias(parse, "--out", dest="output", type=Path)
    parse.add_argument(
        "--allow-empty",
        action="store_true",
        help="exit 0 when DIR holds no property page (default: exit 2, so that a wrong folder cannot pass)",
    )
    parse.add_argument(
        "--english",
        type=Path,
        metavar="EN_DIR",
        help="the current English pages at the same paths: each record says whether its translation is current",
    )
    parse.set_defaults(func=run_parse)

    query = subparsers.add_parser(
        "query",
        help="print property records (JSON)",
        description=(
            "Print the record of NAME_OR_SLUG, or the records that pass the filters. A property is "
            "available for --os/--runtime/--version where one of its requirement statements puts it: the "
            "Windows and versions it names, or, where it names none, the Windows versions on which such a "
            "runtime release shipped or installs (see docs/records.md). Unknown filter values are errors. "
            "A name with filters asks about that property: the list holds it when it passes them, else is empty."
        ),
        formatter_class=HELP_FORMATTER,
        epilog=examples(
            "kbtools query MsiRestartManagerSessionKey",
            'kbtools query --os "Windows Vista" --runtime "Windows Installer" --version 4.5 --fields name,slug',
            "kbtools query --kb kb.json --text reboot --fields name",
        ),
    )
    query.add_argument("name", nargs="?", metavar="NAME_OR_SLUG", help="a property name or page slug")
    where = query.add_mutually_exclusive_group()
    where.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        metavar="DIR",
        help=f"directory of sxs pages to read (default: ${SOURCE_VARIABLE} or translations/; now {DEFAULT_SOURCE}/)",
    )
    where.add_argument("--kb", type=Path, metavar="FILE", help="a knowledge base written by `kbtools parse`")
    query.add_argument("--kind", metavar="KIND", help=f"one of: {', '.join(KINDS)}")
    query.add_argument("--category", help='a category of property-reference.md, e.g. "Hardware Properties"')
    query.add_argument("--os", metavar="OS", help='e.g. "Windows XP"')
    query.add_argument("--runtime", metavar="RUNTIME", help='"Windows Installer" or "Mergemod.dll"')
    query.add_argument("--version", metavar="VERSION", help="a runtime version, e.g. 3.1")
    query.add_argument("--set-by", metavar="WHO", help="installer, author, user or an action name")
    query.add_argument("--set-at", metavar="ACTION", help="set at this action (or initialization), e.g. CostFinalize")
    query.add_argument("--cleared-at", metavar="ACTION", help="cleared at this action, e.g. InstallValidate")
    query.add_argument("--used-by", metavar="ACTION", help="used by this action, e.g. InstallValidate")
    query.add_argument("--valid-after", metavar="ACTION", help="valid only after this action, e.g. CostFinalize")
    query.add_argument(
        "--since", metavar="VERSION", help="new in this version: the page states it arrived then, e.g. 5.0"
    )
    query.add_argument("--text", metavar="WORDS", help="words that all occur in the record's texts (any language)")
    query.add_argument("--fields", metavar="A,B", help="print only these fields of each record")
    query.set_defaults(func=run_query)

    runtimes = subparsers.add_parser(
        "runtimes",
        help="print the runtime releases (JSON)",
        description=(
            "Print every Windows Installer release the runtime pages under DIR state: its builds, the "
            "Windows versions it shipped with and those its redistributable installs on."
        ),
        formatter_class=HELP_FORMATTER,
        epilog=examples(
            "kbtools runtimes ../shared/corpus/win32-zh-tw-sxs/desktop-src/Msi", "kbtools runtimes --kb kb.json"
        ),
    )
    runtimes.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        metavar="DIR",
        help=f"directory of sxs pages (default: ${SOURCE_VARIABLE} or translations/)",
    )
    runtimes.add_argument("--kb", type=Path, metavar="FILE", help="a knowledge base written by `kbtools parse`")
    runtimes.set_defaults(func=run_runtimes)

    schema = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the records",
        description="Print the JSON Schema of the `kbtools parse` output (or of one record), generated from the models.",
        formatter_class=HELP_FORMATTER,
        epilog=examples("kbtools schema --output knowledge-base.schema.json", "kbtools schema --record"),
    )
    schema.add_argument("--record", action="store_true", help="the schema of one property record")
    schema.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the schema here (default: stdout)")
    hidden_alias(schema, "--out", dest="output", type=Path)
    schema.set_defaults(func=run_schema)


def _error(command: str, message: str) -> None:
    print_error(command, message)


def _write_json(data: Any, out: Path | None, inputs: tuple[Path, ...] = ()) -> None:
    """To stdout, or replacing `out` whole (`page.output_file`), never one of the run's `inputs`."""
    text = json_text(data)
    if out is None:
        sys.stdout.write(text)
        return
    try:
        write_file(out, text, inputs=inputs)
    except OutputFileError as error:
        raise UsageError(str(error)) from None


def _guarded(run):  # type: ignore[no-untyped-def]
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except UsageError as error:
            _error(args.command, str(error))
            return EXIT_USAGE

    wrapper.__doc__ = run.__doc__
    return wrapper


def _build(source: Path, english: Path | None = None) -> KnowledgeBase:
    if not source.exists():
        raise UsageError(f"{source}: no such directory (give a directory of sxs pages, or set {SOURCE_VARIABLE})")
    if english is not None and not english.is_dir():
        raise UsageError(f"--english: {english}: no such directory of English pages")
    return build_knowledge_base(source, english)


@_guarded
def run_parse(args: argparse.Namespace) -> int:
    knowledge_base = _build(args.source, args.english)
    for error in knowledge_base.errors:
        _error("parse", skipped_page_line(error))
    if not knowledge_base.properties and not knowledge_base.runtimes and not args.allow_empty:
        raise UsageError(
            f"{args.source}: no property page found (no page titled '... property'); give a folder of sxs property "
            f"pages or set {SOURCE_VARIABLE}, or pass --allow-empty to accept that"
        )
    _write_json(json_data(knowledge_base), args.output, (args.source,))
    return EXIT_FAILURE if knowledge_base.errors else EXIT_OK


# Keys every `kbtools parse` output has, empty knowledge base included.
_WRITTEN_KEYS = ("version", "properties")


def _load(args: argparse.Namespace) -> KnowledgeBase:
    if args.kb is None:
        knowledge_base = _build(args.source)
        for error in knowledge_base.errors:
            _error(args.command, skipped_page_line(error))
        return knowledge_base
    try:
        knowledge_base = KnowledgeBase.model_validate_json(
            read_input_file(args.kb, KNOWLEDGE_BASE_LIMIT, "knowledge base")
        )
    except InputFileError as error:
        raise UsageError(str(error)) from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        if first["type"] == "json_invalid":
            detail = f"not JSON ({first['ctx']['error']})" if "error" in first.get("ctx", {}) else "not JSON"
        else:
            detail = f"{where}: {first['msg']}" if where else first["msg"]
        raise UsageError(f"{args.kb}: not a knowledge base written by `kbtools parse`: {detail}") from None
    # Every field has a default, so any JSON object validates: `{"foo": 1}` would read as an empty
    # knowledge base and answer every question with "none". `kbtools parse` always writes these.
    absent = [key for key in _WRITTEN_KEYS if key not in knowledge_base.model_fields_set]
    if absent:
        raise UsageError(
            f"{args.kb}: not a knowledge base written by `kbtools parse`: no {' or '.join(map(repr, absent))} "
            "key in the JSON object"
        )
    return knowledge_base


def _where(args: argparse.Namespace, kb: KnowledgeBase) -> str:
    """Where the records came from, for messages: the file or folder and how many properties it holds."""
    origin = args.kb if args.kb is not None else args.source
    count = len(kb.properties)
    return f"{origin} ({count} propert{'y' if count == 1 else 'ies'})"


def _selected(record: PropertyRecord, fields: list[str] | None) -> dict[str, Any]:
    data = json_data(record)
    if fields is None:
        return data
    return {field: data[field] for field in fields}


def _fields(value: str | None) -> list[str] | None:
    if value is None:
        return None
    fields = [field.strip() for field in value.split(",") if field.strip()]
    unknown = [field for field in fields if field not in PropertyRecord.model_fields]
    if unknown or not fields:
        known = ", ".join(PropertyRecord.model_fields)
        raise UsageError(f"--fields: unknown field {', '.join(unknown) or '(none given)'}; fields are: {known}")
    return fields


@_guarded
def run_query(args: argparse.Namespace) -> int:
    fields = _fields(args.fields)
    raw = {
        "kind": args.kind,
        "category": args.category,
        "os": args.os,
        "runtime": args.runtime,
        "version": args.version,
        "set_by": args.set_by,
        "set_at": args.set_at,
        "cleared_at": args.cleared_at,
        "used_by": args.used_by,
        "valid_after": args.valid_after,
        "since": args.since,
        "text": args.text,
    }
    for option in ("version", "since"):
        value = raw[option]
        if value is not None and len(value) > VERSION_QUERY_MAX_LENGTH:
            raise UsageError(
                f"--{option} {value[:40]!r}...: {len(value)} characters; give a version number such as 4.5"
            )
    filtering = any(value is not None for value in raw.values())
    kb = _load(args)
    catalog = Catalog(kb)
    if args.name is not None:
        record = catalog.find(args.name)
        if record is None:
            close = suggest(catalog.records, args.name)
            hint = f"; did you mean: {', '.join(close)}?" if close else ""
            where = _where(args, kb)
            if not close and args.kb is None:
                hint = f"; give --source a folder of property pages or set {SOURCE_VARIABLE}"
            _error("query", f"no property named {args.name!r} in {where}{hint}")
            return EXIT_FAILURE
        if not filtering:
            _write_json(_selected(record, fields), None)
            return EXIT_OK
        raw["name"] = record.slug
    try:
        filters = catalog.check(**raw)
    except UnknownFilterValue as error:
        option = "--" + error.name.replace("_", "-")
        raise UsageError(f"{option}: {error}; read from {_where(args, kb)}") from None
    _write_json([_selected(record, fields) for record in catalog.select(filters)], None)
    return EXIT_OK


@_guarded
def run_runtimes(args: argparse.Namespace) -> int:
    kb = _load(args)
    if not kb.runtimes:
        _error(
            "runtimes",
            f"{args.kb or args.source}: no runtime pages found (released-versions-of-windows-installer.md, "
            f"windows-installer-redistributables.md); give a folder that holds them or set {SOURCE_VARIABLE}",
        )
        return EXIT_FAILURE
    _write_json(runtimes_data(kb), None)
    return EXIT_OK


@_guarded
def run_schema(args: argparse.Namespace) -> int:
    _write_json(record_schema() if args.record else knowledge_base_schema(), args.output)
    return EXIT_OK
