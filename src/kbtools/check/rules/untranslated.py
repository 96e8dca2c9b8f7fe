"""Targets left in the source language."""

from __future__ import annotations

import html
import re
from collections import Counter

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.model import Segment

# A word that asks for translation: lowercase letters, not an identifier or a file name.
_WORD = re.compile(r"(?<![\w.\\/-])[a-z]{2,}(?![\w./\\-])")
_SPACE = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MIN_WORDS = 2
# Prose has function words; a type, a command or an instruction (`unsigned char`, `texkill dst`,
# `pragma deleteclass`, `add iplisten ipaddress=1.1.1.1`) has none, and is rightly left as is.
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "for",
        "and",
        "or",
        "is",
        "are",
        "be",
        "was",
        "were",
        "this",
        "that",
        "these",
        "those",
        "with",
        "from",
        "by",
        "it",
        "its",
        "not",
        "can",
        "may",
        "must",
        "should",
        "will",
        "you",
        "your",
        "see",
        "use",
        "when",
        "which",
        "into",
    ]
)


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@segment_rule(
    "untranslated",
    family="translation",
    severity="warning",
    summary="The target is the source, where the source has words to translate.",
    explanation="""
A target identical to its source was never translated (or the translation was lost and the
source copied in its place). Names, identifiers and code are legitimately left as they are, so
the rule fires only when the source reads as prose: at least two ordinary words (lowercase
words outside code, links, entities and `{placeholders}`), one of them a function word such as
"the", "to" or "is". A type, command or instruction (`unsigned char`, `texkill dst`) has none.
""",
    example="""
<span data-ttu-id="1-2">Set the property to 1.</span><span class="sxs-lookup"><span data-stu-id="1-2">Set the property to 1.</span></span>
""",
)
def untranslated(segment: Segment, context: PageContext) -> str | None:
    assert segment.target is not None and segment.source is not None
    target, source = segment.target.text, segment.source.text
    # Equal up to white space? The first visible character settles almost every segment.
    if target != source and (target.lstrip()[:1] != source.lstrip()[:1] or target.split() != source.split()):
        return None
    plain = segment.source.inline.plain
    if "&" in plain:
        plain = html.unescape(plain)  # `&quot;Programs&quot;` is one word, not three
    words = _WORD.findall(_PLACEHOLDER.sub(" ", plain))
    if len(words) < MIN_WORDS or not any(word in _FUNCTION_WORDS for word in words):
        return None
    return f"target is the untranslated source: '{_normalize(plain)[:60]}'"


# Scripts other than Latin: Latin words in such a target are either names kept or English left.
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A lower-case English word standing alone among the target's own words: no Latin word, digit,
# dot, slash or bracket next to it (`包含 play 和 stop`), so not part of a name or a signature.
_NEXT_TO_A_NAME = r"[A-Za-z0-9_.\\/@#%&=:+<>(),*-]"
_LONE_WORD = re.compile(
    rf"(?<!{_NEXT_TO_A_NAME})(?<!{_NEXT_TO_A_NAME} )[a-z]{{4,}}(?!{_NEXT_TO_A_NAME})(?! {_NEXT_TO_A_NAME})"
)
# What the target's words are not read in: code spans, emphasis (a parameter, a label), links
# (their texts are names as often as words), HTML tags, `{placeholders}`, entities.
_NOT_PROSE = re.compile(r"`[^`]*`|\*[^*\s][^*]*\*|_[^_\s][^_]*_|\[[^\]]*\]\([^)]*\)|<[^>]*>|\{[^{}]*\}|&\w+;")
# A word before the kind of thing it names is a name (`the status attribute`, `a draw method`).
_NAMED_BY_ITS_KIND = re.compile(
    r"\b([a-z]{4,}) (?:attribute|method|element|property|parameter|member|function|event|field|"
    r"flag|value|variable|keyword|statement|command|macro|constant|interface|object|instruction|column|"
    r"table|environment)s?\b"
)
# A word kept in more sentences of the page than this is a term the translation keeps.
_KEPT_ON_PURPOSE = 2
_SOURCE_WORD = re.compile(r"(?<=[ \[])[a-z]{4,}(?=[ \]])")


def _page_words(context: PageContext) -> tuple[Counter[str], Counter[str]]:
    """For each lower-case word of the page's sources, in how many sentences (distinct sources)
    the target keeps it and in how many it translates it. A word the page keeps throughout is
    kept on purpose (`cookie`); one it translates elsewhere is a word the translation knows."""
    words = context.memo.get("page-words")
    if words is None:
        kept: Counter[str] = Counter()
        translated: Counter[str] = Counter()
        seen: set[str] = set()
        for segment in context.page.segments:
            if segment.paired and _OTHER_SCRIPT.search(segment.target.text):  # type: ignore[union-attr]
                target, source = segment.target.text, segment.source.text  # type: ignore[union-attr]
                if source in seen:
                    continue  # a row repeated says nothing more
                seen.add(source)
                for word in set(_SOURCE_WORD.findall(source)):
                    (kept if word in target else translated)[word] += 1
        words = context.memo["page-words"] = (kept, translated)
    return words


@segment_rule(
    "untranslated-words",
    family="translation",
    severity="warning",
    summary="An English word of the source left alone in a target written in another script (`包含 play 和 stop VCR 控制項`).",
    explanation="""
A translation into Chinese, Japanese, Korean or Russian that leaves an ordinary English word of
its source alone in the middle of its own sentence (`暫留按鈕也會包含 play 和 stop VCR 控制項符號`,
`僅限 Windows Server 2003 [ desktop 應用程式]`, `在不斷演進的 decentrally 結構化系統中`) was
translated in part: the machine translation did not know the word, or a fragment of translation
memory was pasted in. Names are kept in Latin letters in such a target, and rightly, but names
are capitalised, in code, in emphasis, in links or shaped like identifiers, stand next to
other Latin words or punctuation (`rich edit 控制項`, `(S、float、uint)`), or come before the kind
of thing they name (`the status attribute`, `a draw method`). The rule reports a
lower-case word of four letters or more that stands between spaces in the source's prose and
alone, among words of the target's own script, in the target, where the page translates that
word in another sentence (so the translation knows it) and keeps it in two other sentences at
most: a word a page keeps throughout is kept on purpose (`cookie`, `mutex`).
""",
    example="""
source: The hover buttons will also contain the play and stop VCR control symbols.
target: 暫留按鈕也會包含 play 和 stop VCR 控制項符號。
""",
)
def untranslated_words(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    target = segment.target.text
    if not _LONE_WORD.search(target) or not _OTHER_SCRIPT.search(target):
        return None
    prose = _NOT_PROSE.sub(" \x00 ", target).replace("\\", "")
    words = [word for word in _LONE_WORD.findall(prose) if word not in _KEPT_WORDS]
    if not words:
        return None
    source_text = segment.source.text
    source_words = set(_SOURCE_WORD.findall(source_text)) - {
        match.group(1) for match in _NAMED_BY_ITS_KIND.finditer(source_text)
    }
    left = [word for word in dict.fromkeys(words) if word in source_words]
    if left:
        kept, translated = _page_words(context)
        left = [word for word in left if kept[word] <= _KEPT_ON_PURPOSE and translated[word]]
    return [f"'{word}' is left in English in the target" for word in left] or None


# Lower-case words kept in any language: values and keywords a reader types.
_KEPT_WORDS = frozenset(["null", "true", "false", "void", "none", "auto", "http", "https", "localhost"])
