"""XLIFF 2.0: one `<file>` per page, one `<unit>` per segment, findings as notes.

- `<file original>` is the page's path relative to the folder exported; `<unit id>` the
  segment id; `<source>` the English in the page, `<target>` the translation.
- Inline Markdown and HTML are `<ph>` codes whose original text is in the unit's
  `<originalData>`, so a translation tool shows them as placeholders a translator cannot break.
  A code of the target that the source also has shares its id.
- Each finding is a `<note category="RULE">` with ITS 2.0 Localization Quality Issue attributes
  (`its:locQualityIssueType`, `...Comment`, `...Severity`) where the rule maps onto an issue type.
- A segment whose English changed since translation gets a note with the English now
  (`category="kbtools:current-english"`) and the state `initial`, so tools show it as to do.
- Characters XML 1.0 cannot carry are `<cp hex>`.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from kbtools import __version__
from kbtools.exchange.units import SOURCE_LANGUAGE, ExchangePage, ExchangeUnit
from kbtools.exchange.xml_text import split_unsafe
from kbtools.page.inline_codes import Code, Run, split_runs

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
ITS = "http://www.w3.org/2005/11/its"
XML = "http://www.w3.org/XML/1998/namespace"
CURRENT_ENGLISH = "kbtools:current-english"
ET.register_namespace("", XLIFF)
ET.register_namespace("its", ITS)

# ITS 2.0 Localization Quality Issue types, by rule id, where one fits.
LQI_TYPES = {
    "protected-term": "terminology",
    "inconsistent-translation": "inconsistency",
    "untranslated": "untranslated",
    "number-mismatch": "numbers",
    "version-decimal-comma": "locale-violation",
    "link-mismatch": "markup",
    "inline-code-mismatch": "markup",
    "markup-mismatch": "markup",
    "unsafe-html": "markup",
    "html-mismatch": "markup",
    "empty-segment": "omission",
    "stale-source": "other",
}
_LQI_SEVERITY = {"error": "100", "warning": "50"}


def _q(name: str) -> str:
    return f"{{{XLIFF}}}{name}"


class _Codes:
    """The unit's original data: one `<data>` per distinct code text, one id per code."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}  # code text -> data id
        self.source_ids: list[tuple[str, str]] = []  # (code text, ph id) in source order

    def data_id(self, text: str) -> str:
        if text not in self.data:
            self.data[text] = f"d{len(self.data) + 1}"
        return self.data[text]


def _append_text(parent: ET.Element, last: ET.Element | None, text: str) -> ET.Element | None:
    for part in split_unsafe(text):
        if isinstance(part, int):
            last = ET.SubElement(parent, _q("cp"), hex=f"{part:04X}")
        elif last is None:
            parent.text = (parent.text or "") + part
        else:
            last.tail = (last.tail or "") + part
    return last


def _content(parent: ET.Element, runs: list[Run], ids: list[str], codes: _Codes) -> None:
    last: ET.Element | None = None
    code_index = 0
    for run in runs:
        if isinstance(run, Code):
            ph = ET.SubElement(parent, _q("ph"), id=ids[code_index], dataRef=codes.data_id(run.text))
            code_index += 1
            last = ph
        else:
            last = _append_text(parent, last, run)


def _unit(unit: ExchangeUnit) -> ET.Element:
    element = ET.Element(_q("unit"), id=unit.segment, name=f"line {unit.line}")
    notes = []
    for finding in unit.findings:
        attributes = {"category": finding.rule, "priority": "1" if finding.severity == "error" else "2"}
        issue = LQI_TYPES.get(finding.rule)
        if issue is not None:
            attributes[f"{{{ITS}}}locQualityIssueType"] = issue
            attributes[f"{{{ITS}}}locQualityIssueComment"] = finding.message
            attributes[f"{{{ITS}}}locQualityIssueSeverity"] = _LQI_SEVERITY[finding.severity]
        notes.append((attributes, f"{finding.rule}: {finding.message}"))
    if unit.current_english is not None or unit.removed:
        said = unit.current_english if unit.current_english is not None else "(the sentence was removed)"
        notes.append(({"category": CURRENT_ENGLISH}, said))
    if notes:
        holder = ET.SubElement(element, _q("notes"))
        for attributes, text in notes:
            note = ET.SubElement(holder, _q("note"), attributes)
            _append_text(note, None, text)
    codes = _Codes()
    source_runs, target_runs = split_runs(unit.source), split_runs(unit.target)
    source_ids = [str(number) for number in range(1, sum(isinstance(r, Code) for r in source_runs) + 1)]
    free = [(run.text, ph) for run, ph in zip((r for r in source_runs if isinstance(r, Code)), source_ids, strict=True)]
    target_ids = []
    added = 0
    for run in target_runs:
        if not isinstance(run, Code):
            continue
        match = next((i for i, (text, _) in enumerate(free) if text == run.text), None)
        if match is not None:
            target_ids.append(free.pop(match)[1])
        else:
            added += 1
            target_ids.append(f"t{added}")
    for run in (*source_runs, *target_runs):  # data ids in the order codes first appear
        if isinstance(run, Code):
            codes.data_id(run.text)
    if codes.data:
        original = ET.SubElement(element, _q("originalData"))
        for text, data_id in codes.data.items():
            data = ET.SubElement(original, _q("data"), id=data_id)
            _append_text(data, None, text)
    stale = unit.current_english is not None or unit.removed
    segment = ET.SubElement(element, _q("segment"), state="initial" if stale else "translated")
    source = ET.SubElement(segment, _q("source"), {f"{{{XML}}}space": "preserve"})
    _content(source, source_runs, source_ids, codes)
    target = ET.SubElement(segment, _q("target"), {f"{{{XML}}}space": "preserve"})
    _content(target, target_runs, target_ids, codes)
    return element


def _root(target_language: str) -> ET.Element:
    return ET.Element(
        _q("xliff"),
        {"version": "2.0", "srcLang": SOURCE_LANGUAGE, "trgLang": target_language, f"{{{ITS}}}version": "2.0"},
    )


def write(pages: Iterable[ExchangePage], target_language: str, stream: BinaryIO) -> None:
    """The XLIFF document of the pages, written page by page: one `<file>` in memory at a time."""
    comment = f"<!-- kbtools {__version__}: to bring translations back, kbtools import FILE with into PATH -->\n"
    stream.write(('<?xml version="1.0" encoding="UTF-8"?>\n' + comment).encode("utf-8"))
    root = _root(target_language)
    empty = ET.tostring(root, encoding="unicode")  # `<xliff ... />`: the start tag, namespaces declared
    stream.write((empty[: -len(" />")] + ">").encode("utf-8"))
    for number, page in enumerate(pages, 1):
        # The page's <file> under a root of its own, so that ElementTree declares the namespaces
        # there and not on the <file>; the root's tags are cut off.
        holder = _root(target_language)
        file = ET.SubElement(holder, _q("file"), id=f"f{number}", original=page.path)
        for unit in page.units:
            file.append(_unit(unit))
        indent_structure(holder, CONTENT_TAGS)
        text = ET.tostring(holder, encoding="unicode")
        stream.write(text[text.index(">") + 1 : text.rindex("</")].rstrip("\n").encode("utf-8"))
    stream.write(b"\n</xliff>\n")


def serialize(pages: Iterable[ExchangePage], target_language: str) -> bytes:
    """The whole document in memory (small exports and tests); `write` streams it."""
    buffer = io.BytesIO()
    write(pages, target_language, buffer)
    return buffer.getvalue()


CONTENT_TAGS = frozenset(_q(tag) for tag in ("source", "target", "data", "note"))


def indent_structure(element: ET.Element, content_tags: frozenset[str], level: int = 0) -> None:
    """Indent the elements that only hold elements; white space inside content would be text."""
    children = list(element)
    if not children or element.tag in content_tags:
        return
    inner = "\n" + " " * (level + 1)
    element.text = inner
    for child in children:
        indent_structure(child, content_tags, level + 1)
        child.tail = inner
    children[-1].tail = "\n" + " " * level


# --- reading -------------------------------------------------------------------------------


@dataclass(slots=True)
class ImportedUnit:
    """A translation read back: which page and segment, the English it was made from, the text."""

    path: str
    segment: str
    source: str | None  # None when the file does not say
    target: str | None  # None: no translation given
    where: str  # for messages: the file's line or the unit


class ReadError(Exception):
    """The file is not what import reads; the message names it."""


def _text_of(element: ET.Element, data: dict[str, str]) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.split("}")[-1] if isinstance(child.tag, str) else ""
        if tag == "ph":
            ref = child.get("dataRef")
            if ref is None or ref not in data:
                raise ValueError(f"inline code {child.get('id')!r} has no original data")
            parts.append(data[ref])
        elif tag == "cp":
            parts.append(chr(int(child.get("hex", "0"), 16)))
        elif tag == "mrk":
            parts.append(_text_of(child, data))
        else:
            raise ValueError(f"inline element <{tag}> is not one kbtools exports")
        parts.append(child.tail or "")
    return "".join(parts)


def read(data: bytes, name: str) -> Iterator[ImportedUnit | str]:
    """The units of an XLIFF 2.0 file; a unit that cannot be read yields a one-line problem."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise ReadError(f"{name}: not well-formed XML: {error}") from None
    if root.tag != _q("xliff") or not str(root.get("version", "")).startswith("2."):
        raise ReadError(f"{name}: not an XLIFF 2 document (root {root.tag})")
    for file in root.iter(_q("file")):
        path = file.get("original")
        if not path:
            yield f"{name}: <file id={file.get('id')!r}> has no original (the page path); skipped"
            continue
        for unit in file.iter(_q("unit")):
            segment_id = unit.get("id") or ""
            where = f"{name}: {path}#{segment_id}"
            data: dict[str, str] = {}
            original = unit.find(_q("originalData"))
            if original is not None:
                for item in original.findall(_q("data")):
                    data[item.get("id") or ""] = _text_of(item, {})
            try:
                sources, targets, has_target = [], [], False
                for part in unit:
                    if part.tag not in (_q("segment"), _q("ignorable")):
                        continue
                    source = part.find(_q("source"))
                    sources.append(_text_of(source, data) if source is not None else "")
                    target = part.find(_q("target"))
                    if target is not None:
                        has_target = True
                        targets.append(_text_of(target, data))
                    else:
                        targets.append(sources[-1] if part.tag == _q("ignorable") else "")
            except ValueError as error:
                yield f"{where}: {error}; not imported"
                continue
            yield ImportedUnit(path, segment_id, "".join(sources), "".join(targets) if has_target else None, where)
