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

from kbtools.kb.build import DEFAULT_SOURCE, SOURCE_VARIABLE, build_knowledge_base, skipped_page_line
from kbtools.kb.query import KINDS, Catalog, UnknownFilterValue, suggest
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.kb.requirements import VERSION_QUERY_MAX_LENGTH
from kbtools.kb.schema import knowledge_base_schema, record_schema
from kbtools.kb.serialization import json_data, json_text, runtimes_data
from kbtools.page.input_file import KNOWLEDGE_BASE_LIMIT, InputFileError, read_input_file
from kbtools.page.output_file import OutputFileError, write_file
from kbtools.page.printable import printable

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake in the command line or its inputs: reported in one line, exit 2."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this job's subcommands to the `kbtools` parser."""
    parse = subparsers.add_parser(
        "parse",
        help="turn property pages into records (JSON)",
        description="Read every property page under DIR into a record; write the knowledge base as JSON.",
    )
    parse.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, metavar="DIR",
                       help=f"directory of sxs pages (default: {DEFAULT_SOURCE}/)")
    parse.add_argument("--out", type=Path, metavar="FILE", help="write the JSON here (default: stdout)")
    parse.set_defaults(func=run_parse)

    query = subparsers.add_parser(
        "query",
        help="print property records (JSON)",
        description=(
            "Print the record of NAME_OR_SLUG, or the records that pass the filters. A property is "
            "available for --os/--runtime/--version where one of its requirement statements puts it: the "
            "Windows and versions it names, or, where it names none, the Windows versions on which such a "
            "runtime release shipped or installs (see docs/records.md). Unknown filter values are errors."
        ),
    )
    query.add_argument("name", nargs="?", metavar="NAME_OR_SLUG", help="a property name or page slug")
    where = query.add_mutually_exclusive_group()
    where.add_argument("--source", type=Path, default=DEFAULT_SOURCE, metavar="DIR",
                       help=f"directory of sxs pages to read (default: ${SOURCE_VARIABLE} or translations/; now {DEFAULT_SOURCE}/)")
    where.add_argument("--kb", type=Path, metavar="FILE", help="a knowledge base written by `kbtools parse`")
    query.add_argument("--kind", metavar="KIND", help=f"one of: {', '.join(KINDS)}")
    query.add_argument("--category", help='a category of property-reference.md, e.g. "Hardware Properties"')
    query.add_argument("--os", metavar="OS", help='e.g. "Windows XP"')
    query.add_argument("--runtime", metavar="RUNTIME", help='"Windows Installer" or "Mergemod.dll"')
    query.add_argument("--version", metavar="VERSION", help="a runtime version, e.g. 3.1")
    query.add_argument("--set-by", metavar="WHO", help="installer, author, user or an action name")
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
    )
    runtimes.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, metavar="DIR",
                          help=f"directory of sxs pages (default: ${SOURCE_VARIABLE} or translations/)")
    runtimes.add_argument("--kb", type=Path, metavar="FILE", help="a knowledge base written by `kbtools parse`")
    runtimes.set_defaults(func=run_runtimes)

    schema = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the records",
        description="Print the JSON Schema of the `kbtools parse` output (or of one record), generated from the models.",
    )
    schema.add_argument("--record", action="store_true", help="the schema of one property record")
    schema.add_argument("--out", type=Path, metavar="FILE", help="write the schema here (default: stdout)")
    schema.set_defaults(func=run_schema)


def _error(message: str) -> None:
    print(f"kbtools: {printable(message)}", file=sys.stderr)


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
            _error(str(error))
            return EXIT_USAGE

    wrapper.__doc__ = run.__doc__
    return wrapper


def _build(source: Path) -> KnowledgeBase:
    if not source.exists():
        raise UsageError(
            f"{source}: no such directory (give a directory of sxs pages, or set {SOURCE_VARIABLE})"
        )
    return build_knowledge_base(source)


@_guarded
def run_parse(args: argparse.Namespace) -> int:
    knowledge_base = _build(args.source)
    for error in knowledge_base.errors:
        _error(skipped_page_line(error))
    _write_json(json_data(knowledge_base), args.out, (args.source,))
    return EXIT_FAILURE if knowledge_base.errors else EXIT_OK


def _load(args: argparse.Namespace) -> KnowledgeBase:
    if args.kb is None:
        knowledge_base = _build(args.source)
        for error in knowledge_base.errors:
            _error(skipped_page_line(error))
        return knowledge_base
    try:
        return KnowledgeBase.model_validate_json(read_input_file(args.kb, KNOWLEDGE_BASE_LIMIT, "knowledge base"))
    except InputFileError as error:
        raise UsageError(str(error)) from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UsageError(f"{args.kb}: not a knowledge base from `kbtools parse` ({where}: {first['msg']})") from None


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
        "text": args.text,
    }
    if args.version is not None and len(args.version) > VERSION_QUERY_MAX_LENGTH:
        raise UsageError(
            f"--version {args.version[:40]!r}...: {len(args.version)} characters; give a version number such as 4.5"
        )
    filtering = any(value is not None for value in raw.values())
    if args.name is not None and filtering:
        raise UsageError("give a NAME_OR_SLUG or filters, not both")
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
            _error(f"no property named {args.name!r} in {where}{hint}")
            return EXIT_FAILURE
        _write_json(_selected(record, fields), None)
        return EXIT_OK
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
        _error(f"{args.kb or args.source}: no runtime pages found (released-versions-of-windows-installer.md, "
               f"windows-installer-redistributables.md); give a folder that holds them or set {SOURCE_VARIABLE}")
        return EXIT_FAILURE
    _write_json(runtimes_data(kb), None)
    return EXIT_OK


@_guarded
def run_schema(args: argparse.Namespace) -> int:
    _write_json(record_schema() if args.record else knowledge_base_schema(), args.out)
    return EXIT_OK
