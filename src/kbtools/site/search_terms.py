"""Words that jieba's (mainland) dictionary splits wrongly in Taiwanese technical Chinese.

Added to jieba's dictionary by the kbtools plugin before the search plugin segments the pages
(or given to the search plugin as `jieba_dict_user`, `write_user_dictionary`): `工作階段金鑰` becomes
`工作階段 / 金鑰` instead of `工作 / 階段 / 金 / 鑰`, so a query finds the pages that use the term.
The search box segments a query with the words of the index, so the index's words decide; a
compound such as `重新啟動管理員` is left to split into `重新啟動 / 管理員`, the words a query
is cut into, so that both its halves match.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

TERMS = (
    "工作階段",
    "金鑰",
    "重新啟動",
    "重新開機",
    "管理員",
    "安裝程式",
    "自訂動作",
    "動作順序",
    "屬性值",
    "資料表",
    "登錄",
    "登錄機碼",
    "元件",
    "功能",
    "套件",
    "修補程式",
    "產品代碼",
    "使用者介面",
    "對話方塊",
    "控制項",
    "伺服器",
    "用戶端",
    "資料夾",
    "目錄",
    "檔案",
    "摘要資訊",
    "合併模組",
    "交易",
    "執行階段",
    "系統管理員",
    "權限",
    "預設值",
    "公用屬性",
    "私用屬性",
)

# A high frequency so that these words win over jieba's own splits.
FREQUENCY = 100000


def write_user_dictionary(path: Path) -> Path:
    """The words as a jieba user dictionary file (for a search plugin without the kbtools plugin)."""
    path.write_text("".join(f"{term} {FREQUENCY}\n" for term in TERMS), encoding="utf-8")
    return path


# Variants: two Chinese words are variants of one term when the translation pairs show both as
# the rendering of the same English word (重新開機 / 重新啟動 for "restart", 套件 / 封裝 for
# "package"). A word renders an English word when they occur in the same sentence pairs far
# more often than apart (Dice coefficient) and each is the other's best partner.
_CJK_WORD = re.compile(r"[\u3400-\u9fff]{2,}")
_CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|\d+")
_ENGLISH_STOP_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "from",
        "are",
        "was",
        "not",
        "can",
        "has",
        "have",
        "been",
        "its",
        "which",
        "when",
        "into",
        "any",
        "all",
        "use",
        "used",
        "uses",
        "using",
        "see",
        "also",
        "more",
        "information",
        "value",
        "values",
        "set",
        "sets",
        "property",
        "properties",
        "only",
        "then",
        "than",
    ]
)
MIN_PAIRS = 3
MIN_DICE = 0.4
MAX_SHARED = 0.2  # of the rarer word's sentences


def english_stem(word: str) -> str:
    """A light English stem (plurals only): the same rule as the browser's (`assets/search.js`)."""
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def english_words(text: str) -> list[str]:
    """Stemmed English words; a camel-case identifier counts whole and by its parts
    (`ProductCode` -> productcode, product, code), as in the browser (`assets/search.js`)."""
    words = []
    for token in re.findall(r"[A-Za-z0-9]+", text):
        lower = token.lower()
        if len(lower) >= 3 and not lower.isdigit():
            words.append(english_stem(lower))
        parts = _CAMEL_PART.findall(token)
        if len(parts) > 1:
            words.extend(english_stem(part.lower()) for part in parts if len(part) >= 2)
    return words


def term_variants(pairs: list[list[str]]) -> list[list[str]]:
    return term_lexicon(pairs)[0]


def term_lexicon(pairs: list[list[str]]) -> tuple[list[list[str]], dict[str, str]]:
    """Groups of Chinese words that render one English word in the (target, source) `pairs`.

    Also returns each Chinese word's rendering (its best English partner, Dice >= MIN_DICE).
    Both words of a group must render it (Dice >= MIN_DICE, and it is their best English partner), and they
    must stand in for each other: two parts of one compound (位 / 旗標) share their sentences,
    two renderings of one word seldom meet in the same sentence.
    """
    from kbtools.site.segmenter import chinese_segmenter

    jieba = chinese_segmenter()
    # jieba's own tokenizer, as the search plugin segments with it (its dictionary loads once).
    tokenizer = jieba.dt
    for term in TERMS:
        tokenizer.add_word(term, FREQUENCY)
    chinese: Counter[str] = Counter()
    english: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    sentences: dict[str, set[int]] = {}  # word -> the sentences that hold it
    for number, (target, source) in enumerate(pairs):
        if not target or not source:
            continue
        words = {word for word in tokenizer.cut(target) if _CJK_WORD.fullmatch(word)}
        sources = {w for w in english_words(source) if w not in _ENGLISH_STOP_WORDS}
        chinese.update(words)
        english.update(sources)
        together.update((word, source_word) for word in words for source_word in sources)
        for word in words:
            sentences.setdefault(word, set()).add(number)
    best_english: dict[str, tuple[float, str]] = {}
    for (word, source_word), count in together.items():
        if count < MIN_PAIRS:
            continue
        dice = 2 * count / (chinese[word] + english[source_word])
        if dice > best_english.get(word, (0.0, ""))[0]:
            best_english[word] = (dice, source_word)
    renderings: dict[str, list[str]] = {}
    for word, (dice, source_word) in sorted(best_english.items()):
        if dice >= MIN_DICE:
            renderings.setdefault(source_word, []).append(word)
    groups = []
    for words in renderings.values():
        # A word inside another (安裝 in 安裝程式) is a part, not a variant.
        words = [w for w in words if not any(w != other and w in other for other in words)]
        if len(words) < 2:
            continue
        apart = [
            word
            for word in words
            if all(
                len(sentences[word] & sentences[other]) <= MAX_SHARED * min(chinese[word], chinese[other])
                for other in words
                if other != word
            )
        ]
        if len(apart) > 1:
            groups.append(sorted(apart))
    return sorted(groups), {word: source for word, (dice, source) in sorted(best_english.items()) if dice >= MIN_DICE}
