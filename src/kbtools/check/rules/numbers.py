"""Numbers of the source: lost, spelled out or merged, and versions given a decimal comma.

A number of the source is read strictly (digits not glued to a word, so `Win32` and `x64` are
names, not numbers); the target is read generously, in every form a translation may rightly
give the same number: grouped with the locale's separator (`18.336.768`, `1 000`), with a
decimal comma (`2,5`), glued to a word (`3D`, `64-Bit`), or a list with other punctuation
(`(0、0、0、1)`). What is left over was lost, spelled out in a language without number words here (`2` -> `兩`)
or merged (`255,255,255` -> `255255255`). A dimension (`3-D`) is a word in
every language (`立體`, `трехмерный`) and is not read as a number.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.inline import visible_text
from kbtools.page.model import Segment

# A number of the source: not inside a word or a dotted name; a C float or integer suffix
# (`2.0f`, `10u`) belongs to it. Compounds such as `3-D` and `64-bit` count: their number must
# survive translation too. The number is taken whole (`(?![0-9]|[.,][0-9])` stops the engine from
# trying a shorter one): no possessive quantifier, which CPython before 3.11.5 gets wrong.
# Both start with the number's first digit and look behind it: a pattern that starts with a
# look-behind is tried at every character, one that starts with a class only at its characters.
_SOURCE_NUMBER = re.compile(
    r"([0-9](?<![A-Za-z0-9_.].)[0-9]*(?:[.,][0-9]+)*)(?![0-9]|[.,][0-9])[fFuUlL]?(?![A-Za-z0-9_]|\.[0-9])"
)
# A number of the target: any run of digits, with the separators a locale may group or list by.
_TARGET_NUMBER = re.compile(r"[0-9](?<![0-9].)[0-9]*(?:(?:[.,]|[ \u00a0\u202f'’](?=[0-9]{3}(?![0-9])))[0-9]+)*")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_GROUPED = re.compile(r"[0-9]{1,3}([.,\u00a0\u202f'’ ])[0-9]{3}(?:\1[0-9]{3})*")
_PARTS = re.compile(r"[0-9]+")
_LIST_SEPARATOR = re.compile(r"[,\u00a0\u202f'’ ]")
_DIGIT = re.compile(r"[0-9０-９]")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
# What names a version just before its number: `Windows Installer 4.5`, `Shader Model 4.1`,
# `version 2.0`, `v1.1`, a library or program by its file name (`Mergemod.dll 1.0`).
_VERSION_CONTEXT = re.compile(r"(?:\b[A-Z][A-Za-z]*|\b[Vv]ersion|\bv|\b\w+\.(?i:dll|exe|ocx))\s*\Z")
_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+)+")
# Small numbers written out as words in a language with letter case: locale data.
_NUMBER_WORDS = Path(__file__).with_name("data") / "number_words.json"


@cache
def _number_values() -> dict[str, dict[str, str]]:
    table = json.loads(_NUMBER_WORDS.read_text(encoding="utf-8"))
    return {
        language: {word: str(value) for value, words in enumerate(rows) for word in words}
        for language, rows in table.items()
        if not language.startswith("_")
    }


_NUMBER_SCALES = Path(__file__).with_name("data") / "number_scales.json"


@cache
def _scale_words(language: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """A number and the word that multiplies it (`2 millions`, `200 萬`), in a language of
    `data/number_scales.json`, and each word's multiplier."""
    table = json.loads(_NUMBER_SCALES.read_text(encoding="utf-8"))
    scales = table.get(language) if not language.startswith("_") else None
    if not scales:
        return None
    words = "|".join(re.escape(word) for word in sorted(scales, key=len, reverse=True))
    # a word of a script with spaces ends there (`mille`, not `millefeuille`); `萬` is followed by the sentence
    pattern = re.compile(rf"(?<![0-9.,])([0-9]+(?:[.,][0-9]+)?)[ \u00a0\u202f]?({words})(?![a-zà-ÿа-яё])")
    return pattern, scales


def _scaled(text: str, language: str) -> list[str]:
    """The values of the numbers a target writes with a word that multiplies them (`2 millions`: 2000000)."""
    found = _scale_words(language)
    if found is None:
        return []
    pattern, scales = found
    values = []
    for number, word in pattern.findall(text.lower()):
        whole, _, fraction = number.replace(",", ".").partition(".")
        scale = scales[word]
        if len(fraction) <= len(str(scale)) - 1:
            values.append(str(int(whole) * scale + int(fraction or 0) * scale // 10 ** len(fraction)))
    return values


# A dimension (`3-D`, `2-D`): translated as a word in every language (`立體`, `трехмерный`,
# `tridimensionnel`), a faithful translation, so not a number the target must show.
_DIMENSION = re.compile(r"-[Dd]\b")
_LETTERS = re.compile(r"[^\W\d_]+")
# Short grouped numbers are often written without the separator (`1,000` -> `1000`).
_UNGROUPED_MAX_DIGITS = 5
# The largest part of a list written like a grouped number (`255,255,255`, a colour).
_LIST_PART_MAX = 255


def _source_numbers(text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """Each number of the source: how it is shown, the readings a target may give, whether a version."""
    numbers = []
    for match in _SOURCE_NUMBER.finditer(text):
        token = match.group(1)
        if _DIMENSION.match(text, match.end()):
            continue
        if "," not in token:
            version = bool(_VERSION.fullmatch(token)) and bool(_VERSION_CONTEXT.search(text, 0, match.start()))
            numbers.append((token, (token,), version))
        elif _THOUSANDS.fullmatch(token):
            # A grouped number, or a list without spaces (`255,255,255`): the grouped value,
            # or every part, but not the digits run together.
            joined = token.replace(",", "")
            # `100,000,001` can only be one number; `255,255,255` may be three.
            # A group above 255 is no byte or colour component: `446,134,272` is one number too.
            one_number = (
                len(joined) <= _UNGROUPED_MAX_DIGITS
                or ",0" in token
                or any(int(part) > _LIST_PART_MAX for part in token.split(","))
            )
            readings = ("#" + joined, joined) if one_number else ("#" + joined,)
            numbers.append((token, (*readings, "list:" + token), False))
        else:
            numbers.extend((part, (part,), False) for part in token.split(","))
    return numbers


def _target_readings(text: str, language: str | None = None) -> Counter[str]:
    readings: Counter[str] = Counter()
    words = _number_values().get(language or "")
    if words:
        readings.update(words[w] for w in _LETTERS.findall(text.lower()) if w in words)
    if language:
        readings.update(_scaled(text, language))
    for token in _TARGET_NUMBER.findall(text.translate(_FULL_WIDTH_DIGITS)):
        forms = {token}
        grouped = _GROUPED.fullmatch(token)
        if grouped is not None:
            joined = token.translate(_SEPARATORS)
            forms.update(("#" + joined, joined))
        parts = _LIST_SEPARATOR.split(token)
        if len(parts) > 1:
            forms.add("list:" + ",".join(parts))
            readings.update(p for p in parts if p not in forms)  # `0,0` holds two zeros
            for part in parts:
                if "." in part:
                    forms.update(_PARTS.findall(part))
        readings.update(forms)
    return readings


_SEPARATORS = str.maketrans("", "", ".,\u00a0\u202f'’ ")


def _missing(
    source_text: str, target_text: str, language: str | None = None
) -> tuple[list[str], list[tuple[str, str]]]:
    """Numbers of the source the target lacks, and versions it gives with a decimal comma."""
    target = _target_readings(target_text, language)
    comma_versions = []
    missing = []
    for shown, readings, version in _source_numbers(source_text):
        if readings[0].startswith("#"):
            # A grouped number is there when grouped alike, run together (if short), or
            # as a list with the same parts.
            parts = shown.split(",")
            if target["list:" + ",".join(parts)] > 0 or all(target[p] > 0 for p in parts):
                target.subtract(parts)
                continue
        found = next((r for r in readings if target[r] > 0), None)
        if found is not None:
            target[found] -= 1
            continue
        comma = shown.replace(".", ",")
        if "." in shown and target[comma] > 0:
            target[comma] -= 1
            if version:
                comma_versions.append((shown, comma))
            continue
        missing.append(shown)
    return missing, comma_versions


def _language(context: PageContext) -> str | None:
    locale = context.page.locale
    return locale.split("-")[0].lower() if locale else None


def _texts(segment: Segment) -> tuple[str, str] | None:
    assert segment.target is not None and segment.source is not None
    if _DIGIT.search(segment.source.text) is None:
        return None
    source = visible_text(segment.source.text)
    if _DIGIT.search(source) is None:
        return None
    if "`" in source or "[" in source:  # code and link texts are not prose: the plain text only
        source = segment.source.inline.plain
    return source.translate(_FULL_WIDTH_DIGITS), visible_text(segment.target.text)


@segment_rule(
    "number-mismatch",
    family="numbers",
    severity="warning",
    summary="A number of the source missing from the target: lost, spelled out or merged.",
    explanation="""
Values, versions and counts carry meaning that translation must not change: "set to 2" that
became "set to 1", a version "4.5" that was dropped, or the list `255,255,255` run together as
`255255255` misinforms the reader. Numbers are compared in the
text outside code and links (those have rules of their own). The target may write a number
in its locale's way (full-width digits, `18.336.768` or `1 000` for grouping, `2,5` for a
decimal, another list separator such as `、`), without its grouping (`18,336,768` ->
`18336768`, a quantity whose value is kept; a list that may be three bytes or a colour,
`255,255,255`, run together is still reported), or with a word that multiplies it (`2000000` ->
`2 millions`, `2 milioni`, `200 萬`; the words are data, `check/rules/data/number_scales.json`):
only a number the target does not have in any form is reported. Into a language with letter case, a small number may be written out
(`1 entry` -> `une seule entrée`, `2 buttons` -> `двух кнопок`; the words of each language are
data, `check/rules/data/number_words.json`). A dimension (`3-D` -> `立體`, `трехмерный`) is a
word, not a number. A version written with a decimal comma has a rule of its own,
`version-decimal-comma`.
""",
    example="""
source: Windows Installer 4.0 or Windows Installer 4.5 on Windows Vista.
target: Windows Vista 上的 Windows Installer 4.0。
""",
)
def number_mismatch(segment: Segment, context: PageContext) -> str | None:
    texts = _texts(segment)
    if texts is None:
        return None
    missing, _ = _missing(*texts, _language(context))
    if not missing:
        return None
    return "number(s) of the source missing from the target: " + ", ".join(sorted(missing))


@segment_rule(
    "version-decimal-comma",
    family="numbers",
    severity="warning",
    summary="A version number of the source written with a decimal comma in the target.",
    explanation="""
A version is a name, not a quantity: `Windows Installer 4.5` is called that in every language.
Machine translation into a locale with a decimal comma turns it into `Windows Installer 4,5`,
which no product, download page or `VersionNT` condition knows. Quantities (`2.5 MB` ->
`2,5 Mo`) rightly take the decimal comma and are not reported; a number reads as a version
when a capitalised name, `version`, `v` or a library's or program's file name (`Mergemod.dll
1.0`) comes just before it.
""",
    example="""
source: Available starting with Windows Installer 4.5.
target: Disponible à partir de Windows Installer 4,5.
""",
)
def version_decimal_comma(segment: Segment, context: PageContext) -> list[str] | None:
    texts = _texts(segment)
    if texts is None or "," not in texts[1]:
        return None
    _, versions = _missing(*texts, _language(context))
    return [f"version '{shown}' is written '{comma}' in the target" for shown, comma in versions] or None
