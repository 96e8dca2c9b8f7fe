"""Gettext PO: one entry per segment, every page in one catalog.

    #. protected-term: 'ALLUSERS' appears as 'allusers' in the target
    #: Msi/allusers.md:17
    #, fuzzy
    #| msgid "The English the translation was made from"
    msgctxt "db062-104"
    msgid "The English now"
    msgstr "The translation"

`msgctxt` is the segment id and `#:` the page and line. Where two pages give one segment id
the same English (a catalog may hold each context and msgid once) or a page's path has white
space (which `#:` cannot carry), `msgctxt` is `PATH#ID`. A stale segment is fuzzy, with `#|
msgid` the English it was translated from (what the page holds) and `msgid` the English now.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from kbtools import __version__
from kbtools.exchange.units import ExchangePage, ExchangeUnit
from kbtools.exchange.xliff import ImportedUnit, ReadError

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE = re.compile(r'[\\"\n\t\r]')
_UNESCAPE = re.compile(r"\\(.)")


def _quote(text: str) -> str:
    return '"' + _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text) + '"'


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write(pages: Iterable[ExchangePage], target_language: str | None, stream: BinaryIO) -> None:
    """The catalog of the pages, written entry by entry. `pages` is read twice (a `PageSpool`):
    once to find the segment ids that two pages share, once to write."""
    language = (target_language or "").replace("-", "_")
    header = (
        "Project-Id-Version: kbtools export\\n"
        "MIME-Version: 1.0\\n"
        "Project-Id-Version: kbtools export\\n"
        "MIME-Version: 1.0\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Content-Transfer-Encoding: 8bit\\n"
        f"Language: {language}\\n"
        f"X-Generator: kbtools {__version__}\\n"
    )
    lines = [
        "# Segments of side-by-side pages; import with `kbtools import FILE --into PATH`.",
        'msgid ""',
        'msgstr ""',
        *(f'"{part}\\n"' for part in header.split("\\n") if part),
    ]
    # Each (segment id, English) once, by a digest of the English: the counts stay small.
    seen: Counter[tuple[str, bytes]] = Counter()
    for page in pages:
        for unit in page.units:
            seen[_key(unit)] += 1
    stream.write("\n".join(lines).encode("utf-8"))
    for page in pages:
        qualified_path = any(c.isspace() for c in page.path)
        lines = []
        for unit in page.units:
            english_now = unit.current_english if unit.current_english is not None else unit.source
            context = unit.segment
            if qualified_path or seen[_key(unit)] > 1:
                context = f"{page.path}#{unit.segment}"
            lines.append("")
            for finding in unit.findings:
                lines.append(f"#. {finding.rule} [{finding.severity}]: {_one_line(finding.message)}")
            if unit.removed:
                lines.append("#. the English no longer has this sentence")
            if not qualified_path:
                lines.append(f"#: {page.path}:{unit.line}")
            stale = unit.current_english is not None or unit.removed
            if stale:
                lines.append("#, fuzzy")
                lines.append(f"#| msgid {_quote(unit.source)}")
            lines.append(f"msgctxt {_quote(context)}")
            lines.append(f"msgid {_quote(english_now)}")
            lines.append(f"msgstr {_quote(unit.target)}")
        stream.write(("\n" + "\n".join(lines)).encode("utf-8"))
    stream.write(b"\n")


def _key(unit: ExchangeUnit) -> tuple[str, bytes]:
    english_now = unit.current_english if unit.current_english is not None else unit.source
    return unit.segment, hashlib.blake2b(english_now.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def serialize(pages: list[ExchangePage], target_language: str | None) -> bytes:
    """The whole catalog in memory (small exports and tests); `write` streams it."""
    buffer = io.BytesIO()
    write(pages, target_language, buffer)
    return buffer.getvalue()


def _unquote(token: str, where: str) -> str:
    token = token.strip()
    if len(token) < 2 or not token.startswith('"') or not token.endswith('"'):
        raise ValueError(f"{where}: expected a quoted string, got {token[:40]!r}")
    return _UNESCAPE.sub(lambda m: _UNESCAPES.get(m.group(1), "\\" + m.group(1)), token[1:-1])


def read(data: bytes, name: str) -> Iterator[ImportedUnit | str]:
    """The entries of a PO file as units; an entry that cannot be placed yields a problem line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(f"{name}: not UTF-8 (byte {error.start})") from None
    entries = list(_entries(text.splitlines(), name))
    for entry in entries:
        if entry.get("obsolete"):
            continue
        line = entry["line"]
        msgid = entry.get("msgid")
        if msgid is None:
            yield f"{name}:{line}: an entry without msgid; skipped"
            continue
        if msgid == "" and "msgctxt" not in entry:
            continue  # the header
        if "msgid_plural" in entry:
            yield f"{name}:{line}: a plural entry; kbtools segments have none; not imported"
            continue
        context = entry.get("msgctxt", "")
        path, _, segment = context.rpartition("#")
        if not path:
            references = entry.get("references", [])
            pages = {ref.rsplit(":", 1)[0] for ref in references}
            if len(pages) != 1:
                yield f"{name}:{line}: msgctxt {context!r} names no page and '#:' names {len(pages)}; not imported"
                continue
            path = pages.pop()
        source = entry.get("previous_msgid", msgid)
        target = entry.get("msgstr")
        yield ImportedUnit(path, segment, source, target if target else None, f"{name}:{line}")


def _entries(lines: list[str], name: str) -> Iterator[dict]:
    entry: dict = {}
    key: str | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            if entry:
                yield entry
            entry, key = {}, None
            continue
        entry.setdefault("line", number)
        where = f"{name}:{number}"
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#:"):
            entry.setdefault("references", []).extend(line[2:].split())
            continue
        if line.startswith("#|"):
            rest = line[2:].strip()
            if rest.startswith("msgid "):
                key = "previous_msgid"
                entry[key] = _unquote(rest[6:], where)
            elif rest.startswith('"') and key == "previous_msgid":
                entry[key] += _unquote(rest, where)
            continue
        if line.startswith("#"):
            key = None
            continue
        if line.startswith('"'):
            if key is None:
                raise ReadError(f"{where}: a string continues nothing")
            entry[key] += _unquote(line, where)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith("msgstr["):
            keyword = "msgstr" if keyword == "msgstr[0]" else keyword
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not keyword.startswith("msgstr["):
            raise ReadError(f"{where}: unknown keyword {keyword[:20]!r}")
        if (keyword in entry) and keyword != "msgstr":
            # a new entry without a blank line before it
            yield entry
            entry = {"line": number}
        key = keyword
        try:
            entry[key] = _unquote(rest, where)
        except ValueError as error:
            raise ReadError(str(error)) from None
    if entry:
        yield entry
