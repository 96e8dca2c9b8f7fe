"""TMX 1.4: the segments with no finding, as a translation memory.

A pair a checker found nothing wrong with is worth reusing: each becomes a `<tu>` with the
English (`en-US`) and the translation in its page's locale; inline Markdown and HTML are `<ph>`
holding their original text, as TMX has it.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from kbtools import __version__
from kbtools.exchange.units import SOURCE_LANGUAGE, ExchangePage
from kbtools.exchange.xml_text import NOT_XML
from kbtools.page.inline_codes import Code, split_runs

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _seg(parent: ET.Element, text: str) -> None:
    seg = ET.SubElement(parent, "seg")
    last = None
    codes = 0
    for run in split_runs(NOT_XML.sub("\ufffd", text)):
        if isinstance(run, Code):
            codes += 1
            last = ET.SubElement(seg, "ph", x=str(codes))
            last.text = run.text
        elif last is None:
            seg.text = (seg.text or "") + run
        else:
            last.tail = (last.tail or "") + run


def _header() -> ET.Element:
    return ET.Element(
        "header",
        creationtool="kbtools",
        creationtoolversion=__version__,
        segtype="sentence",
        adminlang=SOURCE_LANGUAGE,
        srclang=SOURCE_LANGUAGE,
        datatype="markdown",
        **{"o-tmf": "kbtools"},
    )


def _units(page: ExchangePage) -> Iterator[ET.Element]:
    """The page's pairs with no finding, each a `<tu>`, its structure indented."""
    if not page.locale:
        return
    for unit in page.units:
        if unit.findings or unit.current_english is not None or unit.removed:
            continue
        tu = ET.Element("tu", tuid=f"{page.path}#{unit.segment}")
        prop = ET.SubElement(tu, "prop", type="x-page")
        prop.text = page.path
        for language, text in ((SOURCE_LANGUAGE, unit.source), (page.locale, unit.target)):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: language})
            _seg(tuv, text)
        # Indent the structure only: white space in <seg> is text.
        tu.text = "\n   "
        for child in tu:
            child.tail = "\n   "
            if child.tag == "tuv":
                child.text = "\n    "
                child[-1].tail = "\n   "
        tu[-1].tail = "\n  "
        yield tu


def write(pages: Iterable[ExchangePage], stream: BinaryIO) -> int:
    """The translation memory of the pages, written unit by unit; returns how many units."""
    header = ET.tostring(_header(), encoding="unicode")
    stream.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n {header}\n <body>'.encode())
    count = 0
    for page in pages:
        for tu in _units(page):
            stream.write(("\n  " + ET.tostring(tu, encoding="unicode")).encode("utf-8"))
            count += 1
    stream.write(("\n </body>\n</tmx>\n" if count else "\n  </body>\n</tmx>\n").encode("utf-8"))
    return count


def serialize(pages: Iterable[ExchangePage]) -> tuple[bytes, int]:
    """The whole memory in memory (small exports and tests); `write` streams it."""
    buffer = io.BytesIO()
    count = write(pages, buffer)
    return buffer.getvalue(), count
