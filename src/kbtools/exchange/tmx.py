"""TMX 1.4: the segments with no finding, as a translation memory.

A pair a checker found nothing wrong with is worth reusing: each becomes a `<tu>` with the
English (`en-US`) and the translation in its page's locale; inline Markdown and HTML are `<ph>`
holding their original text, as TMX has it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

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


def document(pages: list[ExchangePage]) -> tuple[ET.Element, int]:
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        creationtool="kbtools",
        creationtoolversion=__version__,
        segtype="sentence",
        adminlang=SOURCE_LANGUAGE,
        srclang=SOURCE_LANGUAGE,
        datatype="markdown",
        **{"o-tmf": "kbtools"},
    )
    body = ET.SubElement(root, "body")
    count = 0
    for page in pages:
        if not page.locale:
            continue
        for unit in page.units:
            if unit.findings or unit.current_english is not None or unit.removed:
                continue
            tu = ET.SubElement(body, "tu", tuid=f"{page.path}#{unit.segment}")
            prop = ET.SubElement(tu, "prop", type="x-page")
            prop.text = page.path
            for language, text in ((SOURCE_LANGUAGE, unit.source), (page.locale, unit.target)):
                tuv = ET.SubElement(tu, "tuv", {XML_LANG: language})
                _seg(tuv, text)
            count += 1
    return root, count


def serialize(pages: list[ExchangePage]) -> tuple[bytes, int]:
    root, count = document(pages)
    for tu in root.iter("tu"):  # indent the structure only: white space in <seg> is text
        tu.text = "\n   "
        for child in tu:
            child.tail = "\n   "
            if child.tag == "tuv":
                child.text = "\n    "
                child[-1].tail = "\n   "
        tu[-1].tail = "\n  "
        tu.tail = "\n  "
    body = root.find("body")
    assert body is not None
    root.text = "\n "
    root[0].tail = "\n "
    body.tail = "\n"
    body.text = "\n  "
    if len(body):
        body[-1].tail = "\n "
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8"), count
