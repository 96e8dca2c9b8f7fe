"""How the target is written: its locale's orthography, CJK punctuation, words written twice."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from kbtools.check.registry import PageContext, segment_rule
from kbtools.check.rules.identifiers import RUN_IN_SENTENCE
from kbtools.page.inline import visible_prose, visible_text
from kbtools.page.model import Segment

_CODE_SPAN = re.compile(r"`[^`]*`")
_HAN = re.compile(r"[\u3400-\u9fff]")
_FORMS = Path(__file__).with_name("data") / "zh_tw_forms.json"
_AFTER_HAN = Path(__file__).with_name("data") / "zh_tw_after_han.json"


# For one character, its phrases grouped by where the character stands in them and by their
# length: (offset, length, {phrase: its place in the character's list}).
_PhraseGroups = list[tuple[int, int, dict[str, int]]]
# For one character, the characters its phrases have right before it and right after it: where
# the text has neither beside it, no phrase holds it there (most places of 表, 制, 系).
_Neighbours = tuple[frozenset[str], frozenset[str]]


@cache
def _zh_tw_forms() -> tuple[
    re.Pattern[str],
    dict[str, str],
    re.Pattern[str],
    dict[str, list[tuple[str, int, str]]],
    dict[int, str],
    dict[str, _PhraseGroups],
    dict[str, _Neighbours],
]:
    """The OpenCC table (`tools/opencc_zh_tw.py`), ready to search: characters never right in
    Taiwan text, and the phrases in which a character that is right elsewhere must change.

    A character such as 里 stands in over a thousand phrases but at a few dozen (offset, length)
    places: the text around it is looked up once per place, not compared with every phrase."""
    data = json.loads(_FORMS.read_text(encoding="utf-8"))
    characters: dict[str, str] = data["characters"]
    by_char: dict[str, list[tuple[str, int, str]]] = {}
    for key, value in data["phrases"].items():
        for offset, (old, new) in enumerate(zip(key, value, strict=True)):
            if old != new and old not in characters:
                by_char.setdefault(old, []).append((key, offset, new))
    for key in data["keeping"]:
        for offset, char in enumerate(key):
            if char in by_char:
                by_char[char].append((key, offset, char))
    for entries in by_char.values():  # a phrase that keeps the character is tried first
        entries.sort(key=lambda entry: entry[2] != entry[0][entry[1]])
    simplified = str.maketrans(data["to_simplified"])
    groups: dict[str, _PhraseGroups] = {}
    neighbours: dict[str, _Neighbours] = {}
    for char, entries in by_char.items():
        places: dict[tuple[int, int], dict[str, int]] = {}
        before, after, alone = set(), set(), False
        for index, (key, offset, _new) in enumerate(entries):
            places.setdefault((offset, len(key)), {}).setdefault(key, index)
            if offset:
                before.add(key[offset - 1])
            if offset < len(key) - 1:
                after.add(key[offset + 1])
            alone = alone or len(key) == 1
        groups[char] = [(offset, length, keys) for (offset, length), keys in places.items()]
        # A phrase of two characters or more has a character beside this one (a character with a
        # phrase of its own alone has no such test).
        if not alone:
            neighbours[char] = (frozenset(before), frozenset(after))
    # Characters never right, of the Basic Multilingual Plane, or any character beyond it: a class
    # of BMP characters is a table (one look-up per character), one with others a list to scan.
    basic = "".join(sorted(char for char in characters if char <= "\uffff"))
    return (
        re.compile("[" + basic + "]|[\U00010000-\U0010ffff]"),
        characters,
        re.compile("[" + "".join(sorted(by_char)) + "]"),
        by_char,
        simplified,
        groups,
        neighbours,
    )


@cache
def _after_han() -> dict[str, str]:
    """Characters wrong after another Han character wherever no OpenCC phrase holds them (相依于)."""
    return json.loads(_AFTER_HAN.read_text(encoding="utf-8"))["characters"]


def _is_zh_tw(context: PageContext) -> bool:
    return (context.page.locale or "").lower() in ("zh-tw", "zh-hant-tw")


def mainland_forms(text: str) -> list[tuple[str, str]]:
    """The forms of a zh-TW text that Taiwan writes otherwise, each with the Taiwan form.

    A character that has one traditional form only (为 -> 為) is wrong wherever it stands; one
    that is right in some words (于, 注) only inside an OpenCC phrase that changes it (位于 -> 位於).
    """
    characters_pattern, characters, phrase_pattern, by_char, simplified, groups, neighbours = _zh_tw_forms()
    found = [(char, characters[char]) for char in text if char in characters] if characters_pattern.search(text) else []
    as_simplified = None
    for match in phrase_pattern.finditer(text):
        if as_simplified is None:
            as_simplified = text.translate(simplified)
        position, char = match.start(), match.group()
        first = None  # the first phrase of the character's list that holds it here
        beside = neighbours.get(char)
        if (
            beside is None
            or (position and as_simplified[position - 1] in beside[0])
            or as_simplified[position + 1 : position + 2] in beside[1]
        ):
            for offset, length, keys in groups[char]:
                start = position - offset
                if start >= 0:
                    index = keys.get(as_simplified[start : start + length])
                    if index is not None and (first is None or index < first):
                        first = index
        if first is not None:
            key, offset, new = by_char[char][first]
            if new != char:  # the first phrase that holds it changes it; none keeps it
                start = position - offset
                word = text[start : start + len(key)]
                found.append((word, word[:offset] + new + word[offset + 1 :]))
        elif char in (after_han := _after_han()) and position and _HAN.match(text, position - 1):
            # No phrase holds it, and it follows a word (相依于): Taiwan writes it otherwise.
            found.append((text[position - 1 : position + 1], text[position - 1] + after_han[char]))
    return found


@segment_rule(
    "zh-tw-orthography",
    family="typography",
    severity="warning",
    summary="A zh-TW target written with a mainland form where Taiwan writes another (于 for 於, 为 for 為).",
    explanation="""
Taiwan text is written in traditional characters in their Taiwan forms; machine translation
trained on mixed text leaves mainland forms in it (`位于` for `位於`, `附注` for `附註`, `为` for `為`),
which a Taiwan reader sees as a misspelling. The forms come from OpenCC's tables (simplified to
traditional characters and phrases, and Taiwan variants; see `tools/opencc_zh_tw.py`), and only
the unambiguous ones are used: a character that has one traditional form and is not itself
traditional, and a character that OpenCC changes by default but that is right in some words
(`于`, `后`, `干`) only within an OpenCC phrase that changes it, where no OpenCC phrase that
keeps it holds it too (`會干擾` holds `会干` -> `會幹` but also `干扰` -> `干擾`: not reported).
`于`, which Taiwan writes only as a surname or in classical words that OpenCC keeps (`于歸`), is
also read where no OpenCC phrase holds it and it follows another Han character (`相依于`, `定義于`).
Pages of other locales are not read.
""",
    example="""
source: The file is located in the folder.
target: 檔案位于資料夾中。
""",
)
def zh_tw_orthography(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    if not _is_zh_tw(context) or not _HAN.search(segment.target.text):
        return None
    text = visible_prose(segment.target.text)
    source = segment.source.text
    found = [(old, new) for old, new in dict.fromkeys(mainland_forms(text)) if old not in source]
    return [f"'{old}' is written '{new}' in Taiwan" for old, new in found] or None


_CJK = r"[\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af]"
# The mark first, then the CJK character looked for behind it: a pattern that starts with a
# look-behind is tried at every character, one that starts with a class only at its characters.
_HALF_WIDTH_BETWEEN_CJK = re.compile(rf"[;,:!?](?<={_CJK}.)(?={_CJK})")
# A dot that joins an object to its member, through markup (`<em>Player6</em>.<strong>HasError</strong>`,
# `*player*.**mediaCollection**`, `.Default.GroupPolicy`), and the full-width stop put in its place.
_MARKUP_BETWEEN = r"(?:\s*(?:\*{1,2}|_|</?[a-z]+>))*"
# The member is the letter right after the dot, or one word in markup of its own: a bold phrase
# after a sentence's stop (`log file.<strong>Windows Installer 2.0:</strong>`) is not a member.
_DOT_IN_NAME = re.compile(
    rf"[\w*>]{_MARKUP_BETWEEN}\s*\.(?:[A-Za-z]|(?:\*{{1,2}}|_|<[a-z]+>)+[A-Za-z][A-Za-z0-9_]*(?:\*{{1,2}}|_|</[a-z]+>))"
    r"|(?<![\w.])\.[A-Z][a-z]+\.[A-Z]"
)
_ATTRIBUTES = re.compile(r"<([a-z]+)\s[^<>]*>")
_LINK_TARGET = re.compile(r"\]\([^()]*\)")


def _without_addresses(text: str) -> str:
    """The text less tag attributes and link targets, whose dots (`x.md`) join no names."""
    if "<" in text:
        text = _ATTRIBUTES.sub(r"<\1>", text)
    return _LINK_TARGET.sub("]", text) if "](" in text else text


_FULL_STOP_IN_NAME = re.compile(rf"。{_MARKUP_BETWEEN}\s*[A-Za-z]")
_FULL_WIDTH = {";": "；", ",": "，", ":": "：", "!": "！", "?": "？"}


@segment_rule(
    "cjk-punctuation",
    family="typography",
    severity="warning",
    summary="Half-width punctuation (`;`, `,`, `:`, `!`, `?`) between two CJK characters in the target.",
    explanation="""
Chinese, Japanese and Korean text punctuates with full-width marks (`；`, `，`, `：`); a half-width
mark between two CJK characters (`字型;控制項`) is a slip of machine translation or of a
conversion, and it sets the two clauses against each other without the space the mark needs.
Code spans are not read; a half-width mark next to a Latin letter or a digit is not reported.
The other way round, a full-width `。` where the source joins an object to its member with a dot
(`<em>Player6</em>.<strong>HasError</strong>` -> `<em>Player6</em>。<strong>HasError</strong>`,
`.Default.GroupPolicy`) breaks the name, and is reported; a source sentence run into the next
without a space (`... as the query.Seek cannot be used`) joins no names.
""",
    example="""
source: Your application specified a new font for the item; the control will use the new font.
target: 您的應用程式已為專案指定新字型;控制項將會使用新的字型。
""",
)
def cjk_punctuation(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    target = segment.target.text
    problems = []
    if (
        "。" in target
        and _FULL_STOP_IN_NAME.search(target)
        and _DOT_IN_NAME.search(RUN_IN_SENTENCE.sub(r"\1. ", _without_addresses(segment.source.text)))
    ):
        problems.append("full-width '。' where the source joins two names with '.' (`Player.controls`): write '.'")
    if not _HALF_WIDTH_BETWEEN_CJK.search(target):
        return problems or None
    text = visible_prose(target)
    marks = dict.fromkeys(match.group() for match in _HALF_WIDTH_BETWEEN_CJK.finditer(text))
    problems.extend(f"half-width '{mark}' between CJK characters: write '{_FULL_WIDTH[mark]}'" for mark in marks)
    return problems or None


# A phrase of three or more CJK characters written twice in a row (`之間的之間的`); a word of two
# or more letters written twice with a space between (`the the`, `di di`).
_DOUBLED_CJK = re.compile(rf"({_CJK}{{3,}}?)\1")
_DOUBLED_WORD = re.compile(r"(?<![\w-])([^\W\d_]{2,})\s+\1(?![\w-])")


_PARTICLES = "的之"


def _within_words(text: str, match: re.Match[str]) -> bool:
    """Whether a repeated CJK run may be two words that share characters (`標準使用者使用者經驗`:
    `標準使用者` and `使用者經驗`; `執行緒執行緒模型`): CJK on both sides and no particle at its
    edges. A run at a boundary (`資料表資料表。`) or led or closed by a particle (`的材質的材質`,
    `之間的之間的`), or a run of four characters or more (`同時安裝同時安裝`), is a doubling."""
    phrase = match.group()
    if len(phrase) >= 8 or phrase[0] in _PARTICLES or phrase[-1] in _PARTICLES:
        return False
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return bool(before and after and _HAN.match(before) and _HAN.match(after))


@segment_rule(
    "doubled-word",
    family="typography",
    severity="warning",
    summary="A word or phrase written twice in a row in the target (`之間的之間的`, `local local`).",
    explanation="""
Machine translation sometimes emits a phrase twice when it aligns one source word with two
places (`之間的之間的`, `в в`); a reader stumbles and may wonder what was lost. The rule reports
a run of three or more CJK characters repeated at once, and a word of the source (two letters
or more, in the same case) repeated after a space in the target, more often than the source
writes it: `Installer installer` is a name and a verb, `Windows Windows Server` two names. A
single character or a two-character word repeated (`謝謝`, `使用使用者`: `使用` and `使用者`) is
ordinary Chinese and is not reported, nor a three-character run inside a sentence that may be two
words sharing their characters (`標準使用者使用者經驗`: `標準使用者` and `使用者經驗`) unless a
particle (的, 之) leads or closes it; a translated word repeated is not either, since a word
of the target cannot be told from a word that two source words share. A source that doubles a
word itself (`the user user moves`) is faithfully translated with its translation doubled.
""",
    example="""
source: The relationship between the two objects.
target: 兩個物件之間的之間的關聯性。
""",
)
def doubled_word(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    target = segment.target.text
    cjk = _HAN.search(target) is not None
    if not cjk and " " not in target:
        return None
    text = visible_prose(target)
    doubled_cjk = list(_DOUBLED_CJK.finditer(text)) if cjk else []
    doubled_words = list(_DOUBLED_WORD.finditer(text))
    if not doubled_cjk and not doubled_words:
        return None
    source_cased = visible_text(segment.source.text)
    source = source_cased.lower()
    found = []
    # A source that doubles a word itself (`after the user user moves`) is translated faithfully
    # with the translation doubled.
    if doubled_cjk and _DOUBLED_WORD.search(source):
        doubled_cjk = []
    for pattern, matches in ((_DOUBLED_CJK, doubled_cjk), (_DOUBLED_WORD, doubled_words)):
        for match in matches:
            phrase = match.group()
            if phrase.lower() in source:
                continue
            if pattern is _DOUBLED_CJK and _within_words(text, match):
                continue
            if pattern is _DOUBLED_WORD:
                word = re.compile(rf"(?<![\w-]){re.escape(match.group(1))}(?![\w-])")
                # A word of the source (a translated word may stand for two source words), written
                # more often than the source writes it: two names
                # side by side (`Windows Installer` + `Windows Server`) repeat no word.
                in_source = len(word.findall(source_cased))
                if not in_source or len(word.findall(text)) <= in_source:
                    continue
            found.append(phrase)
    return [f"'{phrase}' repeats a word or phrase" for phrase in dict.fromkeys(found)] or None


# A link's end run into the next word of a script written with spaces (`(small-updates.md)oppure`).
_LINK_THEN_LETTER = re.compile(r"(?<!\\)\]\([^)\s]*\)(?=[A-Za-z\u00c0-\u024f\u0400-\u04ff])")
_LINK_THEN_SPACE = re.compile(r"(?<!\\)\]\([^)\s]*\)(?=[\s.,;:!?)]|\Z)")


@segment_rule(
    "missing-space",
    family="typography",
    severity="warning",
    summary="A link run into the word after it (`[update](small-updates.md)oppure`), where the source has a space.",
    explanation="""
In a language written with spaces between words, a link is a word: a translation that runs it
into the next word (`[таблицу CustomAction](customaction-table.md)см.`) renders as one word
(`таблицу CustomActionсм.`), a slip that machine translation makes when it moves the link. The
rule reports a link followed at once by a Latin or Cyrillic letter in the target where every link
of the source is followed by a space or punctuation. Chinese, Japanese and Korean text, which
puts no space there, is not read.
""",
    example="""
source: ... can be handled as a [small update](small-updates.md), or if the version is to change ...
target: ... può essere gestito come un [piccolo aggiornamento](small-updates.md)oppure, se ...
""",
)
def missing_space(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    target = segment.target.text
    if "](" not in target:
        return None
    run_in = _LINK_THEN_LETTER.findall(target)
    if not run_in:
        return None
    source = segment.source.text
    if len(_LINK_THEN_SPACE.findall(source)) != source.count("]("):
        return None  # the source runs a link into a word too (`[Msi](msi.md)s`)
    return [f"'{link}' runs into the next word: put a space after the link" for link in dict.fromkeys(run_in)]


# The first word of a text, past markup, brackets and quotes.
_FIRST_WORD = re.compile(r"[\s*\[\]()\"'«»“”„#>-]*([^\W\d_][\w'’-]*)")
# A source that starts with a word, not with a name (`MSIINSTALLCONTEXT_USER`, `File_`): a name
# translated at the start is `translated-identifier`'s.
_WORD_START = re.compile(r"[A-Z][a-z]+")


@segment_rule(
    "lowercase-start",
    family="typography",
    severity="warning",
    summary="The target starts with a lower-case letter where the source starts with a capital.",
    explanation="""
A sentence, a heading or a table cell starts with a capital in Russian, Italian, French and the
other languages written with letter case, as it does in English. Machine translation that puts a
term from its glossary first keeps the glossary's case (`установщик Windows в Windows Server 2003`
for `Windows Installer on Windows Server 2003`), and the sentence reads as a fragment. The rule
reports a target whose first word starts with a lower-case letter where the source's first word
is a capitalised word (not a name such as `MSIINSTALLCONTEXT_USER` or `File_`, whose translation
`translated-identifier` reports), unless the target's word is the source's own (a name kept as it
is, `msiexec`).
Scripts without case (Chinese, Japanese, Korean) are not read.
""",
    example="""
source: Windows Installer on Windows Server 2003 or Windows XP
target: установщик Windows в Windows Server 2003 или Windows XP
""",
)
def lowercase_start(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    target_text = segment.target.text
    first = _FIRST_WORD.match(_CODE_SPAN.sub("`", visible_text(target_text)))
    if first is None or not first.group(1)[0].islower():
        return None
    source = _FIRST_WORD.match(_CODE_SPAN.sub("`", visible_text(segment.source.text)))
    if source is None or not _WORD_START.fullmatch(source.group(1)):
        return None
    word = first.group(1)
    if word in segment.source.text:
        return None
    return f"'{word}' starts the target in lower case where the source starts with a capital"
