"""Tokens a translation copies character for character: placeholders, paths, GUIDs, URLs."""

from __future__ import annotations

import re

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.inline import visible_prose
from kbtools.page.model import Segment

_SAL = r"(?:in|out|optional|retval|opt|ref|unique|reserved)"
# Each kind of token, as it stands in the visible text of the source (escapes removed).
_TOKEN_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("GUID", re.compile(r"\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?")),
    ("URL", re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:]")),
    ("e-mail address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    (
        "path",
        re.compile(
            r"(?<![\w\\])(?:[A-Za-z]:\\|%\w+%\\|\\\\\w|HKEY_[A-Z_]+\\|HK(?:LM|CU|CR|U)\\)[^\s,;()<>\"'*{}]*[^\s,;()<>\"'*{}.:]"
        ),
    ),
    ("path", re.compile(r"(?<![\w\\:%])[A-Za-z][\w.]*(?:\\[\w.]+){2,}(?<!\.)")),
    (
        "placeholder",
        re.compile(
            r"\[\d+\]|\[[#$!%~\\][^\]\s*]*\]|\[[A-Z][A-Za-z0-9_]*[A-Z][A-Za-z0-9_]*\]|%\w+%|%[-+ #0]*\d*(?:\.\d+)?(?:l|ll|h|I64)?[sdiuxXcfpSeg](?![A-Za-z])|\{\d+(?:[:,][^{}\s]*)?\}|\{[A-Z][A-Z0-9_]*[0-9_][A-Z0-9_]*\}|\{[\\&][A-Za-z_]\w*\}"
        ),
    ),
    ("annotation", re.compile(rf"\[{_SAL}(?:\s*,\s*{_SAL})*\]")),
    ("property setting", re.compile(r"(?<![\w\[])[A-Z][A-Z0-9_]{2,}=(?![^\s,;)\]]*[a-z]{2})[^\s,;)\]*{]+")),
    ("call", re.compile(r"(?<![\w.])[A-Za-z_]*[A-Z_]\w*(?:(?:\.|::)\w+)*\(\)")),
    ("colour", re.compile(r"#[0-9A-Fa-f]{6}\b")),
    # A language named with a symbol: `c #` or `C + +` is no name at all.
    ("language name", re.compile(r"(?<![\w#+.])(?:[CFJ]#|C\+\+)(?![\w#+])")),
    # Numbers joined by underscores: a version in a name (`3_0` of `vs_3_0`, `3_sw` and `2_x` of a
    # shader model's variants), never two numbers.
    ("joined number", re.compile(r"(?<![\w.])\d+(?:_\d+)*_(?:\d+|[a-z]{1,2})(?![\w.])")),
)
# What each kind's pattern cannot match without: most texts lack it, and an `in` test costs far
# less than a search. A kind not named here is always searched.
_NEEDS = {
    "GUID": ("-",),
    "URL": ("://",),
    "e-mail address": ("@",),
    "path": ("\\",),
    "placeholder": ("[", "%", "{"),
    "annotation": ("[",),
    "property setting": ("=",),
    "call": ("()",),
    "colour": ("#",),
    "language name": ("#", "++"),
    "joined number": ("_",),
}
# A switch (`/i`, `-b`) is a token only in a command line: a segment that names a program.
_COMMAND = re.compile(r"\b(?:msiexec|cscript|wscript|\w+\.(?:exe|vbs|js|cmd|bat))\b", re.I)
# A character that every token holds one of: a text with none has no token (one search is
# cheaper than an `in` test per character).
_TOKEN_CHARACTER = re.compile(r"[\[%{:\\@#=(./+-]")
# After white space; the pattern starts with the switch's `/` or `-` and looks behind it, which
# is tried at those characters only, not at every character as a leading look-behind is.
_SWITCH = re.compile(r"[/-](?<=\s.)[A-Za-z?][A-Za-z0-9:]*(?=\s|$)")


# A file extension or a swizzle in prose (`the .msi file`, `.xyzw`), and the same split after its
# dot by a space (`файл. msi`, `. xyzw`): a translation may drop the dot, never split it off.
_EXTENSION = re.compile(r"(?<![\w.\\/*-])\.([A-Za-z][A-Za-z0-9]{1,4})(?![\w.-])")


_AFTER_DOT = re.compile(r"\.(\s*)([A-Za-z][A-Za-z0-9]{0,4})(?![A-Za-z0-9])")


def split_extensions(source: str, target: str) -> list[str]:
    """The extensions of a source (`.msi`) that the target writes only split after the dot."""
    whole: set[str] = set()
    split: set[str] = set()
    for match in _AFTER_DOT.finditer(target):
        (split if match.group(1) else whole).add(match.group(2).lower())
    return [
        extension
        for extension in dict.fromkeys(_EXTENSION.findall(source))
        if extension.lower() in split and extension.lower() not in whole
    ]


# A file extension that stands as a word of prose: after a space, a quote or a bracket, or at
# the start, in lower case or in capitals (`.ibd`, `.LOCAL`); `table.md).to` is a missing space.
_PROSE_EXTENSION = re.compile(r"(?:^|(?<=[\s\"'(]))\.([a-z][a-z0-9]{1,4}|[A-Z][A-Z0-9]{1,4})(?![\w.-])")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


def lost_extensions(source: str, target: str) -> list[str]:
    """The extensions of a source (`.ibd`) whose letters the target has nowhere, with or without
    the dot, in any case: translated (`ИБД`) or dropped, where `MSI-файл` keeps them."""
    extensions = _PROSE_EXTENSION.findall(source)
    if not extensions:
        return []
    words = {word.lower() for word in _LATIN_WORD.findall(target)}
    return [extension for extension in dict.fromkeys(extensions) if extension.lower() not in words]


def compared_text(span_text: str) -> str:
    """The text the tokens are looked for in: visible, less code spans (`inline-code-mismatch`'s)."""
    return visible_prose(span_text)


def copied_tokens(source_text: str) -> list[tuple[str, str]]:
    """The tokens of a source text that a translation must copy exactly, with their kind."""
    text = compared_text(source_text)
    tokens = []
    for kind, pattern in _TOKEN_KINDS:
        needs = _NEEDS.get(kind)
        if needs is not None:
            for needed in needs:
                if needed in text:
                    break
            else:
                continue
        found = pattern.findall(text)
        if found:
            tokens.extend((kind, token) for token in found)
    switches = _SWITCH.findall(text)
    if switches and _COMMAND.search(text):
        tokens.extend(("switch", token) for token in switches)
    return tokens


def reported_tokens(tokens: list[tuple[str, str]]) -> dict[str, str]:
    """Each token once, with its kind, less those inside a longer one (`%windir%` in a path),
    which is reported for both."""
    kinds: dict[str, str] = {}
    for kind, token in tokens:
        kinds.setdefault(token, kind)
    return {
        token: kind for token, kind in kinds.items() if not any(token != other and token in other for other in kinds)
    }


@segment_rule(
    "copied-token",
    family="tokens",
    severity="error",
    summary="A token the target must copy exactly (placeholder, path, GUID, URL, e-mail, property setting, call, switch) changed.",
    explanation="""
Some text is not language: the placeholders `[2]`, `%s`, `{0}`, `{GUID1}` and `%windir%` that a
program fills in, the font styles `{\\style}` and `{&style}` of a text control, numbers joined by
underscores in a name (`3_0` of `vs_3_0`, `3_sw`, `2_x`), the SAL annotations `[in]` and `[out]`, file and registry paths (`C:\\Sample\\Notepad`,
`HKEY_LOCAL_MACHINE\\Software`), GUIDs, URLs and e-mail addresses, `PROPERTY=VALUE` settings,
calls such as `GetLastError()`, colours such as `#FDF5E6`, the languages `C#`, `F#`, `J#` and `C++` and, in a command line, switches (`/i`, `-b`). A reader copies them; translation that inserts a space
(`[ 2 ]`, `REINSTALL = ALL`, `{76fa7a80-33F 6-…}`), translates a part (`[在]`,
`C: \\ Beispiel für \\ Notepad`) or changes letter case makes them wrong. The rule reports each
such token of the source (outside code spans, which `inline-code-mismatch` compares) that the target
does not contain exactly. `kbtools check --fix` restores a token that only gained spaces between its
characters, full-width punctuation or another letter case, when that damaged form maps to one token
of the source alone; a token partly translated is left to a translator. A file extension in prose (`the .msi file`) is not one of them: a
translation rightly writes `MSI-файл` or `file con estensione msi`; but one split after its dot
(`файл. msi`, `fichier. exe`, a swizzle `. xyzw`), where the target has it nowhere whole, is reported,
and so is one whose letters the target has nowhere, with or without the dot and in any case:
translated (`.ibd` -> `ИБД`, `.wax` -> `地板蠟`) or dropped.
""",
    example="""
source: Error [2] occurred. Call GetLastError() for details.
target: Произошла ошибка [ 2 ]. Вызовите GetLastError () для получения сведений.
""",
)
def copied_token(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    source_text = segment.source.text
    if not _TOKEN_CHARACTER.search(source_text):
        return None
    tokens = copied_tokens(source_text)
    split = ". " in segment.target.text and "." in source_text
    # The source's own text: a link's address that ends before a missing space (`(x.md).to`)
    # must not leave `.to` standing as a word.
    lost = lost_extensions(source_text, compared_text(segment.target.text)) if "." in source_text else []
    if not tokens and not split and not lost:
        return None
    target = compared_text(segment.target.text)
    problems = [
        f"{kind} '{token}' is not copied exactly into the target"
        for token, kind in reported_tokens(tokens).items()
        if token not in target
    ]
    if split:
        problems += [
            f"'.{extension}' is split after its dot in the target"
            for extension in split_extensions(compared_text(source_text), target)
        ]
    problems += [f"'.{extension}' is not in the target (translated or dropped)" for extension in lost]
    return problems or None
