"""The value of an automation (or merge-module) property: its type, access and syntax.

- access: from "This property is read-only." and its variants ("is a read-write property",
  "The read-only X property"); an explicit "This property is ..." sentence wins.
- type: only where the lead says what the property returns: an object ("returns a
  StringList object"), a string collection, Boolean ("returns True if ..."), integer, string
  (a string, GUID, path or name) or date.
- syntax: the code block of the Syntax section.
"""

from __future__ import annotations

import re

from kbtools.kb.record import AutomationValue, LocalizedSegment
from kbtools.kb.sections import Outline
from kbtools.kb.sentence import plain
from kbtools.page import Page

_ACCESS_WORDS = (
    (re.compile(r"\bwrite-only\b", re.I), "write-only"),
    (re.compile(r"\bread[- ]?(?:/|-|or) ?write\b", re.I), "read/write"),
    (re.compile(r"\bread-only\b", re.I), "read-only"),
)
_EXPLICIT_ACCESS = re.compile(r"^This property is (?:a )?(read-only|read/write|read-write|write-only)\b", re.I)
_ABOUT_PROPERTY = re.compile(r"\bproperty\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

_TYPE_RULES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (
        re.compile(
            r"\breturns (?:a |an |the )?(?:pointer to a )?string collection\b|\bcollection of strings\b|\barray of strings\b"
        ),
        "string collection",
    ),
    (
        re.compile(r"\breturns (?:a |an |the )?(?:pointer to a )?collection (?:of )?(?P<object>[A-Z]\w+) objects?\b"),
        "{object} collection",
    ),
    (re.compile(r"\breturns (?:a |an |the )?(?:active )?(?P<object>[A-Z]\w+) object\b"), "{object}"),
    (re.compile(r"\bas an? (?P<object>[A-Z]\w+) object\b"), "{object}"),
    (re.compile(r"\breturns (?:True|true)\b"), "Boolean"),
    (
        re.compile(
            r"\breturns (?:an |a )?integer\b|\breturns the number of\b|\breturns a number\b|\b32-bit integer data\b"
        ),
        "integer",
    ),
    (re.compile(r"\bstring value\b|\btext string\b|\bstring representation\b|\bstring data\b"), "string"),
    (
        re.compile(r"\breturns the (?:\w+ )?(?:code )?GUID\b|\breturns the (?:full )?path\b|\breturns the name of\b"),
        "string",
    ),
    (re.compile(r"\breturns the date\b"), "date"),
)


def _sentences(outline: Outline) -> list[str]:
    return [sentence for segment in outline.lead.segments for sentence in _SENTENCE_END.split(plain(segment.source))]


def value_access(sentences: list[str]) -> str | None:
    for sentence in sentences:
        explicit = _EXPLICIT_ACCESS.match(sentence)
        if explicit:
            word = explicit.group(1).lower()
            return "read/write" if word == "read-write" else word
    for sentence in sentences:
        if not _ABOUT_PROPERTY.search(sentence):
            continue
        for pattern, access in _ACCESS_WORDS:
            if pattern.search(sentence):
                return access
    return None


def value_type(sentences: list[str]) -> str | None:
    for sentence in sentences:
        for pattern, template in _TYPE_RULES:
            match = pattern.search(sentence)
            if match and template:
                return template.format(**match.groupdict())
    return None


def fence_text(page: Page, start_line: int, end_line: int) -> str:
    """The code inside a fenced block (without its fence lines)."""
    lines = (page.text or "").split("\n")[start_line - 1 : end_line]
    if lines:
        lines = lines[1:]
    if lines and re.match(r"^\s*(?:`{3,}|~{3,})\s*$", lines[-1]):
        lines = lines[:-1]
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def read_value(page: Page, outline: Outline, text: list[LocalizedSegment]) -> AutomationValue:
    sentences = _sentences(outline)
    syntax = None
    section = outline.section("Syntax")
    if section is not None:
        for block in section.blocks:
            if block.kind in ("fence", "code"):
                syntax = fence_text(page, block.start_line, block.end_line) or None
                break
    return AutomationValue(type=value_type(sentences), access=value_access(sentences), syntax=syntax, text=text)
