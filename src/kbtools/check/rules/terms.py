"""Identifiers that a translation must keep exactly, and terms translated two ways."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kbtools.check.registry import Hit, PageContext, page_rule, segment_rule
from kbtools.check.sequence import Sequence, spelled_term
from kbtools.page.inline import Link, markdown_links, visible_prose, visible_text
from kbtools.page.model import Segment, Span

_TYPE_NAMES = Path(__file__).with_name("data") / "type_names.json"

_FILE_EXTENSIONS = r"\.(?:h|hpp|idl|dll|exe|msi|msm|msp|mst|pcp|cub|cab|lib|ini|inf|ocx|sys|tlb|xml|txt|log|bat|cmd|vbs|js|wxs)(?![\w])"
_FILE_NAME = re.compile(r"(?<![\w.])[A-Za-z_][\w-]*" + _FILE_EXTENSIONS)
# What a file name cannot be without: searched first, from its `.`, far cheaper than the name.
_FILE_EXTENSION = re.compile(_FILE_EXTENSIONS)
# A word in capitals, not after a word character or a dot (`ALLUSERS`). The pattern starts with
# the capital and looks behind it: a pattern that starts with a look-behind is tried at every
# character, one that starts with a class only at the characters of the class.
_ALL_CAPS = re.compile(r"[A-Z](?<![\w.].)[A-Z0-9_]{3,}(?![\w])")
# An identifier: no spaces, starts with a letter or underscore, has an inner capital, a digit,
# an underscore, a dot or '::' (ProductCode, MsiNTProductType, Installer.UILevel, _Streams).
_IDENTIFIER = re.compile(r"[A-Za-z_][\w]*(?:(?:\.|::)[A-Za-z_][\w]*)*\Z")
_IDENTIFIER_SHAPE = re.compile(r"[a-z][A-Z]|\d|_|\.|::|^[A-Z]{2,}")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_BUTTON_AFTER = re.compile(r"(?:\*\*|__)?\s+buttons?\b")
_STRONG_OR_CODE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|`([^`]+)`")
# Words written in capitals for emphasis, and message-box button labels (which Windows shows
# localized): not names, so a translation rightly translates them.
CAPITALISED_WORDS = frozenset(
    [
        "NOTE",
        "IMPORTANT",
        "WARNING",
        "CAUTION",
        "TIP",
        "REQUIRED",
        "ONLY",
        "MUST",
        "NEVER",
        "NONE",
        "TRUE",
        "FALSE",
        "NULL",
    ]
    + ["ABORT", "CANCEL", "RETRY", "IGNORE"]
    # key names, which Windows also shows localized
    + [
        "ARROW",
        "ENTER",
        "SHIFT",
        "CTRL",
        "SPACEBAR",
        "DELETE",
        "INSERT",
        "HOME",
        "BACKSPACE",
        "PAGE",
        "DOWN",
        "LEFT",
        "RIGHT",
    ]
)
# Names in running text, bold phrases, `<strong>` and italics: words with an inner capital
# or a digit (`UnitType`, `ppISCardVerify`, `AcceptSecurityContext`, `JScript`, `Win32`), also
# after a dot (`Player.launchURL`). Reported only when the target has
# them in another case: a translation may rightly rephrase around them.
# (Starts with its first letter, then looks behind it: see `_ALL_CAPS`.)
_NAME_WORD = re.compile(r"[A-Za-z_](?<![A-Za-z0-9_].)[A-Za-z0-9_]*(?![A-Za-z0-9_])")
_NAME_SHAPE = re.compile(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]{2}|[A-Za-z][0-9]")
# A bold word in capitals (`**Count**`, `**Microsoft**`): into a language without letter case
# it becomes another word, never the same word in other case.
_BOLD_CAPITALISED = re.compile(r"\*\*([A-Z][a-z]{2,})\*\*|<(?:strong|b)>([A-Z][a-z]{2,})</(?:strong|b)>")
_CASELESS_LANGUAGES = ("zh", "ja", "ko")
# The forms a translation gives an identifier's punctuation, as searched in a text whose third
# forms (`。` for a dot, `‐` for a hyphen) are folded into the full-width one (`_THIRD_FORMS`):
# a class of two characters compiles to a range, one of three to a 64K-entry table, which for
# a term's every dot costs more than the check of its segment. No term holds either character.
_PUNCTUATION_VARIANTS = {
    ".": "[.．]",
    ":": "[:：]",
    "_": "[_＿]",
    "-": "[-－]",
    "/": "[/／]",
    "\\": "[\\\\＼]",
}
_THIRD_FORMS = str.maketrans({"。": "．", "‐": "－"})


@cache
def _type_names() -> frozenset[str]:
    """Data types written in bold or as code as names (`**Integer**`): `data/type_names.json`."""
    return frozenset(json.loads(_TYPE_NAMES.read_text(encoding="utf-8"))["names"])


# The term rules, identifier rules and fixes ask for the same source's names: each found once
# per text (frozen, since the sets are shared).
@lru_cache(maxsize=4096)
def protected_terms(source_text: str) -> frozenset[str]:
    """Identifiers of a source text that its translation must contain as they are."""
    text = visible_text(source_text)
    terms: set[str] = set()
    labels: set[str] = set()
    if "**" in text or "`" in text or "__" in text:
        for match in _STRONG_OR_CODE.finditer(text):
            term = (match.group(1) or match.group(2) or match.group(3)).strip()
            if match.group(3) is None and _button_label(text, match, term):
                labels.add(term)  # `the **YES** button`, which Windows shows localized
                continue
            if _IDENTIFIER.match(term) and (_IDENTIFIER_SHAPE.search(term) or term in _type_names()):
                terms.add(term)
    if _FILE_EXTENSION.search(text):
        terms.update(_FILE_NAME.findall(text))
    terms.update(_ALL_CAPS.findall(text))
    return frozenset(terms - CAPITALISED_WORDS - labels)


def _button_label(text: str, match: re.Match[str], word: str) -> bool:
    """Whether a bold word before `button` is the button's label: a word of letters, not a link
    to a name's page (`several [**REINSTALL**](reinstall.md) buttons`, buttons that set a
    property). An element or a constant is not bold (`INPUT buttons`, `MB_ABORTRETRYCANCEL buttons`)."""
    return (
        word.isalpha()
        and bool(_BUTTON_AFTER.match(text, match.end()))
        and text[match.start() - 1 : match.start()] != "["
    )


@lru_cache(maxsize=4096)
def case_sensitive_words(source_text: str, caseless_target: bool) -> frozenset[str]:
    """Names of a source text whose case a translation must keep, where it keeps them at all."""
    text = visible_text(source_text)
    words = set()
    if _HAS_INNER_CAPITAL.search(text):
        words.update(word for word in _NAME_WORD.findall(text) if _may_be_shaped(word) and _NAME_SHAPE.search(word))
    if caseless_target and ("**" in source_text or "<" in source_text):
        for match in _BOLD_CAPITALISED.finditer(source_text):
            words.add(match.group(1) or match.group(2))
    return frozenset(words)


def _may_be_shaped(word: str) -> bool:
    """False for a word of letters, lower case after the first (`Property`, `the`): no inner
    capital, no leading capitals, no digit, so `_NAME_SHAPE` cannot match it."""
    return not (word.isalpha() and word[1:].islower())


# Whether a text has a small letter before a capital or a digit, or two capitals before a small
# letter, or a capital before a digit (`[a-z][A-Z]|[A-Z]{2}[a-z]|[A-Za-z][0-9]`), led by the
# capital or digit with what stands before it looked behind: the search stops at those only, not
# at every small letter. Only searched for, never matched.
_HAS_INNER_CAPITAL = re.compile(r"[A-Z0-9](?:(?<=[a-z].)|(?<=[A-Z][0-9])|(?<=[A-Z][A-Z])(?=[a-z]))")


# What of a term a variant pattern matches as it is: the text between its punctuation.
_LITERAL_PIECES = re.compile("[" + re.escape("".join(_PUNCTUATION_VARIANTS)) + "]")


@lru_cache(maxsize=4096)
def _variant_pattern(term: str) -> re.Pattern[str]:
    """Matches the lower-cased term with full-width punctuation and stray spaces.

    Searched in lower-cased text: compiling a case-insensitive pattern per term costs more
    than the whole check of a page.
    """
    parts = []
    for char in term.lower():
        if char in _PUNCTUATION_VARIANTS:
            parts.append(r"\s?" + _PUNCTUATION_VARIANTS[char] + r"\s?")
        else:
            parts.append(re.escape(char))
    return re.compile(r"(?<![a-z0-9_])" + "".join(parts) + r"(?![a-z0-9_])")


# The characters of each class of `_PUNCTUATION_VARIANTS`.
_PUNCTUATION_FORMS = {
    char: frozenset(forms[1:-1].replace("\\\\", "\\")) for char, forms in _PUNCTUATION_VARIANTS.items()
}


@lru_cache(maxsize=4096)
def _variant_sequence(term: str) -> Sequence:
    """What `_variant_pattern(term)` matches, found without compiling the pattern (which costs
    some 1.5 M instructions a term)."""
    return spelled_term(term.lower(), _PUNCTUATION_FORMS, _WORD_CHARACTERS.__contains__)


def altered_forms(term: str, text: str) -> list[str]:
    """The forms other than itself the term takes in the text, where only case, punctuation
    or spacing changed."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower to two; keep offsets exact
        lowered = "".join(c.lower()[0] for c in text)
    # Every form keeps the term's letters between its punctuation: without them in the text,
    # no pattern need be built (most terms a translation lost are simply not there).
    pieces = _LITERAL_PIECES.split(term.lower())
    if not all(piece in lowered for piece in pieces if piece):
        return []
    folded = lowered.translate(_THIRD_FORMS)
    if len(pieces) == 1:  # no punctuation: the pattern is the term itself, found without building it
        spans = _literal_spans(pieces[0], folded)
    else:
        spans = [match.span() for match in _variant_sequence(term).finditer(folded)]
    forms = (text[start:end] for start, end in spans)
    return [form for form in forms if form != term]


def _literal_spans(word: str, text: str) -> list[tuple[int, int]]:
    """Where `_variant_pattern` of a term without punctuation matches (`word` is the term lower-
    cased): the word, not after or before a small letter, a digit or `_`, left to right."""
    spans = []
    size = len(word)
    at = text.find(word)
    while at != -1:
        end = at + size
        if (at == 0 or text[at - 1] not in _WORD_CHARACTERS) and (
            end == len(text) or text[end] not in _WORD_CHARACTERS
        ):
            spans.append((at, end))
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return spans


_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


# The letters that a case-insensitive pattern matches to an ASCII letter but `str.lower` does
# not lower to it (ı and İ match i, ſ matches s): where they stand, only the pattern can tell.
_FOLDS_ELSEWHERE = re.compile("[\u0130\u0131\u017f]")


def in_any_case(word: str, text: str) -> bool:
    """False when a case-insensitive search for the ASCII `word` in `text` cannot match: a test
    far cheaper than building the pattern (most words are not there in any case)."""
    return word.lower() in text.lower() or bool(_FOLDS_ELSEWHERE.search(text))


@segment_rule(
    "protected-term",
    family="terms",
    severity="error",
    summary="An identifier of the source changed (case, punctuation, spacing) or lost in the target.",
    explanation="""
Property names, file names and other identifiers are case-sensitive and are never translated:
`ALLUSERS` and `allusers` are different properties to the reader who types them, and
`Mergemod。h` is no header anyone can include. The rule takes the identifiers of the source (a
bold or code term shaped like an identifier, a file name, an ALL-CAPS name) and reports those
that appear in the target only in an altered form: other letter case, full-width punctuation,
spaces inserted, or that are missing from it altogether (translated or dropped). Names with an
inner capital anywhere else in the source (running text, bold phrases, `<strong>`, italic
parameter names such as `*dwLogonType*`) and, into a language without letter case (zh, ja,
ko), a bold capitalised word (`**Count**`) are reported when the target has them in another
case only: such a word is either kept as it is or translated. A data type written in bold or as
code (`an **Integer** value`, `a read/write **String**`: the Automation types of
`data/type_names.json`) is the type's name and must be kept, in any language. Capitalised
English words used for emphasis (NOTE, REQUIRED, ...) and message-box button labels
(CANCEL, ABORT, RETRY, IGNORE, and any bold word before `button`: `the **YES** button`), which
Windows shows localized, are not identifiers.
""",
    example="""
source: If the value of the **ALLUSERS** property is set to 2 ... see Mergemod.h
target: 如果 **allusers** 屬性的值設定為2 ... 請參閱 Mergemod。h
""",
)
def protected_term(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    if not _ASCII_LETTER.search(segment.source.text):
        return None
    source_text = segment.source.text
    terms = protected_terms(source_text)
    caseless = (context.page.locale or "").lower().startswith(_CASELESS_LANGUAGES)
    names = case_sensitive_words(source_text, caseless) - terms
    if not terms and not names:
        return None
    # Link URLs are not text: `(remove.md)` must not pass for the property name REMOVE.
    target = visible_text(segment.target.text)
    source = visible_text(source_text)
    problems = []
    names = {name for name in names if not any(name in term for term in terms)}  # reported with its term
    for term in sorted(terms | names):
        kept = target.count(term)
        if kept and kept >= source.count(term):
            continue
        altered = altered_forms(term, target)
        if altered:
            problems.append(f"'{term}' appears as '{altered[0]}' in the target")
        elif not kept and term in terms and not any(term in other for other in terms if other != term):
            problems.append(f"'{term}' is missing from the target (translated or dropped)")
    return problems or None


def _links(span: Span) -> list[Link]:
    text = span.text
    if "`" in text or "<" in text:  # code spans hide links, HTML adds them: parse it all
        return span.inline.links
    return markdown_links(text)


_FUNCTION_WORDS_FILE = Path(__file__).with_name("data") / "function_words.json"
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.U)
_MARKUP = re.compile(r"[*_`\\]+")
_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"[\[\]()（）「」『』\"“”]")
_STEM = 5


@cache
def _function_words() -> dict:
    """`data/function_words.json`, read once."""
    return json.loads(_FUNCTION_WORDS_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class _Language:
    """What a language's renderings of one term may differ by without naming another thing:
    `data/function_words.json`."""

    words: frozenset[str]
    particles: re.Pattern[str] | None
    elided: re.Pattern[str] | None
    stemmer: str | None

    def stem(self, word: str) -> str:
        return _stemmer(self.stemmer)(word) if self.stemmer else _prefix(word)


@cache
def _stemmer(name: str) -> Callable[[str], str]:
    import snowballstemmer  # loads every language's stemmer: only once two renderings differ

    return snowballstemmer.stemmer(name).stemWord


def _prefix(word: str) -> str:
    # Inflection changes the end of a word (`kleine`/`kleinen`, `preselezionato`/`preselezione`):
    # without a stemmer, a long word less its plural ending is known by its first letters.
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    return word[:_STEM] if len(word) > _STEM else word


@cache
def _language(language: str) -> _Language:
    """A language's function words, particles and stemmer; for a language the data does not
    name, the function words and particles of every language it names."""
    table = _function_words()
    entries = [table[language]] if language in table else [v for k, v in table.items() if not k.startswith("_")]
    words = frozenset(word for entry in entries for word in entry.get("words", "").split())
    particles = "".join(entry.get("particles", "") for entry in entries)
    elided = sorted({word for entry in entries for word in entry.get("elided", "").split()}, key=len, reverse=True)
    stemmer = table.get(language, {}).get("stemmer")
    return _Language(
        words,
        re.compile(f"[{re.escape(particles)}]") if particles else None,
        re.compile(f"^(?:{'|'.join(map(re.escape, elided))})['’]") if elided else None,
        stemmer,
    )


def _wording(text: str, language: _Language) -> frozenset[str]:
    """The words of a translation less markup, case, function words and inflection."""
    words = set()
    for word in _WORDS.findall(_MARKUP.sub(" ", text).lower()):
        if language.elided is not None:
            word = language.elided.sub("", word)
        if word not in language.words:
            words.add(language.stem(word))
    return frozenset(words)


def _same_wording(one: str, other: str, language: _Language) -> bool:
    """Two translations name one thing alike when, less inflection and word order, the words
    of one are all in the other (a link boundary that moved leaves `table` outside one of them)."""
    a, b = _wording(one, language), _wording(other, language)
    if a <= b or b <= a:
        return True
    # Scripts written without spaces: one text inside the other is a moved boundary too, and
    # a particle (`許可權的屬性` and `許可權屬性`) names nothing.
    a_text, b_text = (_bare(t).lower() for t in (one, other))
    if language.particles is not None:
        a_text, b_text = language.particles.sub("", a_text), language.particles.sub("", b_text)
    return bool(a_text) and bool(b_text) and (a_text in b_text or b_text in a_text)


def _paired_links(segment: Segment) -> list[tuple[Link, Link]]:
    """Source and target links of a segment paired by URL, where each URL occurs once on each side."""
    source_links, target_links = _links(segment.source), _links(segment.target)  # type: ignore[arg-type]
    by_url: dict[str, list[Link]] = {}
    for link in target_links:
        by_url.setdefault(link.target, []).append(link)
    counts: dict[str, int] = {}
    for link in source_links:
        counts[link.target] = counts.get(link.target, 0) + 1
    pairs = []
    for link in source_links:
        found = by_url.get(link.target, [])
        if counts[link.target] == 1 and len(found) == 1:
            pairs.append((link, found[0]))
    return pairs


_CAPITALISED_NAME = re.compile(r"[A-Z][A-Za-z0-9_]*")
_LATIN_WORDS = re.compile(r"[A-Za-z0-9_]+")
_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A link text that is all bold or code (`[**Product Object**](product-object.md)`): its
# translation is the bold or code part; words around it are the sentence's (`的方法`, `的屬性`).
_WHOLLY_MARKED = re.compile(r"(\*\*|`)[^*`]+\1")
_MARKED_PARTS = re.compile(r"\*\*([^*]+)\*\*|`([^`]+)`")


# A link text that names code: one word, an instruction and its shader (`else - vs`), a directive
# or a joined name (`#define`, `write_mask`).
_CODE_LIKE = re.compile(r"\A\W*[A-Za-z0-9_]+\W*\Z| - |[#_]")


def _names(source_text: str, caseless: bool = False) -> list[str]:
    """The capitalised words of a link's source text, in its order; into a script without letter
    case, every Latin word of a text that names code (`else - vs`, `#define`, not `uninstallable
    patch` or `drag-and-drop helper object`), since such a target keeps a Latin word only as a name."""
    text = visible_text(source_text)
    if caseless and _CODE_LIKE.search(text):
        return list(dict.fromkeys(_LATIN_WORDS.findall(text)))
    names = list(dict.fromkeys(_CAPITALISED_NAME.findall(text)))
    # The word that says what kind of thing a name is (`File Table`, `Record Object`) is no name:
    # `tabella file` and `file table` keep the same one.
    return names[:1] + [name for name in names[1:] if name.lower() not in _kinds()]


@cache
def _kinds() -> frozenset[str]:
    return frozenset(_function_words()["en"].get("kinds", "").split())


# Letters joined by a dot, or a capital inside a word: a name's shape.
_JOINED_WORDS = re.compile(r"[A-Za-z]\.[A-Za-z]|[a-z][A-Z]")


def _a_title_kept_in_english(source_text: str, rendering: str) -> bool:
    """Whether the rendering that keeps the names is the source's text left as it is, where that
    text is a title of several words, none saying what kind of thing it names (`Small Update`,
    `Windows Installer 3.1 Redistributable (v2)`): a concept or an article's title, which a
    translation may keep or translate. Which of the two is right no rule can tell; `Directory
    Table`, `Installer` or `**View**` left as they are keep the name of a table or an object."""
    text = visible_text(source_text)
    if _CODE_LIKE.search(text) or _JOINED_WORDS.search(text):
        return False  # code (`else - vs`) or a name (`Microsoft.Language`, `Reinstall ControlEvent`)
    words = [word.lower() for word in _LATIN_WORDS.findall(text)]
    if len([word for word in words if not word.isdigit()]) < 2 or any(word in _kinds() for word in words):
        return False
    return [word.lower() for word in _LATIN_WORDS.findall(visible_text(rendering))] == words


def _names_kept(source_text: str, translated: str) -> int:
    """How many capitalised words of a link's source text its translation keeps as they are."""
    words = set(_LATIN_WORDS.findall(visible_text(translated)))
    return sum(1 for name in _names(source_text) if name in words)


def _names_held(source_text: str, translated: str, language: _Language, caseless: bool) -> frozenset[str]:
    """The names of a link's source text that its translation holds in any case (`table file`
    holds `File`), less one-letter and function words (`A`, `In`)."""
    words = {word.lower() for word in _LATIN_WORDS.findall(visible_text(translated))}
    held = set()
    for name in (name.lower() for name in _names(source_text, caseless)):
        if len(name) < 2 or name in language.words:
            continue
        # in a plural or inflected form (`Features`, `Installers`)
        if name in words or (len(name) > 3 and any(w.startswith(name) and len(w) <= len(name) + 2 for w in words)):
            held.add(name)
    return frozenset(held)


def _marked(source_text: str, translated: str) -> str:
    """What of a link's translation renders the source's text: its bold and code parts, where the
    source's link text is all bold or code."""
    if not _WHOLLY_MARKED.fullmatch(source_text):
        return translated
    parts = [one or other for one, other in _MARKED_PARTS.findall(translated)]
    return " ".join(parts) if parts else translated


def _page_text(context: PageContext) -> str:
    """The targets of the page less markup and spaces, to count how often a rendering is used."""
    text = context.memo.get("inconsistent-translation:text")
    if text is None:
        targets = (s.target.text for s in context.page.segments if s.paired)  # type: ignore[union-attr]
        text = _bare("\n".join(targets))
        context.memo["inconsistent-translation:text"] = text
    return text


def _bare(text: str) -> str:
    """A rendering less markup, spaces and brackets (`[升級] 資料表` is `升級資料表`)."""
    return _BRACKETS.sub("", _SPACES.sub("", _MARKUP.sub("", text)))


def _uses(context: PageContext, translated: str) -> int:
    return _page_text(context).count(_bare(translated))


_SPELLED_OUT_MAX = 2  # characters: `表` -> `資料表`, `控制` -> `控制項`


def _spelled_out(one: str, other: str) -> bool:
    """Whether a rendering says all another says and more, in its order: in a script written
    without spaces the fuller term (`控制項資料表`, `小型更新`) is the one a shorter (`控制資料表`,
    `小更新`) fell short of."""
    short, full = _bare(other), _bare(one)
    if not short or not len(short) < len(full) <= len(short) + _SPELLED_OUT_MAX:
        return False  # more is a link that took in words of its sentence (`媒體擴充功能範例會示範`)
    characters = iter(full)
    return all(char in characters for char in short)


def _owned_elsewhere(source_text: str, translations: tuple[str, ...]) -> bool:
    """True when the difference is an identifier of the link text that a translation altered:
    `protected-term` reports that."""
    return any(any(term not in visible_text(t) for t in translations) for term in protected_terms(source_text))


@page_rule(
    "inconsistent-translation",
    family="terms",
    severity="warning",
    summary="One linked term of the source translated two ways on the same page.",
    explanation="""
When the same source text links to the same page more than once, the translation should name it
the same way each time; machine translation often does not (`Directory Table` as `table Directory`
and `table de répertoires`, `Control table` as `控制項資料表` and `控制資料表` on one page), which makes
the reader think there are two things. The rule compares the link texts of links with the same
target and the same source text, and reports only a difference in what they name. In a language
written with letter case, that is a name of the source (a capitalised word, in any case: `table
file` keeps `File`) that one rendering keeps and the other lost; two renderings that keep the
same names are two wordings of one thing (`versions publiées` and `versions commercialisées de
Windows Installer`, `utilizzo` and `uso di una tabella di sequenza`), whatever their words. In
Chinese, Japanese and Korean, where a kept Latin word is a name (`else`, `BBControl`), it is also
a rendering that falls short of the other by a character or two (`BBControl 表` for `BBControl
資料表`, `控制資料表` for `控制項資料表`); synonyms (`相對分辨名稱`, `相對辨別名稱`) are the translator's
choice. Inflection and word order are not a different name (`Tabelle CustomAction` and
`CustomAction-Tabelle`, `таблицы`/`таблице`: words are compared by their Snowball stems, or by
their first five letters in a language without a stemmer), nor are articles, prepositions and
particles (`許可權的屬性` and `許可權屬性`; the words of each language are data,
`check/rules/data/function_words.json`), a link that takes in one more word of the sentence, or,
for a link text all in bold, the words around the bold (`**Product 物件** 的方法`). An identifier
whose case or punctuation changed is reported once, by `protected-term`, and a link text left in
the source language by `untranslated` where the whole segment is left so; each term is reported
once per page, at the rendering that keeps fewer of the source's names, else at the shorter one,
else at the one the page uses less, else at the later one. Where the rendering that keeps the
names is the source's text left as it is and that text is a title of several words with none
saying what kind of thing it names (`Small Update` beside `piccolo aggiornamento`, a download's
title), either rendering may be the right one, and none is reported.
""",
    example="""
source: See the [Directory Table](directory-table.md). ... In the [Directory Table](directory-table.md).
target: Voir la [table de répertoires](directory-table.md). ... Dans la [table Directory](directory-table.md).
""",
)
def inconsistent_translation(context: PageContext) -> Iterator[Hit]:
    locale = (context.page.locale or "").lower()
    language = _language(locale.split("-")[0])
    first: dict[tuple[str, str], tuple[str, str, Segment]] = {}
    reported: set[tuple[str, str]] = set()
    for segment in context.page.segments:
        if not segment.paired or "](" not in segment.source.text:  # type: ignore[union-attr]
            continue
        if segment.target.text.split() == segment.source.text.split():  # type: ignore[union-attr]
            continue  # left in the source language: `untranslated` reports it
        for source_link, target_link in _paired_links(segment):
            source_text = source_link.text.strip()
            if not source_text:
                continue
            key = (source_link.target, source_text)
            shown = target_link.text.strip()
            translated = _marked(source_text, shown)
            if key not in first:
                first[key] = (shown, translated, segment)
                continue
            shown_earlier, earlier, where = first[key]
            if key in reported or earlier == translated or _same_wording(earlier, translated, language):
                continue
            if _owned_elsewhere(source_text, (earlier, translated)):
                continue
            # Two renderings that hold the same names of the source are, in a language written
            # with letter case, two wordings of one thing (`versions publiées` and `versions
            # commercialisées`, `utilizzo`/`uso di una tabella di sequenza`): only a rendering that
            # lost a name the other kept (`table de répertoires`, `table Directory`) misleads. In a
            # script without spaces, one that falls short of the other (`控制資料表`, `控制項資料表`)
            # does too; synonyms (`相對分辨名稱`, `相對辨別名稱`) are the translator's choice.
            caseless = locale.startswith(_CASELESS_LANGUAGES) or bool(_CJK_TEXT.search(earlier + translated))
            held_here = _names_held(source_text, translated, language, caseless)
            held_there = _names_held(source_text, earlier, language, caseless)
            shorter_here = caseless and _spelled_out(earlier, translated)
            shorter_there = caseless and _spelled_out(translated, earlier)
            names_differ = held_here != held_there
            if names_differ and caseless:
                # A long title with one English word left in one rendering (`防止 Patch 要求存取原始
                # 安裝來源`) kept no name: the keeper holds at least half of the source's names.
                names = {name.lower() for name in _names(source_text, caseless)}
                names_differ = 2 * max(len(held_here), len(held_there)) >= len(names)
            if not names_differ and not (shorter_here or shorter_there):
                continue
            reported.add(key)
            # The rendering that keeps more of the source's names (`table Directory` for
            # `Directory Table`) is the right one, else the fuller (`控制項資料表` over `控制資料表`),
            # else the one the page uses more often: the finding goes to the other.
            here = (len(held_here), _names_kept(source_text, translated), shorter_there, _uses(context, translated))
            there = (len(held_there), _names_kept(source_text, earlier), shorter_here, _uses(context, earlier))
            if _a_title_kept_in_english(source_text, translated if here > there else earlier):
                continue
            if here > there:
                yield Hit(
                    f"'{key[1]}' is translated '{shown_earlier}' here but '{shown}' on line {segment.line}",
                    where,
                )
                continue
            yield Hit(
                f"'{key[1]}' is translated '{shown}' here but '{shown_earlier}' on line {where.line}",
                segment,
            )


# Scripts other than Latin: a Latin word in such a target is one the translation kept.
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Languages written in another script than Latin, for a target that is all Latin words (`Idl`).
_OTHER_SCRIPT_LANGUAGES = frozenset({"zh", "ja", "ko", "ru", "uk", "bg", "el", "be", "sr", "mk", "kk"})
# (Each starts with its first letter, then looks behind it: see `_ALL_CAPS`.)
_LATIN_WORD = re.compile(r"[A-Za-z](?<![\w#+.-].)[A-Za-z0-9]+(?![\w#+-])")
# Two or more capitalised words in a row: a product or feature name (`Windows Script Host`).
_CAPITALISED_PHRASE = re.compile(r"[A-Z](?<![\w-].)[a-z]+(?:[ ][A-Z][a-z]+)+(?![\w-])")
# In a Latin-script target a word before a number (`Version 2.0`) is a word of that language there
# (`version 2,0`), not a part of the name (`Rich Edit 2.0` stays one in a Chinese target).
_CAPITALISED_PHRASE_LATIN = re.compile(r"[A-Z](?<![\w-].)[a-z]+(?:[ ][A-Z][a-z]+(?![ ]\d))+(?![\w-])")


def _kept_names(source_words: list[str]) -> list[str]:
    """The Latin words of a source (in its order) written in capitals (`IDL`, `ASN`): names, whatever the sentence.
    A capitalised word (`Null`) may be capitalised for emphasis, and the constants and words in
    capitals that a translation writes its own way (`TRUE` -> `true`, `NOTE`) are not read.
    In the order of the source, so that the findings come out the same in every run."""
    words = dict.fromkeys(word for word in source_words if word.isupper())
    return [word for word in words if word not in CAPITALISED_WORDS]


@segment_rule(
    "changed-case",
    family="terms",
    severity="warning",
    summary="A name the target kept in Latin letters changed its letter case (`IDL` -> `Idl`, `**Context**` -> `**context**`).",
    explanation="""
A word a translation keeps as it is stays a name: in a Chinese or Russian target the Latin words
are the names of the source, and their case is part of them (`IDL`, `Null`, `Windows Script Host`).
Machine translation lower-cases them or capitalises them by its own grammar (`Idl`, `null`,
`Windows script host`), and a reader searching for the name, or typing it, is misled. The rule
reports, in a target written in another script than Latin (Chinese, Japanese, Korean, Cyrillic,
Greek), a Latin word kept in another case than the source's name (a word capitalised other than
at a sentence's start, or in capitals), and a bold phrase (`**Context**`) kept in another case;
in any target, a phrase of two or more capitalised words kept word for word but recased
half-way (`Windows me`, `Windows script host`). Chinese, Japanese and Korean have no letter case,
so a capitalised word of the source they keep in capitals or in lower case (`Java` -> `JAVA`,
`Windows` -> `windows`) is reported too, unless the source writes it so as well (`PSWIZB_FINISH`)
or it is a word of a phrase lower-cased whole. A target that is its source but for letter case
(`ret` -> `Ret`, `/settings` -> `/Settings`, `float` -> `FLOAT`) is a copy recased: in a
Latin-script target only a copy of one token is read, a phrase being the rule above's. A copy
that adds capitals inside words only (`Complus` -> `ComPlus`, `Diskid` -> `DiskID`) writes the
name's usual form, and one that writes a constant in capitals (`Null` -> `NULL`) or capitalises
a compound's noun after its hyphen (`64-bit` -> `64-Bit`) the target's spelling of it. A bold
capitalised word of a Chinese, Japanese or Korean target is `protected-term`'s, and so is a copy
that recases a name it watches (`**DWORD**` -> `**Dword**`). A Latin-script target writes titles in its own
case, but it translates their words as it does (`documentation de Windows Installer`): a name
kept in English and recased is not a title of that language. A phrase lower-cased whole
(`global assembly cache`) is a common noun, a choice; a word before a number (`Version 2.0` ->
`version 2,0`) is the target's own word, and so, in a Latin-script target, is a common noun
lower-cased at a phrase's end (a word the page's English writes in lower case, or one the target
uses elsewhere) after a name the English uses on its own (`Windows Installer Patch` ->
`Windows Installer patch`), or in a link text that is a topic's title left in English in the
target's sentence case (`[About merge modules]`, where the English says `merge modules` too). A
name the target writes with an inner capital the source lacks (`Technet` -> `TechNet`, `SXS` ->
`SxS`), or a bold name the source wrote in lower case (`**upgradecode**` -> `**UpgradeCode**`), is
the source's slip or the name's usual form. Names with an inner capital or
in capitals of four letters or more are `protected-term`'s.
""",
    example="""
source: The **Context** property returns the context of this product.
target: Свойство **context** возвращает контекст этого продукта.
""",
)
def changed_case(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    source_text, target_text = segment.source.text, segment.target.text
    if not _ASCII_LETTER.search(target_text):
        return None
    source = visible_prose(source_text)
    target = visible_prose(target_text)
    found: dict[str, str] = {}
    watched = protected_terms(source_text)
    language = (context.page.locale or "").lower().split("-")[0]
    other_script = language in _OTHER_SCRIPT_LANGUAGES or bool(_OTHER_SCRIPT.search(target))
    # A bold word in a Latin-script target may be the same word of that language (`**description**`);
    # in Chinese, Japanese and Korean `protected-term` reads bold words.
    if other_script and language not in _CASELESS_LANGUAGES and "**" in source_text and "**" in target_text:
        target_bold = list(dict.fromkeys(text.strip() for text in segment.target.inline.strong))
        for bold in (text.strip() for text in segment.source.inline.strong):
            if (
                bold
                and bold not in target_bold
                and _ASCII_LETTER.search(bold)
                and not _owned_by_protected_term(bold, watched)
            ):
                for other in target_bold:
                    # A source that lower-cased a name the target writes as one (`**upgradecode**`
                    # -> `**UpgradeCode**`) is the source's slip, not the target's.
                    if other.lower() == bold.lower() and not (bold.islower() and _HAS_INNER_CAPITAL.search(other)):
                        found[bold] = other
    # A phrase kept word for word but recased half-way (`Windows script host`, `Windows me`) is a
    # name mangled in any script: a Latin-script target that recases a title translates its words.
    if " " in source:
        target_lower = target.lower()
        for phrase in (_CAPITALISED_PHRASE if other_script else _CAPITALISED_PHRASE_LATIN).findall(source):
            if phrase in target or phrase.lower() not in target_lower:
                continue
            recased = re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", target, re.IGNORECASE)
            # Lower-cased whole, the name became a common noun (`global assembly cache`), a choice;
            # cut in case half-way (`Windows script host`), it is a name mangled. A target that
            # capitalises a word inside (`Microsoft Technet` -> `Microsoft TechNet`) writes the
            # name right where the source slipped.
            if (
                recased
                and recased.group().split()[0] == phrase.split()[0]
                and not _HAS_INNER_CAPITAL.search(recased.group())
                and (other_script or not _own_case(phrase, recased.group(), segment, context))
            ):
                found.setdefault(phrase, recased.group())
    if other_script:
        target_words = dict.fromkeys(_LATIN_WORD.findall(target))  # in the target's order
        source_list = _LATIN_WORD.findall(source)
        source_words = set(source_list)
        by_lower: dict[str, list[str]] = {}
        for word in target_words:
            if word not in source_words:
                by_lower.setdefault(word.lower(), []).append(word)
        if by_lower:
            for name in _kept_names(source_list):
                if name in target_words or name.lower() not in by_lower or _owned_by_protected_term(name, watched):
                    continue
                kept = by_lower[name.lower()][0]
                # A word in capitals that the target writes with an inner capital (`SXS` -> `SxS`)
                # takes the name's usual form; lowered or capitalised (`Idl`, `Ice`) it is mangled.
                if _INNER_SMALL_CAPITAL.search(kept):
                    continue
                found.setdefault(name, kept)
        # Chinese, Japanese and Korean have no letter case: a capitalised name they keep in capitals
        # or in lower case (`Windows` -> `WINDOWS`, `System.Object` -> `system.object`) is mangled.
        if by_lower and language in _CASELESS_LANGUAGES:
            recased = {}
            for name in source_words:
                if (
                    name not in target_words
                    and name.lower() in by_lower
                    and _CAPITALISED.fullmatch(name)
                    and not _owned_by_protected_term(name, watched)
                ):
                    kept = by_lower[name.lower()][0]
                    # written so in the source too (`PSWIZB_FINISH` for the **Finish** button)
                    if (
                        (kept.isupper() or kept.islower())
                        and kept not in source
                        and kept.upper() not in CAPITALISED_WORDS
                    ):
                        recased[name] = kept
            if recased:
                # A phrase's words are the phrase's: reported with it, or lower-cased whole by choice;
                # a bold capitalised word (`**Count**`) is `protected-term`'s in these languages.
                in_phrases = {
                    word
                    for phrase in _CAPITALISED_PHRASE.findall(source)
                    if phrase in found or phrase.lower() in target
                    for word in phrase.split()
                }
                if "**" in source_text or "<" in source_text:
                    in_phrases.update(word for pair in _BOLD_CAPITALISED.findall(source_text) for word in pair if word)
                for name in _capitalised_names(source):  # in the order of the source
                    if name in recased and name not in in_phrases:
                        found.setdefault(name, recased[name])
    # In a Latin-script target a phrase in its own case is the phrase branch's to judge, and a
    # name `protected-term` watches (`CLSID` -> `Clsid`) is its to report.
    if (
        not found
        and (other_script or " " not in source_text.strip())
        and _recased_copy(source_text.strip(), target_text.strip())
        and all(term in target for term in watched)
    ):
        found[source_text.strip()[:60]] = target_text.strip()[:60]
    return [f"'{name}' appears as '{other}' in the target" for name, other in found.items()] or None


_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")


def _capitalised_names(source: str) -> list[str]:
    """Capitalised words of a source (`Windows`, `Java`), in the order of the source."""
    return [word for word in dict.fromkeys(_LATIN_WORD.findall(source)) if _CAPITALISED.fullmatch(word)]


def _recased_copy(source: str, target: str) -> bool:
    """Whether the target is the source but for letter case (`ret` -> `Ret`, `/settings` ->
    `/Settings`): kept as it is, it was meant to stay as it is. Capitals the target adds inside
    words only (`Complus` -> `ComPlus`, `Diskid` -> `DiskID`) write the name's usual form where the
    source slipped, a constant in capitals (`Null` -> `NULL`) is the target's own spelling, and so
    is a compound's noun capitalised after its hyphen (`64-Bit`)."""
    if len(source) != len(target) or source == target or source.lower() != target.lower():
        return False
    if target.rstrip(".").upper() in CAPITALISED_WORDS:
        return False
    changed = [index for index, (one, other) in enumerate(zip(source, target, strict=True)) if one != other]
    if all(target[index].isupper() and index > 0 and target[index - 1].isalpha() for index in changed):
        return False
    # A compound's noun capitalised after its hyphen (`64-bit` -> `64-Bit`) is German's noun case.
    return not all(
        target[index].isupper() and index > 1 and target[index - 1] == "-" and target[index - 2].isalnum()
        for index in changed
    )


_INNER_SMALL_CAPITAL = re.compile(r"[a-z][A-Z]")


def _own_case(phrase: str, recased: str, segment: Segment, context: PageContext) -> bool:
    """Whether a Latin-script target recased the phrase by its own rules: it lowered only the
    phrase's last words, which the page's English writes in lower case too (common nouns), after
    a name the English uses on its own (`Windows Installer patch`, `Windows Installer
    documentation`), or in a link text that is the phrase and nothing else (the title of a topic
    left in English, in the target's sentence case: `[About merge modules]`)."""
    words, kept = phrase.split(), recased.split()
    changed = [index for index, (one, other) in enumerate(zip(words, kept, strict=True)) if one != other]
    first = changed[0]
    if changed != list(range(first, len(words))) or any(kept[i] != words[i].lower() for i in changed):
        return False  # recased inside (`Registry tables Group`), or not lowered
    english, targets = _page_texts(context)
    # in either number (`merge module` in the English for `merge modules`)
    singular = " ".join(kept[first:]).removesuffix("s")
    tail = re.compile(rf"(?<![\w-]){re.escape(singular)}s?(?![\w-])")
    common_in_english = bool(tail.search(english))
    name = " ".join(words[:first])
    if first >= 2 and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?! [A-Z])", english):
        # A noun after a name: common in the English, or a word the target writes elsewhere too.
        return common_in_english or len(tail.findall(targets)) > targets.count(recased)
    if not common_in_english:
        return False  # the English never writes it as a common noun (`Windows me`, `Windows script host`)
    target = segment.target
    assert target is not None
    return "](" in target.text and any(
        _MARKUP.sub("", visible_text(link.text)).strip() == recased for link in target.inline.links
    )


def _page_texts(context: PageContext) -> tuple[str, str]:
    """The sources and the targets of the page, one a line, less URLs and tags."""
    texts = context.memo.get("changed-case:texts")
    if texts is None:
        pairs = [s for s in context.page.segments if s.paired]
        sources = visible_text("\n".join(s.source.text for s in pairs))  # type: ignore[union-attr]
        targets = visible_text("\n".join(s.target.text for s in pairs))  # type: ignore[union-attr]
        texts = context.memo["changed-case:texts"] = (sources, targets)
    return texts


def _owned_by_protected_term(name: str, watched: set[str]) -> bool:
    return bool(_HAS_INNER_CAPITAL.search(name)) or any(name in term for term in watched)


_TERM_SOURCES = Path(__file__).with_name("data") / "term_sources.json"


@cache
def _term_sources(locale: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """The terms of `data/term_sources.json` for a locale, each with the English words that make
    it right, as said and as a pattern."""
    table = json.loads(_TERM_SOURCES.read_text(encoding="utf-8"))
    wanted = next((terms for key, terms in table.items() if key.lower() == locale), {})
    return tuple(
        (term, "' or '".join(words), re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")", re.IGNORECASE))
        for term, words in wanted.items()
    )


@segment_rule(
    "unsourced-term",
    family="terms",
    severity="warning",
    summary="A target term that translates an English word the source does not have (`專案`, a project, for 'item').",
    explanation="""
Some terms of a locale translate one English word and no other: in Taiwan `專案` is a project and
`主控台` a console. Machine translation trained on other software writes them for other words
(`專案` for 'item', 'entry' or 'element', `主控台` for 'Control Panel', which is `控制台`), and
the reader is told of a project or a console that the English never mentions. The rule reports
such a term in a target whose source has none of the English words it translates. The terms
and their English words are data, per locale (`data/term_sources.json`); a locale without an
entry is not read.
""",
    example="""
source: Gets an item from a DPA.
target: 從 DPA 取得專案。
""",
)
def unsourced_term(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    terms = _term_sources((context.page.locale or "").lower())
    if not terms:
        return None
    target = segment.target.text
    found = []
    for term, said, english in terms:
        if term in target and not english.search(segment.source.text):
            found.append(f"'{term}' translates '{said}', which the source does not have")
    return found or None
