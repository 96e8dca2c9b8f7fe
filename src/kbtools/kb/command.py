"""Subcommands of this job (registered by `kbtools.cli`): `parse`, `query` and `schema`.

Exit codes: 0 success; 1 a page could not be read (`parse`) or no property has that name
(`query`); 2 a usage error (bad directory, file or option).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kbtools.kb.build import DEFAULT_SOURCE, build_knowledge_base, skipped_page_line
from kbtools.kb.query import filter_records, find_record, suggest
from kbtools.kb.record import KnowledgeBase, PropertyRecord
from kbtools.kb.requirements import OPERATING_SYSTEMS, RUNTIMES
from kbtools.kb.schema import knowledge_base_schema, record_schema
from kbtools.kb.serialization import json_data, json_text

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
KINDS = ("installer", "summary", "automation", "merge-module")


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
            "available for --os/--runtime/--version when one requirement statement names that "
            "runtime, names that OS or none, and names that version, none, or a lower one followed by 'or later'."
        ),
    )
    query.add_argument("name", nargs="?", metavar="NAME_OR_SLUG", help="a property name or page slug")
    where = query.add_mutually_exclusive_group()
    where.add_argument("--source", type=Path, default=DEFAULT_SOURCE, metavar="DIR",
                       help=f"directory of sxs pages to read (default: {DEFAULT_SOURCE}/)")
    where.add_argument("--kb", type=Path, metavar="FILE", help="a knowledge base written by `kbtools parse`")
    query.add_argument("--kind", choices=KINDS)
    query.add_argument("--category", help='a category of property-reference.md, e.g. "Hardware Properties"')
    query.add_argument("--os", metavar="OS", help='e.g. "Windows XP"')
    query.add_argument("--runtime", metavar="RUNTIME", help='"Windows Installer" or "Mergemod.dll"')
    query.add_argument("--version", metavar="VERSION", help="a runtime version, e.g. 3.1")
    query.add_argument("--set-by", metavar="WHO", help="installer, author, user or an action name")
    query.add_argument("--text", metavar="WORDS", help="words that all occur in the record's texts (any language)")
    query.add_argument("--fields", metavar="A,B", help="print only these fields of each record")
    query.set_defaults(func=run_query)

    schema = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the records",
        description="Print the JSON Schema of the `kbtools parse` output (or of one record), generated from the models.",
    )
    schema.add_argument("--record", action="store_true", help="the schema of one property record")
    schema.add_argument("--out", type=Path, metavar="FILE", help="write the schema here (default: stdout)")
    schema.set_defaults(func=run_schema)


def _error(message: str) -> None:
    print(f"kbtools: {message}", file=sys.stderr)


def _write_json(data: Any, out: Path | None) -> None:
    text = json_text(data)
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{out}: cannot write: {error.strerror or error}") from None


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
        raise UsageError(f"{source}: no such directory (give a directory of sxs pages)")
    return build_knowledge_base(source)


@_guarded
def run_parse(args: argparse.Namespace) -> int:
    knowledge_base = _build(args.source)
    for error in knowledge_base.errors:
        _error(skipped_page_line(error))
    _write_json(json_data(knowledge_base), args.out)
    return EXIT_FAILURE if knowledge_base.errors else EXIT_OK


def _load(args: argparse.Namespace) -> list[PropertyRecord]:
    if args.kb is None:
        knowledge_base = _build(args.source)
        for error in knowledge_base.errors:
            _error(skipped_page_line(error))
        return knowledge_base.properties
    try:
        return KnowledgeBase.model_validate_json(args.kb.read_bytes()).properties
    except OSError as error:
        raise UsageError(f"{args.kb}: cannot read: {error.strerror or error}") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UsageError(f"{args.kb}: not a knowledge base from `kbtools parse` ({where}: {first['msg']})") from None


def _canonical(value: str | None, known: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    for name in known:
        if name.casefold() == value.casefold():
            return name
    raise UsageError(f"{option} {value!r}: unknown; use one of: {', '.join(known)}")


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
    filters = {
        "kind": args.kind,
        "category": args.category,
        "os": _canonical(args.os, OPERATING_SYSTEMS, "--os"),
        "runtime": _canonical(args.runtime, RUNTIMES, "--runtime"),
        "version": args.version,
        "set_by": args.set_by,
        "text": args.text,
    }
    if args.version is not None and not all(part.isdigit() for part in args.version.split(".")):
        raise UsageError(f"--version {args.version!r}: give a version number such as 4.5")
    filtering = any(value is not None for value in filters.values())
    if args.name is not None and filtering:
        raise UsageError("give a NAME_OR_SLUG or filters, not both")
    records = _load(args)
    if args.name is not None:
        record = find_record(records, args.name)
        if record is None:
            close = suggest(records, args.name)
            hint = f"; did you mean: {', '.join(close)}?" if close else ""
            _error(f"no property named {args.name!r}{hint}")
            return EXIT_FAILURE
        _write_json(_selected(record, fields), None)
        return EXIT_OK
    matching = filter_records(records, **filters)
    _write_json([_selected(record, fields) for record in matching], None)
    return EXIT_OK


@_guarded
def run_schema(args: argparse.Namespace) -> int:
    _write_json(record_schema() if args.record else knowledge_base_schema(), args.out)
    return EXIT_OK
